import { assertTtl, type KeyValueCache } from './cache.js';
import { createExpiringMap } from './expiring-map.js';

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
  const now = options.now ?? Date.now;
  const entries = createExpiringMap<string>({ ...(options.maxEntries ? { maxEntries: options.maxEntries } : {}), now });
  return {
    async get(key) {
      return entries.get(key);
    },
    async set(key, value, { ttlMs }) {
      assertTtl(ttlMs);
      entries.set(key, value, now() + ttlMs);
    },
    async delete(key) {
      entries.delete(key);
    },
  };
}
