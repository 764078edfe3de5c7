import { CacheUnavailableError, assertTtl, type KeyValueCache } from './cache.js';
import { reasonOf } from './redis-connection.js';

/**
 * The commands this wrapper uses, as node-redis 5+ (`redis` 6) spells them. A structural type, so
 * any client created with `createClient()` fits and tests can pass a stand-in.
 */
export interface RedisCommands {
  get(key: string): Promise<unknown>;
  set(key: string, value: string, options: { expiration: { type: 'PX'; value: number } }): Promise<unknown>;
  del(key: string): Promise<unknown>;
  /**
   * False while the client has no working connection (node-redis's `isReady`: still connecting,
   * reconnecting, or waiting for Redis to answer its handshake). Commands then fail at once
   * instead of each waiting for the timeout. A client without it counts as ready.
   */
  readonly isReady?: boolean;
}

/** Options of {@link createRedisCache}. */
export interface RedisCacheOptions {
  /**
   * Put before every key, e.g. `profielservice:zaken:`. Required: one Redis serves several
   * processes and purposes, and a prefix keeps their keys apart.
   */
  keyPrefix: string;
  /**
   * How long one command may take before it counts as a failure (default 50 ms). A Redis next to
   * the process answers in about a millisecond; one that takes longer is down or overloaded, and
   * a cache that hangs must not hold a resident's page: callers fall back to the source.
   */
  timeoutMs?: number;
  /**
   * After a command timed out, how long every command fails at once before the next one is tried
   * (default 1 s). A Redis that accepts connections but stopped answering would otherwise cost
   * every cache call the full timeout.
   */
  pauseAfterTimeoutMs?: number;
  /**
   * Told when the cache stops working and when it works again, once per change (not per call),
   * so an outage is logged once. `reason` is safe to log: an error name or code, never a URL.
   */
  onAvailabilityChange?: (available: boolean, reason: string) => void;
  /** Time source in epoch milliseconds (tests move it). */
  now?: () => number;
}

/**
 * A {@link KeyValueCache} in Redis, shared by every replica. The client is the caller's: it
 * connects and closes it. Expiry is Redis's own (`SET … PX`). Create the client with
 * `disableOfflineQueue: true` so commands fail at once while Redis is unreachable instead of
 * queueing; every failure or timeout here is a {@link CacheUnavailableError}.
 */
export function createRedisCache(client: RedisCommands, options: RedisCacheOptions): KeyValueCache {
  if (options.keyPrefix.length === 0) throw new RangeError('createRedisCache needs a non-empty keyPrefix');
  const prefix = options.keyPrefix;
  const timeoutMs = options.timeoutMs ?? 50;
  const pauseMs = options.pauseAfterTimeoutMs ?? 1_000;
  const now = options.now ?? Date.now;
  const report = options.onAvailabilityChange ?? (() => undefined);
  let available = true;
  let pausedUntil = 0;

  const failed = (error: CacheUnavailableError, reason: string): CacheUnavailableError => {
    if (available) {
      available = false;
      report(false, reason);
    }
    return error;
  };

  async function run<T>(what: string, command: () => Promise<T>): Promise<T> {
    if (client.isReady === false) {
      throw failed(new CacheUnavailableError(`redis ${what}: not connected`), 'not connected');
    }
    if (now() < pausedUntil) {
      throw failed(new CacheUnavailableError(`redis ${what}: not tried, Redis did not answer just now`), 'timeout');
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        pausedUntil = now() + pauseMs;
        reject(new CacheUnavailableError(`redis ${what}: no answer in ${timeoutMs} ms`));
      }, timeoutMs);
    });
    try {
      const result = await Promise.race([command(), timeout]);
      if (!available) {
        available = true;
        report(true, 'answered');
      }
      return result;
    } catch (error) {
      if (error instanceof CacheUnavailableError) throw failed(error, 'timeout');
      const reason = reasonOf(error);
      // The client's own command time-out (node-redis: 5 s unless set lower) means the same as ours.
      if (reason === 'TimeoutError') pausedUntil = now() + pauseMs;
      throw failed(new CacheUnavailableError(`redis ${what} failed: ${reason}`, { cause: error }), reason);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async get(key) {
      const value = await run('GET', () => client.get(prefix + key));
      return typeof value === 'string' ? value : undefined;
    },
    async set(key, value, { ttlMs }) {
      assertTtl(ttlMs);
      await run('SET', () => client.set(prefix + key, value, { expiration: { type: 'PX', value: ttlMs } }));
    },
    async delete(key) {
      await run('DEL', () => client.del(prefix + key));
    },
  };
}
