import type { GraphQLSchema } from 'graphql';
import { BerichtenGebruiker } from './gebruiker.type.js';
import { buildFederatedSchema } from '../../lib/graphql/index.js';
import { GebruikerBerichtenResolver } from './bericht/berichten.resolver.js';
import { OverlapResolver } from './overlap/overlap.resolver.js';

/** The berichten subgraph's schema: `me`, `Gebruiker.berichten` and the public `overlap`. */
export function buildBerichtenSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    gebruiker: BerichtenGebruiker,
    resolvers: [GebruikerBerichtenResolver, OverlapResolver],
  });
}
