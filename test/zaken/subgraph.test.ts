import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryCache, createStaleWhileRevalidate, type StaleWhileRevalidate } from '../../lib/cache/index.js';
import type { Listening } from '../../lib/http/listen.js';
import { silentLogger } from '../../lib/logging.js';
import { createZgwSimulator, type ZgwSimulator } from '../../simulators/zgw/index.js';
import { createCatalogusCache } from '../../subgraphs/zaken/catalogus-cache.js';
import { start } from '../simulators/helpers.js';
import { startZakenSubgraph, ZGW_TEST_CLIENT } from './harness.js';
import { probeRedis, TEST_REDIS_URL } from '../helpers/services.js';

const CLIENT = ZGW_TEST_CLIENT;
const QUERY = `{ me { zaken { bron { status } items { identificatie status { statustekst } voortgang { volgnummer stand } } } } }`;

interface Answer {
  data?: {
    me: {
      zaken: {
        bron: { status: string };
        items: Array<{ identificatie: string; status: { statustekst: string } | null; voortgang: unknown[] | null }>;
      };
    } | null;
  } | null;
  errors?: Array<{ path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

const redis = await probeRedis();
if (!redis.ok) console.warn(`${redis.reason}; skipping the shared-cache replica test.`);

/**
 * The zaken subgraph on its own, in front of one simulated zaaksysteem whose Catalogi API is a
 * second simulator with the same seed, so the Catalogi API can fail while the Zaken API answers.
 */
describe('zaken subgraph: catalogus cache and a Catalogi API that fails', () => {
  let zaken: ZgwSimulator;
  let catalogi: ZgwSimulator;
  let zakenL: Listening;
  let catalogiL: Listening;
  const servers: Array<{ close(): Promise<void> }> = [];

  beforeAll(async () => {
    zaken = createZgwSimulator({ seed: 'gemeente-a', clients: { [CLIENT.clientId]: CLIENT.secret } });
    catalogi = createZgwSimulator({ seed: 'gemeente-a', clients: { [CLIENT.clientId]: CLIENT.secret } });
    [zakenL, catalogiL] = await Promise.all([start(zaken), start(catalogi)]);
  });
  afterAll(async () => {
    for (const server of servers.reverse()) await server.close();
    await Promise.all([zakenL.close(), catalogiL.close()]);
  });

  /** A zaken subgraph replica with the given catalogus cache; returns a function that asks MijnZaken-like questions. */
  async function replica(
    catalogusCache: StaleWhileRevalidate,
    breaker?: { failureThreshold: number; openMs: number },
  ): Promise<(query?: string) => Promise<Answer>> {
    const subgraph = await startZakenSubgraph<Answer>({
      zakenBaseUrl: zakenL.url,
      catalogiBaseUrl: catalogiL.url,
      catalogusCache,
      ...(breaker ? { breaker } : {}),
    });
    servers.push(subgraph);
    return async (query = QUERY) => (await subgraph.query(query)).body;
  }

  it('Catalogi down and nothing cached: the zaken and their status stay, voortgang is null with a coded error', async () => {
    catalogi.setFaults({ failureRate: 1 });
    try {
      const ask = await replica(createStaleWhileRevalidate(createMemoryCache(), { ttlMs: 60_000, staleMs: 60_000 }));
      const answer = await ask();
      const items = answer.data?.me?.zaken.items ?? [];
      expect(answer.data?.me?.zaken.bron.status).toBe('OK');
      expect(items.map((z) => z.identificatie)).toEqual([
        'ZAAK-2026-0000000107',
        'ZAAK-2026-0000000101',
        'ZAAK-2026-0000000102',
      ]);
      expect(items.every((z) => z.status !== null && z.voortgang === null)).toBe(true);
      expect(answer.errors?.map((e) => [e.path?.join('.'), e.extensions?.['code'], e.extensions?.['bron']])).toEqual(
        items.map((_, i) => [`me.zaken.items.${i}.voortgang`, 'BRON_NIET_BESCHIKBAAR', 'Zaaksysteem A']),
      );
    } finally {
      catalogi.setFaults({});
    }
  });

  it('a stale copy is served while the Catalogi API is down, and refreshed once it is back', async () => {
    // Fresh for 1 ms only: every later request finds the copy stale and tries to refresh it.
    const cache = createStaleWhileRevalidate(createMemoryCache(), { ttlMs: 1, staleMs: 60_000 });
    // The Catalogi breaker opens while it is down and lets a probe through 100 ms after.
    const ask = await replica(cache, { failureThreshold: 5, openMs: 100 });
    catalogi.journal.clear();
    await ask();
    expect(catalogi.journal.entries()).toHaveLength(3);

    catalogi.setFaults({ failureRate: 1 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const answer = await ask();
    await cache.idle();
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.me?.zaken.items.every((z) => (z.voortgang ?? []).length === 3)).toBe(true);
    // The background refreshes failed (a 503 is retried once, until the breaker opens); the stale copy stayed.
    const down = catalogi.journal.entries().slice(3);
    expect(down.length).toBeGreaterThanOrEqual(3);
    expect(down.every((e) => e.status === 503)).toBe(true);

    catalogi.setFaults({});
    catalogi.journal.clear();
    // Once the breaker probes, the copies are refreshed: one probe first, then the rest.
    for (let i = 0; i < 3 && catalogi.journal.entries().filter((e) => e.status === 200).length < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 120));
      expect((await ask()).errors).toBeUndefined();
      await cache.idle();
    }
    expect(catalogi.journal.entries().map((e) => e.status)).toEqual([200, 200, 200]);
  });

  it.skipIf(!redis.ok)(
    'with REDIS_URL, replicas share the catalogus: the second one asks the Catalogi API nothing',
    async () => {
      const config = {
        REDIS_URL: TEST_REDIS_URL,
        ZAKEN_CACHE_PREFIX: `test:${randomUUID()}:`,
        ZAKEN_CATALOGUS_TTL_SECONDS: 60,
        ZAKEN_CATALOGUS_STALE_SECONDS: 60,
      };
      const first = await createCatalogusCache(config, silentLogger);
      const second = await createCatalogusCache(config, silentLogger);
      servers.push({ close: first.close }, { close: second.close });
      // The client connects in the background; wait until a cache round trip works.
      for (let i = 0; i < 50; i++) {
        if ((await first.cache.get('probe', async () => 'x')) === 'x' && i > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const one = await replica(first.cache);
      const two = await replica(second.cache);
      catalogi.journal.clear();
      await one();
      expect(catalogi.journal.entries().length).toBeGreaterThan(0);
      catalogi.journal.clear();
      const answer = await two();
      expect(catalogi.journal.entries()).toEqual([]);
      expect(answer.data?.me?.zaken.items.every((z) => (z.voortgang ?? []).length === 3)).toBe(true);
    },
  );

  it('a zaaksysteem without Documenten API: documenten is null (not an empty list), nothing is asked for them', async () => {
    const ask = await replica(createStaleWhileRevalidate(createMemoryCache(), { ttlMs: 60_000, staleMs: 60_000 }));
    zaken.journal.clear();
    const answer = (await ask('{ me { zaken { items { identificatie documenten { titel } } } } }')) as unknown as {
      data?: { me: { zaken: { items: Array<{ documenten: unknown }> } } };
    };
    expect(answer.data?.me.zaken.items.map((z) => z.documenten)).toEqual([null, null, null]);
    expect(zaken.journal.entries().map((e) => `${e.method} ${e.path}`)).toEqual(['POST /zaken/api/v1/zaken/_zoek']);
  });

  it('with REDIS_URL pointing nowhere, the subgraph still answers (from the Catalogi API)', async () => {
    const broken = await createCatalogusCache(
      {
        REDIS_URL: 'redis://127.0.0.1:1',
        ZAKEN_CACHE_PREFIX: 'test:',
        ZAKEN_CATALOGUS_TTL_SECONDS: 60,
        ZAKEN_CATALOGUS_STALE_SECONDS: 60,
      },
      silentLogger,
    );
    servers.push({ close: broken.close });
    const ask = await replica(broken.cache);
    const started = Date.now();
    const answer = await ask();
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.me?.zaken.items.every((z) => (z.voortgang ?? []).length === 3)).toBe(true);
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
