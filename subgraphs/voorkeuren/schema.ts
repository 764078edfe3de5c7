import type { GraphQLSchema } from 'graphql';
import { VoorkeurenGebruiker } from './gebruiker.type.js';
import { buildFederatedSchema } from '../../lib/graphql/index.js';
import { ContactgegevenMutationResolver } from './contactgegeven/contactgegeven.resolver.js';
import { GebruikerMeldingenResolver } from './melding/melding.resolver.js';
import { GebruikerVerwerkingenResolver } from './verwerking/verwerking.resolver.js';
import {
  GebruikerVoorkeurenResolver,
  VoorkeurenHistorieResolver,
  VoorkeurenMutationResolver,
} from './voorkeur/voorkeuren.resolver.js';

/**
 * The voorkeuren subgraph's schema: `me`, `Gebruiker.voorkeuren`, `meldingen` and `verwerkingen`,
 * and the mutations for preferences and contacts.
 */
export function buildVoorkeurenSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    gebruiker: VoorkeurenGebruiker,
    resolvers: [
      GebruikerVoorkeurenResolver,
      VoorkeurenHistorieResolver,
      VoorkeurenMutationResolver,
      ContactgegevenMutationResolver,
      GebruikerMeldingenResolver,
      GebruikerVerwerkingenResolver,
    ],
  });
}
