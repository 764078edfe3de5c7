import type { GraphQLSchema } from 'graphql';
import { BerichtenGebruiker } from './gebruiker.type.js';
import { buildFederatedSchema } from '../../lib/graphql/index.js';
import { GebruikerBerichtenResolver } from './bericht/berichten.resolver.js';

/** The berichten subgraph's schema: `me` and `Gebruiker.berichten`. */
export function buildBerichtenSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({ gebruiker: BerichtenGebruiker, resolvers: [GebruikerBerichtenResolver] });
}
