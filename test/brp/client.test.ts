import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../lib/config.js';
import { listen, type Listening } from '../../lib/http/listen.js';
import { UpstreamError } from '../../lib/http/upstream.js';
import { createBrpSimulator, type BrpSimulator } from '../../simulators/brp/index.js';
import { loadBrpConfig } from '../../subgraphs/brp/config.js';
import { createBrpClient } from '../../subgraphs/brp/upstream/brp-client.js';
import { createClientCredentials } from '../../subgraphs/brp/upstream/oauth.js';
import { createBrpAgent, readBrpTls } from '../../subgraphs/brp/upstream/tls.js';
import { createTestPki, hasOpenssl, type TestPki } from './certificates.js';

const PROTOCOLLERING = { doelbinding: 'PROFIELSERVICE-INWONER', verwerking: 'Mijn-Omgeving: eigen gegevens tonen' };
const OAUTH = { clientId: 'profielservice', clientSecret: 'geheim met spatie & teken' };

describe('BRP client: headers and credentials', () => {
  let simulator: BrpSimulator;
  let server: Listening;
  let base: string;
  let tokenUrl: string;
  let clock = Date.parse('2026-11-28T12:00:00+01:00');
  beforeAll(async () => {
    simulator = createBrpSimulator({
      now: () => new Date(clock),
      apiKey: 'sleutel-123',
      oauth: { ...OAUTH, tokenLifetimeSeconds: 300 },
    });
    server = await listen(createServer(simulator.app), { port: 0 });
    base = `${server.url}/haalcentraal/api/brp`;
    tokenUrl = `${server.url}/oauth/token`;
  });
  afterAll(() => server.close());

  const tokens = (clientAuth: 'basic' | 'post' = 'basic', secret = OAUTH.clientSecret) =>
    createClientCredentials({
      tokenUrl,
      clientId: OAUTH.clientId,
      clientSecret: secret,
      clientAuth,
      timeoutMs: 2_000,
      now: () => clock,
    });
  const client = (oauth = tokens()) =>
    createBrpClient({ baseUrl: base, timeoutMs: 2_000, apiKey: 'sleutel-123', oauth, protocollering: PROTOCOLLERING });
  const personenCalls = () => simulator.journal.entries({ method: 'POST', path: '/haalcentraal/api/brp/personen' });

  it('sends protocollering, API key and bearer token on every call', async () => {
    simulator.journal.clear();
    const [persoon] = await client().raadpleeg(['999993653'], ['naam.volledigeNaam']);
    expect(persoon).toEqual({ naam: { volledigeNaam: 'Suzanne Moulin' } });
    const [call] = personenCalls();
    expect(call?.headers).toMatchObject({
      'x-doelbinding': 'PROFIELSERVICE-INWONER',
      'x-verwerking': 'Mijn-Omgeving: eigen gegevens tonen',
      'x-gebruiker': 'BurgerZelf',
      'x-api-key': 'sleutel-123',
      authorization: expect.stringMatching(/^Bearer [\w-]+$/),
    });
  });

  it('fetches one token for many calls, also when they start together', async () => {
    const before = simulator.oauth?.issued ?? 0;
    const shared = client();
    await Promise.all(Array.from({ length: 5 }, () => shared.raadpleeg(['999993653'], ['leeftijd'])));
    await shared.raadpleeg(['999970008'], ['leeftijd']);
    expect((simulator.oauth?.issued ?? 0) - before).toBe(1);
  });

  it('renews the token shortly before it expires', async () => {
    const shared = client();
    await shared.raadpleeg(['999993653'], ['leeftijd']);
    const before = simulator.oauth?.issued ?? 0;
    clock += 250_000; // still well within the 300 s lifetime: reused
    await shared.raadpleeg(['999993653'], ['leeftijd']);
    expect((simulator.oauth?.issued ?? 0) - before).toBe(0);
    clock += 25_000; // now within 30 s of expiry: renewed before it can expire in flight
    await shared.raadpleeg(['999993653'], ['leeftijd']);
    expect((simulator.oauth?.issued ?? 0) - before).toBe(1);
  });

  it('fetches a new token and asks once more when the BRP refuses a revoked one', async () => {
    const shared = client();
    await shared.raadpleeg(['999993653'], ['leeftijd']);
    simulator.oauth?.revokeAll();
    simulator.journal.clear();
    await expect(shared.raadpleeg(['999993653'], ['leeftijd'])).resolves.toEqual([{ leeftijd: 40 }]);
    expect(personenCalls().map((c) => c.status)).toEqual([401, 200]);
  });

  it('authenticates at the token endpoint with form fields when configured', async () => {
    simulator.journal.clear();
    await expect(client(tokens('post')).raadpleeg(['999993653'], ['leeftijd'])).resolves.toHaveLength(1);
    const [tokenCall] = simulator.journal.entries({ path: '/oauth/token' });
    expect(tokenCall?.headers['authorization']).toBeUndefined();
    expect(tokenCall?.body).toMatchObject({ grant_type: 'client_credentials', client_id: 'profielservice' });
  });

  it('wrong client credentials are UNAUTHORIZED, and nothing secret is in the error', async () => {
    const error = await client(tokens('basic', 'fout'))
      .raadpleeg(['999993653'], ['leeftijd'])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ kind: 'UNAUTHORIZED', status: 401 });
    expect(JSON.stringify(error) + String(error)).not.toMatch(/fout|profielservice|geheim/);
  });

  it('cuts protocollering values to the lengths the gateways accept', async () => {
    simulator.journal.clear();
    const long = createBrpClient({
      baseUrl: base,
      timeoutMs: 2_000,
      apiKey: 'sleutel-123',
      oauth: tokens(),
      protocollering: { doelbinding: 'D'.repeat(300), verwerking: 'V'.repeat(300), originOin: '0'.repeat(25) },
    });
    await long.raadpleeg(['999993653'], ['leeftijd']);
    const [call] = personenCalls();
    expect(call?.headers['x-doelbinding']).toHaveLength(242);
    expect(call?.headers['x-verwerking']).toHaveLength(242);
    expect(call?.headers['x-origin-oin']).toHaveLength(20);
  });

  it('refuses to send an empty or too long fields list (the BRP would answer 400)', async () => {
    await expect(client().raadpleeg(['999993653'], [])).rejects.toThrow(RangeError);
    await expect(client().raadpleeg(['999993653'], Array(131).fill('naam'))).rejects.toThrow(RangeError);
  });
});

describe('BRP client: answers that break the contract', () => {
  let server: Listening;
  let body = '';
  beforeAll(async () => {
    server = await listen(
      createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' }).end(body);
      }),
      { port: 0 },
    );
  });
  afterAll(() => server.close());
  const client = () => createBrpClient({ baseUrl: server.url, timeoutMs: 2_000, protocollering: PROTOCOLLERING });

  it.each([
    ['personen is not a list', '{"type":"RaadpleegMetBurgerservicenummer","personen":{}}'],
    ['a person is not an object', '{"type":"RaadpleegMetBurgerservicenummer","personen":["x"]}'],
    ['the body is empty', ''],
    ['the body is not JSON', '<html>'],
  ])('%s: INVALID_RESPONSE', async (_title, answer) => {
    body = answer;
    await expect(client().raadpleeg(['999993653'], ['naam'])).rejects.toMatchObject({ kind: 'INVALID_RESPONSE' });
  });

  it('no personen member: nobody found', async () => {
    body = '{"type":"RaadpleegMetBurgerservicenummer"}';
    await expect(client().raadpleeg(['999993653'], ['naam'])).resolves.toEqual([]);
  });
});

describe.skipIf(!hasOpenssl())('BRP client: mutual TLS with a (test) PKIoverheid certificate', () => {
  let pki: TestPki;
  let server: Listening;
  let base: string;
  beforeAll(async () => {
    pki = createTestPki();
    const simulator = createBrpSimulator({ persons: [] });
    const https = createHttpsServer(
      {
        cert: readFileSync(pki.serverCertFile),
        key: readFileSync(pki.serverKeyFile),
        ca: readFileSync(pki.caFile),
        requestCert: true,
        rejectUnauthorized: true,
      },
      simulator.app,
    );
    server = await listen(https, { port: 0 });
    base = `https://127.0.0.1:${new URL(server.url).port}/haalcentraal/api/brp`;
  });
  afterAll(async () => {
    await server?.close();
    pki?.[Symbol.dispose]();
  });

  const ask = async (agent: ReturnType<typeof createBrpAgent>) => {
    try {
      return await createBrpClient({
        baseUrl: base,
        timeoutMs: 2_000,
        dispatcher: agent,
        protocollering: PROTOCOLLERING,
      })
        .raadpleeg(['999993653'], ['naam'])
        .then(
          (personen) => ({ ok: true, personen }),
          (error: unknown) => ({ ok: false, error }),
        );
    } finally {
      await agent.close();
    }
  };

  it('presents the client certificate and trusts the configured CA', async () => {
    const tls = readBrpTls({ certFile: pki.clientCertFile, keyFile: pki.clientKeyFile, caFile: pki.caFile });
    await expect(ask(createBrpAgent(tls))).resolves.toEqual({ ok: true, personen: [] });
  });

  it('reads an encrypted private key with its passphrase', async () => {
    const tls = readBrpTls({
      certFile: pki.clientCertFile,
      keyFile: pki.encryptedClientKeyFile,
      passphrase: pki.passphrase,
      caFile: pki.caFile,
    });
    await expect(ask(createBrpAgent(tls))).resolves.toEqual({ ok: true, personen: [] });
  });

  it('without a client certificate the BRP refuses the connection: UNAVAILABLE, not a crash', async () => {
    const result = await ask(createBrpAgent(readBrpTls({ caFile: pki.caFile })));
    expect(result).toMatchObject({ ok: false, error: { kind: 'UNAVAILABLE' } });
  });

  it('a server certificate from another CA is not trusted', async () => {
    const tls = readBrpTls({ certFile: pki.clientCertFile, keyFile: pki.clientKeyFile, caFile: pki.otherCaFile });
    expect(await ask(createBrpAgent(tls))).toMatchObject({ ok: false, error: { kind: 'UNAVAILABLE' } });
  });

  it('a certificate file that cannot be read stops the start, naming the variable', () => {
    expect(() => readBrpTls({ certFile: '/bestaat/niet.pem', keyFile: pki.clientKeyFile })).toThrow(ConfigError);
    expect(() => readBrpTls({ certFile: '/bestaat/niet.pem', keyFile: pki.clientKeyFile })).toThrow(
      /BRP_TLS_CERT_FILE: cannot read \/bestaat\/niet\.pem \(ENOENT\)/,
    );
    expect(readBrpTls({})).toBeUndefined();
  });
});

describe('BRP subgraph configuration', () => {
  const base = {
    BRP_URL: 'https://brp.example/haalcentraal/api/brp/',
    INTERNAL_TOKEN_PUBLIC_KEYS: JSON.stringify({ keys: [{ kty: 'EC' }] }),
  };
  const problems = (env: Record<string, string>) => {
    try {
      loadBrpConfig({ ...base, ...env });
      return [];
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
  };

  it('has sensible defaults: no credentials, no TLS files, protocollering set, no links', () => {
    const config = loadBrpConfig(base);
    expect(config).toMatchObject({
      BRP_URL: 'https://brp.example/haalcentraal/api/brp',
      BRP_DOELBINDING: 'PROFIELSERVICE-INWONER',
      BRP_OAUTH_CLIENT_AUTH: 'basic',
    });
    expect(config.BRP_OAUTH_TOKEN_URL).toBeUndefined();
    expect(config.BRP_TLS_CERT_FILE).toBeUndefined();
    expect(config.BRP_VERHUIZING_URL).toBeUndefined();
  });

  it('names what is missing for OAuth client credentials', () => {
    expect(problems({ BRP_OAUTH_TOKEN_URL: 'https://idp.example/token' })).toEqual([
      'BRP_OAUTH_CLIENT_ID: is required with BRP_OAUTH_TOKEN_URL',
      'BRP_OAUTH_CLIENT_SECRET: is required with BRP_OAUTH_TOKEN_URL',
    ]);
  });

  it('wants certificate and key together, and a passphrase only with a key', () => {
    expect(problems({ BRP_TLS_CERT_FILE: '/etc/pki/brp.pem' })).toEqual([
      'BRP_TLS_KEY_FILE: is required: give certificate and key together',
    ]);
    expect(problems({ BRP_TLS_KEY_PASSPHRASE: 'x' })).toEqual([
      'BRP_TLS_KEY_PASSPHRASE: is only used with BRP_TLS_KEY_FILE',
    ]);
    expect(problems({ BRP_TLS_CA_FILE: '/etc/pki/pkio-private-root.pem' })).toEqual([]);
  });

  it('refuses header values an HTTP client cannot send, and a malformed OIN', () => {
    expect(problems({ BRP_VERWERKING: 'Mijn-Omgeving – gegevens' })).toEqual([
      'BRP_VERWERKING: must be printable ASCII (it is sent as an HTTP header)',
    ]);
    expect(problems({ BRP_ORIGIN_OIN: '1234' })).toEqual(['BRP_ORIGIN_OIN: must be an OIN (20 digits)']);
    expect(problems({ BRP_VERHUIZING_URL: 'verhuizen' })).toEqual(['BRP_VERHUIZING_URL: must be an absolute URL']);
  });
});
