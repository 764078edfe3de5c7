import { assertTtl, type KeyValueCache } from './cache.js';

/** Options of {@link createMemoryCache}. */
export interface MemoryCacheOptions {
  /**
   * At most this many entries; when full, the entry stored longest ago goes first. Bounds the
   * memory of a process whose keys come from upstream data (default 10 000).
   */
  maxEntries?: number;
  /** Time source in epoch milliseconds (tests move it). */
  now?: () => number;
}

/**
 * A {@link KeyValueCache} in this process's memory: the embedded default when no Redis is
 * configured. Each process (and replica) has its own; nothing is shared.
 */
export function createMemoryCache(options: MemoryCacheOptions = {}): KeyValueCache {
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  // Map keeps insertion order; re-inserting on `set` makes the first key the oldest write.
  const entries = new Map<string, { value: string; expiresAt: number }>();
  return {
    async get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt <= now()) {
        entries.delete(key);
        return undefined;
      }
      return entry.value;
    },
    async set(key, value, { ttlMs }) {
      assertTtl(ttlMs);
      entries.delete(key);
      entries.set(key, { value, expiresAt: now() + ttlMs });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
    },
    async delete(key) {
      entries.delete(key);
    },
  };
}
