import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MijnOverzichtDocument } from '../../schema/generated/graphql.js';
import { meOf, startStack, type Stack } from '../helpers/stack.js';

describe('MijnOverzicht through the gateway', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.[Symbol.asyncDispose]();
  });

  it('returns every section for a resident logged in with DigiD', async () => {
    const token = await stack.login({ bsn: '999993653' });
    const response = await stack.query(MijnOverzichtDocument, { token });
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    const me = meOf(response);
    expect(me.soort).toBe('INWONER');
    expect(me.authenticatie).toEqual({ middel: 'DIGID', niveau: 'SUBSTANTIEEL' });
    expect(me.id).not.toContain('999993653');

    expect(me.persoonsgegevens.bron).toEqual({ naam: 'BRP', status: 'OK', melding: null });
    expect(me.persoonsgegevens.naam?.volledigeNaam).toBe('Suzanne Moulin');
    expect(me.persoonsgegevens.adressering).toEqual({
      adresregel1: 'Boterdiep 31',
      adresregel2: '3077 AW  ROTTERDAM',
    });
    expect(me.persoonsgegevens.portaal).toEqual({ eigenaar: 'GEMEENTE', ookZichtbaarIn: ['MIJN_OVERHEID'] });

    expect(me.zaken.bron.status).toBe('OK');
    expect(me.zaken.bronnen.map((b) => b.status)).toEqual(['OK', 'OK']);
    const omschrijvingen = me.zaken.items.map((z) => z.omschrijving);
    expect(omschrijvingen.length).toBeGreaterThanOrEqual(3);
    for (const zaak of me.zaken.items) {
      expect(zaak.portaal.eigenaar).toMatch(/^(GEMEENTE|MIJN_OVERHEID)$/);
      expect(zaak.status?.statustekst ?? '').not.toBe('');
    }

    expect(me.berichten.bron.status).toBe('OK');
    expect(me.berichten.items.length).toBeGreaterThan(0);
    expect(me.berichten.ongelezen).toBe(1);
    // MijnOverheid names senders by OIN only; the resident sees the organisation's name.
    expect(me.berichten.items.map((b) => b.afzender).sort()).toEqual(['Belastingdienst', 'Gemeente A', 'RDW']);
    expect(me.voorkeuren.bron.status).toBe('OK');
  });

  it('gives the same pseudonymous id at every level, and another one for another person', async () => {
    const ids = await Promise.all(
      [
        { bsn: '999993653', niveau: 'midden' as const },
        { bsn: '999993653', niveau: 'hoog' as const },
        { bsn: '999970008' },
      ].map(async (who) => {
        const response = await stack.query<{ me: { id: string; authenticatie: { niveau: string } } | null }>(
          '{ me { id authenticatie { niveau } } }',
          { token: await stack.login(who) },
        );
        return meOf(response);
      }),
    );
    expect(ids[0]?.id).toBe(ids[1]?.id);
    expect(ids[0]?.authenticatie.niveau).toBe('MIDDEN');
    expect(ids[1]?.authenticatie.niveau).toBe('HOOG');
    expect(ids[2]?.id).not.toBe(ids[0]?.id);
  });

  it('says persoonsgegevens do not apply to an eHerkenning login, and still answers the rest', async () => {
    const token = await stack.login({ kvk: '69599084' });
    const response = await stack.query(MijnOverzichtDocument, { token });
    const me = meOf(response);
    expect(me.soort).toBe('ONDERNEMER');
    expect(me.authenticatie.middel).toBe('EHERKENNING');
    expect(me.persoonsgegevens.bron.status).toBe('NIET_VAN_TOEPASSING');
    expect(me.persoonsgegevens.bron.melding).toMatch(/eHerkenning/);
    expect(me.persoonsgegevens.naam).toBeNull();
    expect(me.voorkeuren.bron.status).toBe('OK');
  });

  it('ignores identity headers sent by the client', async () => {
    const token = await stack.login({ bsn: '999993653' });
    const { body } = await stack.query('{ me { persoonsgegevens { naam { volledigeNaam } } } }', {
      token,
      headers: { 'x-bsn': '999970008', 'x-ontvanger': 'BSN:999970008', 'x-internal-token': 'forged' },
    });
    expect(body.data).toEqual({ me: { persoonsgegevens: { naam: { volledigeNaam: 'Suzanne Moulin' } } } });
  });

  it('never puts a BSN in a URL sent to an upstream, and tells the BRP why it asks', async () => {
    stack.simulators.zgwA.journal.clear();
    stack.simulators.mijnOverheid.journal.clear();
    stack.simulators.brp.journal.clear();
    await stack.query(MijnOverzichtDocument, { token: await stack.login({ bsn: '999993653' }) });
    const requests = [stack.simulators.zgwA, stack.simulators.mijnOverheid, stack.simulators.brp].flatMap((s) =>
      s.journal.entries(),
    );
    expect(requests.length).toBeGreaterThanOrEqual(3);
    for (const request of requests) {
      expect(request.path).not.toContain('999993653');
      expect(JSON.stringify(request.query)).not.toContain('999993653');
    }
    const [brpCall] = stack.simulators.brp.journal.entries({ method: 'POST' });
    expect(brpCall?.headers['x-gebruiker']).toBe('BurgerZelf');
    expect(brpCall?.headers['x-doelbinding']).toBeTruthy();
  });

  it('echoes a request id so a portal can quote it to the helpdesk', async () => {
    const { headers } = await stack.query('{ __typename }', { headers: { 'x-request-id': 'portaal-req-0001' } });
    expect(headers.get('x-request-id')).toBe('portaal-req-0001');
    const generated = await stack.query('{ __typename }', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
