import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Listening } from '../../lib/http/listen.js';
import type { Identity } from '../../lib/identity/index.js';
import { createMemoryCache, createStaleWhileRevalidate } from '../../lib/cache/index.js';
import { createCachedCatalogus } from '../../lib/zgw/catalogus.js';
import { createZgwClient, NotApplicableError, type ZgwSource } from '../../lib/zgw/client.js';
import { DEFAULT_VISIBILITY, type VisibilityRules } from '../../lib/zgw/visibility.js';
import { createZgwSimulator, ZGW_SEEDS } from '../../simulators/zgw/index.js';
import { start } from '../simulators/helpers.js';

const CLIENT = { clientId: 'portaal', secret: 'geheim-voor-de-zgw-client-test-0123456789' };
const ACTOR = { userId: 'pseudo-1', userRepresentation: 'Inwoner via Mijn-Omgeving' };
const SUZANNE: Identity = { soort: 'INWONER', middel: 'DIGID', niveau: 'SUBSTANTIEEL', bsn: '999993653' };
const BV: Identity = {
  soort: 'ONDERNEMER',
  middel: 'EHERKENNING',
  niveau: 'MIDDEN',
  kvk: '69599084',
  rsin: '857583001',
};
const BV_VESTIGING: Identity = { ...BV, vestiging: '000038509504' };
const SUZANNE_SEED = {
  inpBsn: '999993653',
  geslachtsnaam: 'Moulin',
  voornamen: 'Suzanne',
  voorletters: 'S',
  geslachtsaanduiding: 'v' as const,
};
const EENMANSZAAK: Identity = { soort: 'ONDERNEMER', middel: 'EHERKENNING', niveau: 'MIDDEN', kvk: '68727720' };

describe('ZGW client against two simulated zaaksystemen', () => {
  const simA = createZgwSimulator({ seed: 'gemeente-a', clients: { [CLIENT.clientId]: CLIENT.secret } });
  const simB = createZgwSimulator({ seed: 'gemeente-b', clients: { [CLIENT.clientId]: CLIENT.secret } });
  let a: Listening;
  let b: Listening;
  beforeAll(async () => {
    [a, b] = await Promise.all([start(simA), start(simB)]);
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  const source = (server: Listening, extra: Partial<ZgwSource> = {}): ZgwSource => ({
    naam: 'Zaaksysteem',
    zakenUrl: `${server.url}/zaken/api/v1`,
    catalogiUrl: `${server.url}/catalogi/api/v1`,
    documentenUrl: `${server.url}/documenten/api/v1`,
    ...CLIENT,
    ...extra,
  });
  const zakenIn = async (server: Listening, identity: Identity, zichtbaarheid?: VisibilityRules) => {
    const client = createZgwClient(source(server, zichtbaarheid ? { zichtbaarheid } : {}), { timeoutMs: 2_000 });
    return (await client.zakenVan(identity, ACTOR)).map((z) => z.identificatie).sort();
  };

  describe('visibility: each rule, with the seeded zaken that must stay hidden', () => {
    it('by default Suzanne sees only her own zaken of an extern zaaktype up to beperkt_openbaar', async () => {
      // Hidden: 0103 (only belanghebbende), 0104 (zaaktype intern), 0105 (geheim).
      expect(await zakenIn(a, SUZANNE)).toEqual([
        'ZAAK-2026-0000000101',
        'ZAAK-2026-0000000102',
        'ZAAK-2026-0000000107',
      ]);
    });

    it('belanghebbende where configured: 0103 shows once the roles and its confidentiality allow it', async () => {
      const rules = { ...DEFAULT_VISIBILITY, rollen: ['initiator', 'belanghebbende'] };
      // Her role alone is not enough: the handhaving zaak is zaakvertrouwelijk.
      expect(await zakenIn(a, SUZANNE, rules)).not.toContain('ZAAK-2026-0000000103');
      expect(await zakenIn(a, SUZANNE, { ...rules, maxVertrouwelijkheid: 'zaakvertrouwelijk' })).toContain(
        'ZAAK-2026-0000000103',
      );
    });

    it('a zaaktype that is intern never shows, whatever the other settings', async () => {
      const everything: VisibilityRules = {
        rollen: ['initiator', 'belanghebbende'],
        maxVertrouwelijkheid: 'zeer_geheim',
        uitgeslotenZaaktypen: [],
      };
      const zaken = await zakenIn(a, SUZANNE, everything);
      expect(zaken).not.toContain('ZAAK-2026-0000000104');
      // The maximum is what kept 0105 (geheim) hidden.
      expect(zaken).toContain('ZAAK-2026-0000000105');
    });

    it('an excluded zaaktype does not show', async () => {
      const zaken = await zakenIn(a, SUZANNE, { ...DEFAULT_VISIBILITY, uitgeslotenZaaktypen: ['PARKEERVERGUNNING'] });
      expect(zaken).toEqual(['ZAAK-2026-0000000102', 'ZAAK-2026-0000000107']);
    });

    it('someone else only sees their own zaak, not hers', async () => {
      const braaksma: Identity = { ...SUZANNE, bsn: '999970914' };
      expect(await zakenIn(a, braaksma)).toEqual([]); // 0103 is his, but zaakvertrouwelijk
      expect(await zakenIn(a, braaksma, { ...DEFAULT_VISIBILITY, maxVertrouwelijkheid: 'zaakvertrouwelijk' })).toEqual([
        'ZAAK-2026-0000000103',
      ]);
    });
  });

  describe('organisations (eHerkenning)', () => {
    it('a company with an RSIN: found by RSIN on a standard Zaken API', async () => {
      simA.journal.clear();
      expect(await zakenIn(a, BV)).toEqual(['ZAAK-2026-0000000106']);
      expect(simA.journal.entries()[0]?.body).toEqual({
        rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId: '857583001',
      });
    });

    it('a login restricted to a vestiging: only that vestiging’s zaken', async () => {
      simA.journal.clear();
      expect(await zakenIn(a, BV_VESTIGING)).toEqual(['ZAAK-2026-0000000108']);
      expect(simA.journal.entries()[0]?.body).toEqual({
        rol__betrokkeneIdentificatie__vestiging__vestigingsNummer: '000038509504',
      });
      // The same vestigingsnummer with another KvK number on the login is not the caller.
      expect(await zakenIn(a, { ...BV_VESTIGING, kvk: '68750110', rsin: '820374830' })).toEqual([]);
    });

    it('an eenmanszaak without RSIN: a standard source cannot search (no call), an Open Zaak source finds it by KvK', async () => {
      simA.journal.clear();
      const standard = createZgwClient(source(a), { timeoutMs: 2_000 });
      const error = await standard.zakenVan(EENMANSZAAK, ACTOR).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotApplicableError);
      expect(error).toMatchObject({ reden: 'GEEN_RSIN' });
      expect(simA.journal.entries()).toHaveLength(0);

      simB.journal.clear();
      const openZaak = createZgwClient(source(b, { kvkFilters: true }), { timeoutMs: 2_000 });
      expect((await openZaak.zakenVan(EENMANSZAAK, ACTOR)).map((z) => z.identificatie)).toEqual([
        'ZAAK-2026-0000000203',
      ]);
      expect(simB.journal.entries()[0]?.body).toEqual({
        rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__kvkNummer: '68727720',
      });
    });

    it('a source configured with KvK filters that is really a standard 1.5.1 answers 400 (misconfiguration shows)', async () => {
      const wrong = createZgwClient(source(a, { kvkFilters: true }), { timeoutMs: 2_000 });
      await expect(wrong.zakenVan(BV, ACTOR)).rejects.toMatchObject({
        kind: 'BAD_REQUEST',
        invalidParams: ['nonFieldErrors'],
      });
    });
  });

  describe('how it asks', () => {
    it('follows pages within the source, newest first, and says when it stopped early', async () => {
      simA.journal.clear();
      const client = createZgwClient(
        { ...source(a), zakenUrl: `${a.url}/zaken/api/v1` },
        { timeoutMs: 2_000, maxPages: 1 },
      );
      // Page size 100: one page holds all; the result is complete.
      const all = await client.zoekZaken(SUZANNE, ACTOR, { ordering: '-startdatum', expand: ['resultaat'] });
      expect(all.afgekapt).toBe(false);
      expect(all.zaken.map((z) => z.startdatum)).toEqual(['2026-11-05', '2026-11-02', '2026-09-01']);
      expect(all.zaken.find((z) => z.identificatie === 'ZAAK-2026-0000000102')?._expand?.resultaat).toMatchObject({
        resultaattype: expect.stringContaining('/catalogi/api/v1/resultaattypen/'),
      });
      const [call] = simA.journal.entries();
      expect(call?.query['expand']).toBe('zaaktype,status,status.statustype,rollen,resultaat');
      expect(call?.body).toEqual({
        rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn: '999993653',
        ordering: '-startdatum',
      });
    });

    it('a resident with more zaken than it fetches: the newest, marked as cut off', async () => {
      const base = ZGW_SEEDS['gemeente-a'];
      const many = createZgwSimulator({
        seed: {
          ...base,
          name: 'veel-zaken',
          zaken: Array.from({ length: 120 }, (_, i) => ({
            key: `zaak-${i}`,
            identificatie: `ZAAK-2025-${String(i).padStart(10, '0')}`,
            zaaktype: 'melding-openbare-ruimte',
            omschrijving: `Melding ${i}`,
            registratiedatum: '2025-01-01',
            startdatum: new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10),
            statussen: [{ statustype: 'gemeld', gezet: '2025-01-01T08:00:00Z' }],
            rollen: [
              {
                omschrijvingGeneriek: 'initiator' as const,
                natuurlijkPersoon: SUZANNE_SEED,
              },
            ],
          })),
        },
        clients: { [CLIENT.clientId]: CLIENT.secret },
      });
      const server = await start(many);
      try {
        const client = createZgwClient(source(server), { timeoutMs: 2_000, maxPages: 1 });
        const { zaken, afgekapt } = await client.zoekZaken(SUZANNE, ACTOR, { ordering: '-startdatum' });
        expect(afgekapt).toBe(true);
        expect(zaken).toHaveLength(100);
        expect(zaken[0]?.identificatie).toBe('ZAAK-2025-0000000119');
      } finally {
        await server.close();
      }
    });

    it('asks only one organisation’s zaken from a shared zaaksysteem when bronorganisatie is configured', async () => {
      const client = createZgwClient(source(b, { bronorganisatie: '002220647' }), { timeoutMs: 2_000 });
      // 0107 in B belongs to gemeente A (bronorganisatie 002564440).
      expect((await client.zakenVan(SUZANNE, ACTOR)).map((z) => z.identificatie)).toEqual(['ZAAK-2026-0000000201']);
    });

    it('asks for one zaak by zaaknummer and organisation; a source for another organisation is not asked', async () => {
      const client = createZgwClient(source(b), { timeoutMs: 2_000 });
      simB.journal.clear();
      const gevonden = await client.zakenVan(SUZANNE, ACTOR, {
        identificatie: 'ZAAK-2026-0000000107',
        bronorganisatie: '002564440',
      });
      expect(gevonden.map((z) => [z.bronorganisatie, z.identificatie])).toEqual([
        ['002564440', 'ZAAK-2026-0000000107'],
      ]);
      expect(simB.journal.entries({ path: /^\/zaken\// }).map((e) => e.body)).toEqual([
        expect.objectContaining({ identificatie: 'ZAAK-2026-0000000107', bronorganisatie: '002564440' }),
      ]);

      const alleenB = createZgwClient(source(b, { bronorganisatie: '002220647' }), { timeoutMs: 2_000 });
      simB.journal.clear();
      expect(await alleenB.zakenVan(SUZANNE, ACTOR, { bronorganisatie: '002564440' })).toEqual([]);
      expect(simB.journal.entries()).toEqual([]);
      // The source's own organisation with a zaaknummer: asked, and found.
      const eigen = await alleenB.zakenVan(SUZANNE, ACTOR, {
        identificatie: 'ZAAK-2026-0000000201',
        bronorganisatie: '002220647',
      });
      expect(eigen.map((z) => z.identificatie)).toEqual(['ZAAK-2026-0000000201']);
    });

    it('catalogus: statustypen in order, resultaattypen; cached, so the Catalogi API is asked once', async () => {
      const client = createZgwClient(source(a), { timeoutMs: 2_000 });
      const [zaak] = await client.zakenVan(SUZANNE, ACTOR);
      const catalogus = createCachedCatalogus(
        client,
        createStaleWhileRevalidate(createMemoryCache(), { ttlMs: 60_000, staleMs: 60_000 }),
      );
      simA.journal.clear();
      for (let i = 0; i < 3; i++) {
        const statustypen = await catalogus.statustypen(zaak!.zaaktype);
        expect(statustypen.map((s) => s.volgnummer)).toEqual([1, 2, 3]);
      }
      expect((await catalogus.resultaattypen(zaak!.zaaktype)).length).toBeGreaterThan(0);
      const calls = simA.journal.entries({ path: /^\/catalogi\// });
      expect(calls.map((c) => c.path)).toEqual(['/catalogi/api/v1/statustypen', '/catalogi/api/v1/resultaattypen']);
      // Catalogus data is not the resident's: the audit trail names the application.
      const jwt = JSON.parse(
        Buffer.from((calls[0]?.headers['authorization'] ?? '').split('.')[1] ?? '', 'base64url').toString(),
      );
      expect(jwt).toMatchObject({ client_id: 'portaal', user_id: 'portaal' });
    });

    it('documents: one _zoek for a list of informatieobjecten, ignoring URLs of other hosts', async () => {
      const client = createZgwClient(source(a), { timeoutMs: 2_000 });
      const zaken = await client.zakenVan(SUZANNE, ACTOR, { expand: ['zaakinformatieobjecten'] });
      const urls = zaken.flatMap((z) => z._expand?.zaakinformatieobjecten ?? []).map((zio) => zio.informatieobject);
      expect(urls).toHaveLength(5);
      simA.journal.clear();
      const documenten = await client.documenten!.informatieobjecten(
        [...urls, 'https://elders.example/documenten/api/v1/enkelvoudiginformatieobjecten/x'],
        ACTOR,
      );
      expect(documenten.map((d) => d.titel).sort()).toEqual(
        [
          'Advies parkeerbeheer',
          'Afhandeling van uw melding',
          'Aanvraag parkeervergunning',
          'Concept besluit parkeervergunning',
          'Kopie kentekenbewijs',
        ].sort(),
      );
      const calls = simA.journal.entries();
      expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
        'POST /documenten/api/v1/enkelvoudiginformatieobjecten/_zoek',
      ]);
      expect((calls[0]?.body as { uuid_In: string[] }).uuid_In).toHaveLength(5);
    });
  });
});
