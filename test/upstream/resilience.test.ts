import { createServer } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Agent } from 'undici';
import { pino } from 'pino';
import { listen, type Listening } from '../../lib/http/listen.js';
import {
  createUpstreamClient,
  retryAfterMs,
  UpstreamError,
  type UpstreamClientOptions,
} from '../../lib/http/upstream.js';
import type { BaseContext } from '../../lib/graphql/context.js';
import { logBronFout } from '../../lib/graphql/upstream-errors.js';
import { runWithDeadline } from '../../lib/resilience/deadline.js';
import { SignalWatchingAgent } from '../helpers/signal-watching-agent.js';

/** One scripted answer of the test source: a status, headers, and how long it waits first. */
interface Answer {
  status: number;
  headers?: Record<string, string>;
  delayMs?: number;
}

/**
 * A source whose answers the test scripts in order (the last one repeats), counting the calls it
 * received: what the retries and the breaker did is visible as calls that did or did not arrive.
 */
describe('upstream client: deadlines, retries and the circuit breaker', () => {
  let script: Answer[] = [];
  let calls = 0;
  let server: Listening;
  const agent = new Agent({ keepAliveTimeout: 10 });

  beforeAll(async () => {
    server = await listen(
      createServer((req, res) => {
        calls += 1;
        const answer = script.length > 1 ? (script.shift() as Answer) : (script[0] ?? { status: 200 });
        req.resume();
        setTimeout(() => {
          res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
          res.end(JSON.stringify({ ok: answer.status < 400 }));
        }, answer.delayMs ?? 0).unref();
      }),
      { port: 0 },
    );
  });
  afterAll(async () => {
    await agent.close();
    await server.close();
  });
  beforeEach(() => {
    calls = 0;
    script = [];
  });

  let clients = 0;
  const client = (options: Partial<UpstreamClientOptions> = {}) =>
    createUpstreamClient({ name: `test-${++clients}`, timeoutMs: 2_000, dispatcher: agent, ...options });
  const get = (c = client()) => c.json({ method: 'GET', url: `${server.url}/x` });
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: unknown) => error as UpstreamError,
    );
  async function timed<T>(call: () => Promise<T>): Promise<{ result: T; ms: number }> {
    const start = performance.now();
    const result = await call();
    return { result, ms: performance.now() - start };
  }

  it('a GET that meets a 503 is tried once more, after a short jittered pause, and succeeds', async () => {
    script = [{ status: 503 }, { status: 200 }];
    const { result, ms } = await timed(() => get());
    expect(result.body).toEqual({ ok: true });
    expect(calls).toBe(2);
    expect(ms).toBeLessThan(1_000);
  });

  it('a POST is not repeated unless the caller says it only reads (as the BRP and ZGW _zoek do)', async () => {
    script = [{ status: 503 }, { status: 200 }];
    const c = client();
    const post = await failure(c.json({ method: 'POST', url: `${server.url}/x`, body: {} }));
    expect(post).toMatchObject({ kind: 'UNAVAILABLE', status: 503 });
    expect(calls).toBe(1);

    calls = 0;
    script = [{ status: 503 }, { status: 200 }];
    const zoek = await c.json({ method: 'POST', url: `${server.url}/x`, body: {}, idempotent: true });
    expect(zoek.body).toEqual({ ok: true });
    expect(calls).toBe(2);
  });

  it("a 429's Retry-After is honoured when it fits, and ends the attempt at once when it does not", async () => {
    script = [{ status: 429, headers: { 'retry-after': '1' } }, { status: 200 }];
    const waited = await timed(() => get());
    expect(waited.result.body).toEqual({ ok: true });
    expect(waited.ms).toBeGreaterThanOrEqual(950);

    calls = 0;
    script = [{ status: 429, headers: { 'retry-after': '120' } }];
    const refused = await timed(() => failure(get()));
    expect(refused.result).toMatchObject({ kind: 'RATE_LIMITED', retryAfterMs: 120_000 });
    expect(calls).toBe(1);
    expect(refused.ms).toBeLessThan(500);
  });

  it('our own mistakes (400) and answers (404) are not retried', async () => {
    for (const status of [400, 404]) {
      calls = 0;
      script = [{ status }];
      expect(await failure(get())).toMatchObject({ status });
      expect(calls).toBe(1);
    }
  });

  it("the request's deadline cuts an attempt short, and no retry starts that could not finish in time", async () => {
    script = [{ status: 200, delayMs: 5_000 }];
    const cut = await timed(() => runWithDeadline(Date.now() + 300, () => failure(get())));
    expect(cut.result).toMatchObject({ kind: 'TIMEOUT' });
    expect(cut.ms).toBeLessThan(1_000);
    expect(calls).toBe(1);

    calls = 0;
    script = [{ status: 503 }, { status: 200 }];
    const late = await runWithDeadline(Date.now() + 120, () => failure(get()));
    expect(late).toMatchObject({ kind: 'UNAVAILABLE' });
    expect(calls).toBe(1);
  });

  it('a call that is over stands its timeout down: nothing aborts it later, and a slow one is still cut off', async () => {
    const watching = new SignalWatchingAgent({ keepAliveTimeout: 10 });
    const { signals } = watching;
    try {
      const c = client({ timeoutMs: 100, dispatcher: watching });
      script = [{ status: 200 }];
      expect((await get(c)).body).toEqual({ ok: true });
      script = [{ status: 404 }];
      expect(await failure(get(c))).toMatchObject({ kind: 'NOT_FOUND' });
      await new Promise((resolve) => setTimeout(resolve, 250));
      expect(signals).toHaveLength(2);
      expect(signals.map((signal) => signal.aborted)).toEqual([false, false]);

      script = [{ status: 200, delayMs: 1_000 }];
      expect(await failure(get(c))).toMatchObject({ kind: 'TIMEOUT' });
      expect(signals[2]?.aborted).toBe(true);
    } finally {
      await watching.close();
    }
  });

  it('after repeated failures the breaker fails calls at once without calling the source, and one probe closes it', async () => {
    const c = client({ retry: { retries: 0 }, breaker: { failureThreshold: 3, openMs: 200 } });
    script = [{ status: 503 }];
    for (let i = 0; i < 3; i++) expect(await failure(get(c))).toMatchObject({ kind: 'UNAVAILABLE' });
    expect(c.breaker?.state()).toBe('open');

    script = [{ status: 200, delayMs: 1_000 }];
    const fast = await timed(() => failure(get(c)));
    expect(fast.result).toMatchObject({ kind: 'CIRCUIT_OPEN' });
    expect(fast.ms).toBeLessThan(50);
    expect(calls).toBe(3);

    script = [{ status: 200 }];
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect((await get(c)).body).toEqual({ ok: true });
    expect(c.breaker?.state()).toBe('closed');
  });

  it('the operator reads once that a source is given up on for now, and once that it answers again', async () => {
    const lines: { level: number; msg: string; upstream?: string; state?: string }[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    const c = client({ logger, retry: { retries: 0 }, breaker: { failureThreshold: 2, openMs: 200 } });
    script = [{ status: 503 }];
    for (let i = 0; i < 2; i++) await failure(get(c));
    for (let i = 0; i < 20; i++) expect(await failure(get(c))).toMatchObject({ kind: 'CIRCUIT_OPEN' });
    expect(lines).toEqual([
      expect.objectContaining({ level: 40, msg: 'upstream fails repeatedly: calls fail fast for now', state: 'open' }),
    ]);
    expect(lines[0]?.upstream).toMatch(/^test-\d+$/);

    script = [{ status: 200 }];
    await new Promise((resolve) => setTimeout(resolve, 250));
    await get(c);
    await get(c);
    expect(lines.map((line) => [line.level, line.msg])).toEqual([
      [40, 'upstream fails repeatedly: calls fail fast for now'],
      [30, 'upstream answers again'],
    ]);
  });

  it('a section that meets the open breaker logs no warning per request; a call that failed does', () => {
    const lines: { level: number; kind?: string }[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    const context = { logger } as Pick<BaseContext, 'logger'> as BaseContext;
    for (let i = 0; i < 10; i++) logBronFout(new UpstreamError('BRP', 'CIRCUIT_OPEN', null), context, 'brp');
    expect(lines).toEqual([]);
    logBronFout(new UpstreamError('BRP', 'UNAVAILABLE', 503), context, 'brp');
    expect(lines).toEqual([expect.objectContaining({ level: 40, kind: 'UNAVAILABLE' })]);
  });

  it('answers that are not the source failing (404, 400) never open the breaker', async () => {
    const c = client({ retry: { retries: 0 }, breaker: { failureThreshold: 2, openMs: 10_000 } });
    script = [{ status: 404 }];
    for (let i = 0; i < 5; i++) await failure(get(c));
    expect(c.breaker?.state()).toBe('closed');
    expect(calls).toBe(5);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-12-04T10:00:00Z');
    expect(retryAfterMs('3', now)).toBe(3_000);
    expect(retryAfterMs('Fri, 04 Dec 2026 10:00:05 GMT', now)).toBe(5_000);
    expect(retryAfterMs('later', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });
});
