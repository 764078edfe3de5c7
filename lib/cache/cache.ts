/**
 * A key-value store with expiry, the one contract every cache implementation (memory, Redis)
 * fulfils. Values are strings: callers serialise, so an implementation never guesses a type and
 * the same bytes come back from every backend. Keys are plain strings; an implementation may
 * prefix them, but never shares its key space with another prefix.
 */
export interface KeyValueCache {
  /** The value stored under `key`, or `undefined` when there is none or it has expired. */
  get(key: string): Promise<string | undefined>;
  /** Stores `value` under `key` for `ttlMs` milliseconds (> 0), replacing what was there. */
  set(key: string, value: string, options: { ttlMs: number }): Promise<void>;
  /** Removes `key`; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}

/** Thrown by a cache whose backend did not answer (in time); callers treat it as a miss. */
export class CacheUnavailableError extends Error {
  override readonly name = 'CacheUnavailableError';
}

/** Rejects a TTL that is not a positive whole number of milliseconds: a caller bug, not data. */
export function assertTtl(ttlMs: number): void {
  if (!Number.isInteger(ttlMs) || ttlMs <= 0)
    throw new RangeError(`cache ttlMs must be a positive integer, got ${ttlMs}`);
}
