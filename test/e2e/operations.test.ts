import { createServer } from 'node:http';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { listen } from '../../lib/http/listen.js';
import { createHealth, mountOperations } from '../../lib/http/operations.js';
import { MijnOverzichtDocument } from '../../schema/generated/graphql.js';
import { SUBGRAPH_NAMES, stackForTests } from '../helpers/stack.js';

/** The value of one sample in Prometheus text format, or undefined when it is not there. */
function sample(metrics: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of metrics.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const labelText = line.slice(name.length + 1, line.indexOf('}'));
    if (wanted.every((w) => labelText.split(',').includes(w))) return Number(line.slice(line.indexOf('}') + 1));
  }
  return undefined;
}

describe('what an operator sees: /health, /ready and /metrics', () => {
  const world = stackForTests();

  it('every process says it is alive and ready', async () => {
    const gateway = world.stack.gatewayUrl.replace(/\/graphql$/, '');
    for (const base of [gateway, ...SUBGRAPH_NAMES.map((n) => world.stack.subgraphUrls[n].replace(/\/graphql$/, ''))]) {
      const health = await fetch(`${base}/health`);
      expect(health.status, base).toBe(200);
      const ready = await fetch(`${base}/ready`);
      expect(ready.status, base).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'klaar' });
    }
  });

  it('/metrics shows which source is failing: calls and failures per source, error codes, breaker state', async () => {
    world.stack.simulators.brp.setFaults({ failureRate: 1 });
    try {
      for (let i = 0; i < 3; i++) await world.stack.query(MijnOverzichtDocument, { token: world.token });
    } finally {
      world.stack.simulators.brp.setFaults({});
    }
    const response = await fetch(world.stack.gatewayUrl.replace(/\/graphql$/, '/metrics'));
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const metrics = await response.text();
    // The BRP answered 503 to every attempt; the zaaksystemen answered.
    expect(
      sample(metrics, 'profielservice_source_calls_total', { source: 'BRP', outcome: 'UNAVAILABLE' }),
    ).toBeGreaterThanOrEqual(2);
    expect(
      sample(metrics, 'profielservice_source_calls_total', { source: 'zaken:Zaaksysteem gemeente A', outcome: 'ok' }),
    ).toBeGreaterThanOrEqual(3);
    expect(sample(metrics, 'profielservice_breaker_state', { source: 'BRP' })).toBe(2);
    expect(sample(metrics, 'profielservice_breaker_state', { source: 'subgraph:zaken' })).toBe(0);
    expect(sample(metrics, 'profielservice_graphql_errors_total', { code: 'BRON_NIET_BESCHIKBAAR' })).toBeGreaterThan(
      0,
    );
    expect(sample(metrics, 'profielservice_http_requests_total', { route: '/graphql', status: '200' })).toBeGreaterThan(
      0,
    );
    // Nothing about a person in the metrics.
    expect(metrics).not.toMatch(/999993653|Moulin|Bearer|eyJ/);
  });
});

describe('the operations endpoints themselves', () => {
  it('/ready says 503 once the process is stopping, and /metrics can require a token', async () => {
    const app = express();
    const health = createHealth([{ name: 'store gemigreerd', check: () => true }]);
    mountOperations(app, { name: 'test', health, metrics: { token: 'geheim-token-voor-metrics' } });
    await using server = await listen(createServer(app), { port: 0 });

    expect((await fetch(`${server.url}/ready`)).status).toBe(200);
    health.stopping();
    const stopping = await fetch(`${server.url}/ready`);
    expect(stopping.status).toBe(503);
    expect(await stopping.json()).toEqual({
      status: 'niet klaar',
      process: 'test',
      checks: { 'store gemigreerd': true, 'stopt niet': false },
    });

    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    const allowed = await fetch(`${server.url}/metrics`, {
      headers: { authorization: 'Bearer geheim-token-voor-metrics' },
    });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('profielservice_http_requests_total');
  });
});
