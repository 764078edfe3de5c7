import type { GraphQLSchema } from 'graphql';
import { ZakenGebruiker } from './gebruiker.type.js';
import { buildFederatedSchema } from '../../lib/graphql/index.js';
import { GebruikerZakenResolver } from './zaak/zaken.resolver.js';

/** The zaken subgraph's schema: `me` and `Gebruiker.zaken`. */
export function buildZakenSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    gebruiker: ZakenGebruiker,
    resolvers: [GebruikerZakenResolver],
    referenceResolvers: {
      // A Zaak reference is only resolvable for the caller's own zaken; until another subgraph
      // attaches to Zaak (MijnOverheid issue) nothing references it.
      Zaak: () => null,
    },
  });
}
