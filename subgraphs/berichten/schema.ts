import type { GraphQLSchema } from 'graphql';
import { BerichtenGebruiker } from './gebruiker.type.js';
import { buildFederatedSchema } from '../../lib/graphql/index.js';
import { BerichtMutationResolver, GebruikerBerichtenResolver } from './bericht/berichten.resolver.js';
import { BijlageResolver } from './bericht/bijlage.resolver.js';
import { OverlapResolver } from './overlap/overlap.resolver.js';
import { ZaakMijnOverheidResolver } from './zaak/zaak.resolver.js';
import { resolveZaakReference } from './zaak/zaak.reference.js';

/**
 * The berichten (MijnOverheid) subgraph's schema: `me`, `Gebruiker.berichten`, the mutation
 * `markeerBerichtGelezen`, what MijnOverheid adds to a `Zaak`, and the public `overlap`.
 */
export function buildBerichtenSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    gebruiker: BerichtenGebruiker,
    resolvers: [
      GebruikerBerichtenResolver,
      BerichtMutationResolver,
      BijlageResolver,
      ZaakMijnOverheidResolver,
      OverlapResolver,
    ],
    referenceResolvers: { Zaak: resolveZaakReference },
  });
}
