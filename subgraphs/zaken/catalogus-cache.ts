import {
  CacheUnavailableError,
  createMemoryCache,
  createRedisCache,
  createStaleWhileRevalidate,
  type KeyValueCache,
  type StaleWhileRevalidate,
} from '../../lib/cache/index.js';
import { openRedisConnection } from '../../lib/cache/redis-connection.js';
import type { Logger } from '../../lib/logging.js';

/** The cache settings of the zaken subgraph (from its config). */
export interface CatalogusCacheConfig {
  REDIS_URL?: string | undefined;
  /** How long one Redis command may take before the catalogus is asked directly (default 50 ms). */
  REDIS_TIMEOUT_MS?: number | undefined;
  ZAKEN_CACHE_PREFIX: string;
  ZAKEN_CATALOGUS_TTL_SECONDS: number;
  ZAKEN_CATALOGUS_STALE_SECONDS: number;
}

/**
 * The catalogus cache of the process: Redis when `REDIS_URL` is set (shared by every replica),
 * memory otherwise. Redis is an optimisation here, not a dependency: the process starts while
 * Redis is down, reconnects by itself, and every cache failure falls back to asking the Catalogi
 * API. While the client has no connection, cache calls fail at once; a Redis that stops
 * answering costs one call `REDIS_TIMEOUT_MS` and then is not asked for a second. An outage is
 * logged once, when it starts, and once when Redis answers again.
 */
export async function createCatalogusCache(
  config: CatalogusCacheConfig,
  logger: Logger,
): Promise<{ cache: StaleWhileRevalidate; close(): Promise<void> }> {
  let store: KeyValueCache;
  let close = async (): Promise<void> => undefined;
  if (config.REDIS_URL) {
    const redis = await openRedisConnection(config.REDIS_URL, { logger, whileDown: 'catalogus from the source' });
    store = createRedisCache(redis.client, {
      keyPrefix: config.ZAKEN_CACHE_PREFIX,
      timeoutMs: config.REDIS_TIMEOUT_MS ?? 50,
      onAvailabilityChange: redis.availabilityChanged,
    });
    close = () => redis.close();
  } else {
    store = createMemoryCache();
  }
  const cache = createStaleWhileRevalidate(store, {
    ttlMs: config.ZAKEN_CATALOGUS_TTL_SECONDS * 1000,
    staleMs: config.ZAKEN_CATALOGUS_STALE_SECONDS * 1000,
    onError: (error, { key, during }) => {
      // The cache being down is logged once per outage above, not once per call.
      if (error instanceof CacheUnavailableError) return;
      logger.warn({ key, during, reason: error instanceof Error ? error.message : 'unknown' }, 'catalogus cache');
    },
  });
  return { cache, close };
}
