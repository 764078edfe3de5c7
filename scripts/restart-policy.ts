/**
 * When `npm start` restarts a process that stopped unexpectedly. Pure (the caller passes the
 * clock), so the backoff and the moment to give up are tested without waiting for them.
 */

export interface RestartPolicyOptions {
  /** The wait before the first restart; it doubles with every restart that follows quickly. */
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
  /** A process that ran healthily this long before it stopped starts afresh at `firstDelayMs`. */
  readonly healthyResetMs: number;
  /** Give up after this many stops within `windowMs`: the process cannot stay up, restarting it again helps nobody. */
  readonly maxStops: number;
  readonly windowMs: number;
}

export const RESTART_POLICY: RestartPolicyOptions = {
  firstDelayMs: 500,
  maxDelayMs: 10_000,
  healthyResetMs: 30_000,
  maxStops: 5,
  windowMs: 60_000,
};

/** What to do after an unexpected stop: restart after `delayMs`, or give up (`stops` within the window). */
export type RestartDecision =
  { readonly restart: true; readonly delayMs: number } | { readonly restart: false; readonly stops: number };

/** The restart history of one process. */
export class RestartTracker {
  private stops: number[] = [];
  private quickRestarts = 0;

  constructor(private readonly policy: RestartPolicyOptions = RESTART_POLICY) {}

  /**
   * Records an unexpected stop at `now`. `healthyForMs` is how long the process had answered its
   * health check before it stopped (0 when it never did).
   */
  stopped(now: number, healthyForMs: number): RestartDecision {
    if (healthyForMs >= this.policy.healthyResetMs) {
      // It ran well for a while: this stop is news, not part of a loop of failing starts.
      this.stops = [];
      this.quickRestarts = 0;
    }
    this.stops = [...this.stops.filter((at) => now - at < this.policy.windowMs), now];
    if (this.stops.length >= this.policy.maxStops) return { restart: false, stops: this.stops.length };
    const delayMs = Math.min(this.policy.firstDelayMs * 2 ** this.quickRestarts, this.policy.maxDelayMs);
    this.quickRestarts += 1;
    return { restart: true, delayMs };
  }
}
