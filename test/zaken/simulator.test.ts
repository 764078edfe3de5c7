import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Listening } from '../../lib/http/listen.js';
import { createZgwSimulator } from '../../simulators/zgw/index.js';
import { call, hs256, start, type ProblemBody } from '../simulators/helpers.js';

const CLIENT_ID = 'profielservice';
const SECRET = 'test-secret-for-the-zgw-simulator-0123456789';

interface Page<T> {
  count: number;
  next: string | null;
  results: T[];
}
interface Document {
  url: string;
  titel: string;
  vertrouwelijkheidaanduiding: string;
  status: string;
  formaat: string;
  bestandsnaam: string;
  bestandsomvang: number;
  inhoud: string;
}
interface Zio {
  url: string;
  informatieobject: string;
  zaak: string;
}

describe('ZGW simulator: Documenten API and the links to zaken', () => {
  let a: Listening;
  let b: Listening;
  let token: string;
  beforeAll(async () => {
    a = await start(createZgwSimulator({ seed: 'gemeente-a', clients: { [CLIENT_ID]: SECRET } }));
    b = await start(createZgwSimulator({ seed: 'gemeente-b', clients: { [CLIENT_ID]: SECRET } }));
    token = await hs256(SECRET, { client_id: CLIENT_ID });
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  const zgw = <T>(url: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
    call<T>(url, {
      ...init,
      headers: {
        authorization: `Bearer ${token}`,
        'accept-crs': 'EPSG:4326',
        'content-crs': 'EPSG:4326',
        ...init.headers,
      },
    });
  const zaakUrl = async (base: string, identificatie: string) => {
    const { body } = await zgw<Page<{ url: string }>>(`${base}/zaken/api/v1/zaken?identificatie=${identificatie}`);
    return body.results[0]!.url;
  };

  it('links documents to zaken: zaakinformatieobjecten (list and expand) and objectinformatieobjecten', async () => {
    const zaak = await zaakUrl(a.url, 'ZAAK-2026-0000000101');
    const { status, body } = await zgw<Zio[]>(
      `${a.url}/zaken/api/v1/zaakinformatieobjecten?zaak=${encodeURIComponent(zaak)}`,
    );
    expect(status).toBe(200);
    expect(body).toHaveLength(4);
    expect(
      body.every((zio) => zio.zaak === zaak && zio.informatieobject.startsWith(`${a.url}/documenten/api/v1/`)),
    ).toBe(true);
    const expanded = await zgw<Page<{ _expand: { zaakinformatieobjecten: Zio[] } }>>(
      `${a.url}/zaken/api/v1/zaken?identificatie=ZAAK-2026-0000000101&expand=zaakinformatieobjecten`,
    );
    expect(expanded.body.results[0]?._expand.zaakinformatieobjecten.map((z) => z.url).sort()).toEqual(
      body.map((z) => z.url).sort(),
    );
    const oio = await zgw<Array<{ object: string; objectType: string }>>(
      `${a.url}/documenten/api/v1/objectinformatieobjecten?object=${encodeURIComponent(zaak)}`,
    );
    expect(oio.body).toHaveLength(4);
    expect(oio.body.every((o) => o.object === zaak && o.objectType === 'zaak')).toBe(true);
  });

  it('serves informatieobjecten: metadata, _zoek on uuid_In, and the content as bytes', async () => {
    const zaak = await zaakUrl(a.url, 'ZAAK-2026-0000000101');
    const { body: zios } = await zgw<Zio[]>(
      `${a.url}/zaken/api/v1/zaakinformatieobjecten?zaak=${encodeURIComponent(zaak)}`,
    );
    const uuids = zios.map((zio) => zio.informatieobject.split('/').at(-1)!);
    const found = await zgw<Page<Document>>(`${a.url}/documenten/api/v1/enkelvoudiginformatieobjecten/_zoek`, {
      method: 'POST',
      body: { uuid_In: uuids },
    });
    expect(found.status).toBe(200);
    expect(found.headers.get('api-version')).toBe('1.4.2');
    expect(found.body.results.map((d) => [d.titel, d.vertrouwelijkheidaanduiding, d.status]).sort()).toEqual([
      ['Aanvraag parkeervergunning', 'openbaar', 'definitief'],
      ['Advies parkeerbeheer', 'vertrouwelijk', 'definitief'],
      ['Concept besluit parkeervergunning', 'openbaar', 'in_bewerking'],
      ['Kopie kentekenbewijs', 'beperkt_openbaar', 'definitief'],
    ]);
    const aanvraag = found.body.results.find((d) => d.titel === 'Aanvraag parkeervergunning')!;
    const one = await zgw<Document>(aanvraag.url);
    expect(one.body).toMatchObject({ formaat: 'application/pdf', bestandsnaam: 'aanvraag.pdf' });
    expect(one.body.inhoud).toBe(`${aanvraag.url}/download?versie=1`);

    const download = await fetch(`${aanvraag.url}/download`, { headers: { authorization: `Bearer ${token}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/octet-stream');
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    expect(bytes.length).toBe(one.body.bestandsomvang);
  });

  it('is read-only, needs a JWT, and validates _zoek', async () => {
    const created = await zgw<ProblemBody>(`${a.url}/documenten/api/v1/enkelvoudiginformatieobjecten`, {
      method: 'POST',
      body: { titel: 'x' },
    });
    expect(created.status).toBe(405);
    expect(created.body.code).toBe('method_not_allowed');
    const anonymous = await call<ProblemBody>(`${a.url}/documenten/api/v1/enkelvoudiginformatieobjecten`);
    expect(anonymous.status).toBe(403);
    const invalid = await zgw<ProblemBody>(`${a.url}/documenten/api/v1/enkelvoudiginformatieobjecten/_zoek`, {
      method: 'POST',
      body: { uuid_In: ['geen-uuid'] },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.invalidParams?.[0]).toMatchObject({ name: 'uuid_In', code: 'invalid' });
  });

  it('runs as a standard Zaken API 1.5.1 (A) or as Open Zaak with KvK filters (B)', async () => {
    const filter = 'rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__kvkNummer=68727720';
    const standard = await zgw<ProblemBody>(`${a.url}/zaken/api/v1/zaken?${filter}`);
    expect(standard.status).toBe(400);
    expect(standard.body.invalidParams?.[0]).toMatchObject({ code: 'unknown-parameters' });
    const openZaak = await zgw<Page<{ identificatie: string }>>(`${b.url}/zaken/api/v1/zaken?${filter}`);
    expect(openZaak.body.results.map((z) => z.identificatie)).toEqual(['ZAAK-2026-0000000203']);
  });

  it('pages _zoek results with pageSize and a next link that keeps the search in the body', async () => {
    const body = { rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn: '999993653', ordering: '-startdatum' };
    const first = await zgw<Page<{ identificatie: string }>>(`${a.url}/zaken/api/v1/zaken/_zoek?pageSize=4`, {
      method: 'POST',
      body,
    });
    expect(first.body.count).toBe(6);
    expect(first.body.results.map((z) => z.identificatie)).toEqual([
      'ZAAK-2026-0000000107',
      'ZAAK-2026-0000000101',
      'ZAAK-2026-0000000104',
      'ZAAK-2026-0000000103',
    ]);
    const second = await zgw<Page<{ identificatie: string }>>(first.body.next!, { method: 'POST', body });
    expect(second.body.results.map((z) => z.identificatie)).toEqual(['ZAAK-2026-0000000102', 'ZAAK-2026-0000000105']);
    expect(second.body.next).toBeNull();
  });

  it('shows the zaaktype toelichting, where the seed has one, as the catalogus does', async () => {
    const { body } = await zgw<Page<{ identificatie: string; toelichting: string }>>(
      `${a.url}/catalogi/api/v1/zaaktypen`,
    );
    const toelichting = Object.fromEntries(body.results.map((z) => [z.identificatie, z.toelichting]));
    expect(toelichting['PARKEERVERGUNNING']).toMatch(/^Met een parkeervergunning/);
    expect(toelichting['TERRAS']).toBe('');
  });
});
