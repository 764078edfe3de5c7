import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type Listening } from '../../lib/http/listen.js';
import { UpstreamError } from '../../lib/http/upstream.js';
import type { Identity } from '../../lib/identity/index.js';
import { createMijnOverheidSimulator } from '../../simulators/mijnoverheid/server.js';
import { createFbsAdapter } from '../../subgraphs/berichten/upstream/fbs-client.js';
import { createLopendeZakenClient } from '../../subgraphs/berichten/upstream/lopendezaken-client.js';
import { start } from '../simulators/helpers.js';

const SUZANNE: Identity = { soort: 'INWONER', middel: 'DIGID', niveau: 'SUBSTANTIEEL', bsn: '999993653' };
const GOVERT: Identity = { soort: 'INWONER', middel: 'DIGID', niveau: 'MIDDEN', bsn: '999970008' };

/**
 * The REST implementations of the MijnOverheid adapter against the simulator: the recipient only
 * in `X-Ontvanger`, the FBS merge-patch, and every answer checked before it reaches the graph.
 */
describe('MijnOverheid REST adapters', () => {
  const simulator = createMijnOverheidSimulator({
    bearerToken: 'adapter-token',
    now: () => new Date('2026-11-25T12:00:00Z'),
  });
  let server: Listening;
  beforeAll(async () => {
    server = await start(simulator);
  });
  afterAll(async () => {
    await server?.close();
  });
  const berichtenbox = () =>
    createFbsAdapter({ baseUrl: `${server.url}/berichtenbox/api/v1`, token: 'adapter-token', timeoutMs: 2_000 });
  const lopendeZaken = () =>
    createLopendeZakenClient({
      baseUrl: `${server.url}/lopendezaken/api/v1`,
      token: 'adapter-token',
      timeoutMs: 2_000,
    });

  it('reads Lopende Zaken with their status history, oldest first', async () => {
    simulator.journal.clear();
    const zaken = await lopendeZaken().lopendeZaken(SUZANNE);
    expect(zaken.map((z) => [z.bronorganisatie, z.identificatie, z.organisatie.naam])).toEqual([
      ['002564440', 'ZAAK-2026-0000000101', 'Gemeente A'],
      ['818148007', 'WW-2026-118842', 'UWV'],
    ]);
    expect(zaken[1]?.statussen.map((s) => s.datum.toISOString())).toEqual([
      '2026-10-28T12:00:00.000Z',
      '2026-11-04T08:00:00.000Z',
    ]);
    expect(zaken[1]?.dossierUrl).toBe('https://www.uwv.example/mijnuwv/aanvragen/WW-2026-118842');
    const [request] = simulator.journal.entries();
    expect(request?.headers['x-ontvanger']).toBe('BSN:999993653');
    expect(request?.headers['authorization']).toBe('Bearer adapter-token');
    expect(`${request?.path}${JSON.stringify(request?.query)}`).not.toContain('999993653');
  });

  it('reads a bericht with its attachment metadata and the zaak it is about', async () => {
    const [govert] = await berichtenbox().berichten(GOVERT);
    expect(govert?.zaak).toEqual({ bronorganisatie: '002220647', identificatie: 'ZAAK-2026-0000000202' });
    const [suzanne] = await berichtenbox().berichten(SUZANNE);
    expect(suzanne?.bijlagen).toEqual([
      { id: expect.any(String), naam: 'voorlopige-aanslag-2027.pdf', mimeType: null },
    ]);
    const full = await berichtenbox().bericht(SUZANNE, suzanne?.id ?? '');
    expect(full.bijlagen[0]?.mimeType).toBe('application/pdf');
  });

  it('marks a bericht read with a merge-patch, and unread again', async () => {
    const [unread] = (await berichtenbox().berichten(SUZANNE)).filter((b) => !b.gelezen);
    simulator.journal.clear();
    const read = await berichtenbox().markeerGelezen(SUZANNE, unread?.id ?? '', true);
    expect(read.gelezen).toBe(true);
    const [patch] = simulator.journal.entries({ method: 'PATCH' });
    expect(patch?.headers['content-type']).toMatch(/^application\/merge-patch\+json/);
    expect(patch?.body).toEqual({ gelezen: true });
    expect(patch?.headers['x-ontvanger']).toBe('BSN:999993653');
    expect((await berichtenbox().markeerGelezen(SUZANNE, unread?.id ?? '', false)).gelezen).toBe(false);
  });

  it("refuses another recipient's bericht and an unknown one as typed upstream errors", async () => {
    const [ofSuzanne] = await berichtenbox().berichten(SUZANNE);
    await expect(berichtenbox().markeerGelezen(GOVERT, ofSuzanne?.id ?? '', true)).rejects.toMatchObject({
      kind: 'UNAUTHORIZED',
      status: 403,
    });
    await expect(berichtenbox().bericht(SUZANNE, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      kind: 'NOT_FOUND',
    });
  });
});

describe('an answer of another shape', () => {
  it('is INVALID_RESPONSE, not half a list', async () => {
    const odd = await listen(
      createServer((_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ berichten: [{ berichtId: 'x' }], zaken: 'nee', page: 0, totalPages: 1 }));
      }),
      { port: 0, host: '127.0.0.1' },
    );
    try {
      const error = await createFbsAdapter({ baseUrl: odd.url, timeoutMs: 2_000 })
        .berichten(SUZANNE)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UpstreamError);
      expect(error).toMatchObject({ kind: 'INVALID_RESPONSE', status: 200 });
      await expect(
        createLopendeZakenClient({ baseUrl: odd.url, timeoutMs: 2_000 }).lopendeZaken(SUZANNE),
      ).rejects.toMatchObject({
        kind: 'INVALID_RESPONSE',
      });
    } finally {
      await odd.close();
    }
  });
});
