import type { createClient } from 'redis';
import type { Logger } from '../logging.js';

/** What went wrong, in words that are safe to log: node's error code or the error's class name (never the URL). */
export function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown';
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : error.name;
}

/**
 * Wait before reconnect attempt `retries` + 1: 100 ms doubling up to 10 s, so a Redis that comes
 * back is used again within seconds, and one that stays down costs one attempt per 10 s.
 */
export const redisReconnectDelay = (retries: number): number => Math.min(100 * 2 ** retries, 10_000);

/** Fail commands at once while disconnected, rather than queueing them behind a page. */
const newClient = (create: typeof createClient, url: string) =>
  create({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: 2_000, reconnectStrategy: redisReconnectDelay },
  });

export type RedisClient = ReturnType<typeof newClient>;

export interface RedisConnection {
  readonly client: RedisClient;
  /**
   * Report that a command failed (`false`) or that Redis answers again (`true`); pass it as
   * `onAvailabilityChange` of a Redis cache. The connection logs each change once.
   */
  readonly availabilityChanged: (ok: boolean, reason: string) => void;
  /** Closes the connection: gracefully when Redis answers, cut after a second when it does not. */
  close(): Promise<void>;
}

/**
 * One process's connection to Redis, for what Redis only makes better (shared caches, counters
 * across replicas), never for what a page needs: the process starts while Redis is down and
 * reconnects by itself; while there is no connection, commands fail at once instead of queueing
 * behind a page. An outage is logged once when it starts (saying `whileDown`: what works
 * differently meanwhile) and once when Redis answers again. The client library is loaded here,
 * not on import: a process configured without Redis does not carry its 5 MB of heap.
 */
export async function openRedisConnection(
  url: string,
  options: { logger: Logger; whileDown: string },
): Promise<RedisConnection> {
  const { logger } = options;
  const { createClient: create } = await import('redis');
  const client = newClient(create, url);
  let down = false;
  const availabilityChanged = (ok: boolean, reason: string) => {
    if (ok === !down) return;
    down = !ok;
    if (ok) logger.info('redis available again');
    else logger.warn({ reason }, `redis unavailable; ${options.whileDown}`);
  };
  // Every failed reconnect emits 'error'; only the first of an outage is logged.
  client.on('error', (error: unknown) => availabilityChanged(false, reasonOf(error)));
  client.on('ready', () => availabilityChanged(true, 'ready'));
  client.connect().catch(() => undefined); // reported through the 'error' event; reconnects by itself
  return {
    client,
    availabilityChanged,
    async close() {
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
    },
  };
}
