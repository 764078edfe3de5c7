import { createClient } from 'redis';
import {
  CacheUnavailableError,
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
  /** How long one Redis command may take before the catalogus is asked directly (default 50 ms). */
  REDIS_TIMEOUT_MS?: number | undefined;
  ZAKEN_CACHE_PREFIX: string;
  ZAKEN_CATALOGUS_TTL_SECONDS: number;
  ZAKEN_CATALOGUS_STALE_SECONDS: number;
}

/** What went wrong, in words that are safe to log: node's error code or the error's class name (never the URL). */
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown';
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : error.name;
}

/**
 * Wait before reconnect attempt `retries` + 1: 100 ms doubling up to 10 s, so a Redis that comes
 * back is used again within seconds, and one that stays down costs one attempt per 10 s.
 */
export const redisReconnectDelay = (retries: number): number => Math.min(100 * 2 ** retries, 10_000);

/**
 * The catalogus cache of the process: Redis when `REDIS_URL` is set (shared by every replica),
 * memory otherwise. Redis is an optimisation here, not a dependency: the process starts while
 * Redis is down, reconnects by itself, and every cache failure falls back to asking the Catalogi
 * API. While the client has no connection, cache calls fail at once; a Redis that stops
 * answering costs one call `REDIS_TIMEOUT_MS` and then is not asked for a second. An outage is
 * logged once, when it starts, and once when Redis answers again.
 */
export function createCatalogusCache(
  config: CatalogusCacheConfig,
  logger: Logger,
): { cache: StaleWhileRevalidate; close(): Promise<void> } {
  let store: KeyValueCache;
  let close = async () => undefined;
  if (config.REDIS_URL) {
    const timeoutMs = config.REDIS_TIMEOUT_MS ?? 50;
    const client = createClient({
      url: config.REDIS_URL,
      // Fail commands at once while disconnected rather than queueing them behind a page.
      disableOfflineQueue: true,
      socket: { connectTimeout: 2_000, reconnectStrategy: redisReconnectDelay },
    });
    let down = false;
    const unavailable = (reason: string) => {
      if (down) return;
      down = true;
      logger.warn({ reason }, 'redis unavailable; catalogus from the source');
    };
    const available = () => {
      if (!down) return;
      down = false;
      logger.info('redis available again');
    };
    // Every failed reconnect emits 'error'; only the first of an outage is logged.
    client.on('error', (error: unknown) => unavailable(reasonOf(error)));
    client.on('ready', available);
    client.connect().catch(() => undefined); // reported through the 'error' event; reconnects by itself
    store = createRedisCache(client, {
      keyPrefix: config.ZAKEN_CACHE_PREFIX,
      timeoutMs,
      onAvailabilityChange: (ok, reason) => (ok ? available() : unavailable(reason)),
    });
    close = async () => {
      // A graceful close waits for every command Redis has not answered: with a Redis that
      // stopped answering that is forever, so it gets a moment and then the socket is cut.
      let timer: NodeJS.Timeout | undefined;
      const cut = new Promise<'cut'>((resolve) => {
        timer = setTimeout(() => resolve('cut'), client.isReady ? 1_000 : 0);
      });
      try {
        if ((await Promise.race([client.close(), cut])) === 'cut') client.destroy();
      } catch {
        client.destroy();
      } finally {
        clearTimeout(timer);
      }
    };
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
