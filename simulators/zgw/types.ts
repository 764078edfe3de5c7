/**
 * Seed and record types of the ZGW simulator. Seeds are written by hand (`seeds/*.ts`) and refer
 * to each other by symbolic `key`s; the store turns them into records with stable UUIDs.
 */

import { VERTROUWELIJKHEDEN, type Vertrouwelijkheid } from '../../lib/zgw/types.js';

/** Confidentiality levels, least to most restricted (the order matters for filtering). */
export const VERTROUWELIJKHEID = VERTROUWELIJKHEDEN;
export type { Vertrouwelijkheid };

export const ROL_OMSCHRIJVING_GENERIEK = [
  'adviseur',
  'behandelaar',
  'belanghebbende',
  'beslisser',
  'initiator',
  'klantcontacter',
  'zaakcoordinator',
  'mede_initiator',
] as const;
export type RolOmschrijvingGeneriek = (typeof ROL_OMSCHRIJVING_GENERIEK)[number];

export const BETROKKENE_TYPES = [
  'natuurlijk_persoon',
  'niet_natuurlijk_persoon',
  'vestiging',
  'organisatorische_eenheid',
  'medewerker',
] as const;
export type BetrokkeneType = (typeof BETROKKENE_TYPES)[number];

export interface StatustypeSeed {
  key: string;
  omschrijving: string;
  /** The text a citizen is sent when the zaak reaches this status. */
  statustekst: string;
  /** Whether the initiator is to be informed when the zaak reaches this status. */
  informeren: boolean;
}

export interface ResultaattypeSeed {
  key: string;
  omschrijving: string;
  omschrijvingGeneriek: string;
  archiefnominatie: 'blijvend_bewaren' | 'vernietigen';
}

export interface ZaaktypeSeed {
  key: string;
  identificatie: string;
  omschrijving: string;
  /** The catalogus `toelichting`; where given, a plain-language explanation for residents. */
  toelichting?: string;
  indicatieInternOfExtern: 'intern' | 'extern';
  vertrouwelijkheidaanduiding: Vertrouwelijkheid;
  doel: string;
  aanleiding: string;
  onderwerp: string;
  handelingInitiator: string;
  handelingBehandelaar: string;
  /** ISO 8601 duration, e.g. `P8W`. */
  doorlooptijd: string;
  productenOfDiensten?: string[];
  /** In order: `volgnummer` is the position (1-based); the last one is the eindstatus. */
  statustypen: StatustypeSeed[];
  resultaattypen: ResultaattypeSeed[];
}

export interface NatuurlijkPersoonSeed {
  inpBsn: string;
  geslachtsnaam: string;
  voorvoegselGeslachtsnaam?: string;
  voornamen: string;
  voorletters: string;
  geslachtsaanduiding: 'm' | 'v' | 'o';
}

export interface NietNatuurlijkPersoonSeed {
  innNnpId: string;
  statutaireNaam: string;
  kvkNummer?: string;
  vestigingsNummer?: string;
  innRechtsvorm?: string;
}

export interface VestigingSeed {
  vestigingsNummer: string;
  kvkNummer: string;
  handelsnaam: string[];
}

export interface MedewerkerSeed {
  identificatie: string;
  achternaam: string;
  voorletters: string;
  voorvoegselAchternaam?: string;
}

/** A betrokkene in one of the shapes the Zaken API knows. */
export type BetrokkeneSeed =
  | { natuurlijkPersoon: NatuurlijkPersoonSeed }
  | { nietNatuurlijkPersoon: NietNatuurlijkPersoonSeed }
  | { vestiging: VestigingSeed }
  | { medewerker: MedewerkerSeed };

export type RolSeed = BetrokkeneSeed & { omschrijvingGeneriek: RolOmschrijvingGeneriek; roltoelichting?: string };

export interface ZaakSeed {
  key: string;
  identificatie: string;
  /** Defaults to the gemeente's RSIN; set for a zaak registered by another organisation. */
  bronorganisatie?: string;
  /** Key of a zaaktype of the same seed. */
  zaaktype: string;
  omschrijving: string;
  toelichting?: string;
  registratiedatum: string;
  startdatum: string;
  einddatumGepland?: string;
  uiterlijkeEinddatumAfdoening?: string;
  /** Defaults to the zaaktype's. */
  vertrouwelijkheidaanduiding?: Vertrouwelijkheid;
  /** Status history, oldest first: statustype key, when it was set (ISO date-time), toelichting. */
  statussen: { statustype: string; gezet: string; toelichting?: string }[];
  resultaat?: { resultaattype: string; toelichting: string };
  rollen: RolSeed[];
  /** Documents of the zaak (Documenten API), linked to it by a zaakinformatieobject. */
  documenten?: DocumentSeed[];
}

/** `status` of an informatieobject (Documenten API). */
export type DocumentStatus = 'in_bewerking' | 'ter_vaststelling' | 'definitief' | 'gearchiveerd';

/** A document (`EnkelvoudigInformatieObject`) with its content. */
export interface DocumentSeed {
  key: string;
  titel: string;
  /** Date in the document's life (JJJJ-MM-DD). */
  creatiedatum: string;
  bestandsnaam: string;
  /** Media type, e.g. `application/pdf`. */
  formaat: string;
  vertrouwelijkheidaanduiding: Vertrouwelijkheid;
  status: DocumentStatus;
  auteur: string;
  beschrijving?: string;
  /** The content: text, stored as UTF-8 (PDFs are built from it, see `seeds/documents.ts`). */
  inhoud: string;
}

/** Everything one simulated zaaksysteem holds: its own catalogus and zaken. */
export interface ZgwSeed {
  /** Seed name, also the UUID namespace (`gemeente-a`, `gemeente-b`). */
  name: string;
  /** Human name of the organisation. */
  organisatie: string;
  /** RSIN of the organisation: `bronorganisatie` and `verantwoordelijkeOrganisatie` of its zaken. */
  rsin: string;
  /**
   * Whether this zaaksysteem is Open Zaak (with its KvK filters) or a standard Zaken API 1.5.1
   * that knows organisations only by RSIN and vestigingsnummer. Default true.
   */
  kvkFilters?: boolean;
  catalogus: { domein: string; naam: string };
  zaaktypen: ZaaktypeSeed[];
  zaken: ZaakSeed[];
}
