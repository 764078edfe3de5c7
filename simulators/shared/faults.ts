import type { RequestHandler } from 'express';
import { z } from 'zod';
import type { ErrorResponder } from './problem.js';

/**
 * Faults a simulator injects before it handles a request, so tests and demos can take a source
 * "down" or make it slow without stopping it.
 */
export interface FaultOptions {
  /** Delay before every answer (milliseconds). */
  latencyMs?: number | undefined;
  /** Share of requests (0..1) that fail with `status`. */
  failureRate?: number | undefined;
  /** Status of an injected failure; 503 unless set. */
  status?: number | undefined;
  /** Fail exactly this many next requests with `status`, then behave normally again. */
  failNext?: number | undefined;
}

/** Body of `PUT /_simulator/faults`; validated so a typo does not silently mean "no faults". */
export const faultOptionsSchema = z.strictObject({
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  failureRate: z.number().min(0).max(1).optional(),
  status: z.number().int().min(400).max(599).optional(),
  failNext: z.number().int().min(0).optional(),
});

const DEFAULT_FAILURE_STATUS = 503;

/** Holds the current faults of one simulator and applies them as middleware. */
export class FaultInjector {
  #faults: FaultOptions = {};
  readonly #random: () => number;

  constructor(initial: FaultOptions = {}, random: () => number = Math.random) {
    this.#random = random;
    this.set(initial);
  }

  /** Replaces the faults (PUT semantics): an omitted member goes back to "no fault". */
  set(faults: FaultOptions): void {
    this.#faults = { ...faultOptionsSchema.parse(faults) };
  }

  get current(): Readonly<FaultOptions> {
    return { ...this.#faults };
  }

  /** Decides whether the request at hand fails, consuming one `failNext` if so. */
  #shouldFail(): boolean {
    const { failNext = 0, failureRate = 0 } = this.#faults;
    if (failNext > 0) {
      this.#faults.failNext = failNext - 1;
      return true;
    }
    return failureRate > 0 && this.#random() < failureRate;
  }

  /** Middleware that delays and/or fails requests in the simulator's own error format. */
  middleware(respond: ErrorResponder): RequestHandler {
    return (req, res, next) => {
      const { latencyMs = 0, status = DEFAULT_FAILURE_STATUS } = this.#faults;
      const fail = this.#shouldFail();
      const proceed = (): void => {
        if (fail) respond(req, res, status, { detail: 'Storing gesimuleerd door de simulator.' });
        else next();
      };
      if (latencyMs > 0) setTimeout(proceed, latencyMs).unref();
      else proceed();
    };
  }
}
