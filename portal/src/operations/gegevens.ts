import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type {
  GegevensDatumFragment,
  GegevensOnderzoekFragment,
  GegevensWijzigenFragment,
  PortaalGegevensQuery,
  PortaalGegevensQueryVariables,
} from '../../../schema/generated/graphql.js';
import type { Me } from './index.js';
import gegevens from './PortaalGegevens.graphql';

// The answer as `npm run codegen` types it from PortaalGegevens.graphql, and its enumerations.
export type { DatumSoort, PortaalGegevensQuery } from '../../../schema/generated/graphql.js';

/** The BRP section of `me`, every part the page shows. */
export type Persoonsgegevens = NonNullable<Me<PortaalGegevensQuery>['persoonsgegevens']>;
/** A BRP date: `langFormaat` is "1 december 1985", "december 1985", "1985" or "onbekend". */
export type BrpDatum = GegevensDatumFragment;
/** A part under investigation; `velden` is empty when the BRP does not say which fields. */
export type InOnderzoek = GegevensOnderzoekFragment;
/** How the resident has a part corrected, in the API's words. */
export type WijzigInstructie = GegevensWijzigenFragment;
/** A parent or child. */
export type Verwant = NonNullable<Persoonsgegevens['ouders']>[number];
/** A (former) spouse or registered partner. */
export type Partner = NonNullable<Persoonsgegevens['partners']>[number];

export const PortaalGegevensDocument = gegevens as unknown as TypedDocumentNode<
  PortaalGegevensQuery,
  PortaalGegevensQueryVariables
>;
