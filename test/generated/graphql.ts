/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Betrouwbaarheidsniveau van de inlog, van laag naar hoog (eIDAS). */
export type Betrouwbaarheidsniveau =
  | 'BASIS'
  | 'HOOG'
  | 'MIDDEN'
  | 'SUBSTANTIEEL';

/** Of de gegevens van een bron volledig zijn opgehaald. */
export type BronStatusCode =
  /** De bron gaf geen antwoord; er zijn geen gegevens. */
  | 'NIET_BESCHIKBAAR'
  /** Deze gegevens horen niet bij deze manier van inloggen. */
  | 'NIET_VAN_TOEPASSING'
  /** Alles is opgehaald. */
  | 'OK'
  /** Een deel is opgehaald; een van de bronnen gaf geen antwoord. */
  | 'ONVOLLEDIG';

/** Inwoner (DigiD) of ondernemer (eHerkenning). */
export type GebruikerSoort =
  | 'INWONER'
  | 'ONDERNEMER';

/** Waarmee de gebruiker is ingelogd. */
export type Inlogmiddel =
  | 'DIGID'
  | 'EHERKENNING';

/** Een portaal waar een inwoner of ondernemer gegevens kan zien. */
export type PortaalNaam =
  /** De Mijn-Omgeving van de gemeente. */
  | 'GEMEENTE'
  /** MijnOverheid (Berichtenbox, Lopende zaken, Persoonlijke gegevens). */
  | 'MIJN_OVERHEID';

export type MijnOverzichtQueryVariables = Exact<{ [key: string]: never; }>;


export type MijnOverzichtQuery = { me: { id: string, soort: GebruikerSoort, authenticatie: { middel: Inlogmiddel, niveau: Betrouwbaarheidsniveau }, persoonsgegevens: { bron: { naam: string, status: BronStatusCode, melding: string | null }, naam: { volledigeNaam: string | null } | null, adressering: { adresregel1: string | null, adresregel2: string | null } | null, portaal: { eigenaar: PortaalNaam, ookZichtbaarIn: Array<PortaalNaam> } }, zaken: { bron: { status: BronStatusCode, melding: string | null }, bronnen: Array<{ naam: string, status: BronStatusCode, melding: string | null }>, items: Array<{ bronorganisatie: string, identificatie: string, omschrijving: string, status: { statustekst: string } | null, portaal: { eigenaar: PortaalNaam } }> }, berichten: { ongelezen: number, bron: { status: BronStatusCode, melding: string | null }, items: Array<{ onderwerp: string, afzender: string, portaal: { eigenaar: PortaalNaam } }> }, voorkeuren: { bron: { status: BronStatusCode } } } | null };


export const MijnOverzichtDocument = {"__meta__":{"hash":"sha256:83ffe2fed789247b9952ed1623157c2474c0052d04e292ca789c060c9fc2e165"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MijnOverzicht"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"soort"}},{"kind":"Field","name":{"kind":"Name","value":"authenticatie"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"middel"}},{"kind":"Field","name":{"kind":"Name","value":"niveau"}}]}},{"kind":"Field","name":{"kind":"Name","value":"persoonsgegevens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bron"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"naam"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"melding"}}]}},{"kind":"Field","name":{"kind":"Name","value":"naam"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"volledigeNaam"}}]}},{"kind":"Field","name":{"kind":"Name","value":"adressering"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adresregel1"}},{"kind":"Field","name":{"kind":"Name","value":"adresregel2"}}]}},{"kind":"Field","name":{"kind":"Name","value":"portaal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eigenaar"}},{"kind":"Field","name":{"kind":"Name","value":"ookZichtbaarIn"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"zaken"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bron"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"melding"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bronnen"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"naam"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"melding"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bronorganisatie"}},{"kind":"Field","name":{"kind":"Name","value":"identificatie"}},{"kind":"Field","name":{"kind":"Name","value":"omschrijving"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"statustekst"}}]}},{"kind":"Field","name":{"kind":"Name","value":"portaal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eigenaar"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"berichten"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bron"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"melding"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ongelezen"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"onderwerp"}},{"kind":"Field","name":{"kind":"Name","value":"afzender"}},{"kind":"Field","name":{"kind":"Name","value":"portaal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eigenaar"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"voorkeuren"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bron"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MijnOverzichtQuery, MijnOverzichtQueryVariables>;