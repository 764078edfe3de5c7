import type { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../lib/config.js';
import type { ZgwStatustype, ZgwZaak } from '../../lib/zgw/types.js';
import { zgwToken } from '../../lib/zgw/auth.js';
import { isDocumentVisible, DEFAULT_VISIBILITY } from '../../lib/zgw/visibility.js';
import { loadZakenConfig } from '../../subgraphs/zaken/config.js';
import { createDocumentLinks } from '../../subgraphs/zaken/document/document-links.js';
import { mapVoortgang } from '../../subgraphs/zaken/zaak/zaak.mapper.js';
import { pagina, parseZakenVraag } from '../../subgraphs/zaken/zaak/zaken.paging.js';
import { Zaak, ZaakStatusFilter } from '../../subgraphs/zaken/zaak/zaak.type.js';
import { withOneCharacterChanged } from '../helpers/tamper.js';

function zaak(identificatie: string, startdatum: string, afgerond = false, zgw: Partial<ZgwZaak> = {}): Zaak {
  return Object.assign(new Zaak(), {
    bronorganisatie: '002564440',
    identificatie,
    startdatum,
    afgerond,
    zgw: { url: '', identificatie, bronorganisatie: '002564440', zaaktype: 'zt', startdatum, ...zgw },
    bronIndex: 0,
  });
}

function badInput(run: () => unknown): { message: string; extensions: Record<string, unknown> } {
  try {
    run();
  } catch (error) {
    const { message, extensions } = error as GraphQLError;
    return { message, extensions };
  }
  throw new Error('expected BAD_USER_INPUT');
}

describe('zaken paging and filter', () => {
  const zaken = [
    zaak('Z-1', '2026-01-10'),
    zaak('Z-2', '2026-03-01', true),
    zaak('Z-3', '2026-03-01'),
    zaak('Z-4', '2026-02-15'),
    zaak('Z-5', '2025-12-31', true),
  ];

  it('sorts newest first, ties by zaaknummer, and pages with a cursor until the end', () => {
    const first = pagina(zaken, parseZakenVraag(null, 2, null));
    expect(first.items.map((z) => z.identificatie)).toEqual(['Z-3', 'Z-2']);
    expect(first.totaal).toBe(5);
    const second = pagina(zaken, parseZakenVraag(null, 2, first.volgende));
    expect(second.items.map((z) => z.identificatie)).toEqual(['Z-4', 'Z-1']);
    const third = pagina(zaken, parseZakenVraag(null, 2, second.volgende));
    expect(third.items.map((z) => z.identificatie)).toEqual(['Z-5']);
    expect(third.volgende).toBeNull();
  });

  it('keeps the next page stable when a newer zaak appears between two requests', () => {
    const first = pagina(zaken, parseZakenVraag(null, 2, null));
    const grown = [...zaken, zaak('Z-6', '2026-04-01')];
    expect(pagina(grown, parseZakenVraag(null, 2, first.volgende)).items.map((z) => z.identificatie)).toEqual([
      'Z-4',
      'Z-1',
    ]);
  });

  it('filters on open/afgerond and on a start date range (both ends included)', () => {
    const ids = (filter: Parameters<typeof parseZakenVraag>[0]) =>
      pagina(zaken, parseZakenVraag(filter, 50, null)).items.map((z) => z.identificatie);
    expect(ids({ status: ZaakStatusFilter.OPEN })).toEqual(['Z-3', 'Z-4', 'Z-1']);
    expect(ids({ status: ZaakStatusFilter.AFGEROND })).toEqual(['Z-2', 'Z-5']);
    expect(
      ids({ status: ZaakStatusFilter.ALLE, startdatumVanaf: '2026-01-10', startdatumTotEnMet: '2026-02-15' }),
    ).toEqual(['Z-4', 'Z-1']);
  });

  it.each([
    [0, /1 tot en met 50/],
    [51, /1 tot en met 50 zaken opvragen\. U vroeg om 51/],
    [-3, /1 tot en met 50/],
  ])('refuses eerste = %d with a readable BAD_USER_INPUT', (eerste, message) => {
    const error = badInput(() => parseZakenVraag(null, eerste, null));
    expect(error.extensions['code']).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(message);
    expect(error.extensions['invalidParams']).toEqual([{ name: 'eerste', reason: error.message }]);
  });

  it('refuses a date range the wrong way round, a date that does not exist, and a damaged cursor', () => {
    const reversed = badInput(() =>
      parseZakenVraag(
        { status: ZaakStatusFilter.ALLE, startdatumVanaf: '2026-06-01', startdatumTotEnMet: '2026-01-01' },
        10,
        null,
      ),
    );
    expect(reversed.message).toBe(
      'De begindatum (2026-06-01) ligt na de einddatum (2026-01-01). Kies een begindatum die op of voor de einddatum ligt.',
    );
    for (const datum of ['2026-02-30', '01-06-2026', '2026-6-1', '']) {
      const error = badInput(() =>
        parseZakenVraag({ status: ZaakStatusFilter.ALLE, startdatumVanaf: datum }, 10, null),
      );
      expect(error.message).toMatch(/bestaat niet of heeft niet de vorm JJJJ-MM-DD/);
    }
    for (const cursor of ['', 'abc', 'z1.bm90LWpzb24', `z1.${Buffer.from('[1,2,3]').toString('base64url')}`]) {
      expect(badInput(() => parseZakenVraag(null, 10, cursor)).message).toBe(
        'Deze vervolgpagina bestaat niet. Begin opnieuw bij de eerste pagina.',
      );
    }
  });

  it('finds one zaak by zaaknummer and organisation, even a zaaksysteem that ignored the filter', () => {
    const anders = Object.assign(zaak('Z-2', '2026-03-01'), { bronorganisatie: '123456782' });
    const ids = (filter: Parameters<typeof parseZakenVraag>[0]) =>
      pagina([...zaken, anders], parseZakenVraag(filter, 50, null)).items.map(
        (z) => `${z.bronorganisatie}/${z.identificatie}`,
      );
    expect(ids({ status: ZaakStatusFilter.ALLE, identificatie: 'Z-5' })).toEqual(['002564440/Z-5']);
    expect(ids({ status: ZaakStatusFilter.ALLE, identificatie: 'Z-2' })).toEqual(['123456782/Z-2', '002564440/Z-2']);
    expect(ids({ status: ZaakStatusFilter.ALLE, identificatie: 'Z-2', bronorganisatie: '123456782' })).toEqual([
      '123456782/Z-2',
    ]);
    expect(ids({ status: ZaakStatusFilter.ALLE, identificatie: 'Z-9' })).toEqual([]);
    // The other filters still apply on top: Z-5 is afgerond.
    expect(ids({ status: ZaakStatusFilter.OPEN, identificatie: 'Z-5' })).toEqual([]);
  });

  it.each([
    ['identificatie', '', 'Het zaaknummer is leeg. Vul een zaaknummer in, of laat het veld weg.'],
    ['identificatie', '   ', 'Het zaaknummer is leeg. Vul een zaaknummer in, of laat het veld weg.'],
    ['identificatie', 'Z'.repeat(41), 'Een zaaknummer heeft hoogstens 40 tekens. Dit zaaknummer heeft er 41.'],
    [
      'identificatie',
      ' ZAAK-1',
      'Het zaaknummer heeft een spatie aan het begin of eind, of een teken dat u niet ziet. Haal dat weg.',
    ],
    [
      'identificatie',
      'ZAAK\u00001',
      'Het zaaknummer heeft een spatie aan het begin of eind, of een teken dat u niet ziet. Haal dat weg.',
    ],
    ['bronorganisatie', '2564440', 'De organisatie moet een RSIN zijn: 9 cijfers, bijvoorbeeld 002564440.'],
    ['bronorganisatie', 'gemeente', 'De organisatie moet een RSIN zijn: 9 cijfers, bijvoorbeeld 002564440.'],
    ['bronorganisatie', '123456789', 'Het RSIN 123456789 bestaat niet. Kijk of de 9 cijfers goed zijn.'],
  ] as const)('refuses filter.%s = %j with a readable BAD_USER_INPUT', (veld, waarde, message) => {
    const error = badInput(() => parseZakenVraag({ status: ZaakStatusFilter.ALLE, [veld]: waarde }, 10, null));
    expect(error.extensions['code']).toBe('BAD_USER_INPUT');
    expect(error.message).toBe(message);
    expect(error.extensions['invalidParams']).toEqual([{ name: `filter.${veld}`, reason: message }]);
  });
});

describe('voortgang', () => {
  const statustypen: ZgwStatustype[] = [
    { url: 's3', omschrijving: 'Besluit', volgnummer: 3, isEindstatus: true },
    { url: 's1', omschrijving: 'Ontvangen', volgnummer: 1, isEindstatus: false },
    { url: 's2', omschrijving: 'In behandeling', volgnummer: 2, isEindstatus: false },
  ];
  const metStatus = (url: string | null, afgerond = false) =>
    zaak('Z', '2026-01-01', afgerond, {
      _expand: url
        ? {
            status: {
              url: 'st',
              statustype: url,
              datumStatusGezet: '2026-01-02T00:00:00Z',
              _expand: { statustype: statustypen.find((s) => s.url === url)! },
            },
          }
        : { status: null },
    });
  const standen = (z: Zaak) => mapVoortgang(z, statustypen).map((s) => `${s.volgnummer}:${s.stand}`);

  it('orders the steps and marks done, current and to come', () => {
    expect(standen(metStatus('s2'))).toEqual(['1:GEDAAN', '2:HUIDIG', '3:KOMT_NOG']);
    expect(mapVoortgang(metStatus('s2'), statustypen).map((s) => s.eindstatus)).toEqual([false, false, true]);
  });

  it('a zaak without status has every step still to come; a closed zaak has every step done', () => {
    expect(standen(metStatus(null))).toEqual(['1:KOMT_NOG', '2:KOMT_NOG', '3:KOMT_NOG']);
    expect(standen(metStatus('s3', true))).toEqual(['1:GEDAAN', '2:GEDAAN', '3:GEDAAN']);
  });
});

describe('document links', () => {
  const claims = { bron: 'Zaaksysteem A', document: 'https://drc.example/documenten/api/v1/x', gebruiker: 'pseudo' };

  it('round-trips, hides what it grants, and expires', async () => {
    let now = Date.parse('2026-11-28T10:00:00Z');
    const links = createDocumentLinks({
      secret: 'x'.repeat(32),
      baseUrl: 'https://api.gemeente.example/zaken/',
      ttlSeconds: 300,
      now: () => now,
    });
    const { url, geldigTot } = await links.mint(claims);
    expect(url).toMatch(/^https:\/\/api\.gemeente\.example\/zaken\/documenten\/[\w-]+\.\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(url).not.toContain('drc.example');
    expect(geldigTot.toISOString()).toBe('2026-11-28T10:05:00.000Z');
    const token = url.split('/documenten/')[1] ?? '';
    await expect(links.open(token)).resolves.toEqual(claims);
    now += 301_000;
    await expect(links.open(token)).resolves.toBeNull();
  });

  it('refuses a token that was changed or made with another secret', async () => {
    const links = createDocumentLinks({ secret: 'x'.repeat(32), baseUrl: 'https://p.example' });
    const other = createDocumentLinks({ secret: 'y'.repeat(32), baseUrl: 'https://p.example' });
    const token = (await links.mint(claims)).url.split('/documenten/')[1] ?? '';
    await expect(other.open(token)).resolves.toBeNull();
    // One character changed, the third from the end (the last may carry only padding bits).
    const flipped = withOneCharacterChanged(token, token.length - 3);
    expect(flipped).not.toBe(token);
    await expect(links.open(flipped)).resolves.toBeNull();
    await expect(links.open('niet-een-token')).resolves.toBeNull();
  });

  it('needs a secret of at least 32 characters', () => {
    expect(() => createDocumentLinks({ secret: 'kort', baseUrl: 'https://p.example' })).toThrow(RangeError);
  });
});

describe('document visibility', () => {
  const doc = (vertrouwelijkheidaanduiding: string | undefined, status = 'definitief') => ({
    url: 'u',
    titel: 't',
    creatiedatum: '2026-01-01',
    vertrouwelijkheidaanduiding,
    status,
  });

  it('shows finished documents up to the maximum, and nothing unknown, confidential or unfinished', () => {
    expect(isDocumentVisible(doc('openbaar'), DEFAULT_VISIBILITY)).toBe(true);
    expect(isDocumentVisible(doc('beperkt_openbaar', ''), DEFAULT_VISIBILITY)).toBe(true);
    expect(isDocumentVisible(doc('zaakvertrouwelijk'), DEFAULT_VISIBILITY)).toBe(false);
    expect(isDocumentVisible(doc(undefined), DEFAULT_VISIBILITY)).toBe(false);
    expect(isDocumentVisible(doc(''), DEFAULT_VISIBILITY)).toBe(false);
    expect(isDocumentVisible(doc('openbaar', 'in_bewerking'), DEFAULT_VISIBILITY)).toBe(false);
    expect(isDocumentVisible(doc('openbaar', 'ter_vaststelling'), DEFAULT_VISIBILITY)).toBe(false);
    expect(
      isDocumentVisible(doc('vertrouwelijk'), { ...DEFAULT_VISIBILITY, maxVertrouwelijkheid: 'vertrouwelijk' }),
    ).toBe(true);
  });
});

describe('zaken configuration', () => {
  const keys = JSON.stringify({ keys: [{ kty: 'EC', crv: 'P-256', x: 'x', y: 'y' }] });
  const source = {
    naam: 'A',
    zakenUrl: 'https://zaken.example/zaken/api/v1/',
    catalogiUrl: 'https://zaken.example/catalogi/api/v1',
    clientId: 'c',
    secret: 's'.repeat(16),
  };
  const load = (env: Record<string, string>) =>
    loadZakenConfig({ INTERNAL_TOKEN_PUBLIC_KEYS: keys, ZAKEN_BRONNEN: JSON.stringify([source]), ...env });
  const problems = (env: Record<string, string>) => {
    try {
      load(env);
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
    }
    return [];
  };

  it('has safe defaults: initiator only, up to beperkt_openbaar, no KvK filters, memory cache of an hour', () => {
    const config = load({});
    expect(config.ZAKEN_BRONNEN[0]).toMatchObject({
      zakenUrl: 'https://zaken.example/zaken/api/v1',
      kvkFilters: false,
      zichtbaarheid: { rollen: ['initiator'], maxVertrouwelijkheid: 'beperkt_openbaar', uitgeslotenZaaktypen: [] },
    });
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.ZAKEN_CATALOGUS_TTL_SECONDS).toBe(3_600);
    expect(config.ZAKEN_CATALOGUS_STALE_SECONDS).toBe(86_400);
  });

  it('names what is wrong: a documentenUrl without link secret, two sources with one name, a bad Redis URL', () => {
    expect(
      problems({
        ZAKEN_BRONNEN: JSON.stringify([{ ...source, documentenUrl: 'https://zaken.example/documenten/api/v1' }]),
      }),
    ).toEqual(['ZAKEN_DOCUMENT_LINK_SECRET: is required when a source in ZAKEN_BRONNEN has a documentenUrl']);
    expect(problems({ ZAKEN_BRONNEN: JSON.stringify([source, source]) })).toEqual([
      'ZAKEN_BRONNEN: every source needs its own naam',
    ]);
    expect(problems({ REDIS_URL: 'http://127.0.0.1:6379' })).toEqual([
      'REDIS_URL: must be a redis:// or rediss:// URL',
    ]);
    expect(problems({ ZAKEN_BRONNEN: JSON.stringify([{ ...source, bronorganisatie: '12' }]) })).toEqual([
      'ZAKEN_BRONNEN.0.bronorganisatie: must be an RSIN (9 digits)',
    ]);
  });
});

describe('ZGW tokens', () => {
  const credentials = { clientId: 'profielservice-unit', secret: 'geheim-voor-de-unit-test-0123456789' };
  const suzanne = { userId: 'pseudoniem-a', userRepresentation: 'inwoner' };
  const govert = { userId: 'pseudoniem-b', userRepresentation: 'inwoner' };
  const iat = (token: string) =>
    (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { iat: number }).iat;

  it('uses one token again for the same resident for 30 seconds, with iat in seconds', async () => {
    const start = 1_800_000_000_000;
    const first = await zgwToken(credentials, suzanne, start);
    expect(await zgwToken(credentials, suzanne, start + 29_999)).toBe(first);
    expect(iat(first)).toBe(start / 1000);
    const later = await zgwToken(credentials, suzanne, start + 30_000);
    expect(later).not.toBe(first);
    expect(iat(later)).toBe(start / 1000 + 30);
  });

  it('never gives one resident the token of another (their audit trail names them)', async () => {
    const now = 1_800_000_100_000;
    const a = await zgwToken(credentials, suzanne, now);
    const b = await zgwToken(credentials, govert, now);
    expect(a).not.toBe(b);
    expect(JSON.parse(Buffer.from(b.split('.')[1] ?? '', 'base64url').toString())).toMatchObject({
      user_id: 'pseudoniem-b',
      client_id: 'profielservice-unit',
    });
  });
});
