import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type Listening } from '../../lib/http/listen.js';
import { startTracing, type Tracing } from '../../lib/observability/tracing.js';
import { MijnOverzichtDocument } from '../../schema/generated/graphql.js';
import { meOf, startStack, type Stack } from '../helpers/stack.js';

/** A span as OTLP/HTTP JSON carries it. */
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: Array<{ key: string; value: Record<string, unknown> }>;
}
const SERVER = 2;
const CLIENT = 3;

describe('traces across gateway, subgraphs and upstreams, when a collector is configured', () => {
  const received: OtlpSpan[] = [];
  let collector: Listening;
  let tracing: Tracing | null;
  let stack: Stack;

  beforeAll(async () => {
    // A stand-in OTLP/HTTP collector: keeps every span it is sent.
    collector = await listen(
      createServer((req, res) => {
        let body = '';
        req.setEncoding('utf8');
        req.on('data', (chunk: string) => (body += chunk));
        req.on('end', () => {
          const parsed = JSON.parse(body) as {
            resourceSpans: Array<{ scopeSpans: Array<{ spans: OtlpSpan[] }> }>;
          };
          for (const r of parsed.resourceSpans) for (const s of r.scopeSpans) received.push(...s.spans);
          res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        });
      }),
      { port: 0 },
    );
    tracing = await startTracing('test', { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url });
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.[Symbol.asyncDispose]();
    await tracing?.shutdown();
    await collector?.close();
  });

  it('is off without an endpoint', async () => {
    expect(await startTracing('test', {})).toBeNull();
  });

  it('one MijnOverzicht is one trace: the gateway, every subgraph and the BRP call in it, nothing personal', async () => {
    const token = await stack.login({ bsn: '999993653' });
    received.length = 0;
    meOf(await stack.query(MijnOverzichtDocument, { token }));
    await tracing?.shutdown();
    tracing = null;

    const servers = received.filter((s) => s.kind === SERVER && s.name === 'POST /graphql');
    // The gateway and the four subgraphs each served the request.
    expect(servers).toHaveLength(5);
    const traceIds = new Set(servers.map((s) => s.traceId));
    expect(traceIds.size).toBe(1);
    const [traceId] = traceIds;
    const inTrace = received.filter((s) => s.traceId === traceId);
    // Each server span continues from the call that reached it (traceparent passed on): the
    // gateway's from this test's request, each subgraph's from the gateway's call to it.
    const byId = new Map(inTrace.map((s) => [s.spanId, s]));
    const continued = servers.filter((s) => s.parentSpanId && byId.get(s.parentSpanId)?.kind === CLIENT);
    expect(continued).toHaveLength(5);
    // The calls to the subgraphs and upstreams are in the same trace, named without their paths.
    const clients = inTrace.filter((s) => s.kind === CLIENT).map((s) => s.name);
    expect(clients.filter((name) => name.startsWith('POST http://127.0.0.1:')).length).toBeGreaterThanOrEqual(5);
    const leaks = received.flatMap((s) =>
      (s.attributes ?? []).filter((a) => /999993653|Moulin|eyJ|\?/.test(JSON.stringify(a))),
    );
    expect(leaks).toEqual([]);
  });
});
