import { DelegateBackoff, handleWhen, retry, type IRetryBackoffContext } from 'cockatiel';
import { remainingMs } from './deadline.js';

export interface RetryOptions {
  /** Retries after the first attempt (default 1: a page cannot wait for more). */
  retries?: number;
  /** First backoff before jitter (default 50 ms); doubles per retry up to `maxDelayMs`. */
  baseDelayMs?: number;
  /** Longest backoff, also the longest `Retry-After` we are willing to wait (default 1 s). */
  maxDelayMs?: number;
}

/** What a retry needs to know about a failed attempt. */
export interface RetryVerdict {
  retryable: boolean;
  /** The source's `Retry-After`, in milliseconds, when it sent one. */
  retryAfterMs?: number | undefined;
}

/**
 * Makes a runner that calls `attempt` and retries it when `classify` says the failure is worth another try, with
 * exponential backoff and full jitter (so replicas that failed together do not retry together),
 * honouring a source's `Retry-After`. Never retries past the current request's deadline: a retry
 * that could not finish in time only adds load to a source that is already struggling.
 * Only for calls that are safe to repeat (reads, and searches sent as POST).
 */
export function createRetry(
  classify: (error: unknown) => RetryVerdict,
  options: RetryOptions = {},
  random: () => number = Math.random,
): <T>(attempt: () => Promise<T>) => Promise<T> {
  const retries = options.retries ?? 1;
  if (retries <= 0) return (attempt) => attempt();
  const base = options.baseDelayMs ?? 50;
  const max = options.maxDelayMs ?? 1_000;
  const delayFor = (context: IRetryBackoffContext<unknown>): number => {
    const verdict = 'error' in context.result ? classify(context.result.error) : { retryable: false };
    if (verdict.retryAfterMs !== undefined) return verdict.retryAfterMs;
    return Math.round(random() * Math.min(max, base * 2 ** (context.attempt - 1)));
  };
  const policy = retry(
    handleWhen((error) => {
      const verdict = classify(error);
      if (!verdict.retryable) return false;
      if (verdict.retryAfterMs !== undefined && verdict.retryAfterMs > max) return false;
      // Worth it only when the wait and a fair share of an attempt still fit in the deadline.
      return remainingMs() > (verdict.retryAfterMs ?? base) + 100;
    }),
    { maxAttempts: retries, backoff: new DelegateBackoff(delayFor) },
  );
  return (attempt) => policy.execute(() => attempt());
}
