import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { pino } from 'pino';
import { createClient } from 'redis';
import { afterEach, describe, expect, it } from 'vitest';
import type { GatewayContext } from '../../gateway/datasources/subgraph-source.js';
import {
  DEFAULT_RATE_LIMITS,
  addressKey,
  createRateLimits,
  type RateLimitRedis,
  type RateLimiting,
  type RateLimits,
  type RateLimitsOptions,
} from '../../gateway/plugins/rate-limits.js';
import type { Caller } from '../../lib/internal-token.js';
import { listen } from '../../lib/http/listen.js';
import { silentLogger } from '../../lib/logging.js';
import { registry } from '../../lib/observability/metrics.js';
import { probeRedis, TEST_REDIS_URL } from '../helpers/services.js';

/**
 * The gateway's rate limits, against a small front built like the gateway's: the address limit
 * before the body is read, the resident's limit where the caller is established (the context
 * function), the verification limit as an Apollo plugin. The client's address comes from
 * `X-Forwarded-For`, with the test playing the trusted proxy.
 */

const redis = await probeRedis(TEST_REDIS_URL);
if (!redis.ok) console.warn(`${redis.reason}; skipping the tests that need a real Redis.`);

const TYPE_DEFS = `#graphql
  type Query { hallo: String! }
  type Mutation {
    voegContactgegevenToe(adres: String!): Boolean!
    stuurVerificatiecodeOpnieuw(id: ID!): Boolean!
    verifieerContactgegeven(code: String!): Boolean!
    wijzigVoorkeuren(kanaal: String!): Boolean!
  }
`;

const MESSAGE = 'U hebt te veel verzoeken gedaan. Wacht even en probeer het opnieuw.';
const REFUSED_BODY = { errors: [{ message: MESSAGE, extensions: { code: 'TE_VEEL_VERZOEKEN' } }] };

/** Roomy limits: each test tightens the one it is about. Windows of 2 s: short, yet never crossed by accident. */
const ROOMY: RateLimits = {
  address: { points: 1_000, durationSeconds: 2 },
  resident: { points: 1_000, durationSeconds: 2 },
  verification: { points: 1_000, durationSeconds: 2 },
};

const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step().catch(() => undefined);
});

interface Front {
  /** Sends one GraphQL request; `from` is the client's address, `as` the resident's gebruikerId. */
  send(
    query: string,
    options?: { from?: string; as?: string },
  ): Promise<{ status: number; retryAfter: string | null; body: unknown }>;
  /** Resolver calls per mutation name. */
  readonly calls: Map<string, number>;
}

function caller(gebruikerId: string | undefined): Caller {
  if (gebruikerId === undefined) return { kind: 'anonymous', requestId: randomUUID() };
  return {
    kind: 'person',
    requestId: randomUUID(),
    gebruikerId,
    identity: { soort: 'INWONER', middel: 'DIGID', niveau: 'MIDDEN', bsn: '999993653' },
  };
}

async function startFront(
  limiting: RateLimiting,
  { trustProxy = true }: { trustProxy?: boolean } = {},
): Promise<Front> {
  const calls = new Map<string, number>();
  const mutation = (name: string) => () => {
    calls.set(name, (calls.get(name) ?? 0) + 1);
    return true;
  };
  // Typed with the gateway's own context: the plugin must fit the gateway's Apollo Server.
  const apollo = new ApolloServer<GatewayContext>({
    typeDefs: TYPE_DEFS,
    resolvers: {
      Query: { hallo: () => 'hallo' },
      Mutation: Object.fromEntries(
        ['voegContactgegevenToe', 'stuurVerificatiecodeOpnieuw', 'verifieerContactgegeven', 'wijzigVoorkeuren'].map(
          (name) => [name, mutation(name)],
        ),
      ),
    },
    includeStacktraceInErrorResponses: false,
    plugins: [limiting.verificationPlugin],
  });
  await apollo.start();
  cleanup.push(() => apollo.stop());
  const app = express();
  if (trustProxy) app.set('trust proxy', 'loopback');
  app.use(
    '/graphql',
    limiting.addressLimit,
    express.json(),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        // Stands in for the token check: the test names the resident in a header.
        const sent = req.headers['x-test-gebruiker'];
        const who = caller(typeof sent === 'string' ? sent : undefined);
        if (who.kind === 'person') await limiting.consumeResident(who.gebruikerId);
        return { caller: who, deadline: Date.now() + 4_000 };
      },
    }),
  );
  const server = await listen(createHttpServer(app), { port: 0 });
  cleanup.push(() => server.close());
  return {
    calls,
    async send(query, { from = '198.51.100.7', as } = {}) {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': from,
          ...(as === undefined ? {} : { 'x-test-gebruiker': as }),
        },
        body: JSON.stringify({ query }),
      });
      return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.json() };
    },
  };
}

function limitsWith(overrides: Partial<RateLimits>, options: Partial<RateLimitsOptions> = {}): RateLimiting {
  return createRateLimits({
    limits: { ...ROOMY, ...overrides },
    keyPrefix: `test:rate-limits:${randomUUID()}`,
    logger: silentLogger,
    ...options,
  });
}

const statuses = async (count: number, request: () => Promise<{ status: number }>): Promise<number[]> => {
  const result: number[] = [];
  for (let i = 0; i < count; i += 1) result.push((await request()).status);
  return result;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const VERIFIEER = 'mutation { verifieerContactgegeven(code: "123456") }';
const WIJZIG = 'mutation { wijzigVoorkeuren(kanaal: "EMAIL") }';

/** A refusal as a client must see it: 429, a Retry-After in whole seconds within the window, the coded Dutch body. */
function expectRefused(answer: { status: number; retryAfter: string | null; body: unknown }, windowSeconds: number) {
  expect(answer.status).toBe(429);
  expect(answer.retryAfter).toMatch(/^\d+$/);
  expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(answer.retryAfter)).toBeLessThanOrEqual(windowSeconds);
  expect(answer.body).toEqual(REFUSED_BODY);
}

describe('the defaults', () => {
  it('let a resident click about once a second, give a shared address far more room, and keep verification strict', () => {
    const perSecond = (limit: { points: number; durationSeconds: number }) => limit.points / limit.durationSeconds;
    expect(perSecond(DEFAULT_RATE_LIMITS.resident)).toBeGreaterThanOrEqual(1);
    expect(perSecond(DEFAULT_RATE_LIMITS.address)).toBeGreaterThanOrEqual(10 * perSecond(DEFAULT_RATE_LIMITS.resident));
    expect(DEFAULT_RATE_LIMITS.verification.points).toBeLessThanOrEqual(10);
    expect(DEFAULT_RATE_LIMITS.verification.durationSeconds).toBeGreaterThanOrEqual(600);
  });

  it('refuses a window Redis cannot keep (under a second, or a fraction) and a limit of nothing', () => {
    expect(() => limitsWith({ resident: { points: 10, durationSeconds: 0.5 } })).toThrow(RangeError);
    expect(() => limitsWith({ resident: { points: 10, durationSeconds: 1.5 } })).toThrow(RangeError);
    expect(() => limitsWith({ address: { points: 0, durationSeconds: 1 } })).toThrow(RangeError);
    expect(() => limitsWith({}, { keyPrefix: '' })).toThrow(RangeError);
  });
});

describe('the limit per client address', () => {
  it('lets the limit through, refuses the next with 429, Retry-After and a coded body, and leaves other addresses alone', async () => {
    const front = await startFront(limitsWith({ address: { points: 5, durationSeconds: 2 } }));
    const before = (await registry.getSingleMetric('profielservice_rate_limited_total')?.get())?.values ?? [];
    const refusedBefore = before.find((v) => v.labels['limit'] === 'address')?.value ?? 0;

    expect(await statuses(5, () => front.send('{ hallo }', { from: '198.51.100.1' }))).toEqual([
      200, 200, 200, 200, 200,
    ]);
    const over = await front.send('{ hallo }', { from: '198.51.100.1' });
    expectRefused(over, 2);
    expect((await front.send('{ hallo }', { from: '198.51.100.2' })).status).toBe(200);

    const after = (await registry.getSingleMetric('profielservice_rate_limited_total')?.get())?.values ?? [];
    expect(after.find((v) => v.labels['limit'] === 'address')?.value).toBe(refusedBefore + 1);
  });

  it('counts before the token is checked: residents behind one address share it', async () => {
    const front = await startFront(limitsWith({ address: { points: 3, durationSeconds: 2 } }));
    expect(await statuses(3, () => front.send('{ hallo }', { as: randomUUID() }))).toEqual([200, 200, 200]);
    expectRefused(await front.send('{ hallo }', { as: randomUUID() }), 2);
  });

  it('passes again once the window is over', async () => {
    const front = await startFront(limitsWith({ address: { points: 2, durationSeconds: 1 } }));
    await statuses(2, () => front.send('{ hallo }'));
    const over = await front.send('{ hallo }');
    expect(over.status).toBe(429);
    await sleep(Number(over.retryAfter) * 1_000 + 100);
    expect((await front.send('{ hallo }')).status).toBe(200);
  });

  it('ignores X-Forwarded-For unless a proxy is trusted: a client cannot name a fresh address', async () => {
    const front = await startFront(limitsWith({ address: { points: 2, durationSeconds: 2 } }), { trustProxy: false });
    expect((await front.send('{ hallo }', { from: '203.0.113.1' })).status).toBe(200);
    expect((await front.send('{ hallo }', { from: '203.0.113.2' })).status).toBe(200);
    expect((await front.send('{ hallo }', { from: '203.0.113.3' })).status).toBe(429);
  });

  it('counts an IPv6 client by its /64, so stepping through its own addresses gains nothing', async () => {
    const front = await startFront(limitsWith({ address: { points: 2, durationSeconds: 2 } }));
    expect((await front.send('{ hallo }', { from: '2001:db8:1:2::1' })).status).toBe(200);
    expect((await front.send('{ hallo }', { from: '2001:db8:1:2:ffff:ffff:ffff:fffe' })).status).toBe(200);
    expect((await front.send('{ hallo }', { from: '2001:db8:1:2::abcd' })).status).toBe(429);
    expect((await front.send('{ hallo }', { from: '2001:db8:1:3::1' })).status).toBe(200);
  });

  it('keys addresses by IPv4 address and IPv6 /64, whatever way they are written', () => {
    expect(addressKey('192.0.2.10')).toBe('192.0.2.10');
    expect(addressKey('::ffff:192.0.2.10')).toBe('192.0.2.10');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('2001:0DB8:0000:0000:1234::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('64:ff9b::192.0.2.10')).toBe('64:ff9b:0:0::/64');
    expect(addressKey('2001:db8:a:b:c:d:192.0.2.1')).toBe('2001:db8:a:b::/64');
    expect(addressKey(undefined)).toBe('onbekend');
  });
});

describe('the limit per resident', () => {
  it('lets the limit through, refuses the next with 429, Retry-After and a coded body, and leaves other residents alone', async () => {
    const front = await startFront(limitsWith({ resident: { points: 4, durationSeconds: 2 } }));
    const suzanne = randomUUID();
    expect(await statuses(4, () => front.send('{ hallo }', { as: suzanne }))).toEqual([200, 200, 200, 200]);
    expectRefused(await front.send('{ hallo }', { as: suzanne }), 2);
    // From another address as well: the limit follows the resident, not the connection.
    expectRefused(await front.send('{ hallo }', { as: suzanne, from: '192.0.2.99' }), 2);
    expect((await front.send('{ hallo }', { as: randomUUID() })).status).toBe(200);
    expect((await front.send('{ hallo }')).status).toBe(200);
  });

  it('passes again once the window is over', async () => {
    const front = await startFront(limitsWith({ resident: { points: 2, durationSeconds: 1 } }));
    const resident = randomUUID();
    await statuses(2, () => front.send('{ hallo }', { as: resident }));
    const over = await front.send('{ hallo }', { as: resident });
    expect(over.status).toBe(429);
    await sleep(Number(over.retryAfter) * 1_000 + 100);
    expect((await front.send('{ hallo }', { as: resident })).status).toBe(200);
  });
});

describe('the limit on verification codes', () => {
  it('is stricter than the general limit and counts only the verification mutations', async () => {
    const front = await startFront(
      limitsWith({ resident: { points: 20, durationSeconds: 2 }, verification: { points: 2, durationSeconds: 2 } }),
    );
    const resident = randomUUID();
    // Other operations, mutations included, do not use up the verification budget.
    expect(await statuses(4, () => front.send(WIJZIG, { as: resident }))).toEqual([200, 200, 200, 200]);
    expect(await statuses(2, () => front.send('{ hallo }', { as: resident }))).toEqual([200, 200]);

    expect(
      (await front.send('mutation { voegContactgegevenToe(adres: "a@example.nl") }', { as: resident })).status,
    ).toBe(200);
    expect((await front.send('mutation { stuurVerificatiecodeOpnieuw(id: "1") }', { as: resident })).status).toBe(200);
    const over = await front.send(VERIFIEER, { as: resident });
    expectRefused(over, 2);
    // Refused before it ran: no code was checked.
    expect(front.calls.get('verifieerContactgegeven')).toBeUndefined();

    // The resident may still do everything else, and another resident may still verify.
    expect((await front.send(WIJZIG, { as: resident })).status).toBe(200);
    expect((await front.send(VERIFIEER, { as: randomUUID() })).status).toBe(200);
  });

  it('counts every verification field in one request: aliases and fragments do not multiply the guesses', async () => {
    const front = await startFront(limitsWith({ verification: { points: 2, durationSeconds: 2 } }));
    const aliased = `mutation {
      a: verifieerContactgegeven(code: "111111")
      b: verifieerContactgegeven(code: "222222")
      c: verifieerContactgegeven(code: "333333")
    }`;
    expectRefused(await front.send(aliased, { as: randomUUID() }), 2);

    const fragments = `
      mutation { ...Twee ... on Mutation { c: verifieerContactgegeven(code: "333333") } }
      fragment Twee on Mutation { a: verifieerContactgegeven(code: "111111") b: verifieerContactgegeven(code: "222222") }
    `;
    expectRefused(await front.send(fragments, { as: randomUUID() }), 2);
    expect(front.calls.get('verifieerContactgegeven')).toBeUndefined();

    // Two in one request fit a limit of two.
    const two = 'mutation { a: verifieerContactgegeven(code: "1") b: verifieerContactgegeven(code: "2") }';
    expect((await front.send(two, { as: randomUUID() })).status).toBe(200);
    expect(front.calls.get('verifieerContactgegeven')).toBe(2);
  });

  it('passes again once the window is over', async () => {
    const front = await startFront(limitsWith({ verification: { points: 1, durationSeconds: 1 } }));
    const resident = randomUUID();
    expect((await front.send(VERIFIEER, { as: resident })).status).toBe(200);
    const over = await front.send(VERIFIEER, { as: resident });
    expect(over.status).toBe(429);
    await sleep(Number(over.retryAfter) * 1_000 + 100);
    expect((await front.send(VERIFIEER, { as: resident })).status).toBe(200);
  });
});

describe.skipIf(!redis.ok)('with Redis', () => {
  async function connectedClient() {
    const client = createClient({ url: TEST_REDIS_URL, disableOfflineQueue: true });
    client.on('error', () => undefined);
    await client.connect();
    cleanup.push(async () => client.destroy());
    return client;
  }

  it('two gateway replicas share one count per resident and per address', async () => {
    const keyPrefix = `test:rate-limits:${randomUUID()}`;
    const limits: RateLimits = {
      ...ROOMY,
      address: { points: 6, durationSeconds: 3 },
      resident: { points: 4, durationSeconds: 3 },
    };
    const options = { limits, keyPrefix, logger: silentLogger };
    const a = await startFront(createRateLimits({ ...options, redis: await connectedClient() }));
    const b = await startFront(createRateLimits({ ...options, redis: await connectedClient() }));
    const resident = randomUUID();
    const answers = [];
    for (const replica of [a, b, a, b]) answers.push((await replica.send('{ hallo }', { as: resident })).status);
    expect(answers).toEqual([200, 200, 200, 200]);
    // Each replica saw two requests of its own: only a shared count refuses the fifth.
    expectRefused(await a.send('{ hallo }', { as: resident }), 3);
    expectRefused(await b.send('{ hallo }', { as: resident }), 3);

    // The address had 6 requests so far, spread over the replicas: the next is over.
    expectRefused(await b.send('{ hallo }', { as: randomUUID() }), 3);

    const inspect = await connectedClient();
    expect((await inspect.keys(`${keyPrefix}:*`)).length).toBeGreaterThan(0);
  });
});

describe('with Redis unreachable', () => {
  /** Requests must be answered at once, not after a connect or command timeout of seconds. */
  const QUICK_MS = 250;

  async function timed(front: Front, query: string, options: { from?: string; as?: string } = {}) {
    const started = performance.now();
    const answer = await front.send(query, options);
    return { ...answer, ms: performance.now() - started };
  }

  async function closedPort(): Promise<number> {
    const server = createTcpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (typeof address !== 'object' || address === null) throw new Error('no address');
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return address.port;
  }

  function capturingLogger() {
    const lines: Array<{ level: number; msg: string }> = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    return { logger, messages: () => lines.map((line) => line.msg) };
  }

  it('(stopped) answers quickly, still limits in memory, and logs the outage once', async () => {
    // Made as the gateway makes its client: it keeps trying to reach a Redis that is not there.
    const client = createClient({
      url: `redis://127.0.0.1:${await closedPort()}`,
      disableOfflineQueue: true,
      socket: { connectTimeout: 2_000, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 10_000) },
    });
    client.on('error', () => undefined);
    void client.connect().catch(() => undefined);
    cleanup.push(async () => client.destroy());
    const { logger, messages } = capturingLogger();
    const front = await startFront(
      limitsWith({ resident: { points: 3, durationSeconds: 2 } }, { redis: client, logger }),
    );
    const resident = randomUUID();
    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push(await timed(front, '{ hallo }', { as: resident }));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
    for (const answer of answers) expect(answer.ms).toBeLessThan(QUICK_MS);
    expectRefused(answers[3] ?? { status: 0, retryAfter: null, body: null }, 2);
    expect(messages().filter((m) => m.startsWith('redis unavailable'))).toHaveLength(1);
  });

  it('(black-holed) gives up on a command within the timeout, then does not ask Redis for a while', async () => {
    const sockets = new Set<Socket>();
    const hole = createTcpServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => hole.listen(0, '127.0.0.1', resolve));
    cleanup.push(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => hole.close(() => resolve()));
    });
    const address = hole.address();
    if (typeof address !== 'object' || address === null) throw new Error('no address');
    // Without a handshake (RESP2, no client info) the client is ready once TCP is up, so the
    // command is really sent, and never answered: Redis that stopped answering.
    const client = createClient({
      url: `redis://127.0.0.1:${address.port}`,
      RESP: 2,
      disableOfflineQueue: true,
      disableClientInfo: true,
      socket: { reconnectStrategy: false },
    });
    client.on('error', () => undefined);
    await client.connect();
    cleanup.push(async () => client.destroy());
    expect(client.isReady).toBe(true);
    let asked = 0;
    const counting: RateLimitRedis = {
      get isReady() {
        return client.isReady;
      },
      eval: (script, options) => {
        asked += 1;
        return client.eval(script, options);
      },
    };

    const front = await startFront(
      limitsWith(
        { resident: { points: 2, durationSeconds: 2 } },
        { redis: counting, redisTimeoutMs: 50, redisPauseAfterTimeoutMs: 1_000 },
      ),
    );
    const resident = randomUUID();
    const first = await timed(front, '{ hallo }', { as: resident });
    expect(first.status).toBe(200);
    expect(first.ms).toBeLessThan(QUICK_MS);
    // The address limit's command was sent and given up on; the resident's was not even tried.
    expect(asked).toBe(1);

    // Counted in memory meanwhile: the limit still holds, and Redis is left alone.
    const rest = [await timed(front, '{ hallo }', { as: resident }), await timed(front, '{ hallo }', { as: resident })];
    expect(rest.map((a) => a.status)).toEqual([200, 429]);
    for (const answer of rest) expect(answer.ms).toBeLessThan(QUICK_MS);
    expect(asked).toBe(1);

    // After the pause Redis is asked again, so a Redis that recovered is used again.
    await sleep(1_100);
    expect((await timed(front, '{ hallo }', { as: randomUUID() })).ms).toBeLessThan(QUICK_MS);
    expect(asked).toBe(2);
  }, 10_000);
});
