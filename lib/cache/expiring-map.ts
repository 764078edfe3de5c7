/** Options of {@link createExpiringMap}. */
export interface ExpiringMapOptions {
  /** At most this many entries; when full, the oldest goes first (default 10 000). */
  maxEntries?: number;
  /**
   * What "oldest" means: the entry written longest ago (default), or, with `true`, the one read
   * or written longest ago (least recently used).
   */
  refreshOnRead?: boolean;
  /** Time source in epoch milliseconds (tests move it). */
  now?: () => number;
}

/** A bounded, synchronous key-value map whose entries expire: the core of every in-process cache. */
export interface ExpiringMap<V> {
  /**
   * The value under `key`, or `undefined` when there is none or it expired (`expiresAt <= at`);
   * `at` is the clock's now unless the caller names the moment itself.
   */
  get(key: string, at?: number): V | undefined;
  /** Stores `value` until `expiresAt` (epoch ms), replacing what was there. */
  set(key: string, value: V, expiresAt: number): void;
  delete(key: string): void;
}

/**
 * A {@link ExpiringMap} in this process's memory. A `Map` keeps insertion order, so re-inserting a
 * key makes the first key the oldest; bounded, so keys that come from outside (tokens, upstream
 * data) cannot grow the process without limit.
 */
export function createExpiringMap<V>(options: ExpiringMapOptions = {}): ExpiringMap<V> {
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { value: V; expiresAt: number }>();
  return {
    get(key, at = now()) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt <= at) {
        entries.delete(key);
        return undefined;
      }
      if (options.refreshOnRead) {
        entries.delete(key);
        entries.set(key, entry);
      }
      return entry.value;
    },
    set(key, value, expiresAt) {
      entries.delete(key);
      entries.set(key, { value, expiresAt });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
    },
    delete(key) {
      entries.delete(key);
    },
  };
}
