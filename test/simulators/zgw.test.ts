import { createServer, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type Listening } from '../../lib/http/listen.js';
import {
  createZgwSimulator,
  GEMEENTE_A_RSIN,
  GEMEENTE_B_RSIN,
  type ZgwNotification,
  type ZgwSimulator,
} from '../../simulators/zgw/index.js';
import { call, hs256, start, type ProblemBody } from './helpers.js';

const CLIENT_ID = 'profielservice';
const SECRET = 'test-secret-for-the-zgw-simulator-0123456789';
const SUZANNE = '999993653';

interface Page<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}
interface Zaak {
  url: string;
  uuid: string;
  identificatie: string;
  bronorganisatie: string;
  zaaktype: string;
  status: string | null;
  resultaat: string | null;
  einddatum: string | null;
  vertrouwelijkheidaanduiding: string;
  _expand?: Record<string, Record<string, unknown> | null>;
}

describe('ZGW Zaken + Catalogi simulator', () => {
  let callbackServer: Listening;
  const received: { body: ZgwNotification; authorization: string | undefined }[] = [];
  let onNotification: (() => void) | undefined;
  let gemeenteA: ZgwSimulator;
  let serverA: Listening;
  let serverB: Listening;
  let token: string;

  beforeAll(async () => {
    callbackServer = await listen(
      createServer((req: IncomingMessage, res) => {
        let data = '';
        req.on('data', (chunk: Buffer) => (data += chunk.toString()));
        req.on('end', () => {
          received.push({ body: JSON.parse(data) as ZgwNotification, authorization: req.headers.authorization });
          res.writeHead(204).end();
          onNotification?.();
        });
      }),
      { port: 0 },
    );
    gemeenteA = createZgwSimulator({
      seed: 'gemeente-a',
      clients: { [CLIENT_ID]: SECRET },
      notificationsCallback: { url: `${callbackServer.url}/api/notificaties`, authorization: 'Token webhook-secret' },
    });
    serverA = await start(gemeenteA);
    serverB = await start(createZgwSimulator({ seed: 'gemeente-b', clients: { [CLIENT_ID]: SECRET } }));
    token = await hs256(SECRET, { client_id: CLIENT_ID, iss: CLIENT_ID, user_id: 'test', user_representation: 'Test' });
  });
  afterAll(async () => {
    await Promise.all([serverA.close(), serverB.close(), callbackServer.close()]);
  });

  const zgw = <T>(
    base: string,
    path: string,
    init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) =>
    call<T>(`${base}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'accept-crs': 'EPSG:4326', ...init.headers },
    });
  const zakenVan = (base: string, bsn: string, extra = '') =>
    zgw<Page<Zaak>>(base, `/zaken/api/v1/zaken?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=${bsn}${extra}`);

  it('refuses requests without a JWT (403, as Open Zaak does)', async () => {
    const { status, body } = await call<ProblemBody>(`${serverA.url}/zaken/api/v1/zaken`, {
      headers: { 'accept-crs': 'EPSG:4326' },
    });
    expect(status).toBe(403);
    expect(body).toMatchObject({
      code: 'not_authenticated',
      status: 403,
      type: `${serverA.url}/ref/fouten/NotAuthenticated/`,
    });
    expect(body.instance).toMatch(/^urn:uuid:/);
  });

  it('refuses a JWT signed with another secret, or issued too long ago', async () => {
    const forged = await hs256('not-the-secret-not-the-secret-not-the', { client_id: CLIENT_ID });
    const stale = await hs256(SECRET, { client_id: CLIENT_ID }, Math.floor(Date.now() / 1000) - 7200);
    for (const bad of [forged, stale]) {
      const { status, body } = await zgw<ProblemBody>(serverA.url, '/zaken/api/v1/zaken', {
        headers: { authorization: `Bearer ${bad}` },
      });
      expect(status).toBe(403);
      expect(body.code).toBe('permission_denied');
    }
  });

  it('requires Accept-Crs on zaken, as Zaken API 1.5.1 does', async () => {
    const { status, body } = await zgw<ProblemBody>(serverA.url, '/zaken/api/v1/zaken', {
      headers: { 'accept-crs': '' },
    });
    expect(status).toBe(412);
    expect(body.code).toBe('precondition_failed');
  });

  it('filters zaken by BSN: only zaken with a rol for her', async () => {
    const { status, body, headers } = await zakenVan(serverA.url, SUZANNE);
    expect(status).toBe(200);
    expect(headers.get('content-crs')).toBe('EPSG:4326');
    expect(body.results.map((z) => z.identificatie)).toEqual([
      'ZAAK-2026-0000000101',
      'ZAAK-2026-0000000102',
      'ZAAK-2026-0000000103',
      'ZAAK-2026-0000000104',
      'ZAAK-2026-0000000105',
      'ZAAK-2026-0000000107',
    ]);
    const other = await zakenVan(serverA.url, '999970008');
    expect(other.body.count).toBe(0);
  });

  it('matches each rol filter on its own, like Django (belanghebbende zaak matches "initiator" too)', async () => {
    const { body } = await zakenVan(serverA.url, SUZANNE, '&rol__omschrijvingGeneriek=initiator');
    expect(body.results.map((z) => z.identificatie)).toContain('ZAAK-2026-0000000103');
    const rollen = await zgw<Page<{ omschrijvingGeneriek: string; betrokkeneIdentificatie: { inpBsn?: string } }>>(
      serverA.url,
      `/zaken/api/v1/rollen?zaak=${encodeURIComponent(body.results.find((z) => z.identificatie === 'ZAAK-2026-0000000103')!.url)}`,
    );
    expect(rollen.body.results.find((r) => r.betrokkeneIdentificatie.inpBsn === SUZANNE)?.omschrijvingGeneriek).toBe(
      'belanghebbende',
    );
  });

  it('finds organisation zaken by RSIN and by vestigingsnummer', async () => {
    const byRsin = await zgw<Page<Zaak>>(
      serverA.url,
      '/zaken/api/v1/zaken?rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId=857583001',
    );
    expect(byRsin.body.results.map((z) => z.identificatie)).toEqual(['ZAAK-2026-0000000106']);
    const byVestiging = await zgw<Page<Zaak>>(
      serverA.url,
      '/zaken/api/v1/zaken?rol__betrokkeneIdentificatie__vestiging__vestigingsNummer=000038509504',
    );
    expect(byVestiging.body.results.map((z) => z.identificatie)).toEqual(['ZAAK-2026-0000000108']);
  });

  it('expands zaaktype, status.statustype and resultaat.resultaattype', async () => {
    const { body } = await zakenVan(
      serverA.url,
      SUZANNE,
      '&identificatie=ZAAK-2026-0000000102&expand=zaaktype,status.statustype,resultaat.resultaattype',
    );
    const [zaak] = body.results;
    expect(zaak?._expand?.['zaaktype']).toMatchObject({
      omschrijving: 'Melding openbare ruimte',
      indicatieInternOfExtern: 'extern',
    });
    expect(zaak?._expand?.['status']).toMatchObject({
      indicatieLaatstGezetteStatus: true,
      _expand: { statustype: { omschrijving: 'Afgehandeld', volgnummer: 3, isEindstatus: true, informeren: true } },
    });
    expect(zaak?._expand?.['resultaat']).toMatchObject({ _expand: { resultaattype: { omschrijving: 'Opgelost' } } });
    expect(zaak?.einddatum).toBe('2026-09-10');
  });

  it('refuses an unknown expand value and unknown query parameters', async () => {
    const expand = await zgw<ProblemBody>(serverA.url, '/zaken/api/v1/zaken?expand=bestaatniet');
    expect(expand.status).toBe(400);
    expect(expand.body.invalidParams?.[0]).toMatchObject({ name: 'expand', code: 'invalid_choice' });
    const unknown = await zgw<ProblemBody>(serverA.url, '/zaken/api/v1/zaken?rol__inpBsn=999993653');
    expect(unknown.status).toBe(400);
    expect(unknown.body.invalidParams?.[0]).toMatchObject({ name: 'nonFieldErrors', code: 'unknown-parameters' });
  });

  it('pages with pageSize and absolute next/previous links', async () => {
    const first = await zakenVan(serverA.url, SUZANNE, '&pageSize=4');
    expect(first.body.count).toBe(6);
    expect(first.body.results).toHaveLength(4);
    expect(first.body.previous).toBeNull();
    expect(first.body.next).toBe(
      `${serverA.url}/zaken/api/v1/zaken?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=${SUZANNE}&pageSize=4&page=2`,
    );
    const second = await zgw<Page<Zaak>>(first.body.next!, '');
    expect(second.body.results).toHaveLength(2);
    expect(second.body.next).toBeNull();
    expect(second.body.previous).toContain('pageSize=4');
    expect((await zakenVan(serverA.url, SUZANNE, '&page=9')).status).toBe(404);
  });

  it('searches with POST /zaken/_zoek', async () => {
    const { status, body } = await zgw<Page<Zaak>>(serverA.url, '/zaken/api/v1/zaken/_zoek', {
      method: 'POST',
      headers: { 'content-crs': 'EPSG:4326' },
      body: {
        rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn: SUZANNE,
        maximaleVertrouwelijkheidaanduiding: 'zaakvertrouwelijk',
        expand: 'zaaktype',
      },
    });
    expect(status).toBe(200);
    // The vertrouwelijk adresonderzoek and the geheim schuldhulp zaak are filtered out.
    expect(body.results.map((z) => z.identificatie)).toEqual([
      'ZAAK-2026-0000000101',
      'ZAAK-2026-0000000102',
      'ZAAK-2026-0000000103',
      'ZAAK-2026-0000000107',
    ]);
    expect(body.results[0]?._expand?.['zaaktype']).toMatchObject({ identificatie: 'PARKEERVERGUNNING' });

    // Open Zaak also takes `expand` as a query parameter of `_zoek`.
    const viaQuery = await zgw<Page<Zaak>>(serverA.url, '/zaken/api/v1/zaken/_zoek?expand=status.statustype', {
      method: 'POST',
      headers: { 'content-crs': 'EPSG:4326' },
      body: { rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn: SUZANNE },
    });
    expect(viaQuery.body.results[0]?._expand?.['status']).toMatchObject({ _expand: { statustype: { volgnummer: 2 } } });
  });

  it('serves two independent zaaksystemen that share one zaak', async () => {
    const a = await zakenVan(serverA.url, SUZANNE);
    const b = await zakenVan(serverB.url, SUZANNE);
    expect(b.body.results.map((z) => [z.bronorganisatie, z.identificatie])).toEqual([
      [GEMEENTE_B_RSIN, 'ZAAK-2026-0000000201'],
      [GEMEENTE_A_RSIN, 'ZAAK-2026-0000000107'],
    ]);
    const shared = (list: Zaak[]) => list.find((z) => z.identificatie === 'ZAAK-2026-0000000107');
    expect(shared(a.body.results)?.bronorganisatie).toBe(shared(b.body.results)?.bronorganisatie);
    expect(shared(a.body.results)?.url.startsWith(serverA.url)).toBe(true);
    expect(shared(b.body.results)?.url.startsWith(serverB.url)).toBe(true);
    expect(a.body.results.every((z) => z.zaaktype.startsWith(`${serverA.url}/catalogi/api/v1/zaaktypen/`))).toBe(true);
  });

  it('serves the catalogus: statustypen of a zaaktype in order', async () => {
    const { body: zaak } = await zgw<Zaak>(
      serverA.url,
      `/zaken/api/v1/zaken/${(await zakenVan(serverA.url, SUZANNE)).body.results[0]!.uuid}`,
    );
    const { body } = await zgw<
      Page<{ volgnummer: number; omschrijving: string; isEindstatus: boolean; statustekst: string }>
    >(serverA.url, `/catalogi/api/v1/statustypen?zaaktype=${encodeURIComponent(zaak.zaaktype)}`);
    expect(body.results.map((s) => [s.volgnummer, s.omschrijving, s.isEindstatus])).toEqual([
      [1, 'Ontvangen', false],
      [2, 'In behandeling', false],
      [3, 'Afgerond', true],
    ]);
    const current = await zgw<{ statustype: string }>(serverA.url, new URL(zaak.status!).pathname);
    expect(current.body.statustype).toContain('/catalogi/api/v1/statustypen/');
  });

  it('POST /statussen sets the status and notifies the callback', async () => {
    const { body: list } = await zakenVan(serverA.url, SUZANNE, '&identificatie=ZAAK-2026-0000000101');
    const zaak = list.results[0]!;
    const { body: statustypen } = await zgw<Page<{ url: string; volgnummer: number }>>(
      serverA.url,
      `/catalogi/api/v1/statustypen?zaaktype=${encodeURIComponent(zaak.zaaktype)}`,
    );
    const derde = statustypen.results.find((s) => s.volgnummer === 3)!;

    // An eindstatus needs a resultaat first.
    const refused = await zgw<ProblemBody>(serverA.url, '/zaken/api/v1/statussen', {
      method: 'POST',
      body: { zaak: zaak.url, statustype: derde.url, datumStatusGezet: '2026-11-28T10:00:00Z' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.invalidParams?.[0]?.code).toBe('resultaat-does-not-exist');

    const { body: resultaattypen } = await zgw<Page<{ url: string }>>(
      serverA.url,
      `/catalogi/api/v1/resultaattypen?zaaktype=${encodeURIComponent(zaak.zaaktype)}`,
    );
    const resultaat = await zgw(serverA.url, '/zaken/api/v1/resultaten', {
      method: 'POST',
      body: { zaak: zaak.url, resultaattype: resultaattypen.results[0]!.url, toelichting: 'Verleend' },
    });
    expect(resultaat.status).toBe(201);

    const notified = new Promise<void>((resolve) => (onNotification = resolve));
    const created = await zgw<{ url: string; indicatieLaatstGezetteStatus: boolean }>(
      serverA.url,
      '/zaken/api/v1/statussen',
      {
        method: 'POST',
        body: {
          zaak: zaak.url,
          statustype: derde.url,
          datumStatusGezet: '2026-11-28T10:00:00Z',
          statustoelichting: 'Vergunning verleend.',
        },
      },
    );
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(created.body.url);
    expect(created.body.indicatieLaatstGezetteStatus).toBe(true);
    await notified;
    expect(received.at(-1)).toEqual({
      authorization: 'Token webhook-secret',
      body: {
        kanaal: 'zaken',
        hoofdObject: zaak.url,
        resource: 'status',
        resourceUrl: created.body.url,
        actie: 'create',
        aanmaakdatum: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        kenmerken: {
          bronorganisatie: GEMEENTE_A_RSIN,
          zaaktype: zaak.zaaktype,
          vertrouwelijkheidaanduiding: 'openbaar',
        },
      },
    });
    const after = await zgw<Zaak>(serverA.url, new URL(zaak.url).pathname);
    expect(after.body.status).toBe(created.body.url);
    expect(after.body.einddatum).toBe('2026-11-28');
  });

  it('answers 404 in the ZGW format for an unknown zaak', async () => {
    const { status, body } = await zgw<ProblemBody>(
      serverA.url,
      '/zaken/api/v1/zaken/00000000-0000-4000-8000-000000000000',
    );
    expect(status).toBe(404);
    expect(body).toMatchObject({ code: 'not_found', title: 'Niet gevonden.' });
  });
});
