import type { DeliveryOutcome } from '../../../lib/notifynl/index.js';
import type { Wijziging } from './historie.js';
import type { ContactSoortCode, TaalCode, VoorkeurenKeuze } from '../voorkeur/keuzes.js';

export {
  CONTACT_SOORTEN,
  KANALEN,
  ONDERWERPEN,
  STANDAARD_VOORKEUREN,
  TALEN,
  type ContactSoortCode,
  type KanaalNaam,
  type OnderwerpCode,
  type StoredUitzondering,
  type TaalCode,
  type VoorkeurenKeuze,
} from '../voorkeur/keuzes.js';

/** A resident's stored preferences, keyed by the pseudonymous `Gebruiker.id` (never the BSN). */
export interface StoredVoorkeuren extends VoorkeurenKeuze {
  readonly gewijzigdOp: Date;
}

/** A contact detail as its owner sees it: decrypted, with its verification state. */
export interface StoredContactgegeven {
  readonly id: string;
  readonly soort: ContactSoortCode;
  /** The normalised address or E.164 number. */
  readonly waarde: string;
  readonly standaard: boolean;
  readonly toegevoegdOp: Date;
  /** Null until the resident entered the right code. An unverified detail is never used for meldingen. */
  readonly geverifieerdOp: Date | null;
  /** Set when NotifyNL reported a permanent delivery failure to this detail. */
  readonly onbestelbaarSinds: Date | null;
  /** The open verification, if a code was sent and not yet used. */
  readonly verificatie: { readonly verlooptOp: Date; readonly pogingen: number } | null;
}

/** A change of preferences or contact details, as the resident sees it in `historie`. */
export interface HistorieRegel {
  readonly id: string;
  readonly op: Date;
  /** INWONER: the resident did it; SYSTEEM: we did it (e.g. marked an address that bounced). */
  readonly door: 'INWONER' | 'SYSTEEM';
  readonly wijzigingen: readonly Wijziging[];
}

/** The limits of verification by code (configuration). */
export interface VerificatieBeleid {
  /** How long a code is valid. */
  readonly geldigMs: number;
  /** Wrong codes allowed per code sent. */
  readonly maxPogingen: number;
  /** Codes a resident may have sent within {@link verzendvensterMs}, over all their contact details. */
  readonly maxVerzendingen: number;
  readonly verzendvensterMs: number;
  /** Contact details per kind (e-mail, phone) a resident may have. */
  readonly maxPerSoort: number;
}

/** How long data is kept after it stopped being needed (configuration). */
export interface Bewaartermijnen {
  /** Verification codes after they expired, and the log of codes sent (at least the resend window). */
  readonly verificatieMs: number;
  /** Contact details that were never verified, counted from when they were added. */
  readonly ongeverifieerdMs: number;
  /** Entries of the history of changes. */
  readonly historieMs: number;
  /** Entries of the verwerkingenlog (who read the resident's data), counted from the read. */
  readonly verwerkingenMs: number;
}

/** A code the store has recorded and the caller must now send; confirm or cancel it afterwards. */
export interface GeplandeVerzending {
  /** Our reference for NotifyNL (comes back in its delivery receipt). */
  readonly referentie: string;
  readonly contact: StoredContactgegeven;
  /** The resident's language: which template to use. */
  readonly taal: TaalCode;
}

export type ToevoegResultaat =
  | { readonly ok: true; readonly verzending: GeplandeVerzending }
  | { readonly ok: false; readonly reden: 'BESTAAT_AL' | 'TE_VEEL' | 'TE_VAAK_VERSTUURD' };

export type OpnieuwResultaat =
  | { readonly ok: true; readonly verzending: GeplandeVerzending }
  | { readonly ok: false; readonly reden: 'NIET_GEVONDEN' | 'AL_GEVERIFIEERD' | 'TE_VAAK_VERSTUURD' };

export type VerifieerResultaat =
  | { readonly ok: true; readonly contact: StoredContactgegeven }
  | { readonly ok: false; readonly reden: 'NIET_GEVONDEN' | 'VERLOPEN' | 'TE_VEEL_POGINGEN' }
  | { readonly ok: false; readonly reden: 'ONJUIST'; readonly pogingenOver: number };

export type StandaardResultaat =
  { readonly ok: true } | { readonly ok: false; readonly reden: 'NIET_GEVONDEN' | 'NIET_GEVERIFIEERD' };

export type VerwijderResultaat = { readonly ok: true } | { readonly ok: false; readonly reden: 'NIET_GEVONDEN' };

/** What a delivery receipt changed. */
export type AfleverResultaat = 'ONBEKEND' | 'GENOTEERD' | 'ONBESTELBAAR_GEMARKEERD' | 'HERSTELD';

/** Rows removed by {@link VoorkeurenStore.schoonOp}, per kind. */
export interface OpschoonResultaat {
  readonly verificaties: number;
  readonly verzendingen: number;
  readonly contactgegevens: number;
  readonly historie: number;
  readonly verwerkingen: number;
}

/** The sources whose reads the verwerkingenlog records (the gateway names them). */
export const VERWERKING_BRONNEN = ['BRP', 'ZAKEN', 'MIJNOVERHEID'] as const;
export type VerwerkingBronCode = (typeof VERWERKING_BRONNEN)[number];
/** How someone acting for the resident logged in, when it was not the resident who read. */
export const VERWERKING_NAMENS = ['DIGID_MACHTIGEN', 'EHERKENNING_KETENMACHTIGING'] as const;
export type VerwerkingNamens = (typeof VERWERKING_NAMENS)[number];

/** One read of a resident's data through the gateway: one source, one request. */
export interface StoredVerwerking {
  /** The gateway's id of the record: delivered twice, it is stored once. */
  readonly id: string;
  readonly gebruikerId: string;
  readonly tijdstip: Date;
  readonly bron: VerwerkingBronCode;
  /** What was read, as the gateway's dotted paths (`persoonsgegevens.naam`); labelled when shown. */
  readonly gegevens: readonly string[];
  readonly doel: string;
  readonly verzoekId: string;
  /** Set when someone acting for the resident under a machtiging read, null when the resident did. */
  readonly namens: VerwerkingNamens | null;
}

/** Where a page of the verwerkingenlog starts: right after this entry (newest first). */
export interface VerwerkingSleutel {
  readonly tijdstip: Date;
  readonly id: string;
}

/** One page of a resident's verwerkingenlog, newest first. */
export interface VerwerkingenPagina {
  readonly items: readonly StoredVerwerking[];
  /** Where the next page starts; null when this is the last. */
  readonly volgende: VerwerkingSleutel | null;
}

/** The default, verified, deliverable address and number of a resident: what meldingen may use. */
export interface BruikbareContactgegevens {
  readonly EMAIL?: { readonly id: string; readonly waarde: string };
  readonly TELEFOON?: { readonly id: string; readonly waarde: string };
}

/**
 * The voorkeuren store: preferences, contact details with verification, the history of
 * changes and the verwerkingenlog, per resident pseudonym. Every method that writes is one transaction; methods that
 * decide on limits (attempts, resends, one default) decide inside it, serialised per resident,
 * and return the outcome as data so a counted attempt is committed even when it fails.
 * Implementations: SQLite (embedded) and PostgreSQL, see `open.ts`.
 */
export interface VoorkeurenStore extends AsyncDisposable {
  voorkeuren(gebruikerId: string): Promise<StoredVoorkeuren | null>;
  /**
   * Applies `wijzig` to the current choice (or the defaults) and stores the result with a
   * history entry of what changed. `wijzig` must be pure: it runs inside the transaction.
   */
  wijzigVoorkeuren(
    gebruikerId: string,
    wijzig: (huidig: VoorkeurenKeuze) => VoorkeurenKeuze,
    now: Date,
  ): Promise<StoredVoorkeuren>;
  /** The newest `aantal` history entries, newest first. */
  historie(gebruikerId: string, aantal: number): Promise<HistorieRegel[]>;

  /** E-mail addresses first, then phone numbers; within a kind the default first, then oldest first. */
  contactgegevens(gebruikerId: string): Promise<StoredContactgegeven[]>;
  /** What meldingen may use (part B): the default per kind, only when verified and not bounced. */
  bruikbareContactgegevens(gebruikerId: string): Promise<BruikbareContactgegevens>;
  /**
   * Adds an (already validated and normalised) detail with a verification code, storing only
   * the code's keyed hash, and reserves a send under the resend limit.
   */
  voegContactgegevenToe(
    gebruikerId: string,
    soort: ContactSoortCode,
    waarde: string,
    code: string,
    beleid: VerificatieBeleid,
    now: Date,
  ): Promise<ToevoegResultaat>;
  /** Replaces the open code with a new one (attempts start again) and reserves a send. */
  stuurCodeOpnieuw(
    gebruikerId: string,
    contactId: string,
    code: string,
    beleid: VerificatieBeleid,
    now: Date,
  ): Promise<OpnieuwResultaat>;
  /** Records that NotifyNL accepted a reserved send. */
  bevestigVerzending(referentie: string, notifyId: string): Promise<void>;
  /** Drops a reserved send that NotifyNL did not accept, so it does not count towards the limit. */
  annuleerVerzending(referentie: string): Promise<void>;
  /** Checks a code, counting the attempt; the first verified detail of a kind becomes the default. */
  verifieer(
    gebruikerId: string,
    contactId: string,
    code: string,
    beleid: VerificatieBeleid,
    now: Date,
  ): Promise<VerifieerResultaat>;
  maakStandaard(gebruikerId: string, contactId: string, now: Date): Promise<StandaardResultaat>;
  /** Deletes the detail and its code; a verified one of the same kind becomes the default if this was it. */
  verwijderContactgegeven(gebruikerId: string, contactId: string, now: Date): Promise<VerwijderResultaat>;
  /** Applies a NotifyNL delivery receipt for one of our sends. */
  registreerAfleverstatus(referentie: string, uitkomst: DeliveryOutcome, now: Date): Promise<AfleverResultaat>;
  /**
   * Applies a NotifyNL delivery receipt of a melding (part B) to the contact detail it went to,
   * as {@link registreerAfleverstatus} does for codes: a bounce marks it, a later delivery clears it.
   */
  registreerMeldingAfleverstatus(
    contactId: string,
    verzondenOp: Date,
    uitkomst: DeliveryOutcome,
    now: Date,
  ): Promise<AfleverResultaat>;

  /**
   * Stores a batch of the verwerkingenlog in one transaction. A record whose id is already there
   * (the gateway delivered it again) is not added twice; it takes the fuller list of `gegevens`
   * the gateway sent last, for the same resident only.
   */
  registreerVerwerkingen(batch: readonly StoredVerwerking[]): Promise<void>;
  /** A page of a resident's verwerkingenlog, newest first, after `na` (null: from the newest). */
  verwerkingen(
    gebruikerId: string,
    pagina: { readonly eerste: number; readonly na: VerwerkingSleutel | null },
  ): Promise<VerwerkingenPagina>;

  /** Removes what is past its retention period. Idempotent; safe to run on every replica. */
  schoonOp(now: Date, termijnen: Bewaartermijnen): Promise<OpschoonResultaat>;
  /** Re-encrypts up to `max` contact details sealed with an older key; returns how many. */
  versleutelOpnieuw(max: number): Promise<number>;
}
