import type { GraphQLSchema } from 'graphql';
import { BrpGebruiker } from './gebruiker.type.js';
import { buildFederatedSchema } from '../../lib/graphql/index.js';
import {
  GebruikerPersoonsgegevensResolver,
  PersoonsgegevensResolver,
} from './persoonsgegevens/persoonsgegevens.resolver.js';

/** The BRP subgraph's schema: `me` and `Gebruiker.persoonsgegevens`. */
export function buildBrpSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    gebruiker: BrpGebruiker,
    resolvers: [GebruikerPersoonsgegevensResolver, PersoonsgegevensResolver],
  });
}
