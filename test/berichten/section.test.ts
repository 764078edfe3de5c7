import { afterEach, describe, expect, it } from 'vitest';
import { UpstreamError } from '../../lib/http/upstream.js';
import type { Caller } from '../../lib/internal-token.js';
import { loadOverlapMap } from '../../lib/overlap/index.js';
import { createAfzenderNamen } from '../../subgraphs/berichten/bericht/afzenders.js';
import { mijnOverheidLinks } from '../../subgraphs/berichten/links.js';
import { createBerichtenServer } from '../../subgraphs/berichten/server.js';
import type { MijnOverheidAdapter, MoBericht, MoLopendeZaak } from '../../subgraphs/berichten/upstream/mijnoverheid.js';
import { startSubgraph, SUZANNE } from '../helpers/subgraph.js';

/**
 * The berichten subgraph on its own, over an in-memory implementation of the adapter interface
 * (as a Digikoppeling adapter would plug in): what the section says when one part of MijnOverheid
 * fails or is not connected, and what it adds to a `Zaak` for a zaak detail page.
 */

const GEMEENTE_A = '00000001002564440000';

const BERICHTEN: MoBericht[] = [
  {
    id: 'bericht-1',
    afzender: GEMEENTE_A,
    onderwerp: 'Besluit op uw aanvraag ZAAK-2026-0000000101',
    inhoud: '',
    ontvangen: new Date('2026-11-20T09:00:00Z'),
    gelezen: false,
    map: null,
    aantalBijlagen: 1,
    bijlagen: [{ id: 'bijlage-1', naam: 'besluit.pdf', mimeType: null }],
    zaak: null,
  },
];

const LOPENDE_ZAKEN: MoLopendeZaak[] = [
  {
    bronorganisatie: '002564440',
    identificatie: 'ZAAK-2026-0000000101',
    organisatie: { naam: 'Gemeente A', oin: GEMEENTE_A },
    omschrijving: 'Aanvraag parkeervergunning',
    startdatum: '2026-11-02',
    einddatum: null,
    statussen: [{ statustekst: 'Wij hebben uw aanvraag ontvangen.', datum: new Date('2026-11-02T09:14:00Z') }],
    dossierUrl: 'https://mijn.gemeente-a.example/zaken/ZAAK-2026-0000000101',
  },
];

type Deel = 'ok' | 'down' | 'busy';
const failure = (deel: Deel, naam: string) =>
  new UpstreamError(naam, deel === 'busy' ? 'RATE_LIMITED' : 'UNAVAILABLE', deel === 'busy' ? 429 : 503);

function memoryAdapter(berichtenbox: Deel, lopendeZaken: Deel | 'niet aangesloten'): MijnOverheidAdapter {
  const answer = <T>(deel: Deel, naam: string, value: T) =>
    deel === 'ok' ? Promise.resolve(value) : Promise.reject(failure(deel, naam));
  return {
    berichtenbox: {
      berichten: () => answer(berichtenbox, 'Berichtenbox', BERICHTEN),
      bericht: (_identity, id) =>
        answer(berichtenbox, 'Berichtenbox', {
          ...BERICHTEN[0]!,
          id,
          bijlagen: [{ id: 'bijlage-1', naam: 'besluit.pdf', mimeType: 'application/pdf' }],
        }),
      markeerGelezen: (_identity, id, gelezen) =>
        answer(berichtenbox, 'Berichtenbox', { ...BERICHTEN[0]!, id, gelezen }),
    },
    lopendeZaken:
      lopendeZaken === 'niet aangesloten'
        ? null
        : { lopendeZaken: () => answer(lopendeZaken, 'Lopende Zaken', LOPENDE_ZAKEN) },
  };
}

interface Response {
  data?: unknown;
  errors?: Array<{ path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

const running: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((stop) => stop()));
});

async function subgraph(adapter: MijnOverheidAdapter) {
  const started = await startSubgraph<Response>('berichten', (runtime) =>
    createBerichtenServer({
      mijnOverheid: adapter,
      overlap: loadOverlapMap(undefined),
      afzenderNaam: createAfzenderNamen({ [GEMEENTE_A]: 'Gemeente A' }),
      ...mijnOverheidLinks('https://mijn.overheid.example'),
      ...runtime,
    }),
  );
  running.push(() => started.close());
  const person: Caller = { kind: 'person', requestId: 'r1', gebruikerId: 'g1', identity: SUZANNE };
  return (query: string, variables: Record<string, unknown> = {}, caller: Caller = person) =>
    started.query(query, { variables, caller });
}

const SECTION = `{ me { berichten {
  bron { naam status melding } bronnen { naam status melding } ongelezen
  items { id zaak { bronorganisatie identificatie } portaal { eigenaar url uitleg } }
  lopendeZaken { identificatie }
} } }`;

interface Section {
  me: {
    berichten: {
      bron: { naam: string; status: string; melding: string | null };
      bronnen: Array<{ naam: string; status: string; melding: string | null }>;
      ongelezen: number;
      items: Array<{ id: string; zaak: { identificatie: string } | null; portaal: { url: string; uitleg: string } }>;
      lopendeZaken: Array<{ identificatie: string }>;
    };
  };
}

describe('the MijnOverheid section when a part of MijnOverheid fails', () => {
  it('Lopende Zaken down: ONVOLLEDIG, berichten still shown and linked to their zaak', async () => {
    const query = await subgraph(memoryAdapter('ok', 'down'));
    const { body } = await query(SECTION);
    const { berichten } = (body.data as unknown as Section).me;
    expect(berichten.bron).toEqual({
      naam: 'MijnOverheid',
      status: 'ONVOLLEDIG',
      melding:
        'We konden niet al uw berichten en lopende zaken uit MijnOverheid ophalen. Wat u hier ziet, is dus misschien niet alles.',
    });
    expect(berichten.bronnen.map((b) => [b.naam, b.status])).toEqual([
      ['MijnOverheid Berichtenbox', 'OK'],
      ['MijnOverheid Lopende Zaken', 'NIET_BESCHIKBAAR'],
    ]);
    expect(berichten.items).toEqual([
      {
        id: 'bericht-1',
        zaak: { bronorganisatie: '002564440', identificatie: 'ZAAK-2026-0000000101' },
        portaal: {
          eigenaar: 'MIJN_OVERHEID',
          url: 'https://mijn.overheid.example/berichtenbox/bericht/bericht-1',
          uitleg: expect.stringMatching(/hoort bij een van uw zaken/),
        },
      },
    ]);
    expect(body.errors).toBeUndefined();
  });

  it('Berichtenbox busy: says so, and that it will answer again soon', async () => {
    const query = await subgraph(memoryAdapter('busy', 'ok'));
    const { berichten } = ((await query(SECTION)).body.data as unknown as Section).me;
    expect(berichten.bron.status).toBe('ONVOLLEDIG');
    expect(berichten.bronnen[0]?.melding).toMatch(/^Het is nu erg druk/);
    expect(berichten.ongelezen).toBe(0);
    expect(berichten.items).toEqual([]);
    // Her only lopende zaak is a zaak of this gemeente: listed under zaken, not here.
    expect(berichten.lopendeZaken).toEqual([]);
  });

  it('not connected to Lopende Zaken: only the Berichtenbox is a source', async () => {
    const query = await subgraph(memoryAdapter('ok', 'niet aangesloten'));
    const { berichten } = ((await query(SECTION)).body.data as unknown as Section).me;
    expect(berichten.bron.status).toBe('OK');
    expect(berichten.bronnen.map((b) => b.naam)).toEqual(['MijnOverheid Berichtenbox']);
    expect(berichten.items[0]?.zaak?.identificatie).toBe('ZAAK-2026-0000000101');
  });
});

describe('what MijnOverheid adds to a zaak of the gemeente (entity fetch, for a detail page)', () => {
  const ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
    ... on Zaak { identificatie inMijnOverheid { omschrijving status { statustekst } url dossierUrl } berichten { id } }
  } }`;
  const representation = (identificatie: string) => ({
    __typename: 'Zaak',
    bronorganisatie: '002564440',
    identificatie,
  });

  it("adds the lopende zaak and the berichten of the caller's own zaak, nothing for another", async () => {
    const query = await subgraph(memoryAdapter('ok', 'ok'));
    const { body } = await query(ENTITIES, {
      representations: [representation('ZAAK-2026-0000000101'), representation('ZAAK-2026-0000000999')],
    });
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      _entities: [
        {
          identificatie: 'ZAAK-2026-0000000101',
          inMijnOverheid: {
            omschrijving: 'Aanvraag parkeervergunning',
            status: { statustekst: 'Wij hebben uw aanvraag ontvangen.' },
            url: 'https://mijn.overheid.example/lopende-zaken/',
            dossierUrl: 'https://mijn.gemeente-a.example/zaken/ZAAK-2026-0000000101',
          },
          berichten: [{ id: 'bericht-1' }],
        },
        { identificatie: 'ZAAK-2026-0000000999', inMijnOverheid: null, berichten: [] },
      ],
    });
  });

  it('Lopende Zaken down: inMijnOverheid is null with a coded error, the berichten still come', async () => {
    const query = await subgraph(memoryAdapter('ok', 'down'));
    const { body } = await query(ENTITIES, { representations: [representation('ZAAK-2026-0000000101')] });
    expect(body.data).toEqual({
      _entities: [{ identificatie: 'ZAAK-2026-0000000101', inMijnOverheid: null, berichten: [{ id: 'bericht-1' }] }],
    });
    expect(body.errors?.map((e) => [e.path?.join('.'), e.extensions?.['code']])).toEqual([
      ['_entities.0.inMijnOverheid', 'BRON_NIET_BESCHIKBAAR'],
    ]);
  });

  it('is refused without a person', async () => {
    const query = await subgraph(memoryAdapter('ok', 'ok'));
    const { body } = await query(
      ENTITIES,
      { representations: [representation('ZAAK-2026-0000000101')] },
      { kind: 'anonymous', requestId: 'r2' },
    );
    expect(body.data).toEqual({ _entities: [null] });
    expect(body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});

describe('attachments', () => {
  it('gives the file type only when asked, from the full bericht', async () => {
    const query = await subgraph(memoryAdapter('ok', 'ok'));
    const { body } = await query('{ me { berichten { items { bijlagen { id naam mimeType } } } } }');
    expect(body.data).toEqual({
      me: {
        berichten: { items: [{ bijlagen: [{ id: 'bijlage-1', naam: 'besluit.pdf', mimeType: 'application/pdf' }] }] },
      },
    });
  });
});
