import type { KeyValueCache } from './cache.js';

/** Options of {@link createStaleWhileRevalidate}. */
export interface StaleWhileRevalidateOptions {
  /** How long a loaded value is fresh: served without asking the source. */
  ttlMs: number;
  /**
   * How long after that a value may still be served while a refresh runs in the background, and
   * while the source fails. After `ttlMs + staleMs` the value is gone and the next caller waits.
   */
  staleMs: number;
  /** Time source in epoch milliseconds (tests move it). */
  now?: () => number;
  /**
   * Told about failures that do not reach the caller: the cache backend down (treated as a miss
   * or a skipped write) and a background refresh that failed (the stale value stays).
   */
  onError?: (error: unknown, event: { key: string; during: 'read' | 'write' | 'refresh' }) => void;
}

/**
 * A read-through cache over a {@link KeyValueCache}: `get(key, load)` answers from the cache while
 * the value is fresh, answers with the stale value and refreshes it in the background once it is
 * older than `ttlMs`, and only makes the caller wait for `load` when there is nothing usable.
 * Concurrent loads of one key in this process share one call to the source.
 *
 * Values must survive `JSON.stringify`; the caller owns the key space (include a version in the
 * key when the value's shape changes, so old entries are not misread).
 */
export interface StaleWhileRevalidate {
  get<T>(key: string, load: () => Promise<T>): Promise<T>;
  /** Resolves when no background refresh is running (tests, and a clean shutdown). */
  idle(): Promise<void>;
}

interface Stored {
  /** Epoch ms until which the value is fresh. */
  f: number;
  v: unknown;
}

function decode(raw: string): Stored | undefined {
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed === 'object' && parsed !== null && typeof (parsed as { f?: unknown }).f === 'number') {
      return parsed as Stored;
    }
  } catch {
    // A value we cannot read is a miss; the next load overwrites it.
  }
  return undefined;
}

export function createStaleWhileRevalidate(
  store: KeyValueCache,
  options: StaleWhileRevalidateOptions,
): StaleWhileRevalidate {
  const now = options.now ?? Date.now;
  const onError = options.onError ?? (() => undefined);
  const inFlight = new Map<string, Promise<unknown>>();
  const refreshes = new Set<Promise<unknown>>();

  async function read(key: string): Promise<Stored | undefined> {
    try {
      const raw = await store.get(key);
      return raw === undefined ? undefined : decode(raw);
    } catch (error) {
      onError(error, { key, during: 'read' });
      return undefined;
    }
  }

  /** Loads from the source and stores the value; one load per key at a time in this process. */
  function loadAndStore<T>(key: string, load: () => Promise<T>): Promise<T> {
    const running = inFlight.get(key);
    if (running) return running as Promise<T>;
    const promise = (async () => {
      const value = await load();
      const stored: Stored = { f: now() + options.ttlMs, v: value };
      try {
        await store.set(key, JSON.stringify(stored), { ttlMs: options.ttlMs + options.staleMs });
      } catch (error) {
        onError(error, { key, during: 'write' });
      }
      return value;
    })().finally(() => inFlight.delete(key));
    inFlight.set(key, promise);
    return promise;
  }

  return {
    async get<T>(key: string, load: () => Promise<T>): Promise<T> {
      const stored = await read(key);
      if (stored === undefined) return loadAndStore(key, load);
      if (stored.f <= now() && !inFlight.has(key)) {
        const refresh = loadAndStore(key, load).then(
          () => undefined,
          (error: unknown) => onError(error, { key, during: 'refresh' }),
        );
        refreshes.add(refresh);
        void refresh.finally(() => refreshes.delete(refresh));
      }
      // The stored value was written by `loadAndStore` for this key, so it has the caller's type.
      return stored.v as T;
    },
    async idle() {
      while (refreshes.size > 0) await Promise.all([...refreshes]);
    },
  };
}
