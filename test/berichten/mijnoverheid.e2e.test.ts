import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MijnOverzichtDocument, type MijnOverzichtQuery } from '../../schema/generated/graphql.js';
import { meOf, startStack, type Answered, type Stack } from '../helpers/stack.js';
import { LOPENDE_ZAKEN } from '../../simulators/mijnoverheid/seed.js';
import { loadOverlapMap } from '../../lib/overlap/index.js';

type Me = Answered<NonNullable<MijnOverzichtQuery['me']>>;
type Who = { bsn?: string; kvk?: string; vestiging?: string };

/** Every seeded test person (simulators/README.md), DigiD and eHerkenning. */
const PERSONS: Who[] = [
  { bsn: '999993653' },
  { bsn: '999970008' },
  { bsn: '999970914' },
  { bsn: '999971116' },
  { bsn: '999990123' },
  { bsn: '999971104' },
  { bsn: '999970872' },
  { bsn: '999970264' },
  { bsn: '999990160' },
  { kvk: '69599084' },
  { kvk: '68750110', vestiging: '000038509504' },
  { kvk: '68727720' },
];
const SUZANNE = { bsn: '999993653' };
const GOVERT = { bsn: '999970008' };
const PORTALEN = ['GEMEENTE', 'MIJN_OVERHEID'];
const overlap = loadOverlapMap(undefined);

/**
 * The real-world items of a MijnOverzicht answer, each with a key that is the same wherever the
 * item shows up: a zaak by `bronorganisatie/identificatie` (whether from a zaaksysteem or from
 * MijnOverheid Lopende Zaken), a bericht by its id.
 */
function itemsOf(me: Me): Array<{ key: string; eigenaar: string }> {
  const items: Array<{ key: string; eigenaar: string }> = [];
  if (me.persoonsgegevens.bron.status === 'OK') {
    items.push({ key: 'persoonsgegevens', eigenaar: me.persoonsgegevens.portaal.eigenaar });
  }
  for (const z of me.zaken.items)
    items.push({ key: `zaak:${z.bronorganisatie}/${z.identificatie}`, eigenaar: z.portaal.eigenaar });
  for (const z of me.berichten.lopendeZaken) {
    items.push({ key: `zaak:${z.bronorganisatie}/${z.identificatie}`, eigenaar: z.portaal.eigenaar });
  }
  for (const b of me.berichten.items) items.push({ key: `bericht:${b.id}`, eigenaar: b.portaal.eigenaar });
  return items;
}

/** Nothing twice, everything with an owner and an explanation, and every link resolvable on the page. */
function expectEachItemOnceWithOwner(me: Me): string[] {
  const items = itemsOf(me);
  const keys = items.map((i) => i.key);
  expect(
    keys.filter((k, i) => keys.indexOf(k) !== i),
    'items listed twice',
  ).toEqual([]);
  for (const item of items) expect(PORTALEN, item.key).toContain(item.eigenaar);
  for (const item of [...me.zaken.items, ...me.berichten.items, ...me.berichten.lopendeZaken]) {
    expect(item.portaal.uitleg.length).toBeGreaterThan(20);
  }
  const zaken = new Set(me.zaken.items.map((z) => `${z.bronorganisatie}/${z.identificatie}`));
  const lopend = new Set(me.berichten.lopendeZaken.map((z) => `${z.bronorganisatie}/${z.identificatie}`));
  for (const b of me.berichten.items) {
    // A bericht about a zaak points to an item on the same page, so it is never unexplained.
    if (b.zaak && me.zaken.bron.status === 'OK')
      expect(zaken).toContain(`${b.zaak.bronorganisatie}/${b.zaak.identificatie}`);
    if (b.lopendeZaak) expect(lopend).toContain(`${b.lopendeZaak.bronorganisatie}/${b.lopendeZaak.identificatie}`);
  }
  return keys.sort();
}

describe('MijnOverheid and the overlap map through the gateway', () => {
  let stack: Stack;
  const tokens = new Map<string, string>();
  const tokenOf = async (who: Who) => {
    const key = JSON.stringify(who);
    if (!tokens.has(key)) tokens.set(key, await stack.login(who));
    return tokens.get(key) as string;
  };
  const overzicht = async (who: Who) => meOf(await stack.query(MijnOverzichtDocument, { token: await tokenOf(who) }));

  beforeAll(async () => {
    stack = await startStack();
  });
  afterEach(() => {
    for (const sim of Object.values(stack.simulators)) sim.setFaults({});
  });
  afterAll(async () => {
    await stack?.[Symbol.asyncDispose]();
  });

  it('for every seeded test person, every item appears once in MijnOverzicht and says which portal owns it', async () => {
    for (const who of PERSONS) {
      const me = await overzicht(who);
      expectEachItemOnceWithOwner(me);
      // A Lopende Zaak of this gemeente is the zaak under zaken; it is never listed here a second time.
      for (const z of me.berichten.lopendeZaken) {
        expect(overlap.isZaakVanGemeente(z.bronorganisatie)).toBe(false);
        expect(z.portaal).toMatchObject({ eigenaar: 'MIJN_OVERHEID', ookZichtbaarIn: [] });
      }
      // …and every one of those the seeds hold for this person is there, under zaken.
      const ontvanger = who.bsn ? `BSN:${who.bsn}` : `KVK:${who.kvk}`;
      for (const z of LOPENDE_ZAKEN.filter(
        (l) => l.ontvanger === ontvanger && overlap.isZaakVanGemeente(l.bronorganisatie),
      )) {
        const zaak = me.zaken.items.find(
          (i) => i.bronorganisatie === z.bronorganisatie && i.identificatie === z.identificatie,
        );
        expect(zaak?.portaal, `${z.identificatie} under zaken`).toMatchObject({
          eigenaar: 'GEMEENTE',
          ookZichtbaarIn: ['MIJN_OVERHEID'],
        });
      }
    }
  });

  it("Suzanne: her parkeervergunning once, under zaken, also in MijnOverheid; UWV's zaak once, only in MijnOverheid", async () => {
    const me = await overzicht(SUZANNE);
    const parkeren = me.zaken.items.filter((z) => z.identificatie === 'ZAAK-2026-0000000101');
    expect(parkeren).toHaveLength(1);
    expect(parkeren[0]?.portaal).toMatchObject({
      eigenaar: 'GEMEENTE',
      ookZichtbaarIn: ['MIJN_OVERHEID'],
      uitleg: expect.stringMatching(/MijnOverheid bij Lopende zaken/),
    });
    expect(me.berichten.lopendeZaken).toEqual([
      {
        bronorganisatie: '818148007',
        identificatie: 'WW-2026-118842',
        organisatie: 'UWV',
        omschrijving: 'Aanvraag WW-uitkering',
        status: { statustekst: 'Wij beoordelen uw aanvraag.', datum: '2026-11-04T08:00:00.000Z' },
        dossierUrl: 'https://www.uwv.example/mijnuwv/aanvragen/WW-2026-118842',
        portaal: {
          eigenaar: 'MIJN_OVERHEID',
          ookZichtbaarIn: [],
          url: 'https://mijn.overheid.nl/lopende-zaken/',
          uitleg: overlap.lopendeZaak().uitleg,
        },
      },
    ]);
    // The gemeente's letter about the parkeervergunning points to that zaak, and says so.
    const brief = me.berichten.items.find((b) => b.afzender === 'Gemeente A');
    expect(brief?.zaak).toEqual({ bronorganisatie: '002564440', identificatie: 'ZAAK-2026-0000000101' });
    expect(brief?.portaal.uitleg).toMatch(/hoort bij een van uw zaken/);
    expect(brief?.portaal.url).toMatch(/^https:\/\/mijn\.overheid\.nl\/berichtenbox\/bericht\//);
    const aanslag = me.berichten.items.find((b) => b.afzender === 'Belastingdienst');
    expect(aanslag).toMatchObject({ zaak: null, lopendeZaak: null, gelezen: false, aantalBijlagen: 1 });
    expect(me.berichten.bronnen.map((b) => [b.naam, b.status])).toEqual([
      ['MijnOverheid Berichtenbox', 'OK'],
      ['MijnOverheid Lopende Zaken', 'OK'],
    ]);
  });

  it('Govert: his Wmo-aanvraag of gemeente B once, under zaken, and the invitation about it linked to it', async () => {
    const me = await overzicht(GOVERT);
    expect(me.berichten.lopendeZaken).toEqual([]);
    expect(me.zaken.items.find((z) => z.identificatie === 'ZAAK-2026-0000000202')?.portaal.ookZichtbaarIn).toEqual([
      'MIJN_OVERHEID',
    ]);
    expect(me.berichten.items.map((b) => [b.afzender, b.zaak])).toEqual([
      ['Gemeente B', { bronorganisatie: '002220647', identificatie: 'ZAAK-2026-0000000202' }],
    ]);
  });

  it('the same holds when one source is down: nothing twice, the rest all there, the section says so', async () => {
    for (const who of [SUZANNE, GOVERT, { kvk: '69599084' }]) {
      const before = await overzicht(who);
      const all = expectEachItemOnceWithOwner(before);
      for (const [name, sim] of Object.entries(stack.simulators)) {
        sim.setFaults({ failureRate: 1 });
        const me = await overzicht(who);
        sim.setFaults({});
        const keys = expectEachItemOnceWithOwner(me);
        // Only what the down source holds may be missing; nothing else, and nothing new.
        expect(
          keys.filter((k) => !all.includes(k)),
          `${name} down`,
        ).toEqual([]);
        const missing = all.filter((k) => !keys.includes(k));
        const zaakKwijt =
          missing.every((k) => k.startsWith('zaak:')) && (missing.length === 0 || me.zaken.bron.status !== 'OK');
        const expected: Record<string, boolean> = {
          brp: missing.every((k) => k === 'persoonsgegevens') && me.persoonsgegevens.bron.status !== 'OK',
          zgwA: zaakKwijt,
          zgwB: zaakKwijt,
          mijnOverheid:
            me.berichten.bron.status === 'NIET_BESCHIKBAAR' &&
            missing.every(
              (k) =>
                k.startsWith('bericht:') ||
                before.berichten.lopendeZaken.some((z) => k === `zaak:${z.bronorganisatie}/${z.identificatie}`),
            ),
        };
        // Any other simulator holds none of these items.
        const van = expected[name] ?? missing.length === 0;
        expect(van, `${name} down: missing ${missing.join(', ')}`).toBe(true);
      }
    }
  });

  it('marks a bericht read in MijnOverheid, with the recipient in X-Ontvanger only', async () => {
    const token = await tokenOf(SUZANNE);
    const before = await overzicht(SUZANNE);
    const unread = before.berichten.items.find((b) => !b.gelezen);
    expect(unread).toBeDefined();
    stack.simulators.mijnOverheid.journal.clear();
    const MARKEER = `mutation ($id: ID!, $gelezen: Boolean!) {
      markeerBerichtGelezen(id: $id, gelezen: $gelezen) { id gelezen portaal { eigenaar } }
    }`;
    const { body } = await stack.query(MARKEER, { token, variables: { id: unread?.id, gelezen: true } });
    expect(body).toEqual({
      data: { markeerBerichtGelezen: { id: unread?.id, gelezen: true, portaal: { eigenaar: 'MIJN_OVERHEID' } } },
    });
    const [patch] = stack.simulators.mijnOverheid.journal.entries({ method: 'PATCH' });
    expect(patch?.headers['x-ontvanger']).toBe('BSN:999993653');
    expect(patch?.path).not.toContain('999993653');
    expect((await overzicht(SUZANNE)).berichten.ongelezen).toBe(before.berichten.ongelezen - 1);

    // Back to unread, so the other tests see the seeds as they are.
    await stack.query(MARKEER, { token, variables: { id: unread?.id, gelezen: false } });
    expect((await overzicht(SUZANNE)).berichten.ongelezen).toBe(before.berichten.ongelezen);
  });

  it("refuses to mark someone else's bericht, an id that is none, and without login", async () => {
    const govertsBericht = (await overzicht(GOVERT)).berichten.items[0]?.id;
    const MARKEER = 'mutation ($id: ID!) { markeerBerichtGelezen(id: $id) { id } }';
    const token = await tokenOf(SUZANNE);
    const other = await stack.query(MARKEER, { token, variables: { id: govertsBericht } });
    expect(other.body.errors?.map((e) => [e.extensions?.['code'], e.message])).toEqual([
      ['NIET_GEVONDEN', 'Dit bericht staat niet (meer) in uw Berichtenbox.'],
    ]);
    const unknown = await stack.query(MARKEER, { token, variables: { id: '00000000-0000-4000-8000-000000000000' } });
    expect(unknown.body.errors?.[0]?.extensions?.['code']).toBe('NIET_GEVONDEN');
    const bad = await stack.query(MARKEER, { token, variables: { id: '../../admin' } });
    expect(bad.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const anonymous = await stack.query(MARKEER, { variables: { id: govertsBericht } });
    expect(anonymous.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    // Govert's bericht is still unread.
    expect((await overzicht(GOVERT)).berichten.ongelezen).toBe(1);
  });

  it('a zaak detail page gets what MijnOverheid shows about the zaak, and its berichten (a second stage)', async () => {
    const { body } = await stack.query<{
      me: {
        zaken: {
          items: Array<{
            identificatie: string;
            inMijnOverheid: unknown;
            berichten: Array<{ afzender: string }> | null;
          }>;
        };
      };
    }>(
      `{ me { zaken { items { identificatie inMijnOverheid { organisatie status { statustekst } url dossierUrl } berichten { afzender } } } } }`,
      { token: await tokenOf(SUZANNE) },
    );
    expect(body.errors).toBeUndefined();
    const items = body.data?.me.zaken.items ?? [];
    expect(items.find((z) => z.identificatie === 'ZAAK-2026-0000000101')).toEqual({
      identificatie: 'ZAAK-2026-0000000101',
      inMijnOverheid: {
        organisatie: 'Gemeente A',
        status: { statustekst: 'Wij behandelen uw aanvraag. U hoort binnen 8 weken van ons.' },
        url: 'https://mijn.overheid.nl/lopende-zaken/',
        dossierUrl: 'https://mijn.gemeente-a.example/zaken/ZAAK-2026-0000000101',
      },
      berichten: [{ afzender: 'Gemeente A' }],
    });
    expect(items.find((z) => z.identificatie === 'ZAAK-2026-0000000102')).toMatchObject({
      inMijnOverheid: null,
      berichten: [],
    });
  });

  it('gives architects the overlap map without login', async () => {
    const { body } = await stack.query<{
      overlap: {
        organisaties: Array<{ rsin: string }>;
        regels: Array<{ soort: string; eigenaar: string; meldingenDoor: string[] }>;
        zaaktypenInMijnOverheid: string[];
        mermaid: string;
      };
    }>('{ overlap { organisaties { rsin } regels { soort eigenaar meldingenDoor } zaaktypenInMijnOverheid mermaid } }');
    expect(body.errors).toBeUndefined();
    expect(body.data?.overlap.organisaties.map((o) => o.rsin)).toEqual(['002564440', '002220647']);
    expect(body.data?.overlap.regels.find((r) => r.soort === 'zaken/in-lopende-zaken')).toEqual({
      soort: 'zaken/in-lopende-zaken',
      eigenaar: 'GEMEENTE',
      meldingenDoor: ['MIJN_OVERHEID'],
    });
    expect(body.data?.overlap.zaaktypenInMijnOverheid).toEqual(['PARKEERVERGUNNING', 'WMO-VOORZIENING']);
    expect(body.data?.overlap.mermaid).toMatch(/^flowchart LR/);
  });
});
