import {
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhen,
  isBrokenCircuitError,
  type CircuitBreakerPolicy,
} from 'cockatiel';

/** What a breaker reports about itself, for `/metrics` and logs. */
export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerOptions {
  /** Consecutive failures that open the breaker (default 5). */
  failureThreshold?: number;
  /** How long the breaker stays open before one probe call may go through (default 5 s). */
  openMs?: number;
  /** Which errors count as the source being down; others (a 404, our own 400) pass through. */
  isFailure: (error: unknown) => boolean;
  /** Told of every change, e.g. to log "BRP unavailable, failing fast". */
  onStateChange?: (state: BreakerState) => void;
}

/**
 * A circuit breaker around one source (an upstream API or a subgraph). While the source keeps
 * failing, calls fail at once with {@link BreakerOpenError} instead of each waiting for its
 * timeout; after `openMs` one probe goes through, and its outcome closes or reopens the breaker.
 */
export interface Breaker {
  readonly name: string;
  state(): BreakerState;
  /** Runs `call` through the breaker; throws {@link BreakerOpenError} while open. */
  run<T>(call: () => Promise<T>): Promise<T>;
}

/** Thrown instead of calling a source whose breaker is open. */
export class BreakerOpenError extends Error {
  override readonly name = 'BreakerOpenError';
  constructor(readonly source: string) {
    super(`${source}: circuit open, not called`);
  }
}

const STATES: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'open',
};

/** Every breaker of this process by name, so `/metrics` can report them. */
const registry = new Map<string, Breaker>();

/** The breakers this process created, by name. */
export function breakers(): ReadonlyMap<string, Breaker> {
  return registry;
}

/** Creates the breaker for one source (cockatiel's consecutive-failure breaker underneath). */
export function createBreaker(name: string, options: BreakerOptions): Breaker {
  const policy: CircuitBreakerPolicy = circuitBreaker(handleWhen(options.isFailure), {
    halfOpenAfter: options.openMs ?? 5_000,
    breaker: new ConsecutiveBreaker(options.failureThreshold ?? 5),
  });
  if (options.onStateChange) {
    const report = options.onStateChange;
    policy.onStateChange((state) => report(STATES[state]));
  }
  const breaker: Breaker = {
    name,
    state: () => STATES[policy.state],
    async run(call) {
      try {
        return await policy.execute(call);
      } catch (error) {
        // The source was not called (open, or half-open with the probe already under way).
        if (isBrokenCircuitError(error)) throw new BreakerOpenError(name);
        throw error;
      }
    },
  };
  registry.set(name, breaker);
  return breaker;
}
