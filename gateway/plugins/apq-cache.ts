import { createHash } from 'node:crypto';
import type { PersistedQueryOptions } from '@apollo/server';
import {
  CacheUnavailableError,
  createMemoryCache,
  createRedisCache,
  reasonOf,
  type KeyValueCache,
  type RedisConnection,
} from '../../lib/cache/index.js';
import type { Logger } from '../../lib/logging.js';

/**
 * Storage for automatic persisted queries (APQ) in the project's own cache: Redis when
 * configured, so a hash one replica learned is known to every replica, else this process's memory.
 * APQ only saves bandwidth: a miss costs the client one round trip (it resends the text), so
 * every failure of the store is a miss here, never an error to the resident.
 */

/** The cache Apollo Server's `persistedQueries.cache` takes (from `@apollo/utils.keyvaluecache`). */
export type ApolloKeyValueCache = NonNullable<PersistedQueryOptions['cache']>;

export const DEFAULT_APQ_TTL_MS = 24 * 60 * 60 * 1000;
/**
 * The operations in `schema/operations/` are 1 to 3 kB; a portal's own are of the same kind.
 * Larger texts still run, they are just not remembered, so nobody fills Redis with 100 kB bodies.
 */
export const DEFAULT_APQ_MAX_QUERY_BYTES = 16 * 1024;

export interface ApqCacheOptions {
  /** Put before Apollo's own key (`apq:<sha256>`), to keep APQ apart in a store shared with others. */
  keyPrefix?: string;
  /** How long a registered text is kept (default 24 h); Apollo's `persistedQueries.ttl`, when set, wins. */
  ttlMs?: number;
  /** Texts longer than this (UTF-8 bytes) are not stored (default 16 KiB). */
  maxQueryBytes?: number;
  /** Told about failures that became a miss or a skipped write (the store down, a bug). */
  onError?: (error: unknown, during: 'read' | 'write' | 'delete') => void;
}

/** The 64 hex digits Apollo ends every APQ key with: the sha256 of the text stored under it. */
const HASH_AT_END = /([0-9a-f]{64})$/;

function holdsItsHash(key: string, text: string): boolean {
  const hash = HASH_AT_END.exec(key)?.[1];
  return hash !== undefined && createHash('sha256').update(text, 'utf8').digest('hex') === hash;
}

/**
 * Adapts a {@link KeyValueCache} (milliseconds, throws {@link CacheUnavailableError}) to the cache
 * Apollo Server expects for APQ (seconds, a failure there would fail the request).
 *
 * A text is stored and returned only when its sha256 is the hash in its key. Apollo checks that
 * when a client registers a text, but not when it reads one back; a store someone else can write
 * to (a shared Redis) could otherwise make every portal that sends MijnOverzicht's hash run
 * another operation.
 */
export function createApqCache(store: KeyValueCache, options: ApqCacheOptions = {}): ApolloKeyValueCache {
  const prefix = options.keyPrefix ?? 'persisted-query:';
  const defaultTtlMs = options.ttlMs ?? DEFAULT_APQ_TTL_MS;
  const maxBytes = options.maxQueryBytes ?? DEFAULT_APQ_MAX_QUERY_BYTES;
  const onError = options.onError ?? (() => undefined);
  return {
    async get(key) {
      try {
        const text = await store.get(prefix + key);
        return text !== undefined && holdsItsHash(key, text) ? text : undefined;
      } catch (error) {
        onError(error, 'read');
        return undefined;
      }
    },
    async set(key, text, setOptions) {
      if (Buffer.byteLength(text, 'utf8') > maxBytes || !holdsItsHash(key, text)) return;
      const ttl = setOptions?.ttl;
      const ttlMs = typeof ttl === 'number' && ttl > 0 ? Math.ceil(ttl * 1000) : defaultTtlMs;
      try {
        await store.set(prefix + key, text, { ttlMs });
      } catch (error) {
        onError(error, 'write');
      }
    },
    async delete(key) {
      try {
        await store.delete(prefix + key);
      } catch (error) {
        onError(error, 'delete');
      }
    },
  };
}

export interface ApqStoreConfig {
  /** Redis shared by the gateway's replicas; without it each process keeps its own, in memory. */
  redis?: RedisConnection | undefined;
  /** How long one Redis command may take before it counts as a miss (default 50 ms). */
  redisTimeoutMs?: number | undefined;
  /** Redis namespace of the gateway (default `profielservice:gateway:`). */
  redisKeyPrefix?: string | undefined;
}

/**
 * The APQ cache of the gateway process. Redis is an optimisation, not a dependency: the
 * connection (its owner opens and closes it) reconnects by itself and fails commands at once
 * while down, and every failure is a miss here. An outage is logged by the connection, once.
 */
export function openApqCache(
  config: ApqStoreConfig,
  logger: Logger,
  options: Omit<ApqCacheOptions, 'onError'> = {},
): ApolloKeyValueCache {
  const onError = (error: unknown, during: 'read' | 'write' | 'delete') => {
    // Redis being down is logged once per outage by the connection, not once per request.
    if (error instanceof CacheUnavailableError) return;
    logger.warn({ during, reason: reasonOf(error) }, 'apq cache');
  };
  // Without Redis: at most 1 000 texts of at most `maxQueryBytes`, bounded memory for one process.
  const store = config.redis
    ? createRedisCache(config.redis.client, {
        keyPrefix: config.redisKeyPrefix ?? 'profielservice:gateway:',
        timeoutMs: config.redisTimeoutMs ?? 50,
        onAvailabilityChange: config.redis.availabilityChanged,
      })
    : createMemoryCache({ maxEntries: 1_000 });
  return createApqCache(store, { ...options, onError });
}
