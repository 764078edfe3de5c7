import type { GraphQLSchema } from 'graphql';
import { ZakenGebruiker } from './gebruiker.type.js';
import { buildFederatedSchema } from '../../lib/graphql/index.js';
import { resolveZaakReference } from './zaak/zaak.reference.js';
import { ZaakResolver } from './zaak/zaak.resolver.js';
import { GebruikerZakenResolver } from './zaak/zaken.resolver.js';

/** The zaken subgraph's schema: `me`, `Gebruiker.zaken` and the `Zaak` entity. */
export function buildZakenSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    gebruiker: ZakenGebruiker,
    resolvers: [GebruikerZakenResolver, ZaakResolver],
    referenceResolvers: { Zaak: resolveZaakReference },
  });
}
