import type { GraphQLSchema } from 'graphql';
import { VoorkeurenGebruiker } from './gebruiker.type.js';
import { buildFederatedSchema } from '../../lib/graphql/index.js';
import { GebruikerVoorkeurenResolver, VoorkeurenMutationResolver } from './voorkeur/voorkeuren.resolver.js';

/** The voorkeuren subgraph's schema: `me`, `Gebruiker.voorkeuren` and the change mutation. */
export function buildVoorkeurenSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    gebruiker: VoorkeurenGebruiker,
    resolvers: [GebruikerVoorkeurenResolver, VoorkeurenMutationResolver],
  });
}
