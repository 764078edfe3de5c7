import type { KanaalNaam, OnderwerpCode, TaalCode } from '../store/store.js';
import type { MeldingKanaal, OnderdrukReden } from './beslissing.js';

/** States of an outbox row. VERZENDEN is committed BEFORE NotifyNL is called (see the dispatcher). */
export type OutboxStatus = 'WACHTEND' | 'VERZENDEN' | 'VERZONDEN' | 'MISLUKT';

/** One decision to record: send on a channel (to a contact detail) or not, with the reason. */
export type NieuweBeslissing = {
  readonly gebruikerId: string;
  /** `bronorganisatie|identificatie`: one zaak across zaaksystemen. */
  readonly zaakSleutel: string;
  readonly zaakIdentificatie: string;
  readonly zaaktype: string | null;
  readonly statusUrl: string;
  readonly onderwerp: OnderwerpCode;
  readonly kanaal: MeldingKanaal;
} & (
  | {
      readonly versturen: true;
      readonly contactId: string;
      readonly template: string;
      readonly taal: TaalCode;
      readonly personalisatie: Readonly<Record<string, string>>;
    }
  | { readonly versturen: false; readonly reden: OnderdrukReden }
);

/** An outbox row claimed by one dispatcher until `claimVerlooptOp`. */
export interface GeclaimdBericht {
  /** Our message id: NotifyNL's `reference`. */
  readonly id: string;
  readonly kanaal: 'EMAIL' | 'SMS';
  readonly gebruikerId: string;
  readonly contactId: string;
  readonly template: string;
  readonly taal: TaalCode;
  readonly personalisatie: Readonly<Record<string, string>>;
  readonly status: 'WACHTEND' | 'VERZENDEN';
  /** Attempts made before this claim. */
  readonly pogingen: number;
}

/** A melding as the resident sees it in `me.meldingen`. */
export interface StoredMelding {
  readonly id: string;
  readonly zaakIdentificatie: string;
  readonly zaaktype: string | null;
  readonly onderwerp: OnderwerpCode;
  readonly kanaal: KanaalNaam;
  readonly beslotenOp: Date;
  readonly versturen: boolean;
  readonly reden: OnderdrukReden | null;
  readonly status: OutboxStatus | null;
  readonly verzondenOp: Date | null;
  readonly afleverstatus: string | null;
}

/** Rows removed by {@link MeldingenStore.schoonOp}. */
export interface MeldingenOpschoning {
  readonly events: number;
  readonly beslissingen: number;
}

/**
 * Meldingen in the voorkeuren database: ZGW events, decisions and the outbox. Every unique key
 * is enforced by the database, so duplicates are refused whichever replica tries; claims are
 * single conditional UPDATEs, portable to SQLite and PostgreSQL. Implementation:
 * `store/meldingen.sql.ts`, on the same database as the voorkeuren store.
 */
export interface MeldingenStore {
  /** Stores an event under its dedup key; false when it was already there. Durable when it resolves. */
  ontvangEvent(sleutel: string, bericht: unknown, now: Date): Promise<boolean>;
  /** Events not yet processed, oldest first. */
  openEvents(max: number): Promise<{ sleutel: string; bericht: unknown; pogingen: number }[]>;
  /** Marks an event processed (or, with `fout`, counts a failed attempt and leaves it open). */
  eventVerwerkt(sleutel: string, now: Date, fout?: string): Promise<void>;
  /**
   * Records decisions and, for each new one that sends, its outbox row, in one transaction.
   * A decision that already exists (same resident, zaak, status and channel) is skipped with its
   * outbox row, so a repeated event adds nothing. Returns the number of new outbox rows.
   */
  besluit(beslissingen: readonly NieuweBeslissing[], now: Date): Promise<number>;
  /**
   * Claims the next row that is due and free (or whose claim expired) for `houder` until
   * `now + claimMs`; undefined when there is none. Two dispatchers never hold the same row.
   */
  claim(houder: string, now: Date, claimMs: number): Promise<GeclaimdBericht | undefined>;
  /** Commits VERZENDEN (and counts the attempt) before the call to NotifyNL; false if the claim was lost. */
  markeerVerzenden(id: string, houder: string): Promise<boolean>;
  /** Records NotifyNL's acceptance and releases the claim. */
  markeerVerzonden(id: string, houder: string, notifyId: string, now: Date): Promise<void>;
  /** Releases the claim for another attempt at `volgende` (status stays VERZENDEN: check by reference first). */
  planOpnieuw(id: string, houder: string, volgende: Date, fout: string): Promise<void>;
  /** Gives up on a row (NotifyNL refused it, or too many attempts). */
  markeerMislukt(id: string, houder: string, fout: string): Promise<void>;
  /** Puts a VERZENDEN row that NotifyNL has no record of back to WACHTEND (still claimed). */
  markeerNietOntvangen(id: string, houder: string): Promise<void>;
  /**
   * Applies a NotifyNL delivery receipt; returns the contact detail the melding went to and when
   * (for bounce marking), or null when the reference is not a melding.
   */
  registreerAfleverstatus(
    referentie: string,
    status: string,
    now: Date,
  ): Promise<{ gebruikerId: string; contactId: string; verzondenOp: Date } | null>;
  /** A resident's newest `aantal` meldingen, newest first. */
  meldingen(gebruikerId: string, aantal: number): Promise<StoredMelding[]>;
  /** Outbox rows per status (for tests, benchmarks and metrics). */
  tellingen(): Promise<Record<OutboxStatus, number>>;
  /** When the oldest message still to send (WACHTEND or VERZENDEN) was due; null when none is left (metrics). */
  oudsteTeDoen(): Promise<Date | null>;
  /** Removes processed events and decisions older than `bewaarMs`. */
  schoonOp(now: Date, bewaarMs: number): Promise<MeldingenOpschoning>;
}
