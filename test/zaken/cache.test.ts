import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CacheUnavailableError,
  createMemoryCache,
  createRedisCache,
  createStaleWhileRevalidate,
  type KeyValueCache,
} from '../../lib/cache/index.js';

const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The client as created below (RESP 3 defaults); a named type so helpers can take it. */
type RedisClient = ReturnType<typeof makeClient>;
const makeClient = () => createClient({ url: REDIS_URL, socket: { connectTimeout: 1_000, reconnectStrategy: false } });

/** A connected client, or the reason Redis does not answer (the Redis suite then skips, saying so). */
async function connectRedis(): Promise<{ client: RedisClient } | { reason: string }> {
  const client = makeClient();
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return { client };
  } catch (error) {
    client.destroy();
    return { reason: error instanceof Error ? error.message : String(error) };
  }
}

const redis = await connectRedis();
if ('reason' in redis)
  console.warn(`Redis at ${REDIS_URL} does not answer (${redis.reason}); skipping the Redis cache tests.`);

/**
 * The one contract of a KeyValueCache, run over every implementation. Each run gets its own key
 * space (a fresh prefix for Redis, a fresh instance for memory), so runs do not see each other.
 */
const implementations: Array<{ name: string; skip: boolean; make: () => KeyValueCache }> = [
  { name: 'memory', skip: false, make: () => createMemoryCache() },
  {
    name: 'redis',
    skip: !('client' in redis),
    make: () => createRedisCache((redis as { client: RedisClient }).client, { keyPrefix: `test:${randomUUID()}:` }),
  },
];

afterAll(async () => {
  if ('client' in redis) await redis.client.close();
});

describe.each(implementations)('KeyValueCache contract: $name', ({ make, skip }) => {
  let cache: KeyValueCache;
  beforeAll(() => {
    if (!skip) cache = make();
  });

  it.skipIf(skip)('returns undefined for a key never set', async () => {
    await expect(cache.get('nooit-gezet')).resolves.toBeUndefined();
  });

  it.skipIf(skip)('returns what was set, byte for byte (unicode and JSON included)', async () => {
    const value = JSON.stringify({ tekst: 'Beëindigd – “klaar” ✓', lijst: [1, 2, 3] });
    await cache.set('waarde', value, { ttlMs: 10_000 });
    await expect(cache.get('waarde')).resolves.toBe(value);
  });

  it.skipIf(skip)('replaces a value on set', async () => {
    await cache.set('vervang', 'oud', { ttlMs: 10_000 });
    await cache.set('vervang', 'nieuw', { ttlMs: 10_000 });
    await expect(cache.get('vervang')).resolves.toBe('nieuw');
  });

  it.skipIf(skip)('forgets a value after its ttl', async () => {
    await cache.set('kort', 'x', { ttlMs: 50 });
    await expect(cache.get('kort')).resolves.toBe('x');
    await sleep(120);
    await expect(cache.get('kort')).resolves.toBeUndefined();
  });

  it.skipIf(skip)('deletes a key, and deleting a missing key is fine', async () => {
    await cache.set('weg', 'x', { ttlMs: 10_000 });
    await cache.delete('weg');
    await expect(cache.get('weg')).resolves.toBeUndefined();
    await expect(cache.delete('bestaat-niet')).resolves.toBeUndefined();
  });

  it.skipIf(skip)('keeps keys that look alike apart (URLs as keys)', async () => {
    await cache.set('https://a.example/zaaktypen/1', 'a', { ttlMs: 10_000 });
    await cache.set('https://b.example/zaaktypen/1', 'b', { ttlMs: 10_000 });
    await expect(cache.get('https://a.example/zaaktypen/1')).resolves.toBe('a');
    await expect(cache.get('https://b.example/zaaktypen/1')).resolves.toBe('b');
  });

  it.skipIf(skip)('refuses a ttl that is not a positive whole number of milliseconds', async () => {
    await expect(cache.set('x', 'y', { ttlMs: 0 })).rejects.toThrow(RangeError);
    await expect(cache.set('x', 'y', { ttlMs: 1.5 })).rejects.toThrow(RangeError);
  });
});

describe('Redis cache specifics', () => {
  it.skipIf(!('client' in redis))('puts the prefix before every key, and two prefixes do not share keys', async () => {
    const client = (redis as { client: RedisClient }).client;
    const prefix = `test:${randomUUID()}:`;
    const one = createRedisCache(client, { keyPrefix: prefix });
    const other = createRedisCache(client, { keyPrefix: `test:${randomUUID()}:` });
    await one.set('sleutel', 'waarde', { ttlMs: 10_000 });
    await expect(client.get(`${prefix}sleutel`)).resolves.toBe('waarde');
    await expect(other.get('sleutel')).resolves.toBeUndefined();
    const ttl = await client.pTTL(`${prefix}sleutel`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(10_000);
  });

  it('requires a key prefix', () => {
    const stub = { get: async () => null, set: async () => 'OK', del: async () => 1 };
    expect(() => createRedisCache(stub, { keyPrefix: '' })).toThrow(/keyPrefix/);
  });

  it('turns a failing or hanging Redis into CacheUnavailableError instead of waiting', async () => {
    const failing = createRedisCache(
      { get: async () => Promise.reject(new Error('The client is closed')), set: async () => 'OK', del: async () => 1 },
      { keyPrefix: 'x:' },
    );
    await expect(failing.get('a')).rejects.toBeInstanceOf(CacheUnavailableError);
    const hanging = createRedisCache(
      { get: () => new Promise<never>(() => undefined), set: async () => 'OK', del: async () => 1 },
      { keyPrefix: 'x:', timeoutMs: 30 },
    );
    const started = Date.now();
    await expect(hanging.get('a')).rejects.toBeInstanceOf(CacheUnavailableError);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('memory cache specifics', () => {
  it('holds at most maxEntries, dropping the oldest write first', async () => {
    const cache = createMemoryCache({ maxEntries: 2 });
    await cache.set('a', '1', { ttlMs: 10_000 });
    await cache.set('b', '2', { ttlMs: 10_000 });
    await cache.set('a', '1b', { ttlMs: 10_000 }); // rewritten: now the newest
    await cache.set('c', '3', { ttlMs: 10_000 });
    expect(await Promise.all(['a', 'b', 'c'].map((k) => cache.get(k)))).toEqual(['1b', undefined, '3']);
  });
});

describe('stale-while-revalidate', () => {
  function setup(options: { store?: KeyValueCache } = {}) {
    let clock = 1_000_000;
    const errors: string[] = [];
    const store = options.store ?? createMemoryCache({ now: () => clock });
    const swr = createStaleWhileRevalidate(store, {
      ttlMs: 1_000,
      staleMs: 5_000,
      now: () => clock,
      onError: (_error, { during }) => errors.push(during),
    });
    let calls = 0;
    let answer: () => Promise<string> = async () => `versie ${++calls}`;
    return {
      swr,
      errors,
      load: () => answer(),
      calls: () => calls,
      advance: (ms: number) => (clock += ms),
      failFromNowOn: () => (answer = async () => Promise.reject(new Error('catalogi down'))),
    };
  }

  it('loads once, then answers from the cache while fresh', async () => {
    const t = setup();
    await expect(t.swr.get('k', t.load)).resolves.toBe('versie 1');
    t.advance(999);
    await expect(t.swr.get('k', t.load)).resolves.toBe('versie 1');
    expect(t.calls()).toBe(1);
  });

  it('shares one load between concurrent callers of a missing key', async () => {
    const t = setup();
    const results = await Promise.all([t.swr.get('k', t.load), t.swr.get('k', t.load), t.swr.get('k', t.load)]);
    expect(results).toEqual(['versie 1', 'versie 1', 'versie 1']);
    expect(t.calls()).toBe(1);
  });

  it('once stale, answers with the stale value at once and refreshes in the background', async () => {
    const t = setup();
    await t.swr.get('k', t.load);
    t.advance(1_500);
    await expect(t.swr.get('k', t.load)).resolves.toBe('versie 1');
    await t.swr.idle();
    expect(t.calls()).toBe(2);
    await expect(t.swr.get('k', t.load)).resolves.toBe('versie 2');
  });

  it('keeps serving the stale value while the source fails, and reports the failed refresh', async () => {
    const t = setup();
    await t.swr.get('k', t.load);
    t.failFromNowOn();
    t.advance(2_000);
    await expect(t.swr.get('k', t.load)).resolves.toBe('versie 1');
    await t.swr.idle();
    expect(t.errors).toEqual(['refresh']);
    await expect(t.swr.get('k', t.load)).resolves.toBe('versie 1');
  });

  it('after ttl + stale window the value is gone: the caller waits for the source, and gets its error', async () => {
    const t = setup();
    await t.swr.get('k', t.load);
    t.failFromNowOn();
    t.advance(6_001);
    await expect(t.swr.get('k', t.load)).rejects.toThrow('catalogi down');
  });

  it('a cache backend that fails counts as a miss: the source answers', async () => {
    const broken: KeyValueCache = {
      get: async () => Promise.reject(new CacheUnavailableError('redis down')),
      set: async () => Promise.reject(new CacheUnavailableError('redis down')),
      delete: async () => undefined,
    };
    const t = setup({ store: broken });
    await expect(t.swr.get('k', t.load)).resolves.toBe('versie 1');
    expect(t.errors).toEqual(['read', 'write']);
  });

  it.skipIf(!('client' in redis))(
    'works the same over Redis: a second cache instance sees the first one’s value',
    async () => {
      const client = (redis as { client: RedisClient }).client;
      const prefix = `test:${randomUUID()}:`;
      const first = createStaleWhileRevalidate(createRedisCache(client, { keyPrefix: prefix }), {
        ttlMs: 60_000,
        staleMs: 60_000,
      });
      const second = createStaleWhileRevalidate(createRedisCache(client, { keyPrefix: prefix }), {
        ttlMs: 60_000,
        staleMs: 60_000,
      });
      await first.get('statustypen', async () => [{ volgnummer: 1, omschrijving: 'Ontvangen' }]);
      let asked = false;
      const fromOther = await second.get('statustypen', async () => {
        asked = true;
        return [];
      });
      expect(asked).toBe(false);
      expect(fromOther).toEqual([{ volgnummer: 1, omschrijving: 'Ontvangen' }]);
    },
  );
});
