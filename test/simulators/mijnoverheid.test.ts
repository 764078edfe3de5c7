import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Listening } from '../../lib/http/listen.js';
import { createMijnOverheidSimulator, OIN } from '../../simulators/mijnoverheid/index.js';
import { call, start, type ProblemBody } from './helpers.js';

interface Samenvatting {
  berichtId: string;
  afzender: string;
  onderwerp: string;
  ontvanger: { type: string; waarde: string };
  status?: { gelezen: boolean; map?: string; gewijzigdOp: string };
}
interface Lijst {
  berichten: Samenvatting[];
  page: number;
  pageSize: number;
  totalElements: number;
  totalPages: number;
  _links: Record<string, { href: string }>;
}
interface LopendeZaak {
  identificatie: string;
  bronorganisatie: string;
  organisatie: { naam: string };
  statussen: { statustekst: string; datum: string }[];
  url: string;
}

const SUZANNE = 'BSN:999993653';
const NOW = new Date('2026-11-28T12:00:00Z');

describe('MijnOverheid simulator (Berichtenbox, Lopende Zaken)', () => {
  let server: Listening;
  const berichtenbox = (
    path: string,
    init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) => call<Lijst & ProblemBody>(`${server.url}/berichtenbox/api/v1${path}`, init);

  beforeAll(async () => {
    server = await start(createMijnOverheidSimulator({ now: () => NOW }));
  });
  afterAll(() => server.close());

  it('requires the recipient in X-Ontvanger', async () => {
    const missing = await berichtenbox('/berichten');
    expect(missing.status).toBe(400);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(missing.body).toMatchObject({ status: 400, title: 'Ongeldig verzoek' });
    for (const bad of ['999993653', 'BSN:123', 'BSN:999993654', 'KVK:1234567']) {
      expect((await berichtenbox('/berichten', { headers: { 'x-ontvanger': bad } })).status).toBe(400);
    }
  });

  it('lists her berichten, newest first, with one unread', async () => {
    const { status, body, headers } = await berichtenbox('/berichten', { headers: { 'x-ontvanger': SUZANNE } });
    expect(status).toBe(200);
    expect(headers.get('api-version')).toBe('0.2.0');
    expect(body.berichten.map((b) => b.afzender)).toEqual([OIN.belastingdienst, OIN.gemeenteA, OIN.rdw]);
    expect(body.berichten.filter((b) => !b.status?.gelezen)).toHaveLength(1);
    expect(body.berichten[1]?.onderwerp).toContain('ZAAK-2026-0000000101');
    expect(body).toMatchObject({ page: 0, pageSize: 20, totalElements: 3, totalPages: 1 });
    const paged = await berichtenbox('/berichten?pageSize=2&page=1', { headers: { 'x-ontvanger': SUZANNE } });
    expect(paged.body.berichten).toHaveLength(1);
    expect(paged.body._links['prev']?.href).toBe('/berichtenbox/api/v1/berichten?page=0&pageSize=2');
  });

  it("answers 403 for another recipient's bericht", async () => {
    const { body } = await berichtenbox('/berichten', { headers: { 'x-ontvanger': SUZANNE } });
    const id = body.berichten[0]!.berichtId;
    const forbidden = await berichtenbox(`/berichten/${id}`, { headers: { 'x-ontvanger': 'BSN:999970008' } });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.instance).toMatch(/^urn:uuid:/);
    expect((await berichtenbox(`/berichten/${id}`, { headers: { 'x-ontvanger': SUZANNE } })).status).toBe(200);
    const unknown = await berichtenbox('/berichten/00000000-0000-4000-8000-000000000000', {
      headers: { 'x-ontvanger': SUZANNE },
    });
    expect(unknown.status).toBe(404);
  });

  it('marks a bericht read with a merge patch', async () => {
    const { body } = await berichtenbox('/berichten', { headers: { 'x-ontvanger': SUZANNE } });
    const unread = body.berichten.find((b) => !b.status?.gelezen)!;
    const wrongType = await berichtenbox(`/berichten/${unread.berichtId}`, {
      method: 'PATCH',
      headers: { 'x-ontvanger': SUZANNE },
      body: { gelezen: true },
    });
    expect(wrongType.status).toBe(415);
    const patched = await call<Samenvatting>(`${server.url}/berichtenbox/api/v1/berichten/${unread.berichtId}`, {
      method: 'PATCH',
      headers: { 'x-ontvanger': SUZANNE, 'content-type': 'application/merge-patch+json' },
      body: JSON.stringify({ gelezen: true, map: null }),
    });
    expect(patched.status).toBe(200);
    expect(patched.body.status).toEqual({ gelezen: true, gewijzigdOp: NOW.toISOString() });
    const after = await berichtenbox('/berichten', { headers: { 'x-ontvanger': SUZANNE } });
    expect(after.body.berichten.every((b) => b.status?.gelezen)).toBe(true);
  });

  it('lists lopende zaken per recipient, one shared with gemeente A', async () => {
    const { status, body } = await call<{ zaken: LopendeZaak[] }>(`${server.url}/lopendezaken/api/v1/zaken`, {
      headers: { 'x-ontvanger': SUZANNE },
    });
    expect(status).toBe(200);
    expect(body.zaken.map((z) => [z.bronorganisatie, z.identificatie, z.organisatie.naam])).toEqual([
      ['002564440', 'ZAAK-2026-0000000101', 'Gemeente A'],
      ['818148007', 'WW-2026-118842', 'UWV'],
    ]);
    expect(body.zaken[0]?.statussen.map((s) => s.statustekst)).toHaveLength(2);
    const kvk = await call<{ zaken: LopendeZaak[] }>(`${server.url}/lopendezaken/api/v1/zaken`, {
      headers: { 'x-ontvanger': 'KVK:69599084' },
    });
    expect(kvk.body.zaken).toEqual([]);
  });

  it('requires the bearer token when configured', async () => {
    await using secured = await start(createMijnOverheidSimulator({ bearerToken: 't0ken' }));
    const url = `${secured.url}/berichtenbox/api/v1/berichten`;
    expect((await call(url, { headers: { 'x-ontvanger': SUZANNE } })).status).toBe(401);
    expect((await call(url, { headers: { 'x-ontvanger': SUZANNE, authorization: 'Bearer t0ken' } })).status).toBe(200);
  });
});
