import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import overzicht from './PortaalOverzicht.graphql';
import zaken from './PortaalZaken.graphql';
import type {
  PortaalNaam,
  Betrouwbaarheidsniveau as Niveau,
  BronStatusCode,
} from '../../../schema/generated/graphql.js';
// Enumerations as the generated types of schema/api.graphql have them (npm run codegen).
export type {
  PortaalNaam,
  Betrouwbaarheidsniveau as Niveau,
  BronStatusCode,
} from '../../../schema/generated/graphql.js';

/*
 * The types of the fields the pages select, written by hand against schema/api.graphql (the
 * enumerations above are generated). Keep them in step with the .graphql files next to this one.
 */

export interface Portaal {
  readonly eigenaar: PortaalNaam;
  readonly ookZichtbaarIn: readonly PortaalNaam[];
  readonly url: string | null;
  readonly uitleg: string;
}

export interface Bron {
  readonly status: BronStatusCode;
  readonly melding: string | null;
}

export interface PortaalOverzichtQuery {
  readonly me: {
    readonly authenticatie: { readonly middel: 'DIGID' | 'EHERKENNING'; readonly niveau: Niveau };
    readonly persoonsgegevens: {
      readonly bron: Bron;
      readonly naam: { readonly volledigeNaam: string | null } | null;
      readonly adressering: {
        readonly adresregel1: string | null;
        readonly adresregel2: string | null;
        readonly adresregel3: string | null;
        readonly land: string | null;
      } | null;
      readonly portaal: Portaal;
    } | null;
    readonly zaken: {
      readonly bron: Bron;
      readonly totaal: number;
      readonly items: readonly {
        readonly bronorganisatie: string;
        readonly identificatie: string;
        readonly omschrijving: string;
        readonly status: { readonly statustekst: string } | null;
        readonly portaal: Portaal;
      }[];
    } | null;
    readonly berichten: {
      readonly bron: Bron;
      readonly ongelezen: number;
      readonly items: readonly {
        readonly id: string;
        readonly onderwerp: string;
        readonly afzender: string;
        readonly ontvangen: string;
        readonly gelezen: boolean;
        readonly portaal: Portaal;
      }[];
    } | null;
  } | null;
}

export interface PortaalZakenQuery {
  readonly me: {
    readonly zaken: {
      readonly bron: Bron;
      readonly totaal: number;
      readonly volgende: string | null;
      readonly items: readonly {
        readonly bronorganisatie: string;
        readonly identificatie: string;
        readonly omschrijving: string;
        readonly startdatum: string;
        readonly einddatum: string | null;
        readonly afgerond: boolean;
        readonly zaaktype: { readonly omschrijving: string } | null;
        readonly status: { readonly statustekst: string } | null;
        readonly portaal: Portaal;
      }[];
    } | null;
  } | null;
}

export interface PortaalZakenVariables {
  readonly na?: string;
}

export const PortaalOverzichtDocument = overzicht as unknown as TypedDocumentNode<
  PortaalOverzichtQuery,
  Record<string, never>
>;
export const PortaalZakenDocument = zaken as unknown as TypedDocumentNode<PortaalZakenQuery, PortaalZakenVariables>;
