import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Listening } from '../../lib/http/listen.js';
import { createBrpSimulator } from '../../simulators/brp/index.js';
import type { Simulator } from '../../simulators/shared/simulator.js';
import { call, start, type ProblemBody } from './helpers.js';

interface PersonenBody {
  type: string;
  personen: Record<string, unknown>[];
}

const NOW = new Date('2026-11-28T12:00:00+01:00');

describe('BRP Personen v2 simulator', () => {
  let simulator: Simulator;
  let server: Listening;
  let url: string;

  beforeAll(async () => {
    simulator = createBrpSimulator({ now: () => NOW });
    server = await start(simulator);
    url = `${server.url}/haalcentraal/api/brp/personen`;
  });
  afterAll(() => server.close());

  const raadpleeg = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    call<PersonenBody & ProblemBody>(url, {
      method: 'POST',
      headers,
      body: { type: 'RaadpleegMetBurgerservicenummer', ...body },
    });

  it('returns only the selected fields, plus the type of typed objects', async () => {
    const { status, body } = await raadpleeg({
      burgerservicenummer: ['999993653'],
      fields: [
        'naam.volledigeNaam',
        'geboorte.datum',
        'adressering.adresregel1',
        'adressering.adresregel2',
        'leeftijd',
      ],
    });
    expect(status).toBe(200);
    expect(body).toEqual({
      type: 'RaadpleegMetBurgerservicenummer',
      personen: [
        {
          naam: { volledigeNaam: 'Suzanne Moulin' },
          geboorte: { datum: { type: 'Datum', datum: '1985-12-01', langFormaat: '1 december 1985' } },
          adressering: { adresregel1: 'Boterdiep 31', adresregel2: '3077 AW  ROTTERDAM' },
          leeftijd: 40,
        },
      ],
    });
  });

  it('keeps the discriminator when a member of a polymorphic object is selected', async () => {
    const { body } = await raadpleeg({
      burgerservicenummer: ['999993653'],
      fields: ['verblijfplaats.verblijfadres.postcode'],
    });
    expect(body.personen[0]).toEqual({ verblijfplaats: { type: 'Adres', verblijfadres: { postcode: '3077AW' } } });
  });

  it('delivers inOnderzoek markers next to the selected fields they concern', async () => {
    // 999970008 has his geboorte (LO3 010300) in onderzoek since 2022-08-25.
    const { body } = await raadpleeg({
      burgerservicenummer: ['999970008'],
      fields: ['geboorte.datum', 'naam.geslachtsnaam'],
    });
    expect(body.personen[0]).toEqual({
      geboorte: {
        datum: { type: 'Datum', datum: '1984-10-02', langFormaat: '2 oktober 1984' },
        inOnderzoek: {
          datum: true,
          datumIngangOnderzoek: { type: 'Datum', datum: '2022-08-25', langFormaat: '25 augustus 2022' },
        },
      },
      naam: { geslachtsnaam: 'Geus' },
    });
  });

  it('answers several BSNs at once and skips unknown ones', async () => {
    const { body } = await raadpleeg({
      burgerservicenummer: ['999993653', '999970008', '123456782'],
      fields: ['burgerservicenummer'],
    });
    expect(body.personen).toEqual([{ burgerservicenummer: '999993653' }, { burgerservicenummer: '999970008' }]);
  });

  it('answers 200 with an empty list for an unknown BSN', async () => {
    const { status, body } = await raadpleeg({ burgerservicenummer: ['123456782'], fields: ['naam'] });
    expect(status).toBe(200);
    expect(body).toEqual({ type: 'RaadpleegMetBurgerservicenummer', personen: [] });
  });

  it('filters on gemeenteVanInschrijving', async () => {
    const { body } = await raadpleeg({
      burgerservicenummer: ['999993653', '999970008'],
      gemeenteVanInschrijving: '0599',
      fields: ['burgerservicenummer'],
    });
    expect(body.personen).toEqual([{ burgerservicenummer: '999993653' }]);
  });

  it('refuses a malformed BSN with a problem naming the item', async () => {
    const { status, headers, body } = await raadpleeg({
      burgerservicenummer: ['12345678', '999993653'],
      fields: ['naam'],
    });
    expect(status).toBe(400);
    expect(headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(body).toMatchObject({
      status: 400,
      code: 'paramsValidation',
      title: 'Een of meerdere parameters zijn niet correct.',
      detail: 'De foutieve parameter(s) zijn: burgerservicenummer[0].',
      instance: '/haalcentraal/api/brp/personen',
      invalidParams: [
        { name: 'burgerservicenummer[0]', code: 'pattern', reason: 'Waarde voldoet niet aan patroon ^[0-9]{9}$.' },
      ],
    });
  });

  it('refuses more than 20 BSNs', async () => {
    const { status, body } = await raadpleeg({ burgerservicenummer: Array(21).fill('999993653'), fields: ['naam'] });
    expect(status).toBe(400);
    expect(body.invalidParams).toEqual([
      { name: 'burgerservicenummer', code: 'maxItems', reason: 'Array bevat meer dan 20 items.' },
    ]);
  });

  it('refuses unknown and automatically delivered field paths by index', async () => {
    const { status, body } = await raadpleeg({
      burgerservicenummer: ['999993653'],
      fields: ['naam.voornamen', 'naam.bestaatNiet', 'geheimhoudingPersoonsgegevens', 'naam.inOnderzoek'],
    });
    expect(status).toBe(400);
    expect(body.invalidParams).toEqual([
      { name: 'fields[1]', code: 'fields', reason: 'Parameter bevat een niet bestaande veldnaam.' },
      { name: 'fields[2]', code: 'fields', reason: 'Parameter bevat een niet toegestane veldnaam.' },
      { name: 'fields[3]', code: 'fields', reason: 'Parameter bevat een niet toegestane veldnaam.' },
    ]);
  });

  it('requires fields and refuses parameters of other search types', async () => {
    const { body } = await raadpleeg({ burgerservicenummer: ['999993653'], geslachtsnaam: 'Moulin' });
    // A missing parameter has its own title and code (raadpleeg-met-burgerservicenummer/fout-cases.feature).
    expect(body).toMatchObject({
      title: 'Minimale combinatie van parameters moet worden opgegeven.',
      code: 'paramsCombination',
    });
    expect(body.invalidParams).toEqual([
      { name: 'fields', code: 'required', reason: 'Parameter is verplicht.' },
      { name: 'geslachtsnaam', code: 'unknownParam', reason: 'Parameter is niet verwacht.' },
    ]);
  });

  it('records the fields a client asked for', async () => {
    simulator.journal.clear();
    await raadpleeg({ burgerservicenummer: ['999993653'], fields: ['naam.voornamen'] }, { 'x-request-id': 'abc' });
    const [entry] = simulator.journal.entries({ method: 'POST', path: '/haalcentraal/api/brp/personen' });
    expect(entry).toMatchObject({
      status: 200,
      body: { fields: ['naam.voornamen'] },
      headers: { 'x-request-id': 'abc' },
    });
  });

  it('checks the API key when one is configured', async () => {
    await using secured = await start(createBrpSimulator({ apiKey: 'geheim', persons: [] }));
    const request = (headers: Record<string, string>) =>
      call<ProblemBody>(`${secured.url}/haalcentraal/api/brp/personen`, {
        method: 'POST',
        headers,
        body: { type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: ['999993653'], fields: ['naam'] },
      });
    const missing = await request({});
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({ code: 'authentication', status: 401 });
    expect((await request({ 'x-api-key': 'fout' })).status).toBe(401);
    expect((await request({ 'x-api-key': 'geheim' })).status).toBe(200);
  });

  it('answers 415 for a body that is not JSON', async () => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' });
    expect(response.status).toBe(415);
  });
});
