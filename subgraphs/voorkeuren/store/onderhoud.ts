import type { Logger } from '../../../lib/logging.js';
import type { MeldingenStore } from '../melding/meldingen-store.js';
import type { Bewaartermijnen, VoorkeurenStore } from './store.js';

export interface OnderhoudOptions {
  store: VoorkeurenStore;
  termijnen: Bewaartermijnen;
  /** Time between runs. */
  intervalMs: number;
  now: () => Date;
  logger: Logger;
  /** Contact details re-encrypted with the primary key per run (after a key rotation). */
  herversleutelPerRun?: number;
  /** Meldingen: processed events and decisions older than `bewaarMs` are purged too. */
  meldingen?: { store: MeldingenStore; bewaarMs: number };
}

/**
 * Runs store maintenance at start and then every `intervalMs`: removes what is past its
 * retention period and re-encrypts details still sealed with an older key. Runs never overlap;
 * disposing stops the timer and waits for a run in progress. Every replica may run it.
 */
export function startOnderhoud(options: OnderhoudOptions): AsyncDisposable {
  const { store, logger } = options;
  const run = async () => {
    try {
      const verwijderd = await store.schoonOp(options.now(), options.termijnen);
      const herversleuteld = await store.versleutelOpnieuw(options.herversleutelPerRun ?? 500);
      const meldingen = options.meldingen
        ? await options.meldingen.store.schoonOp(options.now(), options.meldingen.bewaarMs)
        : { events: 0, beslissingen: 0 };
      if (
        Object.values(verwijderd).some((n) => n > 0) ||
        herversleuteld > 0 ||
        Object.values(meldingen).some((n) => n > 0)
      ) {
        logger.info({ verwijderd, herversleuteld, meldingen }, 'store maintenance');
      }
    } catch (error) {
      logger.error({ err: error }, 'store maintenance failed');
    }
  };
  let running = run();
  const timer = setInterval(() => {
    running = running.then(run);
  }, options.intervalMs);
  timer.unref();
  return {
    async [Symbol.asyncDispose]() {
      clearInterval(timer);
      await running;
    },
  };
}
