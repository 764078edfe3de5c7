import { randomUUID } from 'node:crypto';
import type { Logger } from '../../../lib/logging.js';
import { isRetryableNotifyError, type NotifyClient, type NotifyReceipt } from '../../../lib/notifynl/index.js';
import type { VoorkeurenStore } from '../store/store.js';
import type { GeclaimdBericht, MeldingenStore } from './meldingen-store.js';

/**
 * Reads a contact detail's address from the voorkeuren store at send time: the outbox holds only
 * the detail's id, so addresses stay encrypted at rest, and a detail deleted meanwhile is not used.
 */
export function contactWaardeUit(
  store: Pick<VoorkeurenStore, 'contactgegevens'>,
): (gebruikerId: string, contactId: string) => Promise<string | null> {
  return async (gebruikerId, contactId) =>
    (await store.contactgegevens(gebruikerId)).find((c) => c.id === contactId)?.waarde ?? null;
}

export interface DispatcherOptions {
  store: MeldingenStore;
  notify: NotifyClient;
  /** The decrypted address or number of a contact detail; null when it is gone (then the row fails). */
  contactWaarde(gebruikerId: string, contactId: string): Promise<string | null>;
  now?: () => Date;
  /** This dispatcher's name in claims; unique per process. */
  houder?: string;
  /**
   * How long a claim holds. Must be far longer than one NotifyNL call (client time-out): a claim
   * that expires while its holder is still sending lets another dispatcher check and resend.
   */
  claimMs?: number;
  /** Attempts before a row is given up. */
  maxPogingen?: number;
  /** Wait before attempt n+1 (n ≥ 1). Default: 2^n seconds, at most 10 minutes. */
  backoffMs?: (pogingen: number) => number;
  logger?: Logger;
}

/** The result of one {@link OutboxDispatcher.verwerk} pass. */
export interface DispatchResultaat {
  verzonden: number;
  /** Found at NotifyNL by reference after an interrupted attempt: recorded, not sent again. */
  teruggevonden: number;
  opnieuw: number;
  mislukt: number;
}

export interface OutboxDispatcher {
  /** Sends what is due until nothing is left to claim (or `max` rows were handled). */
  verwerk(max?: number): Promise<DispatchResultaat>;
}

const standaardBackoff = (pogingen: number) => Math.min(2 ** pogingen * 1_000, 10 * 60_000);

/** Error text that is safe to store: kind and status only, never the upstream body or a recipient. */
function foutTekst(error: unknown): string {
  if (error instanceof Error) {
    const { name } = error;
    const kind = (error as { kind?: unknown }).kind;
    const status = (error as { status?: unknown }).status;
    return [name, typeof kind === 'string' ? kind : null, typeof status === 'number' ? String(status) : null]
      .filter((part) => part !== null)
      .join(' ');
  }
  return 'unknown';
}

/**
 * Sends the outbox through NotifyNL, exactly once per row:
 *
 * 1. `claim` takes one due row for this dispatcher alone (a conditional UPDATE; see the store).
 * 2. `markeerVerzenden` commits VERZENDEN before NotifyNL is called.
 * 3. A row that is already VERZENDEN when claimed was interrupted (a crash, a time-out, a
 *    retryable error after which NotifyNL may still have accepted it): the dispatcher first asks
 *    NotifyNL for the reference (our row id) and records what it finds instead of sending again;
 *    it sends only when NotifyNL has no record.
 * 4. Retryable failures (429, 5xx, time-outs) are tried again with backoff; other 4xx fail the row.
 *
 * Remaining window: NotifyNL does not deduplicate on `reference`. If a dispatcher stalls longer
 * than `claimMs` between committing VERZENDEN and its request reaching NotifyNL, another one may
 * find no record and send too. A claim far longer than the client's time-out keeps this to a
 * process paused (not crashed) for that long.
 */
export function createOutboxDispatcher(options: DispatcherOptions): OutboxDispatcher {
  const { store, notify, logger } = options;
  const now = options.now ?? (() => new Date());
  const houder = options.houder ?? `dispatcher-${randomUUID()}`;
  const claimMs = options.claimMs ?? 5 * 60_000;
  const maxPogingen = options.maxPogingen ?? 8;
  const backoff = options.backoffMs ?? standaardBackoff;

  const verstuur = async (bericht: GeclaimdBericht, waarde: string): Promise<NotifyReceipt> => {
    const base = { templateId: bericht.template, personalisation: bericht.personalisatie, reference: bericht.id };
    return bericht.kanaal === 'EMAIL'
      ? notify.sendEmail({ ...base, emailAddress: waarde })
      : notify.sendSms({ ...base, phoneNumber: waarde });
  };

  const mislukt = async (
    bericht: GeclaimdBericht,
    error: unknown,
    pogingen: number,
  ): Promise<'opnieuw' | 'mislukt'> => {
    const fout = foutTekst(error);
    if (isRetryableNotifyError(error) && pogingen < maxPogingen) {
      await store.planOpnieuw(bericht.id, houder, new Date(now().getTime() + backoff(pogingen)), fout);
      logger?.warn({ referentie: bericht.id, fout, pogingen }, 'melding will be tried again');
      return 'opnieuw';
    }
    await store.markeerMislukt(bericht.id, houder, fout);
    logger?.error({ referentie: bericht.id, fout, pogingen }, 'melding not sent');
    return 'mislukt';
  };

  /** One claimed row; returns what happened to it. */
  const handel = async (bericht: GeclaimdBericht): Promise<keyof DispatchResultaat | 'verloren'> => {
    if (bericht.status === 'VERZENDEN') {
      let gevonden: Awaited<ReturnType<NotifyClient['findByReference']>>;
      try {
        gevonden = await notify.findByReference(bericht.id);
      } catch (error) {
        return mislukt(bericht, error, bericht.pogingen);
      }
      const eerste = gevonden[0];
      if (eerste) {
        await store.markeerVerzonden(bericht.id, houder, eerste.id, now());
        return 'teruggevonden';
      }
      await store.markeerNietOntvangen(bericht.id, houder);
    }
    const waarde = await options.contactWaarde(bericht.gebruikerId, bericht.contactId);
    if (waarde === null) {
      await store.markeerMislukt(bericht.id, houder, 'contactgegeven verwijderd');
      return 'mislukt';
    }
    if (!(await store.markeerVerzenden(bericht.id, houder))) return 'verloren';
    const pogingen = bericht.pogingen + 1;
    let receipt: NotifyReceipt;
    try {
      receipt = await verstuur(bericht, waarde);
    } catch (error) {
      return mislukt(bericht, error, pogingen);
    }
    await store.markeerVerzonden(bericht.id, houder, receipt.id, now());
    return 'verzonden';
  };

  return {
    async verwerk(max = Number.POSITIVE_INFINITY) {
      const resultaat: DispatchResultaat = { verzonden: 0, teruggevonden: 0, opnieuw: 0, mislukt: 0 };
      for (let n = 0; n < max; n += 1) {
        const bericht = await store.claim(houder, now(), claimMs);
        if (!bericht) break;
        const uitkomst = await handel(bericht);
        if (uitkomst !== 'verloren') resultaat[uitkomst] += 1;
      }
      return resultaat;
    },
  };
}
