import type { Logger } from '../../../lib/logging.js';
import { DatabaseUnavailableError } from '../store/sql.js';
import type { OutboxDispatcher } from './dispatcher.js';
import type { MeldingVerwerker } from './verwerker.js';

export interface MeldingenLoopOptions {
  verwerker: MeldingVerwerker;
  dispatcher: OutboxDispatcher;
  /** How often to look for work when not woken (retries, events stored by another replica). */
  intervalMs: number;
  logger?: Logger;
}

/** The background work of meldingen: events to decisions, then the outbox to NotifyNL. */
export interface MeldingenLoop extends AsyncDisposable {
  /** Runs a pass soon (after a new event); passes never overlap. */
  wek(): void;
  /** Runs one pass now and resolves when it is done (tests, the benchmark). */
  ronde(): Promise<void>;
}

/**
 * Starts the loop; dispose to stop it (waits for a running pass).
 *
 * While the database does not answer, a pass stops at its first store call and the next one
 * comes with the interval (or a new event): no retry loop. The outage is logged once, when it is
 * first noticed, and once when a pass succeeds again. Nothing is lost meanwhile: events are
 * stored before the webhook answers, and the outbox keeps every row's state in the store.
 */
export function startMeldingenLoop(options: MeldingenLoopOptions): MeldingenLoop {
  let lopend: Promise<void> = Promise.resolve();
  let nogEens = false;
  let gestopt = false;
  let storing = false;

  const pass = async () => {
    try {
      do {
        nogEens = false;
        await options.verwerker.verwerk();
        await options.dispatcher.verwerk();
      } while (nogEens && !gestopt);
      if (storing) {
        storing = false;
        options.logger?.info('meldingen resumed: the database answers again');
      }
    } catch (error) {
      if (error instanceof DatabaseUnavailableError) {
        if (!storing) {
          storing = true;
          options.logger?.warn(
            { reden: error.reden, intervalMs: options.intervalMs },
            'meldingen paused: the database does not answer; tried again every interval',
          );
        }
        return;
      }
      options.logger?.error({ err: error }, 'meldingen pass failed');
    }
  };
  let bezig = false;
  const ronde = (): Promise<void> => {
    if (bezig) {
      nogEens = true;
      return lopend;
    }
    bezig = true;
    lopend = pass().finally(() => {
      bezig = false;
    });
    return lopend;
  };
  const timer = setInterval(() => void ronde(), options.intervalMs);
  timer.unref();

  return {
    wek: () => {
      if (!gestopt) void ronde();
    },
    ronde,
    async [Symbol.asyncDispose]() {
      gestopt = true;
      clearInterval(timer);
      await lopend;
    },
  };
}
