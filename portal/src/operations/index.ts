import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import overzicht from './PortaalOverzicht.graphql';
import zaken from './PortaalZaken.graphql';
import type {
  PortaalOverzichtQuery,
  PortaalZakenQuery,
  PortaalZakenQueryVariables,
} from '../../../schema/generated/graphql.js';
// What the pages select, as `npm run codegen` types it from schema/api.graphql and the .graphql
// files next to this one: a field added to an operation is typed without writing it twice.
export type {
  PortaalNaam,
  Betrouwbaarheidsniveau as Niveau,
  BronStatusCode,
  PortaalOverzichtQuery,
  PortaalZakenQuery,
} from '../../../schema/generated/graphql.js';

/** `me` of an operation's answer, when there is one. */
export type Me<Q extends { readonly me: unknown }> = NonNullable<Q['me']>;

/** Which portal owns an item, and where else it shows (`portaal` on every item). */
export type Portaal = NonNullable<Me<PortaalZakenQuery>['zaken']>['items'][number]['portaal'];

/** How a section's source answered (`bron` on every section). */
export type Bron = NonNullable<Me<PortaalZakenQuery>['zaken']>['bron'];

export const PortaalOverzichtDocument = overzicht as unknown as TypedDocumentNode<
  PortaalOverzichtQuery,
  Record<string, never>
>;
export const PortaalZakenDocument = zaken as unknown as TypedDocumentNode<
  PortaalZakenQuery,
  PortaalZakenQueryVariables
>;
