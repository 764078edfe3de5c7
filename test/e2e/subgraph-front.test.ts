import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { gzipSync } from 'node:zlib';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import type { JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubgraphServer } from '../../lib/graphql/subgraph-server.js';
import { listen, type Listening } from '../../lib/http/listen.js';
import {
  createInternalTokenSigner,
  createInternalTokenVerifier,
  generateInternalKeyPair,
} from '../../lib/internal-token.js';
import { silentLogger } from '../../lib/logging.js';

/**
 * A subgraph answers `POST /graphql` with a plain JSON body past express's router (direct-route.ts),
 * and everything else through express. A client must not be able to tell the two apart: the
 * same data, the same headers, the same coded refusals.
 */
describe('the subgraph front: POST /graphql past the express router, the same answers as through it', () => {
  let listening: Listening;
  let url: string;
  let token: string;

  beforeAll(async () => {
    const { privateJwk, publicJwks } = await generateInternalKeyPair('test-front');
    const signer = await createInternalTokenSigner(privateJwk);
    const schema = buildSubgraphSchema({
      typeDefs: parse('type Query { groet(naam: String!): String! }'),
      resolvers: { Query: { groet: (_: unknown, { naam }: { naam: string }) => `Dag ${naam}` } },
    });
    const server = await createSubgraphServer({
      name: 'proef',
      schema,
      verifier: createInternalTokenVerifier(publicJwks as JSONWebKeySet, 'proef'),
      logger: silentLogger,
      context: (base) => base,
    });
    listening = await listen(server.httpServer, { port: 0 });
    url = `${listening.url}/graphql`;
    token = await signer.sign('proef', { kind: 'anonymous', requestId: 'test-front-1' });
  });
  afterAll(async () => {
    await listening?.close(1_000);
  });

  const body = JSON.stringify({
    query: 'query Groet($naam: String!) { groet(naam: $naam) }',
    variables: { naam: 'Eva' },
  });
  const post = (init: { body: BodyInit; headers?: Record<string, string> }) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...init.headers },
      body: init.body,
    });

  /** What a client sees of an answer, without the headers that differ by the clock or the socket. */
  const seen = async (response: Response) => ({
    status: response.status,
    body: await response.json(),
    headers: Object.fromEntries(
      [...response.headers].filter(([name]) => !['date', 'connection', 'keep-alive', 'content-length'].includes(name)),
    ),
  });

  it('takes a query as its hash once it has had the text, as the gateway sends it (subgraph-source.ts)', async () => {
    const query = 'query GroetOpnieuw($naam: String!) { groet(naam: $naam) }';
    const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') };
    const hashOnly = JSON.stringify({ variables: { naam: 'Eva' }, extensions: { persistedQuery } });
    const unknown = await post({ body: hashOnly });
    expect(unknown.status).toBe(200);
    expect(await unknown.json()).toMatchObject({ errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] });
    const withText = await post({
      body: JSON.stringify({ query, variables: { naam: 'Eva' }, extensions: { persistedQuery } }),
    });
    expect(await withText.json()).toEqual({ data: { groet: 'Dag Eva' } });
    const known = await post({ body: hashOnly });
    expect(await known.json()).toEqual({ data: { groet: 'Dag Eva' } });
  });

  it('answers a query, and the same as express does for a compressed body', async () => {
    const direct = await seen(await post({ body }));
    expect(direct.status).toBe(200);
    expect(direct.body).toEqual({ data: { groet: 'Dag Eva' } });
    // gzip is read by express.json: the other way in.
    const viaExpress = await seen(await post({ body: gzipSync(body), headers: { 'content-encoding': 'gzip' } }));
    expect(direct).toEqual(viaExpress);
    expect(direct.headers).toMatchObject({
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
    });
    expect(direct.headers['strict-transport-security']).toMatch(/^max-age=31536000; includeSubDomains/);
    expect(direct.headers['x-powered-by']).toBeUndefined();
  });

  it('gives the length of what it sends, in bytes', async () => {
    const response = await post({ body: JSON.stringify({ query: '{ groet(naam: "Zoë Ōtsuka") }' }) });
    const text = await response.text();
    expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(text));
    expect(JSON.parse(text)).toEqual({ data: { groet: 'Dag Zoë Ōtsuka' } });
  });

  it('refuses a body that is not JSON, or not an object, with a coded error, as express does', async () => {
    const notJson = await seen(await post({ body: '{ kapot' }));
    const notJsonViaExpress = await seen(
      await post({ body: gzipSync('{ kapot'), headers: { 'content-encoding': 'gzip' } }),
    );
    expect(notJson).toEqual(notJsonViaExpress);
    expect(notJson.status).toBe(400);
    expect(notJson.body).toEqual({
      errors: [{ message: 'Het verzoek is geen geldige JSON.', extensions: { code: 'BAD_REQUEST' } }],
    });
    expect(notJson.headers['x-content-type-options']).toBe('nosniff');
    expect((await post({ body: '"een tekst"' })).status).toBe(400);
  });

  it('refuses a body over the limit, declared or not, and answers the next request', async () => {
    const groot = JSON.stringify({ query: '{ groet(naam: "x") }', extensions: { opvulling: 'x'.repeat(1_100_000) } });
    const declared = await post({ body: groot });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({
      errors: [{ message: 'Het verzoek is te groot.', extensions: { code: 'BAD_REQUEST' } }],
    });
    const streamed = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = httpRequest(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'transfer-encoding': 'chunked',
        },
      });
      req.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      // The server may close the connection before it has everything: that is its right.
      req.on('error', reject);
      for (let i = 0; i < 12; i++) req.write('x'.repeat(100_000));
      req.end();
    });
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.text)).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
    expect((await post({ body })).status).toBe(200);
  });

  it('refuses a call without the internal token, with the security headers', async () => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(401);
    expect((await response.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('counts every request in /metrics, by route and status', async () => {
    const before = await requestsCounted('/graphql', '200');
    await post({ body });
    await post({ body });
    expect(await requestsCounted('/graphql', '200')).toBe(before + 2);
  });

  async function requestsCounted(route: string, status: string): Promise<number> {
    const text = await (await fetch(`${listening.url}/metrics`)).text();
    const line = text
      .split('\n')
      .find(
        (l) =>
          l.startsWith('profielservice_http_requests_total{') &&
          l.includes(`route="${route}"`) &&
          l.includes(`status="${status}"`),
      );
    return line ? Number(line.split(' ').pop()) : 0;
  }
});
