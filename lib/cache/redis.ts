import { CacheUnavailableError, assertTtl, type KeyValueCache } from './cache.js';

/**
 * The commands this wrapper uses, as node-redis 5+ (`redis` 6) spells them. A structural type, so
 * any client created with `createClient()` fits and tests can pass a stand-in.
 */
export interface RedisCommands {
  get(key: string): Promise<unknown>;
  set(key: string, value: string, options: { expiration: { type: 'PX'; value: number } }): Promise<unknown>;
  del(key: string): Promise<unknown>;
}

/** Options of {@link createRedisCache}. */
export interface RedisCacheOptions {
  /**
   * Put before every key, e.g. `profielservice:zaken:`. Required: one Redis serves several
   * processes and purposes, and a prefix keeps their keys apart.
   */
  keyPrefix: string;
  /**
   * How long one command may take before it counts as a failure (default 500 ms). A cache that
   * hangs must not hold a resident's page; callers fall back to the source.
   */
  timeoutMs?: number;
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
  const timeoutMs = options.timeoutMs ?? 500;

  async function run<T>(what: string, command: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new CacheUnavailableError(`redis ${what}: no answer in ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([command(), timeout]);
    } catch (error) {
      if (error instanceof CacheUnavailableError) throw error;
      throw new CacheUnavailableError(`redis ${what} failed: ${error instanceof Error ? error.message : 'unknown'}`, {
        cause: error,
      });
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
