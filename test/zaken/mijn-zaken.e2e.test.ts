import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  MijnZakenDocument,
  type MijnZakenQuery,
  type MijnZakenQueryVariables,
} from '../../schema/generated/graphql.js';
import { meOf, startStack, type GraphQLResponse, type Stack } from '../helpers/stack.js';

type Zaken = NonNullable<NonNullable<MijnZakenQuery['me']>['zaken']>;
type Item = Zaken['items'][number];

const HIDDEN = ['ZAAK-2026-0000000103', 'ZAAK-2026-0000000104', 'ZAAK-2026-0000000105'];
const GEMEENTE_A = '002564440';
const GEMEENTE_B = '002220647';

describe('Mijn zaken through the gateway', () => {
  let stack: Stack;
  let suzanne: string;
  beforeAll(async () => {
    stack = await startStack();
    suzanne = await stack.login({ bsn: '999993653' });
  });
  afterEach(() => {
    stack.simulators.zgwA.setFaults({});
    stack.simulators.zgwB.setFaults({});
  });
  afterAll(async () => {
    await stack?.[Symbol.asyncDispose]();
  });

  const mijnZaken = (token: string, variables: MijnZakenQueryVariables = {}) =>
    stack.query(MijnZakenDocument, { token, variables });
  const zakenOf = (response: GraphQLResponse<MijnZakenQuery>): Zaken => meOf(response).zaken;
  const byId = (zaken: Zaken, identificatie: string): Item => {
    const item = zaken.items.find((z) => z.identificatie === identificatie);
    if (!item) throw new Error(`${identificatie} not in ${zaken.items.map((z) => z.identificatie).join(', ')}`);
    return item;
  };

  it('shows her zaken from both zaaksystemen, newest first, the shared one once, hidden ones never', async () => {
    const response = await mijnZaken(suzanne);
    expect(response.body.errors).toBeUndefined();
    const zaken = zakenOf(response);
    expect(zaken.bron).toEqual({ status: 'OK', melding: null });
    expect(zaken.bronnen.map((b) => [b.naam, b.status])).toEqual([
      ['Zaaksysteem gemeente A', 'OK'],
      ['Zaaksysteem gemeente B', 'OK'],
    ]);
    expect(zaken.items.map((z) => [z.identificatie, z.startdatum, z.bron])).toEqual([
      ['ZAAK-2026-0000000107', '2026-11-05', 'Zaaksysteem gemeente A'],
      ['ZAAK-2026-0000000101', '2026-11-02', 'Zaaksysteem gemeente A'],
      ['ZAAK-2026-0000000201', '2026-10-20', 'Zaaksysteem gemeente B'],
      ['ZAAK-2026-0000000102', '2026-09-01', 'Zaaksysteem gemeente A'],
    ]);
    expect(zaken.totaal).toBe(4);
    expect(zaken.volgende).toBeNull();
    const text = JSON.stringify(response.body);
    for (const hidden of HIDDEN) expect(text).not.toContain(hidden);
    expect(text).not.toMatch(/Handhavingsverzoek|Advies parkeerbeheer|Concept besluit/);
    for (const zaak of zaken.items) expect(zaak.portaal.eigenaar).toBe('GEMEENTE');
  });

  it('an open zaak: zaaktype with explanation, status in plain language, and its progress', async () => {
    const zaak = byId(zakenOf(await mijnZaken(suzanne)), 'ZAAK-2026-0000000101');
    expect(zaak).toMatchObject({
      omschrijving: 'Parkeervergunning bewoners Boterdiep',
      zaaktype: {
        omschrijving: 'Aanvraag parkeervergunning',
        uitleg: expect.stringMatching(/^Met een parkeervergunning/),
      },
      einddatumGepland: '2026-12-28',
      uiterlijkeEinddatumAfdoening: '2026-12-28',
      einddatum: null,
      afgerond: false,
      resultaat: null,
      status: {
        statustekst: 'Wij behandelen uw aanvraag. U hoort binnen 8 weken van ons.',
        datum: '2026-11-10T13:30:00.000Z',
      },
    });
    expect(zaak.voortgang).toEqual([
      { volgnummer: 1, omschrijving: 'Ontvangen', stand: 'GEDAAN', eindstatus: false },
      { volgnummer: 2, omschrijving: 'In behandeling', stand: 'HUIDIG', eindstatus: false },
      { volgnummer: 3, omschrijving: 'Afgerond', stand: 'KOMT_NOG', eindstatus: true },
    ]);
  });

  it('a closed zaak: einddatum, resultaat, every step done; a zaaktype without explanation says null', async () => {
    const zaken = zakenOf(await mijnZaken(suzanne));
    const zaak = byId(zaken, 'ZAAK-2026-0000000102');
    expect(zaak).toMatchObject({ afgerond: true, einddatum: '2026-09-10', resultaat: { omschrijving: 'Opgelost' } });
    expect(zaak.voortgang?.map((s) => s.stand)).toEqual(['GEDAAN', 'GEDAAN', 'GEDAAN']);
    expect(byId(zaken, 'ZAAK-2026-0000000201').voortgang?.map((s) => s.stand)).toEqual([
      'GEDAAN',
      'HUIDIG',
      'KOMT_NOG',
      'KOMT_NOG',
    ]);
    const wmo = zakenOf(await mijnZaken(await stack.login({ bsn: '999970008' })));
    expect(wmo.items.map((z) => [z.identificatie, z.zaaktype?.uitleg])).toEqual([['ZAAK-2026-0000000202', null]]);
  });

  it('documents: only those she may see, with a link that serves the file', async () => {
    const zaken = zakenOf(await mijnZaken(suzanne));
    const documenten = byId(zaken, 'ZAAK-2026-0000000101').documenten ?? [];
    // Hidden: "Advies parkeerbeheer" (vertrouwelijk) and "Concept besluit" (still in_bewerking).
    expect(documenten.map((d) => [d.titel, d.datum, d.formaat, d.bestandsnaam])).toEqual([
      ['Aanvraag parkeervergunning', '2026-11-02', 'application/pdf', 'aanvraag.pdf'],
      ['Kopie kentekenbewijs', '2026-11-02', 'application/pdf', 'kenteken.pdf'],
    ]);
    expect(byId(zaken, 'ZAAK-2026-0000000201').documenten?.map((d) => d.titel)).toEqual([
      'Ontvangstbevestiging bezwaar',
      'Uw bezwaarschrift',
    ]);
    expect(byId(zaken, 'ZAAK-2026-0000000107').documenten).toEqual([]);

    const [first] = documenten;
    expect(first?.link).not.toMatch(/documenten\/api|enkelvoudiginformatieobjecten/);
    expect(Date.parse(first?.linkGeldigTot ?? '') - Date.now()).toBeGreaterThan(60_000);
    const download = await fetch(first?.link ?? '');
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toContain('filename="aanvraag.pdf"');
    expect(download.headers.get('cache-control')).toBe('private, no-store');
    expect(
      Buffer.from(await download.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');

    // The Documenten API's audit trail names her pseudonym, never her BSN.
    const [drcCall] = stack.simulators.zgwA.journal.entries({ path: /\/download$/ }).slice(-1);
    const jwt = JSON.parse(
      Buffer.from((drcCall?.headers['authorization'] ?? '').split('.')[1] ?? '', 'base64url').toString(),
    );
    expect(jwt.user_id).toBe(meOf(await mijnZaken(suzanne)).id);

    const tampered = await fetch(`${first?.link.slice(0, -4)}AAAA`);
    expect(tampered.status).toBe(404);
    expect(await tampered.json()).toEqual({
      melding: 'Deze link werkt niet (meer). Open het document opnieuw vanuit uw zaak.',
    });
    expect((await fetch(first?.link ?? '', { method: 'POST' })).status).toBe(405);
  });

  it('pages with a cursor over the merged list, and filters on open, afgerond and start date', async () => {
    const first = zakenOf(await mijnZaken(suzanne, { eerste: 3 }));
    expect(first.items.map((z) => z.identificatie)).toEqual([
      'ZAAK-2026-0000000107',
      'ZAAK-2026-0000000101',
      'ZAAK-2026-0000000201',
    ]);
    expect(first.totaal).toBe(4);
    expect(first.volgende).toEqual(expect.any(String));
    const second = zakenOf(await mijnZaken(suzanne, { eerste: 3, na: first.volgende }));
    expect(second.items.map((z) => z.identificatie)).toEqual(['ZAAK-2026-0000000102']);
    expect(second.volgende).toBeNull();

    const ids = async (filter: MijnZakenQueryVariables['filter']) =>
      zakenOf(await mijnZaken(suzanne, { filter })).items.map((z) => z.identificatie);
    expect(await ids({ status: 'OPEN' })).toEqual([
      'ZAAK-2026-0000000107',
      'ZAAK-2026-0000000101',
      'ZAAK-2026-0000000201',
    ]);
    expect(await ids({ status: 'AFGEROND' })).toEqual(['ZAAK-2026-0000000102']);
    expect(await ids({ startdatumVanaf: '2026-10-01', startdatumTotEnMet: '2026-11-02' })).toEqual([
      'ZAAK-2026-0000000101',
      'ZAAK-2026-0000000201',
    ]);
  });

  it('finds one zaak by zaaknummer, however old: asked of each zaaksysteem, the shared one once, another resident’s never', async () => {
    for (const sim of [stack.simulators.zgwA, stack.simulators.zgwB]) sim.journal.clear();
    const zoek = async (filter: MijnZakenQueryVariables['filter']) => zakenOf(await mijnZaken(suzanne, { filter }));

    // In both zaaksystemen (A's zaak, also registered in B): exactly one, as in the list.
    const gedeeld = await zoek({ identificatie: 'ZAAK-2026-0000000107', bronorganisatie: GEMEENTE_A });
    expect(gedeeld.items.map((z) => [z.bronorganisatie, z.identificatie, z.omschrijving])).toEqual([
      [GEMEENTE_A, 'ZAAK-2026-0000000107', 'Omgevingsvergunning dakkapel Boterdiep 31'],
    ]);
    expect(gedeeld.totaal).toBe(1);
    expect(gedeeld.volgende).toBeNull();
    expect(gedeeld.bron).toEqual({ status: 'OK', melding: null });
    expect(gedeeld.items[0]?.voortgang?.length).toBeGreaterThan(0);
    // The zaaksystemen did the searching: one _zoek each, with the zaaknummer in the body.
    for (const sim of [stack.simulators.zgwA, stack.simulators.zgwB]) {
      const calls = sim.journal.entries().filter((e) => e.path.startsWith('/zaken/'));
      expect(calls.map((e) => [e.method, e.path])).toEqual([['POST', '/zaken/api/v1/zaken/_zoek']]);
      expect(calls[0]?.body).toMatchObject({ identificatie: 'ZAAK-2026-0000000107', bronorganisatie: GEMEENTE_A });
    }

    // Her oldest zaak, with no date given.
    const oud = await zoek({ identificatie: 'ZAAK-2026-0000000102' });
    expect(oud.items.map((z) => [z.identificatie, z.startdatum, z.afgerond])).toEqual([
      ['ZAAK-2026-0000000102', '2026-09-01', true],
    ]);

    // Govert de Geus's zaak, one where she is only belanghebbende, the right number at another
    // organisation, a number that does not exist: nothing, and no hint that the zaak exists.
    for (const filter of [
      { identificatie: 'ZAAK-2026-0000000202' },
      { identificatie: 'ZAAK-2026-0000000103', bronorganisatie: GEMEENTE_A },
      { identificatie: 'ZAAK-2026-0000000101', bronorganisatie: GEMEENTE_B },
      { identificatie: 'ZAAK-2026-9999999999' },
    ]) {
      const geen = await zoek(filter);
      expect(geen.items).toEqual([]);
      expect(geen.totaal).toBe(0);
      expect(geen.bron).toEqual({ status: 'OK', melding: null });
    }
  });

  it.each([
    [{ eerste: 0 }, 'U kunt per keer 1 tot en met 50 zaken opvragen. U vroeg om 0.'],
    [{ eerste: 500 }, 'U kunt per keer 1 tot en met 50 zaken opvragen. U vroeg om 500.'],
    [
      { filter: { startdatumVanaf: '2026-12-01', startdatumTotEnMet: '2026-01-01' } },
      'De begindatum (2026-12-01) ligt na de einddatum (2026-01-01). Kies een begindatum die op of voor de einddatum ligt.',
    ],
    [
      { filter: { startdatumVanaf: '2026-02-30' } },
      'De datum "2026-02-30" bestaat niet of heeft niet de vorm JJJJ-MM-DD, bijvoorbeeld 2026-03-31.',
    ],
    [{ na: 'verzonnen' }, 'Deze vervolgpagina bestaat niet. Begin opnieuw bij de eerste pagina.'],
    [{ filter: { identificatie: '' } }, 'Het zaaknummer is leeg. Vul een zaaknummer in, of laat het veld weg.'],
    [
      { filter: { identificatie: 'ZAAK-2026-0000000101', bronorganisatie: '123456789' } },
      'Het RSIN 123456789 bestaat niet. Kijk of de 9 cijfers goed zijn.',
    ],
    [
      { filter: { bronorganisatie: 'gemeente A' } },
      'De organisatie moet een RSIN zijn: 9 cijfers, bijvoorbeeld 002564440.',
    ],
  ] satisfies Array<[MijnZakenQueryVariables, string]>)(
    'a request that is valid GraphQL but makes no sense (%j) is BAD_USER_INPUT, before any upstream call',
    async (variables, message) => {
      stack.simulators.zgwA.journal.clear();
      stack.simulators.zgwB.journal.clear();
      const { status, body } = await mijnZaken(suzanne, variables);
      expect(status).toBe(200);
      expect(body.errors).toEqual([
        {
          message,
          path: ['me', 'zaken'],
          extensions: { code: 'BAD_USER_INPUT', invalidParams: [expect.objectContaining({ reason: message })] },
        },
      ]);
      expect([...stack.simulators.zgwA.journal.entries(), ...stack.simulators.zgwB.journal.entries()]).toEqual([]);
    },
  );

  it('one zaaksysteem down: the other’s zaken with progress stay, and the section says what is missing', async () => {
    stack.simulators.zgwB.setFaults({ failureRate: 1 });
    const response = await mijnZaken(suzanne);
    const zaken = zakenOf(response);
    expect(zaken.bron).toEqual({
      status: 'ONVOLLEDIG',
      melding: 'We konden niet al uw zaken ophalen. Wat u hier ziet, is dus misschien niet alles.',
    });
    expect(zaken.bronnen[1]).toEqual({
      naam: 'Zaaksysteem gemeente B',
      status: 'NIET_BESCHIKBAAR',
      melding: 'We kunnen de zaken uit Zaaksysteem gemeente B nu niet ophalen. Probeer het later opnieuw.',
    });
    // 0107 is in both: gemeente A still has it.
    expect(zaken.items.map((z) => z.identificatie)).toEqual([
      'ZAAK-2026-0000000107',
      'ZAAK-2026-0000000101',
      'ZAAK-2026-0000000102',
    ]);
    expect(zaken.items.every((z) => (z.voortgang ?? []).length > 0)).toBe(true);
    expect(response.body.errors).toBeUndefined();
    expect(JSON.stringify(response.body)).not.toMatch(/127\.0\.0\.1:\d+\/(zaken|catalogi|documenten)\/api/);
  });

  it('the whole list is still one Zaken call per source with many fields selected, and no BSN in any URL', async () => {
    for (const sim of [stack.simulators.zgwA, stack.simulators.zgwB]) sim.journal.clear();
    await mijnZaken(suzanne);
    for (const sim of [stack.simulators.zgwA, stack.simulators.zgwB]) {
      const entries = sim.journal.entries();
      expect(entries.filter((e) => e.path.startsWith('/zaken/'))).toHaveLength(1);
      for (const entry of entries) {
        expect(entry.path + JSON.stringify(entry.query)).not.toContain('999993653');
        // Every call carries a ZGW JWT with `iat` in seconds.
        const jwt = JSON.parse(
          Buffer.from((entry.headers['authorization'] ?? '').split('.')[1] ?? '', 'base64url').toString(),
        );
        expect(jwt.iat).toBeLessThan(10_000_000_000);
        expect(entry.headers['accept-crs']).toBe('EPSG:4326');
      }
    }
  });
});

describe('zaken of organisations (eHerkenning)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.[Symbol.asyncDispose]();
  });
  const zaken = async (who: { kvk: string; vestiging?: string }) =>
    meOf(await stack.query(MijnZakenDocument, { token: await stack.login(who) })).zaken;

  it('a company with an RSIN sees its zaken (found by RSIN in A, by KvK number in Open Zaak B)', async () => {
    const result = await zaken({ kvk: '69599084' });
    expect(result.bron.status).toBe('OK');
    expect(result.items.map((z) => [z.identificatie, z.zaaktype?.omschrijving])).toEqual([
      ['ZAAK-2026-0000000106', 'Aanvraag evenementenvergunning'],
    ]);
  });

  it('a login restricted to a vestiging sees that vestiging’s zaken only', async () => {
    const result = await zaken({ kvk: '69599084', vestiging: '000038509504' });
    expect(result.items.map((z) => z.identificatie)).toEqual(['ZAAK-2026-0000000108']);
    // Another organisation's login sees none of these.
    expect((await zaken({ kvk: '68750110' })).items).toEqual([]);
  });

  it('an eenmanszaak without RSIN: the RSIN-only zaaksysteem says plainly it cannot answer; Open Zaak can', async () => {
    stack.simulators.zgwA.journal.clear();
    const result = await zaken({ kvk: '68727720' });
    expect(result.bron.status).toBe('OK');
    expect(result.bronnen).toEqual([
      {
        naam: 'Zaaksysteem gemeente A',
        status: 'NIET_VAN_TOEPASSING',
        melding:
          'Zaaksysteem gemeente A kan zaken van organisaties alleen vinden met een RSIN. Uw organisatie heeft geen RSIN, bijvoorbeeld omdat het een eenmanszaak is. Mist u een zaak? Neem dan contact op met de gemeente.',
      },
      { naam: 'Zaaksysteem gemeente B', status: 'OK', melding: null },
    ]);
    expect(result.items.map((z) => z.identificatie)).toEqual(['ZAAK-2026-0000000203']);
    expect(stack.simulators.zgwA.journal.entries()).toEqual([]);
  });
});
