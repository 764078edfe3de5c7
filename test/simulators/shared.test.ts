import { describe, expect, it } from 'vitest';
import { createMijnOverheidSimulator } from '../../simulators/mijnoverheid/index.js';
import { Journal, type JournalEntry } from '../../simulators/shared/journal.js';
import { createZgwSimulator } from '../../simulators/zgw/index.js';
import { call, start, type ProblemBody } from './helpers.js';

describe('simulator controls (journal, health, faults)', () => {
  it('journals requests with all headers, query and final status, but not its own control routes', async () => {
    const simulator = createMijnOverheidSimulator();
    await using server = await start(simulator);
    await call(`${server.url}/_simulator/health`);
    await call(`${server.url}/berichtenbox/api/v1/berichten?pageSize=5`, {
      headers: { 'x-ontvanger': 'BSN:999993653', authorization: 'Bearer abc' },
    });
    await call(`${server.url}/berichtenbox/api/v1/berichten`);

    const { body: entries } = await call<JournalEntry[]>(`${server.url}/_simulator/journal`);
    expect(entries.map((e) => [e.method, e.path, e.status])).toEqual([
      ['GET', '/berichtenbox/api/v1/berichten', 200],
      ['GET', '/berichtenbox/api/v1/berichten', 400],
    ]);
    expect(entries[0]).toMatchObject({
      query: { pageSize: '5' },
      headers: { 'x-ontvanger': 'BSN:999993653', authorization: 'Bearer abc' },
    });
    expect(simulator.journal.entries({ path: /berichten$/, method: 'get' })).toHaveLength(2);

    expect((await call(`${server.url}/_simulator/journal`, { method: 'DELETE' })).status).toBe(204);
    expect(simulator.journal.entries()).toEqual([]);
  });

  it('takes a source down with PUT /_simulator/faults and brings it back', async () => {
    const simulator = createZgwSimulator({ seed: 'gemeente-b', clients: {} });
    await using server = await start(simulator);
    const down = await call(`${server.url}/_simulator/faults`, { method: 'PUT', body: { failureRate: 1 } });
    expect(down.body).toEqual({ failureRate: 1 });

    const failed = await call<ProblemBody>(`${server.url}/zaken/api/v1/zaken`);
    expect(failed.status).toBe(503);
    expect(failed.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(failed.body).toMatchObject({ status: 503, code: 'service_unavailable' });
    expect((await call(`${server.url}/_simulator/health`)).status).toBe(200);
    expect(simulator.journal.entries()[0]?.status).toBe(503);

    await call(`${server.url}/_simulator/faults`, { method: 'PUT', body: {} });
    expect((await call(`${server.url}/zaken/api/v1/zaken`)).status).toBe(403); // back: now it wants a JWT
  });

  it('delays answers and validates the fault settings', async () => {
    const simulator = createMijnOverheidSimulator({ faults: { latencyMs: 150 } });
    await using server = await start(simulator);
    const started = Date.now();
    await call(`${server.url}/lopendezaken/api/v1/zaken`, { headers: { 'x-ontvanger': 'BSN:999993653' } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect((await call(`${server.url}/_simulator/faults`, { method: 'PUT', body: { failureRate: 2 } })).status).toBe(
      400,
    );
    simulator.setFaults({ status: 502, failNext: 1 });
    expect((await call(`${server.url}/lopendezaken/api/v1/zaken`)).status).toBe(502);
  });

  it('filters journal entries by method and exact path', () => {
    const journal = new Journal();
    const entry = (method: string, path: string): JournalEntry => ({
      method,
      path,
      query: {},
      headers: {},
      body: undefined,
      status: 200,
      at: '',
    });
    journal.record(entry('GET', '/a'));
    journal.record(entry('POST', '/a'));
    journal.record(entry('GET', '/a/b'));
    expect(journal.entries({ method: 'GET', path: '/a' })).toEqual([entry('GET', '/a')]);
    expect(journal.entries({ path: /^\/a/ })).toHaveLength(3);
  });

  it('keeps the newest entries within its capacity, and says how many it let go', () => {
    const journal = new Journal(10);
    const entry = (n: number): JournalEntry => ({
      method: 'GET',
      path: `/${n}`,
      query: {},
      headers: {},
      body: undefined,
      status: 200,
      at: '',
    });
    for (let n = 1; n <= 25; n += 1) journal.record(entry(n));
    const kept = journal.entries().map((e) => e.path);
    expect(kept.length).toBeLessThanOrEqual(10);
    expect(kept.at(-1)).toBe('/25');
    expect(kept).toEqual(kept.map((_, i) => `/${26 - kept.length + i}`));
    expect(journal.dropped).toBe(25 - kept.length);
    journal.clear();
    expect(journal.dropped).toBe(0);
  });

  it('says on GET /_simulator/journal how many requests the journal let go', async () => {
    const simulator = createMijnOverheidSimulator();
    await using server = await start(simulator);
    await call(`${server.url}/berichtenbox/api/v1/berichten`);
    const { headers } = await call<JournalEntry[]>(`${server.url}/_simulator/journal`);
    expect(headers.get('x-journal-dropped')).toBe('0');
  });
});
