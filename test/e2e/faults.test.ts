import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MijnOverzichtDocument } from '../../schema/generated/graphql.js';
import { meOf, startStack, type Stack } from '../helpers/stack.js';

/** Text a client must never see: upstream hosts, paths, bodies, stack traces. */
const INTERNAL =
  /127\.0\.0\.1|localhost|haalcentraal|\/zaken\/api|berichtenbox\/api|Storing gesimuleerd|invalidParams|stack|Error:/i;

describe('one source down leaves the rest of me intact', () => {
  let stack: Stack;
  let token: string;
  beforeAll(async () => {
    stack = await startStack();
    token = await stack.login({ bsn: '999993653' });
  });
  afterEach(() => {
    for (const sim of Object.values(stack.simulators)) sim.setFaults({});
  });
  afterAll(async () => {
    await stack?.[Symbol.asyncDispose]();
  });

  it('BRP down: persoonsgegevens say so in plain Dutch with a coded error; zaken and berichten still answer', async () => {
    stack.simulators.brp.setFaults({ failureRate: 1 });
    const response = await stack.query(MijnOverzichtDocument, { token });
    expect(response.status).toBe(200);
    const me = meOf(response);
    expect(me.persoonsgegevens.bron).toEqual({
      naam: 'BRP',
      status: 'NIET_BESCHIKBAAR',
      melding: 'We kunnen uw persoonsgegevens nu niet ophalen. Probeer het later opnieuw.',
    });
    expect(me.persoonsgegevens.naam).toBeNull();
    expect(me.zaken.bron.status).toBe('OK');
    expect(me.zaken.items.length).toBeGreaterThan(0);
    expect(me.berichten.bron.status).toBe('OK');
    expect(response.body.errors?.map((e) => [e.path?.join('.'), e.extensions?.['code']])).toEqual([
      ['me.persoonsgegevens.naam', 'BRON_NIET_BESCHIKBAAR'],
      ['me.persoonsgegevens.adressering', 'BRON_NIET_BESCHIKBAAR'],
    ]);
    expect(JSON.stringify(response.body)).not.toMatch(INTERNAL);
  });

  it('a BRP answering 400 problem+json is a coded error too, and its body does not reach the client', async () => {
    stack.simulators.brp.setFaults({ failureRate: 1, status: 400 });
    const { body } = await stack.query(
      '{ me { persoonsgegevens { bron { status melding } naam { volledigeNaam } } } }',
      { token },
    );
    expect(body.data).toEqual({
      me: {
        persoonsgegevens: {
          bron: {
            status: 'NIET_BESCHIKBAAR',
            melding: 'We kunnen uw persoonsgegevens nu niet ophalen. Probeer het later opnieuw.',
          },
          naam: null,
        },
      },
    });
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'BRON_NIET_BESCHIKBAAR', bron: 'BRP' });
    expect(JSON.stringify(body)).not.toMatch(INTERNAL);
  });

  it("one zaaksysteem down: the other one's zaken stay visible and the section says which part is missing", async () => {
    const before = await stack.query(MijnOverzichtDocument, { token });
    const allZaken = meOf(before).zaken.items.length;
    stack.simulators.zgwB.setFaults({ failureRate: 1 });
    const response = await stack.query(MijnOverzichtDocument, { token });
    const { zaken } = meOf(response);
    expect(zaken.bron.status).toBe('ONVOLLEDIG');
    expect(zaken.bron.melding).toMatch(/niet al uw zaken/);
    expect(zaken.bronnen).toEqual([
      { naam: 'Zaaksysteem gemeente A', status: 'OK', melding: null },
      {
        naam: 'Zaaksysteem gemeente B',
        status: 'NIET_BESCHIKBAAR',
        melding: 'We kunnen de zaken uit Zaaksysteem gemeente B nu niet ophalen. Probeer het later opnieuw.',
      },
    ]);
    expect(zaken.items.length).toBeGreaterThan(0);
    expect(zaken.items.length).toBeLessThan(allZaken);
    expect(JSON.stringify(response.body)).not.toMatch(INTERNAL);
  });

  it('every zaaksysteem down: NIET_BESCHIKBAAR and an empty list, the rest answers', async () => {
    stack.simulators.zgwA.setFaults({ failureRate: 1 });
    stack.simulators.zgwB.setFaults({ failureRate: 1 });
    const response = await stack.query(MijnOverzichtDocument, { token });
    const me = meOf(response);
    expect(me.zaken.bron.status).toBe('NIET_BESCHIKBAAR');
    expect(me.zaken.items).toEqual([]);
    expect(me.persoonsgegevens.naam?.volledigeNaam).toBe('Suzanne Moulin');
  });

  it('MijnOverheid down: berichten say so, everything else answers', async () => {
    stack.simulators.mijnOverheid.setFaults({ failureRate: 1 });
    const response = await stack.query(MijnOverzichtDocument, { token });
    const me = meOf(response);
    expect(me.berichten.bron.status).toBe('NIET_BESCHIKBAAR');
    expect(me.berichten.bron.melding).toMatch(/MijnOverheid/);
    expect(me.berichten.items).toEqual([]);
    expect(me.persoonsgegevens.bron.status).toBe('OK');
    expect(me.zaken.bron.status).toBe('OK');
  });

  it('a slow source is cut off by the subgraph timeout instead of holding the page', async () => {
    stack.simulators.mijnOverheid.setFaults({ latencyMs: 8_000 });
    const started = Date.now();
    const { body } = await stack.query('{ me { berichten { bron { status } } } }', { token });
    expect(body.data).toEqual({ me: { berichten: { bron: { status: 'NIET_BESCHIKBAAR' } } } });
    expect(Date.now() - started).toBeLessThan(6_000);
  });
});
