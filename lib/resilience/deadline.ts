import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The deadline of the request being served: the moment (epoch ms, this process's clock) by which
 * its answer must be on its way. The gateway sets it for the whole GraphQL request and tells each
 * subgraph the time that is left in {@link DEADLINE_HEADER}; a subgraph runs its resolvers inside
 * {@link runWithDeadline}, so every upstream call it makes is cut off when the page would stop
 * waiting anyway. It travels in async context, not as an argument, because it concerns every
 * call below a request (DataLoader batches included), like a trace context does.
 */
const storage = new AsyncLocalStorage<number>();

/**
 * The header in which the gateway tells a subgraph how many milliseconds of the request's
 * deadline are left when the call is sent. Relative, not a wall-clock time, so clocks of
 * different hosts need not agree (as gRPC's `grpc-timeout`).
 */
export const DEADLINE_HEADER = 'x-deadline-ms';

/** Runs `fn` with `deadline` (epoch ms) as the current request's deadline. */
export function runWithDeadline<T>(deadline: number, fn: () => T): T {
  return storage.run(deadline, fn);
}

/** The current request's deadline (epoch ms), or undefined outside a request. */
export function currentDeadline(): number | undefined {
  return storage.getStore();
}

/**
 * Milliseconds left until the current request's deadline (never negative), or `Infinity`
 * outside a request.
 */
export function remainingMs(now: number = Date.now()): number {
  const deadline = storage.getStore();
  return deadline === undefined ? Infinity : Math.max(0, deadline - now);
}

/**
 * The deadline a subgraph adopts from the gateway's header: now + the budget it names, capped by
 * `maxMs` (a subgraph never waits longer than its own limit, whatever a caller asks). A missing
 * or malformed header gives `now + maxMs`.
 */
export function deadlineFromHeader(value: string | string[] | undefined, maxMs: number, now: number = Date.now()) {
  const budget = typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : maxMs;
  return now + Math.min(budget, maxMs);
}

/** An abort signal that times out, and the means to stand it down once the call it guards is over. */
export interface CallTimeout {
  readonly signal: AbortSignal;
  /** Call when the call has ended, however: its timer goes at once. */
  done(): void;
}

/**
 * A signal that aborts after `ms` with a `TimeoutError`, as `AbortSignal.timeout` does, but whose
 * timer is cleared by {@link CallTimeout.done}. `AbortSignal.timeout`'s timer cannot be cleared: it
 * stays until it fires, long after the call answered, and then builds an exception nobody reads.
 * On the hot paths (every upstream and subgraph call) those leftovers were thousands of live timers
 * under load and 1-2 % of a subgraph's CPU, spent on calls that ended seconds before.
 */
export function callTimeout(ms: number): CallTimeout {
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
  }, ms);
  timer.unref();
  return { signal: controller.signal, done: () => clearTimeout(timer) };
}
