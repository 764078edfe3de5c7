import { describe, expect, it } from 'vitest';
import { applyFields, checkField, createBrpSimulator, loadTestPersons, toPersoon } from '../../simulators/brp/index.js';
import { call, start, type ProblemBody } from '../simulators/helpers.js';

/**
 * The BRP simulator's `fields` rules as the API's feature files state them, the injectable clock
 * for `leeftijd`, and its OAuth token endpoint. (Validation, journal and faults: see
 * test/simulators/brp.test.ts; the contract: contract.test.ts.)
 */

const NOW = new Date('2026-11-28T12:00:00+01:00');
const persons = loadTestPersons();
const lookup = (bsn: string) => persons.find((p) => p.burgerservicenummer === bsn);
function ask(bsn: string, fields: string[], now = NOW) {
  const raw = lookup(bsn);
  if (!raw) throw new Error(`fixture ${bsn}`);
  return applyFields(
    toPersoon(raw, { now, lookup }),
    fields.map((f) => {
      const check = checkField(f);
      if (!check.ok) throw new Error(f);
      return check.field;
    }),
  );
}

describe('BRP simulator: fields as the API applies them', () => {
  it('any member of a date delivers the whole date (fields-datum.feature)', () => {
    for (const member of ['type', 'datum', 'langFormaat', 'jaar', 'onbekend']) {
      expect(ask('999993653', [`geboorte.datum.${member}`])).toEqual({
        geboorte: { datum: { type: 'Datum', datum: '1985-12-01', langFormaat: '1 december 1985' } },
      });
    }
  });

  it('any member of a table value delivers the whole value (fields-tabelwaarde.feature)', () => {
    expect(ask('999993653', ['gemeenteVanInschrijving.code'])).toEqual({
      gemeenteVanInschrijving: { code: '0599', omschrijving: 'Rotterdam' },
    });
    expect(ask('999990160', ['naam.adellijkeTitelPredicaat.soort'])).toEqual({
      naam: { adellijkeTitelPredicaat: { code: 'R', omschrijving: 'ridder', soort: 'titel' } },
    });
  });

  it('a group without any asked value is left out; a list item stays, empty', () => {
    // Suzanne has no adellijke titel: no `naam` at all ("Een gevraagd veld zonder waarde wordt niet geleverd").
    expect(ask('999993653', ['naam.adellijkeTitelPredicaat'])).toEqual({});
    // Her parents have none either: the parents are still there (ouders.feature).
    expect(ask('999993653', ['ouders.naam.adellijkeTitelPredicaat'])).toEqual({ ouders: [{}, {}] });
    // A typed item keeps its type, which the contract requires (Govert's nationaliteit has no reden).
    expect(ask('999970008', ['nationaliteiten.redenOpname'])).toEqual({ nationaliteiten: [{ type: 'Nationaliteit' }] });
  });

  it('an unknown parent (geslachtsnaam ".") is delivered without a name', () => {
    const { ouders } = ask('999970318', ['ouders.naam', 'ouders.ouderAanduiding']) as {
      ouders: Array<Record<string, unknown>>;
    };
    const onbekend = ouders.find((o) => o['naam'] === undefined);
    expect(onbekend).toEqual({ ouderAanduiding: '1' });
  });

  it('an investigation of the whole verblijfplaats only flags what an address of that kind has', () => {
    // LO3 080000: the whole category in onderzoek, for a Dutch address and for one abroad.
    type Vp = { type: string; inOnderzoek: object; verblijfadres: { inOnderzoek: object } };
    const flags = (bsn: string) => {
      const { verblijfplaats } = ask(bsn, ['verblijfplaats']) as { verblijfplaats: Vp };
      return [verblijfplaats.type, Object.keys(verblijfplaats.verblijfadres.inOnderzoek).sort()];
    };
    expect(flags('999970148')).toEqual([
      'Adres',
      [
        'aanduidingBijHuisnummer',
        'datumIngangOnderzoek',
        'huisletter',
        'huisnummer',
        'huisnummertoevoeging',
        'korteStraatnaam',
        'officieleStraatnaam',
        'postcode',
        'woonplaats',
      ],
    ]);
    expect(flags('999994888')).toEqual([
      'VerblijfplaatsBuitenland',
      ['datumIngangOnderzoek', 'land', 'regel1', 'regel2', 'regel3'],
    ]);
  });

  it('only the start date of the theme asked goes with person-level markers', () => {
    // Thurayya Taher: her whole person record (010000) is in onderzoek.
    expect(ask('999970264', ['leeftijd'])).toEqual({
      leeftijd: 16,
      inOnderzoek: {
        leeftijd: true,
        datumIngangOnderzoekPersoon: { type: 'Datum', datum: '2020-02-02', langFormaat: '2 februari 2020' },
      },
    });
  });

  it('computes leeftijd against the injected clock, on the Dutch calendar day', () => {
    // Suzanne was born on 1 December 1985.
    expect(ask('999993653', ['leeftijd'], new Date('2026-11-30T22:59:59Z'))).toEqual({ leeftijd: 40 });
    // 23:00 UTC on 30 November is already 1 December in Amsterdam.
    expect(ask('999993653', ['leeftijd'], new Date('2026-11-30T23:00:00Z'))).toEqual({ leeftijd: 41 });
  });
});

describe('BRP simulator over HTTP: OAuth and missing parameters', () => {
  const oauth = { clientId: 'profielservice', clientSecret: 'geheim' };

  it('issues tokens for client credentials and refuses requests without one', async () => {
    await using server = await start(createBrpSimulator({ oauth, now: () => NOW }));
    const token = await fetch(`${server.url}/oauth/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from('profielservice:geheim').toString('base64')}`,
      },
      body: 'grant_type=client_credentials',
    });
    expect(token.status).toBe(200);
    const issued = (await token.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(issued).toMatchObject({ token_type: 'Bearer', expires_in: 300 });

    const body = { type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: ['999993653'], fields: ['leeftijd'] };
    const url = `${server.url}/haalcentraal/api/brp/personen`;
    const without = await call<ProblemBody>(url, { method: 'POST', body });
    expect(without.status).toBe(401);
    expect(without.body).toMatchObject({ code: 'authentication' });
    const withToken = await call(url, {
      method: 'POST',
      body,
      headers: { authorization: `Bearer ${issued.access_token}` },
    });
    expect(withToken.status).toBe(200);
  });

  it('answers the OAuth errors of RFC 6749', async () => {
    await using server = await start(createBrpSimulator({ oauth, persons: [] }));
    const post = (body: string, authorization?: string) =>
      fetch(`${server.url}/oauth/token`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...(authorization ? { authorization } : {}),
        },
        body,
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as { error: string } }));
    expect(await post('grant_type=password')).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
    expect(await post('grant_type=client_credentials&client_id=profielservice&client_secret=fout')).toMatchObject({
      status: 401,
      body: { error: 'invalid_client' },
    });
    expect(await post('grant_type=client_credentials&client_id=profielservice&client_secret=geheim')).toMatchObject({
      status: 200,
    });
  });

  it('a missing BSN list is a "minimale combinatie" problem, as the API words it', async () => {
    await using server = await start(createBrpSimulator({ persons: [] }));
    const { status, body } = await call<ProblemBody>(`${server.url}/haalcentraal/api/brp/personen`, {
      method: 'POST',
      body: { type: 'RaadpleegMetBurgerservicenummer', fields: ['naam'] },
    });
    expect(status).toBe(400);
    expect(body).toMatchObject({
      title: 'Minimale combinatie van parameters moet worden opgegeven.',
      code: 'paramsCombination',
      detail: 'De foutieve parameter(s) zijn: burgerservicenummer.',
      invalidParams: [{ name: 'burgerservicenummer', code: 'required', reason: 'Parameter is verplicht.' }],
    });
  });
});
