import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { Bron, Portaal } from './index.js';
import berichten from './PortaalBerichten.graphql';

/*
 * The types of the fields the Berichten page selects (PortaalBerichten.graphql), written by hand
 * against schema/api.graphql. Keep them in step with that file.
 */

export interface Bericht {
  readonly id: string;
  readonly onderwerp: string;
  readonly afzender: string;
  /** ISO 8601. */
  readonly ontvangen: string;
  readonly gelezen: boolean;
  /** The folder the resident put it in, e.g. "archief". */
  readonly map: string | null;
  readonly aantalBijlagen: number;
  /** A lopende zaak of another organisation this bericht belongs to. */
  readonly lopendeZaak: { readonly omschrijving: string; readonly organisatie: string } | null;
  /** The gemeente's own zaak this bericht belongs to. */
  readonly zaak: {
    readonly bronorganisatie: string;
    readonly identificatie: string;
    readonly omschrijving: string;
    readonly startdatum: string;
  } | null;
  readonly portaal: Portaal;
}

export interface PortaalBerichtenQuery {
  readonly me: {
    readonly berichten: {
      readonly bron: Bron;
      readonly ongelezen: number;
      readonly items: readonly Bericht[];
    } | null;
  } | null;
}

export const PortaalBerichtenDocument = berichten as unknown as TypedDocumentNode<
  PortaalBerichtenQuery,
  Record<string, never>
>;
