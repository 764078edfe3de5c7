import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { pino } from 'pino';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createMemoryCache, type KeyValueCache } from '../../lib/cache/index.js';
import { ConfigError } from '../../lib/config.js';
import { listen } from '../../lib/http/listen.js';
import { bodyErrorHandler } from '../../lib/http/body-errors.js';
import { maskErrors } from '../../lib/graphql/mask-errors.js';
import { silentLogger, type Logger } from '../../lib/logging.js';
import { createApqCache, openApqCache, type ApolloKeyValueCache } from '../../gateway/plugins/apq-cache.js';
import { openRedisConnection } from '../../lib/cache/index.js';
import {
  loadPersistedDocuments,
  persistedDocumentsMiddleware,
  type PersistedDocuments,
} from '../../gateway/plugins/persisted-documents.js';
import { probeRedis, TEST_REDIS_URL } from '../helpers/services.js';

/**
 * Safelist mode, persisted documents and APQ storage, on a small Apollo Server + express app
 * wired as the gateway's HTTP front wires them (express.json → persisted documents → Apollo, the
 * one error boundary), with a tiny schema and a tiny manifest written here.
 */

const redis = await probeRedis(TEST_REDIS_URL);
if (!redis.ok) console.warn(`${redis.reason}; skipping the test that shares APQ through a real Redis.`);

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const HALLO = 'query Hallo { hallo }';
const GROET = 'query Groet($naam: String!) { groet(naam: $naam) }';
/** Not in the manifest. */
const GEHEIM = 'query Geheim { geheim }';
const NOT_ALLOWED = 'Deze vraag is niet toegestaan. Gebruik een vraag die de gemeente heeft vrijgegeven.';

const folder = mkdtempSync(join(tmpdir(), 'persisted-documents-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function writeManifest(name: string, content: unknown): string {
  const file = join(folder, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

const documents = loadPersistedDocuments(
  writeManifest('manifest.json', { [`sha256:${sha256(HALLO)}`]: HALLO, [`sha256:${sha256(GROET)}`]: GROET }),
);

/** How often a resolver ran: proof that a refused operation did not. */
const runs = { hallo: 0, groet: 0, geheim: 0 };

const typeDefs = 'type Query { hallo: String! groet(naam: String!): String! geheim: String! }';
const resolvers = {
  Query: {
    hallo: () => (runs.hallo++, 'Hallo!'),
    groet: (_: unknown, { naam }: { naam: string }) => (runs.groet++, `Hallo ${naam}!`),
    geheim: () => (runs.geheim++, 'geheim'),
  },
};

interface TestServer {
  post(body: unknown): Promise<{ status: number; body: GraphQLBody }>;
  get(params: Record<string, string>): Promise<{ status: number; body: GraphQLBody }>;
}
interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: { code?: string; detail?: string } }>;
}

const closers: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close().catch(() => undefined);
});

async function startServer(options: {
  safelist: boolean;
  apqCache?: ApolloKeyValueCache;
  batching?: boolean;
  logger?: Logger;
  manifest?: PersistedDocuments;
}): Promise<TestServer> {
  const apollo = new ApolloServer({
    typeDefs,
    resolvers,
    // On, so that refusing introspection is the safelist's doing.
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: maskErrors(silentLogger),
    allowBatchedHttpRequests: options.batching ?? false,
    persistedQueries: { cache: options.apqCache ?? createApqCache(createMemoryCache()) },
  });
  await apollo.start();
  const app = express();
  app.use(
    '/graphql',
    express.json({ limit: '100kb' }),
    persistedDocumentsMiddleware({
      documents: options.manifest ?? documents,
      safelist: options.safelist,
      logger: options.logger ?? silentLogger,
    }),
    expressMiddleware(apollo),
  );
  app.use(bodyErrorHandler(silentLogger));
  const listening = await listen(createHttpServer(app), { port: 0 });
  closers.push(async () => {
    await listening.close();
    await apollo.stop();
  });
  const url = `${listening.url}/graphql`;
  const answer = async (response: Response) => ({
    status: response.status,
    body: (await response.json()) as GraphQLBody,
  });
  return {
    post: async (body) =>
      answer(
        await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
      ),
    // Apollo's CSRF protection wants a header a browser would only send after a preflight.
    get: async (params) =>
      answer(
        await fetch(`${url}?${new URLSearchParams(params).toString()}`, {
          headers: { 'apollo-require-preflight': 'true' },
        }),
      ),
  };
}

const codeOf = (body: GraphQLBody) => body.errors?.map((e) => e.extensions?.code);
const apq = (text: string) => ({ persistedQuery: { version: 1, sha256Hash: sha256(text) } });

describe('the persisted-document manifest', () => {
  it('the committed manifest loads, and each id is the sha256 of its text', () => {
    const file = 'schema/generated/persisted-documents.json';
    const committed = loadPersistedDocuments(file);
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    expect(Object.keys(raw).length).toBeGreaterThanOrEqual(3);
    for (const [id, text] of Object.entries(raw)) {
      expect(id).toBe(`sha256:${sha256(text)}`);
      expect(committed.get(sha256(text))).toBe(text);
    }
    const names = [...committed.values()].map((text) => /\bquery (\w+)/.exec(text)?.[1]);
    expect(names).toEqual(expect.arrayContaining(['MijnOverzicht', 'MijnGegevens', 'MijnZaken']));
  });

  it('a manifest whose text no longer matches its id refuses to start, naming the entry and the fix', () => {
    const id = `sha256:${sha256(HALLO)}`;
    const file = writeManifest('edited.json', { [id]: `${HALLO} ` });
    expect(() => loadPersistedDocuments(file)).toThrow(ConfigError);
    expect(() => loadPersistedDocuments(file)).toThrow(
      new RegExp(`${file}: entry "${id}" is not the sha256 of its text[\\s\\S]*npm run codegen`),
    );
  });

  it('ids that are not "sha256:" and 64 hex digits, an empty manifest, and a file that is no JSON are refused', () => {
    const file = writeManifest('bad-ids.json', { [sha256(HALLO)]: HALLO, 'sha256:ABC': GROET });
    expect(() => loadPersistedDocuments(file)).toThrow(/entry "[0-9a-f]{64}" is not "sha256:" followed by 64/);
    expect(() => loadPersistedDocuments(file)).toThrow(/entry "sha256:ABC" is not "sha256:"/);
    expect(() => loadPersistedDocuments(writeManifest('empty.json', {}))).toThrow(/holds no operations/);
    expect(() => loadPersistedDocuments(writeManifest('broken.json', '{"sha256:'))).toThrow(/is not JSON/);
    expect(() => loadPersistedDocuments(join(folder, 'missing.json'))).toThrow(/cannot be read \(ENOENT\)/);
  });
});

describe('documentId (GraphQL-over-HTTP persisted documents)', async () => {
  const open = await startServer({ safelist: false });
  const closed = await startServer({ safelist: true });

  it('runs the operation a documentId names, with its variables, with and without safelist mode', async () => {
    for (const server of [open, closed]) {
      const answer = await server.post({ documentId: `sha256:${sha256(GROET)}`, variables: { naam: 'Suzanne' } });
      expect(answer).toEqual({ status: 200, body: { data: { groet: 'Hallo Suzanne!' } } });
    }
  });

  it('accepts the bare hex as documentId, and a documentId in a GET request', async () => {
    expect((await closed.post({ documentId: sha256(HALLO) })).body).toEqual({ data: { hallo: 'Hallo!' } });
    expect((await closed.get({ documentId: `sha256:${sha256(HALLO)}` })).body).toEqual({ data: { hallo: 'Hallo!' } });
  });

  it('refuses an unknown documentId with PERSISTED_QUERY_NOT_FOUND, HTTP 400 and a Dutch message', async () => {
    for (const server of [open, closed]) {
      const { status, body } = await server.post({ documentId: `sha256:${sha256(GEHEIM)}` });
      expect(status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(body.errors).toEqual([
        {
          message: 'Deze opgeslagen vraag is niet bekend.',
          extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', detail: expect.stringContaining('documentId') },
        },
      ]);
    }
    expect(codeOf((await open.post({ documentId: 'x-portaal:mijn-overzicht' })).body)).toEqual([
      'PERSISTED_QUERY_NOT_FOUND',
    ]);
  });

  it('refuses a documentId together with a query, and a documentId that is not a string', async () => {
    const both = await open.post({ documentId: `sha256:${sha256(HALLO)}`, query: GEHEIM });
    expect(both.status).toBe(400);
    expect(codeOf(both.body)).toEqual(['BAD_REQUEST']);
    expect(codeOf((await open.post({ documentId: 42 })).body)).toEqual(['BAD_REQUEST']);
    expect(runs.geheim).toBe(0);
  });
});

describe('safelist mode', async () => {
  const apqStore = createMemoryCache();
  const closed = await startServer({ safelist: true, apqCache: createApqCache(apqStore), batching: true });
  const open = await startServer({ safelist: false, apqCache: createApqCache(apqStore) });

  it('refuses an ad-hoc query with VRAAG_NIET_TOEGESTAAN and a plain Dutch message, and runs nothing', async () => {
    const { status, body } = await closed.post({ query: GEHEIM });
    expect(status).toBe(400);
    expect(body).toEqual({
      errors: [{ message: NOT_ALLOWED, extensions: { code: 'VRAAG_NIET_TOEGESTAAN', detail: expect.any(String) } }],
    });
    expect(runs.geheim).toBe(0);
  });

  it('refuses before Apollo parses: a text that is no GraphQL gets the safelist error, not a parse error', async () => {
    const broken = { query: 'query { hallo ' };
    expect(codeOf((await closed.post(broken)).body)).toEqual(['VRAAG_NIET_TOEGESTAAN']);
    expect(codeOf((await open.post(broken)).body)).toEqual(['GRAPHQL_PARSE_FAILED']);
  });

  it('refuses a manifest operation whose text differs by one space: the exact text counts', async () => {
    expect(codeOf((await closed.post({ query: `${HALLO} ` })).body)).toEqual(['VRAAG_NIET_TOEGESTAAN']);
  });

  it('refuses introspection (the manifest holds none), although introspection is on', async () => {
    const { body } = await closed.post({ query: '{ __schema { types { name } } }' });
    expect(codeOf(body)).toEqual(['VRAAG_NIET_TOEGESTAAN']);
    expect(codeOf((await open.post({ query: '{ __schema { types { name } } }' })).body)).toBeUndefined();
  });

  it('answers a manifest operation sent as its full text', async () => {
    expect(await closed.post({ query: GROET, variables: { naam: 'Govert' } })).toEqual({
      status: 200,
      body: { data: { groet: 'Hallo Govert!' } },
    });
  });

  it('answers a manifest operation sent as an APQ hash only, which nobody registered', async () => {
    expect((await closed.post({ extensions: apq(HALLO) })).body).toEqual({ data: { hallo: 'Hallo!' } });
    expect((await closed.post({ query: HALLO, extensions: apq(HALLO) })).body).toEqual({ data: { hallo: 'Hallo!' } });
    // Answered from the manifest: nothing was written to the APQ store the two servers share.
    expect(codeOf((await open.post({ extensions: apq(HALLO) })).body)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });

  it('refuses an unknown APQ hash, with or without its text, and never registers it', async () => {
    expect(codeOf((await closed.post({ extensions: apq(GEHEIM) })).body)).toEqual(['VRAAG_NIET_TOEGESTAAN']);
    expect(codeOf((await closed.post({ query: GEHEIM, extensions: apq(GEHEIM) })).body)).toEqual([
      'VRAAG_NIET_TOEGESTAAN',
    ]);
    // A server without safelist that shares the APQ store has not heard of it either.
    expect(codeOf((await open.post({ extensions: apq(GEHEIM) })).body)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect(runs.geheim).toBe(0);
  });

  it('refuses a manifest hash paired with another text', async () => {
    const { status, body } = await closed.post({ query: GEHEIM, extensions: apq(HALLO) });
    expect(status).toBe(400);
    expect(codeOf(body)).toEqual(['VRAAG_NIET_TOEGESTAAN']);
    expect(codeOf((await closed.post({ query: GROET, extensions: apq(HALLO) })).body)).toEqual(['BAD_REQUEST']);
    expect(runs.geheim).toBe(0);
  });

  it('checks GET requests too, which Apollo executes as well', async () => {
    expect(codeOf((await closed.get({ query: GEHEIM })).body)).toEqual(['VRAAG_NIET_TOEGESTAAN']);
    expect(codeOf((await closed.get({ extensions: JSON.stringify(apq(GEHEIM)) })).body)).toEqual([
      'VRAAG_NIET_TOEGESTAAN',
    ]);
    expect((await closed.get({ query: HALLO })).body).toEqual({ data: { hallo: 'Hallo!' } });
    expect((await closed.get({ extensions: JSON.stringify(apq(HALLO)) })).body).toEqual({ data: { hallo: 'Hallo!' } });
    expect(runs.geheim).toBe(0);
  });

  it('checks every operation of a batch, should batching be turned on', async () => {
    const { body } = await closed.post([{ query: HALLO }, { query: GEHEIM }]);
    expect(codeOf(body as GraphQLBody)).toEqual(['VRAAG_NIET_TOEGESTAAN']);
    expect(runs.geheim).toBe(0);
  });

  it('keeps the refused text out of the log (a query may hold a BSN)', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) });
    const logged = await startServer({ safelist: true, logger });
    await logged.post({ query: 'query { persoon(bsn: "999993653") { naam } }' });
    await logged.post({ documentId: 'sha256:999993653' });
    expect(lines).toHaveLength(2);
    expect(lines.join('\n')).toContain('VRAAG_NIET_TOEGESTAAN');
    expect(lines.join('\n')).not.toContain('999993653');
  });
});

describe('without safelist mode', async () => {
  const open = await startServer({ safelist: false });

  it('answers an ad-hoc query', async () => {
    const before = runs.geheim;
    expect(await open.post({ query: GEHEIM })).toEqual({ status: 200, body: { data: { geheim: 'geheim' } } });
    expect(runs.geheim).toBe(before + 1);
  });

  it('APQ: an unknown hash asks for the text; once sent, the hash alone answers', async () => {
    const text = 'query Nieuw { hallo groet(naam: "Carolien") }';
    const first = await open.post({ extensions: apq(text) });
    expect(first.status).toBe(200);
    expect(codeOf(first.body)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect((await open.post({ query: text, extensions: apq(text) })).body.data).toEqual({
      hallo: 'Hallo!',
      groet: 'Hallo Carolien!',
    });
    expect((await open.post({ extensions: apq(text) })).body.data).toEqual({
      hallo: 'Hallo!',
      groet: 'Hallo Carolien!',
    });
  });
});

describe('APQ storage', () => {
  it('does not remember a text over the size bound, but still answers it', async () => {
    const store = createMemoryCache();
    const open = await startServer({ safelist: false, apqCache: createApqCache(store, { maxQueryBytes: 200 }) });
    const big = `query Groot { hallo ${'__typename '.repeat(20)}}`;
    expect((await open.post({ query: big, extensions: apq(big) })).body.data).toMatchObject({ hallo: 'Hallo!' });
    expect(codeOf((await open.post({ extensions: apq(big) })).body)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    const small = 'query Klein { hallo }';
    await open.post({ query: small, extensions: apq(small) });
    expect((await open.post({ extensions: apq(small) })).body.data).toEqual({ hallo: 'Hallo!' });
  });

  it('forgets a registration after its TTL (24 h by default)', async () => {
    let now = Date.parse('2026-03-01T09:00:00Z');
    const open = await startServer({
      safelist: false,
      apqCache: createApqCache(createMemoryCache({ now: () => now })),
    });
    const text = 'query Morgen { hallo }';
    await open.post({ query: text, extensions: apq(text) });
    now += 23 * 60 * 60 * 1000;
    expect((await open.post({ extensions: apq(text) })).body.data).toEqual({ hallo: 'Hallo!' });
    now += 60 * 60 * 1000;
    expect(codeOf((await open.post({ extensions: apq(text) })).body)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });

  it('never serves a stored text that is not the one its hash names (a tampered store)', async () => {
    const store = createMemoryCache();
    const open = await startServer({ safelist: false, apqCache: createApqCache(store) });
    await store.set(`persisted-query:apq:${sha256(HALLO)}`, GEHEIM, { ttlMs: 60_000 });
    const before = runs.geheim;
    expect(codeOf((await open.post({ extensions: apq(HALLO) })).body)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect(runs.geheim).toBe(before);
  });

  it('a store that fails is a miss on read and a skipped write, never an error', async () => {
    const failures: string[] = [];
    const broken: KeyValueCache = {
      get: () => Promise.reject(new Error('down')),
      set: () => Promise.reject(new Error('down')),
      delete: () => Promise.reject(new Error('down')),
    };
    const cache = createApqCache(broken, { onError: (_, during) => failures.push(during) });
    await expect(cache.get(`apq:${sha256(HALLO)}`)).resolves.toBeUndefined();
    await expect(cache.set(`apq:${sha256(HALLO)}`, HALLO)).resolves.toBeUndefined();
    await expect(cache.delete(`apq:${sha256(HALLO)}`)).resolves.toBeUndefined();
    expect(failures).toEqual(['read', 'write', 'delete']);
  });

  it.skipIf(!redis.ok)('in Redis, a hash registered at one gateway answers at another', async () => {
    const redisKeyPrefix = `profielservice:test:${randomUUID()}:`;
    const [ra, rb] = await Promise.all(
      [1, 2].map(() => openRedisConnection(TEST_REDIS_URL, { logger: silentLogger, whileDown: 'test' })),
    );
    closers.push(
      () => ra!.close(),
      () => rb!.close(),
    );
    const a = openApqCache({ redis: ra, redisKeyPrefix }, silentLogger, { ttlMs: 60_000 });
    const b = openApqCache({ redis: rb, redisKeyPrefix }, silentLogger, { ttlMs: 60_000 });
    const first = await startServer({ safelist: false, apqCache: a });
    const second = await startServer({ safelist: false, apqCache: b });
    const text = `query Gedeeld { groet(naam: "${randomUUID()}") }`;
    // The clients connect in the background; until then a registration is a skipped write.
    await vi.waitFor(
      async () => {
        await first.post({ query: text, extensions: apq(text) });
        expect((await second.post({ extensions: apq(text) })).body.data).toMatchObject({ groet: expect.any(String) });
      },
      { timeout: 10_000, interval: 100 },
    );
  });

  it('with Redis down, APQ is a miss: the client resends the text and is answered', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createNetServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const lines: string[] = [];
    const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) });
    const redis = await openRedisConnection(`redis://127.0.0.1:${port}`, {
      logger,
      whileDown: 'automatic persisted queries are not remembered',
    });
    closers.push(() => redis.close());
    const open = await startServer({ safelist: false, apqCache: openApqCache({ redis }, logger) });
    const text = 'query ZonderRedis { hallo }';
    for (let attempt = 0; attempt < 2; attempt++) {
      const miss = await open.post({ extensions: apq(text) });
      expect(miss.status).toBe(200);
      expect(miss.body.errors).toEqual([
        {
          message: 'Deze opgeslagen vraag is niet bekend.',
          extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', detail: 'PersistedQueryNotFound' },
        },
      ]);
      expect(await open.post({ query: text, extensions: apq(text) })).toEqual({
        status: 200,
        body: { data: { hallo: 'Hallo!' } },
      });
    }
    // The outage is logged once, without the URL.
    await vi.waitFor(() => expect(lines.filter((l) => l.includes('redis unavailable'))).toHaveLength(1));
    expect(lines.join('\n')).not.toContain(String(port));
  });
});
