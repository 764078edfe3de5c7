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
}

/** Everything one simulated zaaksysteem holds: its own catalogus and zaken. */
export interface ZgwSeed {
  /** Seed name, also the UUID namespace (`gemeente-a`, `gemeente-b`). */
  name: string;
  /** Human name of the organisation. */
  organisatie: string;
  /** RSIN of the organisation: `bronorganisatie` and `verantwoordelijkeOrganisatie` of its zaken. */
  rsin: string;
  catalogus: { domein: string; naam: string };
  zaaktypen: ZaaktypeSeed[];
  zaken: ZaakSeed[];
}
