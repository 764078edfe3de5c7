import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MijnOverzichtDocument, MijnZakenDocument } from '../../schema/generated/graphql.js';
import { meOf, postGraphQL, startStack, type Stack } from '../helpers/stack.js';
import type { Simulator } from '../../simulators/shared/simulator.js';

/** Requests a simulated zaaksysteem received, per API, from its journal. */
function calls(sim: Simulator): { zaken: number; catalogi: number; documenten: number; paths: string[] } {
  const entries = sim.journal.entries();
  const count = (api: string) => entries.filter((e) => e.path.startsWith(`/${api}/api/v1/`)).length;
  return {
    zaken: count('zaken'),
    catalogi: count('catalogi'),
    documenten: count('documenten'),
    paths: entries.map((e) => `${e.method} ${e.path}`),
  };
}

describe('what a page costs the zaaksystemen (counted from the simulators’ journals)', () => {
  let stack: Stack;
  let token: string;
  beforeAll(async () => {
    // A stack of its own: its catalogus cache starts cold.
    stack = await startStack();
    token = await stack.login({ bsn: '999993653' });
  });
  afterAll(async () => {
    await stack?.[Symbol.asyncDispose]();
  });

  async function measure(run: () => Promise<unknown>) {
    const { zgwA, zgwB } = stack.simulators;
    zgwA.journal.clear();
    zgwB.journal.clear();
    await run();
    return { a: calls(zgwA), b: calls(zgwB) };
  }

  it('MijnOverzicht: one Zaken call per source and no Catalogi call, even with a cold cache', async () => {
    const { a, b } = await measure(async () => {
      const response = await stack.query(MijnOverzichtDocument, { token });
      expect(meOf(response).zaken.items.length).toBe(4);
    });
    expect(a).toMatchObject({ zaken: 1, catalogi: 0, documenten: 0 });
    expect(b).toMatchObject({ zaken: 1, catalogi: 0, documenten: 0 });
  });

  it('MijnZaken with a cold cache: catalogus data once per zaaktype, documents in one call per source', async () => {
    const { a, b } = await measure(() => stack.query(MijnZakenDocument, { token }));
    // A: statustypen of three zaaktypen and the resultaattypen of the one closed zaak; B: one zaaktype.
    expect(a).toMatchObject({ zaken: 1, catalogi: 4, documenten: 1 });
    expect(b).toMatchObject({ zaken: 1, catalogi: 1, documenten: 1 });
  });

  it('with a warm cache: MijnZaken and MijnOverzicht cost one Zaken call per source and no Catalogi call', async () => {
    const zaken = await measure(() => stack.query(MijnZakenDocument, { token }));
    expect(zaken.a).toMatchObject({ zaken: 1, catalogi: 0, documenten: 1 });
    expect(zaken.b).toMatchObject({ zaken: 1, catalogi: 0, documenten: 1 });
    const overzicht = await measure(() => stack.query(MijnOverzichtDocument, { token }));
    expect(overzicht.a).toMatchObject({ zaken: 1, catalogi: 0, documenten: 0 });
    expect(overzicht.b).toMatchObject({ zaken: 1, catalogi: 0, documenten: 0 });
    expect(overzicht.a.paths).toEqual(['POST /zaken/api/v1/zaken/_zoek']);
  });

  it('the catalogus cache is shared between residents; zaken never are', async () => {
    const other = await stack.login({ bsn: '999993653', niveau: 'midden' });
    const { a } = await measure(() => stack.query(MijnZakenDocument, { token: other }));
    expect(a).toMatchObject({ zaken: 1, catalogi: 0 });
  });
});

describe('Zaak as an entity: other subgraphs can attach to the caller’s own zaken', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.[Symbol.asyncDispose]();
  });

  const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
    ... on Zaak { identificatie omschrijving bron status { statustekst } voortgang { volgnummer stand } } } }`;
  const zaak = (bronorganisatie: string, identificatie: string) => ({
    __typename: 'Zaak',
    bronorganisatie,
    identificatie,
  });
  const suzanne = () =>
    stack.internalSigner.sign('zaken', {
      kind: 'person',
      requestId: 'entities-test',
      gebruikerId: 'pseudo-suzanne',
      identity: { soort: 'INWONER', middel: 'DIGID', niveau: 'SUBSTANTIEEL', bsn: '999993653' },
    });

  it('resolves her own zaken from either source in one call per source; anything else is NIET_GEVONDEN', async () => {
    stack.simulators.zgwA.journal.clear();
    stack.simulators.zgwB.journal.clear();
    const { body } = await postGraphQL(stack.subgraphUrls.zaken, ENTITIES, {
      token: await suzanne(),
      variables: {
        r: [
          zaak('002564440', 'ZAAK-2026-0000000101'),
          zaak('002220647', 'ZAAK-2026-0000000201'),
          zaak('002564440', 'ZAAK-2026-0000000103'), // she is only belanghebbende
          zaak('002220647', 'ZAAK-2026-0000000202'), // Govert's
          zaak('002564440', 'ZAAK-2099-0000000001'), // does not exist
        ],
      },
    });
    const entities = (body.data as { _entities: Array<Record<string, unknown> | null> })._entities;
    expect(entities[0]).toMatchObject({
      identificatie: 'ZAAK-2026-0000000101',
      bron: 'Zaaksysteem gemeente A',
      status: { statustekst: 'Wij behandelen uw aanvraag. U hoort binnen 8 weken van ons.' },
      voortgang: [
        { volgnummer: 1, stand: 'GEDAAN' },
        { volgnummer: 2, stand: 'HUIDIG' },
        { volgnummer: 3, stand: 'KOMT_NOG' },
      ],
    });
    expect(entities[1]).toMatchObject({ identificatie: 'ZAAK-2026-0000000201', bron: 'Zaaksysteem gemeente B' });
    expect(entities.slice(2)).toEqual([null, null, null]);
    // Hidden, someone else's and non-existent look the same: nothing to learn from the answer.
    expect(body.errors?.map((e) => [e.path, e.extensions?.['code'], e.message])).toEqual([
      [['_entities', 2], 'NIET_GEVONDEN', 'Dit gegeven is niet gevonden.'],
      [['_entities', 3], 'NIET_GEVONDEN', 'Dit gegeven is niet gevonden.'],
      [['_entities', 4], 'NIET_GEVONDEN', 'Dit gegeven is niet gevonden.'],
    ]);
    expect(calls(stack.simulators.zgwA).zaken).toBe(1);
    expect(calls(stack.simulators.zgwB).zaken).toBe(1);
  });

  it('with a source down, a zaak it may hold is BRON_NIET_BESCHIKBAAR rather than not found', async () => {
    stack.simulators.zgwB.setFaults({ failureRate: 1 });
    try {
      const { body } = await postGraphQL(stack.subgraphUrls.zaken, ENTITIES, {
        token: await suzanne(),
        variables: { r: [zaak('002564440', 'ZAAK-2026-0000000101'), zaak('002220647', 'ZAAK-2026-0000000201')] },
      });
      const entities = (body.data as { _entities: Array<Record<string, unknown> | null> })._entities;
      expect(entities[0]).toMatchObject({ identificatie: 'ZAAK-2026-0000000101' });
      expect(entities[1]).toBeNull();
      expect(body.errors?.[0]?.extensions?.['code']).toBe('BRON_NIET_BESCHIKBAAR');
    } finally {
      stack.simulators.zgwB.setFaults({});
    }
  });

  it('an anonymous internal token resolves no zaak', async () => {
    const token = await stack.internalSigner.sign('zaken', { kind: 'anonymous', requestId: 'anon' });
    const { body } = await postGraphQL(stack.subgraphUrls.zaken, ENTITIES, {
      token,
      variables: { r: [zaak('002564440', 'ZAAK-2026-0000000101')] },
    });
    expect(body.data).toEqual({ _entities: [null] });
    expect(body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});
