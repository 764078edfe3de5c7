import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { Bron, Portaal } from './index.js';
import zaak from './PortaalZaak.graphql';
import type { ZaakStapStand } from '../../../schema/generated/graphql.js';
// Enumerations as the generated types of schema/api.graphql have them (npm run codegen).
export type { ZaakStapStand } from '../../../schema/generated/graphql.js';

/*
 * The types of the fields the zaak page selects (PortaalZaak.graphql), written by hand against
 * schema/api.graphql. Keep them in step with that file.
 */

export interface ZaakStap {
  readonly volgnummer: number;
  readonly omschrijving: string;
  readonly stand: ZaakStapStand;
  readonly eindstatus: boolean;
}

export interface ZaakDocument {
  readonly titel: string;
  /** JJJJ-MM-DD. */
  readonly datum: string;
  /** A media type, e.g. "application/pdf". */
  readonly formaat: string | null;
  readonly bestandsnaam: string | null;
  /** In bytes. */
  readonly grootte: number | null;
  /** At the gateway; the page sends the resident to the portal's own route for it. */
  readonly link: string;
}

export interface ZaakInMijnOverheid {
  readonly omschrijving: string;
  readonly organisatie: string;
  readonly url: string;
  readonly status: { readonly statustekst: string; readonly datum: string } | null;
}

export interface ZaakDetail {
  readonly bronorganisatie: string;
  readonly identificatie: string;
  readonly omschrijving: string;
  readonly startdatum: string;
  readonly einddatum: string | null;
  readonly einddatumGepland: string | null;
  readonly uiterlijkeEinddatumAfdoening: string | null;
  readonly afgerond: boolean;
  readonly zaaktype: { readonly omschrijving: string; readonly uitleg: string | null } | null;
  readonly status: { readonly statustekst: string; readonly datum: string | null } | null;
  readonly resultaat: { readonly omschrijving: string } | null;
  readonly voortgang: readonly ZaakStap[] | null;
  readonly documenten: readonly ZaakDocument[] | null;
  readonly inMijnOverheid: ZaakInMijnOverheid | null;
  readonly portaal: Portaal;
}

export interface PortaalZaakQuery {
  readonly me: {
    readonly zaken: {
      readonly bron: Bron;
      readonly items: readonly ZaakDetail[];
    } | null;
  } | null;
}

export interface PortaalZaakVariables {
  /** The RSIN of the organisation that made the zaak. */
  readonly bronorganisatie: string;
  /** The zaaknummer. */
  readonly identificatie: string;
}

export const PortaalZaakDocument = zaak as unknown as TypedDocumentNode<PortaalZaakQuery, PortaalZaakVariables>;
