import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { PortaalZaakQuery, PortaalZaakQueryVariables } from '../../../schema/generated/graphql.js';
import type { Me } from './index.js';
import zaak from './PortaalZaak.graphql';

// The answer as `npm run codegen` types it from PortaalZaak.graphql, and its enumerations.
export type { PortaalZaakQuery, ZaakStapStand } from '../../../schema/generated/graphql.js';

/** One zaak with everything its page shows. */
export type ZaakDetail = NonNullable<Me<PortaalZaakQuery>['zaken']>['items'][number];
/** A step of the zaak's progress: done, current or to come. */
export type ZaakStap = NonNullable<ZaakDetail['voortgang']>[number];
/** A document of the zaak; `link` is at the gateway, the page sends the resident to the portal's own route. */
export type ZaakDocument = NonNullable<ZaakDetail['documenten']>[number];
/** The same zaak as MijnOverheid shows it. */
export type ZaakInMijnOverheid = NonNullable<ZaakDetail['inMijnOverheid']>;

/** The zaak by its bronorganisatie (RSIN) and identificatie (zaaknummer). */
export const PortaalZaakDocument = zaak as unknown as TypedDocumentNode<PortaalZaakQuery, PortaalZaakQueryVariables>;
