import { spawn } from 'node:child_process';
import { createServer, request as httpRequest } from 'node:http';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type Listening } from '../../lib/http/listen.js';
import { createInternalTokenSigner, generateInternalKeyPair } from '../../lib/internal-token.js';
import { createBrpSimulator } from '../../simulators/brp/server.js';

/** One GET or POST on its own keep-alive-free connection: status and body, or the error code. */
function call(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = httpRequest(url, { method: init.method ?? 'GET', headers: init.headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.end(init.body);
  });
}

describe('graceful close of a listening server', () => {
  it('stops taking connections at once, lets a request under way finish, then resolves', async () => {
    const server = createServer((_req, res) => {
      setTimeout(() => res.end('klaar'), 300);
    });
    const listening = await listen(server, { port: 0 });
    const underWay = call(listening.url);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closed = listening.close(5_000);
    expect(await call(listening.url)).toEqual({ error: 'ECONNREFUSED' });
    expect(await underWay).toEqual({ status: 200, body: 'klaar' });
    await closed;
  });

  it('cuts what is still busy when the grace period ends', async () => {
    const server = createServer((_req, res) => {
      setTimeout(() => res.end('te laat'), 5_000).unref();
    });
    const listening = await listen(server, { port: 0 });
    const underWay = call(listening.url);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const start = performance.now();
    await listening.close(200);
    expect(performance.now() - start).toBeLessThan(1_000);
    expect(await underWay).toHaveProperty('error');
  });
});

describe('a subgraph process on SIGTERM', () => {
  const brp = createBrpSimulator();
  let upstream: Listening;
  beforeAll(async () => {
    upstream = await listen(createServer(brp.app), { port: 0 });
  });
  afterAll(async () => {
    await upstream.close();
  });

  it('says it is not ready, finishes the request under way, refuses new ones and exits 0', async () => {
    const { privateJwk, publicJwks } = await generateInternalKeyPair('shutdown-test');
    const signer = await createInternalTokenSigner(privateJwk);
    const child = spawn(process.execPath, ['--import', 'tsx', 'subgraphs/brp/index.ts'], {
      env: {
        PATH: process.env['PATH'] ?? '',
        PORT: '0',
        LOG_LEVEL: 'silent',
        INTERNAL_TOKEN_PUBLIC_KEYS: JSON.stringify(publicJwks),
        BRP_URL: `${upstream.url}/haalcentraal/api/brp`,
        SHUTDOWN_GRACE_MS: '5000',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    try {
      let stderr = '';
      child.stderr.setEncoding('utf8');
      const url = await new Promise<string>((resolve, reject) => {
        child.stderr.on('data', (chunk: string) => {
          stderr += chunk;
          const found = /luistert op (http:\/\/\S+)\/graphql/.exec(stderr);
          if (found?.[1]) resolve(found[1]);
        });
        child.once('exit', () => reject(new Error(`subgraph exited before listening: ${stderr}`)));
      });
      expect(await call(`${url}/ready`)).toMatchObject({ status: 200 });

      // The BRP answers slowly, so the request is still under way when SIGTERM comes.
      brp.setFaults({ latencyMs: 700 });
      const token = await signer.sign('brp', {
        kind: 'person',
        requestId: 'shutdown-test-1',
        gebruikerId: 'pseudoniem',
        identity: { soort: 'INWONER', middel: 'DIGID', niveau: 'SUBSTANTIEEL', bsn: '999993653' },
      });
      const underWay = call(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ me { persoonsgegevens { naam { volledigeNaam } } } }' }),
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await call(`${url}/ready`)).toEqual({ error: 'ECONNREFUSED' });

      const answer = await underWay;
      expect(answer, stderr).toMatchObject({ status: 200 });
      expect(JSON.parse((answer as { body: string }).body)).toEqual({
        data: { me: { persoonsgegevens: { naam: { volledigeNaam: 'Suzanne Moulin' } } } },
      });
      const [code] = await exited;
      expect(code).toBe(0);
    } finally {
      brp.setFaults({});
      child.kill('SIGKILL');
    }
  });
});
