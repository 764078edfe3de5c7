import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { Bron, Niveau, Portaal } from './index.js';
import gegevens from './PortaalGegevens.graphql';
import type { DatumSoort } from '../../../schema/generated/graphql.js';
// Enumerations as the generated types of schema/api.graphql have them (npm run codegen).
export type { DatumSoort } from '../../../schema/generated/graphql.js';

/*
 * The types of the fields the Mijn gegevens page selects (PortaalGegevens.graphql), written by
 * hand against schema/api.graphql. Keep them in step with that file.
 */

export interface BrpDatum {
  readonly soort: DatumSoort;
  /** "1 december 1985", "december 1985", "1985" or "onbekend". */
  readonly langFormaat: string;
}

export interface InOnderzoek {
  readonly melding: string;
  /** The fields of the part under investigation; empty when the BRP does not say which. */
  readonly velden: readonly string[];
  readonly sinds: BrpDatum | null;
}

export interface WijzigInstructie {
  readonly manier: 'CORRECTIE_VRAGEN' | 'VERHUIZING_DOORGEVEN';
  readonly uitleg: string;
  readonly url: string | null;
}

export interface Verwant {
  readonly naam: { readonly volledigeNaam: string | null } | null;
  readonly geboortedatum: BrpDatum | null;
  readonly inOnderzoek: InOnderzoek | null;
}

export interface Partner extends Verwant {
  readonly soortVerbintenis: 'HUWELIJK' | 'GEREGISTREERD_PARTNERSCHAP' | 'ONBEKEND' | null;
  readonly aangegaanOp: BrpDatum | null;
  readonly ontbondenOp: BrpDatum | null;
}

export interface Persoonsgegevens {
  readonly bron: Bron;
  readonly portaal: Portaal;
  readonly naam: {
    readonly volledigeNaam: string | null;
    readonly voornamen: string | null;
    readonly voorvoegsel: string | null;
    readonly geslachtsnaam: string | null;
    readonly adellijkeTitel: { readonly omschrijving: string } | null;
    readonly inOnderzoek: InOnderzoek | null;
  } | null;
  readonly geboorte: {
    readonly datum: BrpDatum | null;
    readonly plaats: string | null;
    readonly land: string | null;
    readonly leeftijd: number | null;
    readonly inOnderzoek: InOnderzoek | null;
  } | null;
  readonly verblijfplaats: {
    readonly soort: 'ADRES' | 'BUITENLAND' | 'LOCATIE' | 'ONBEKEND' | null;
    readonly straat: string | null;
    readonly huisnummer: number | null;
    readonly huisletter: string | null;
    readonly huisnummertoevoeging: string | null;
    readonly aanduidingBijHuisnummer: string | null;
    readonly postcode: string | null;
    readonly woonplaats: string | null;
    readonly locatiebeschrijving: string | null;
    readonly regels: readonly string[] | null;
    readonly land: string | null;
    readonly sinds: BrpDatum | null;
    readonly verblijftNietOpAdres: boolean | null;
    readonly inOnderzoek: InOnderzoek | null;
  } | null;
  readonly adressering: {
    readonly adresregel1: string | null;
    readonly adresregel2: string | null;
    readonly adresregel3: string | null;
    readonly land: string | null;
    readonly aanhef: string | null;
    readonly inOnderzoek: InOnderzoek | null;
  } | null;
  readonly gemeenteVanInschrijving: {
    readonly naam: string | null;
    readonly ingeschrevenSinds: BrpDatum | null;
    readonly inOnderzoek: InOnderzoek | null;
  } | null;
  readonly nationaliteiten:
    | readonly {
        readonly omschrijving: string | null;
        readonly sinds: BrpDatum | null;
        readonly inOnderzoek: InOnderzoek | null;
      }[]
    | null;
  readonly burgerlijkeStaat: {
    readonly omschrijving: string;
    readonly sinds: BrpDatum | null;
    readonly inOnderzoek: InOnderzoek | null;
  } | null;
  readonly partners: readonly Partner[] | null;
  readonly kinderen: readonly Verwant[] | null;
  readonly ouders: readonly Verwant[] | null;
  readonly overlijden: {
    readonly datum: BrpDatum | null;
    readonly plaats: string | null;
    readonly land: string | null;
    readonly inOnderzoek: InOnderzoek | null;
  } | null;
  readonly geheimhouding: { readonly ingesteld: boolean; readonly uitleg: string } | null;
  readonly wijzigen: {
    readonly naam: WijzigInstructie;
    readonly geboorte: WijzigInstructie;
    readonly verblijfplaats: WijzigInstructie;
    readonly burgerlijkeStaat: WijzigInstructie;
    readonly kinderen: WijzigInstructie;
    readonly ouders: WijzigInstructie;
    readonly nationaliteiten: WijzigInstructie;
  } | null;
}

export interface PortaalGegevensQuery {
  readonly me: {
    readonly authenticatie: { readonly middel: 'DIGID' | 'EHERKENNING'; readonly niveau: Niveau };
    readonly persoonsgegevens: Persoonsgegevens | null;
  } | null;
}

export const PortaalGegevensDocument = gegevens as unknown as TypedDocumentNode<
  PortaalGegevensQuery,
  Record<string, never>
>;
