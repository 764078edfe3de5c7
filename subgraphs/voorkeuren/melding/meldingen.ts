import type { Logger } from '../../../lib/logging.js';
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

/** Starts the loop; dispose to stop it (waits for a running pass). */
export function startMeldingenLoop(options: MeldingenLoopOptions): MeldingenLoop {
  let lopend: Promise<void> = Promise.resolve();
  let nogEens = false;
  let gestopt = false;

  const pass = async () => {
    try {
      do {
        nogEens = false;
        await options.verwerker.verwerk();
        await options.dispatcher.verwerk();
      } while (nogEens && !gestopt);
    } catch (error) {
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
