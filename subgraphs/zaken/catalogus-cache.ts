import { createClient } from 'redis';
import {
  createMemoryCache,
  createRedisCache,
  createStaleWhileRevalidate,
  type KeyValueCache,
  type StaleWhileRevalidate,
} from '../../lib/cache/index.js';
import type { Logger } from '../../lib/logging.js';

/** The cache settings of the zaken subgraph (from its config). */
export interface CatalogusCacheConfig {
  REDIS_URL?: string | undefined;
  ZAKEN_CACHE_PREFIX: string;
  ZAKEN_CATALOGUS_TTL_SECONDS: number;
  ZAKEN_CATALOGUS_STALE_SECONDS: number;
}

/**
 * The catalogus cache of the process: Redis when `REDIS_URL` is set (shared by every replica),
 * memory otherwise. Redis is an optimisation here, not a dependency: the process starts while
 * Redis is down, and every cache failure falls back to asking the Catalogi API.
 */
export function createCatalogusCache(
  config: CatalogusCacheConfig,
  logger: Logger,
): { cache: StaleWhileRevalidate; close(): Promise<void> } {
  let store: KeyValueCache;
  let close = async () => undefined;
  if (config.REDIS_URL) {
    const client = createClient({
      url: config.REDIS_URL,
      // Fail commands at once while disconnected rather than queueing them behind a page.
      disableOfflineQueue: true,
      socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 10_000) },
    });
    let down = false;
    // The URL may hold a password: log the reason only.
    client.on('error', (error: unknown) => {
      if (down) return;
      down = true;
      logger.warn(
        { reason: error instanceof Error ? error.message : 'unknown' },
        'redis unavailable; catalogus from the source',
      );
    });
    client.on('ready', () => {
      if (down) logger.info('redis available again');
      down = false;
    });
    client.connect().catch(() => undefined); // reported through the 'error' event; reconnects by itself
    store = createRedisCache(client, { keyPrefix: config.ZAKEN_CACHE_PREFIX });
    close = async () => {
      try {
        await client.close();
      } catch {
        client.destroy();
      }
    };
  } else {
    store = createMemoryCache();
  }
  const cache = createStaleWhileRevalidate(store, {
    ttlMs: config.ZAKEN_CATALOGUS_TTL_SECONDS * 1000,
    staleMs: config.ZAKEN_CATALOGUS_STALE_SECONDS * 1000,
    onError: (error, { key, during }) =>
      logger.warn({ key, during, reason: error instanceof Error ? error.message : 'unknown' }, 'catalogus cache'),
  });
  return { cache, close };
}
