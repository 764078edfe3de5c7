import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTestPersons, type RawPersoon } from '../../simulators/brp/index.js';
import type { MijnGegevensQuery } from '../../schema/generated/graphql.js';
import { startBrpSubgraph, type BrpSubgraph } from './harness.js';

/**
 * The whole way from RvIG's test data to the GraphQL answer: the simulator's transform to the v2
 * shape and `fields` filtering, our client, the selection → fields computation, the mapper and the
 * resolvers. First every test person, then a varied sample checked value by value.
 */

type Persoonsgegevens = NonNullable<NonNullable<MijnGegevensQuery['me']>['persoonsgegevens']>;
type Datum = NonNullable<NonNullable<Persoonsgegevens['geboorte']>['datum']>;

const NOW = new Date('2026-11-28T12:00:00+01:00');
const MIJN_GEGEVENS = readFileSync('schema/operations/MijnGegevens.graphql', 'utf8');
const persons = loadTestPersons();
const raw = (bsn: string): RawPersoon => {
  const person = persons.find((p) => p.burgerservicenummer === bsn);
  if (!person) throw new Error(`test person ${bsn} missing`);
  return person;
};

/** Every BrpDatum in an answer, wherever it is. */
function datums(value: unknown, found: Datum[] = []): Datum[] {
  if (Array.isArray(value)) value.forEach((v) => datums(v, found));
  else if (typeof value === 'object' && value !== null) {
    if ('langFormaat' in value && 'soort' in value) found.push(value as Datum);
    Object.values(value).forEach((v) => datums(v, found));
  }
  return found;
}

describe('BRP mapping over the whole RvIG test set', () => {
  let brp: BrpSubgraph;
  const answers = new Map<string, Persoonsgegevens>();

  beforeAll(async () => {
    brp = await startBrpSubgraph({ now: () => NOW });
    // Eight residents at a time: fast, and still several BRP calls in flight.
    const queue = [...persons];
    const failures: string[] = [];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let person = queue.shift(); person; person = queue.shift()) {
          const { data, errors } = await brp.query<MijnGegevensQuery>(
            { bsn: person.burgerservicenummer },
            MIJN_GEGEVENS,
          );
          if (errors || !data?.me?.persoonsgegevens) {
            failures.push(`${person.burgerservicenummer}: ${JSON.stringify(errors)}`);
          } else answers.set(person.burgerservicenummer, data.me.persoonsgegevens);
        }
      }),
    );
    expect(failures).toEqual([]);
  }, 120_000);
  afterAll(async () => {
    await brp?.[Symbol.asyncDispose]();
  });

  it('answers every one of the 1,176 persons without an error, each with one BRP call', () => {
    expect(answers.size).toBe(1176);
    expect(brp.simulator.journal.entries({ method: 'POST' })).toHaveLength(1176);
    for (const [bsn, p] of answers) expect(p.bron, bsn).toMatchObject({ naam: 'BRP', status: 'OK', melding: null });
  });

  it('gives every date a kind, the values that kind has, and a Dutch long form', () => {
    const all = [...answers.values()].flatMap((p) => datums(p));
    expect(all.length).toBeGreaterThan(5_000);
    for (const d of all) {
      expect(d.langFormaat).toMatch(/^(\d{1,2} )?([a-z]+ )?\d{4}$|^onbekend$/);
      if (d.soort === 'VOLLEDIG') expect(d.datum).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      else expect(d.datum).toBeNull();
      if (d.soort === 'JAAR_MAAND') expect([d.jaar, d.maand].every((n) => typeof n === 'number')).toBe(true);
      if (d.soort === 'JAAR') expect(d.maand).toBeNull();
      if (d.soort === 'ONBEKEND') expect([d.jaar, d.maand, d.langFormaat]).toEqual([null, null, 'onbekend']);
    }
    const soorten = new Set(all.map((d) => d.soort));
    expect([...soorten].sort()).toEqual(['JAAR', 'JAAR_MAAND', 'ONBEKEND', 'VOLLEDIG']);
  });

  it('derives a burgerlijke staat consistent with the partners for everyone', () => {
    const counts = new Map<string, number>();
    for (const [bsn, p] of answers) {
      const staat = p.burgerlijkeStaat?.soort ?? 'null';
      counts.set(staat, (counts.get(staat) ?? 0) + 1);
      const partners = p.partners ?? [];
      const actueel = partners.filter((partner) => partner.ontbondenOp === null);
      if (partners.length === 0) expect(staat, bsn).toBe('ONGEHUWD');
      else if (actueel.length > 0) expect(['GEHUWD', 'GEREGISTREERD_PARTNER', 'ONBEKEND'], bsn).toContain(staat);
      else expect(['HUWELIJK_ONTBONDEN', 'PARTNERSCHAP_ONTBONDEN', 'ONBEKEND'], bsn).toContain(staat);
    }
    for (const soort of [
      'ONGEHUWD',
      'GEHUWD',
      'GEREGISTREERD_PARTNER',
      'HUWELIJK_ONTBONDEN',
      'PARTNERSCHAP_ONTBONDEN',
    ]) {
      expect(counts.get(soort) ?? 0, soort).toBeGreaterThan(0);
    }
  });

  it('follows the source for geheimhouding, overlijden and the kind of verblijfplaats', () => {
    for (const [bsn, p] of answers) {
      const bron = raw(bsn);
      expect(p.geheimhouding?.ingesteld, bsn).toBe(
        bron.geheimhoudingPersoonsgegevens !== undefined && bron.geheimhoudingPersoonsgegevens !== '0',
      );
      expect(p.overlijden !== null, bsn).toBe(bron.overlijden !== undefined);
      // The BRP has no age for the dead.
      if (bron.overlijden) expect(p.geboorte?.leeftijd ?? null, bsn).toBeNull();
      const soort = p.verblijfplaats?.soort ?? null;
      const vp = bron.verblijfplaats;
      const expected = !vp
        ? null
        : vp.land?.code === '0000'
          ? 'ONBEKEND'
          : vp.land
            ? 'BUITENLAND'
            : vp.locatiebeschrijving
              ? 'LOCATIE'
              : vp.straat || vp.huisnummer
                ? 'ADRES'
                : null;
      expect(soort, bsn).toBe(expected);
    }
  });

  it('says in plain Dutch when something is under investigation, for every kind of part', () => {
    const parts = new Set<string>();
    for (const p of answers.values()) {
      const onderzoeken = [
        ['naam', p.naam?.inOnderzoek],
        ['geboorte', p.geboorte?.inOnderzoek],
        ['verblijfplaats', p.verblijfplaats?.inOnderzoek],
        ['gemeente', p.gemeenteVanInschrijving?.inOnderzoek],
        ['burgerlijkeStaat', p.burgerlijkeStaat?.inOnderzoek],
        ...(p.partners ?? []).map((x) => ['partner', x.inOnderzoek] as const),
        ...(p.kinderen ?? []).map((x) => ['kind', x.inOnderzoek] as const),
        ...(p.ouders ?? []).map((x) => ['ouder', x.inOnderzoek] as const),
        ...(p.nationaliteiten ?? []).map((x) => ['nationaliteit', x.inOnderzoek] as const),
      ] as const;
      for (const [part, onderzoek] of onderzoeken) {
        if (!onderzoek) continue;
        parts.add(part);
        expect(onderzoek.melding).toMatch(/^De gemeente onderzoekt of (dit gegeven klopt|deze gegevens kloppen)\.$/);
      }
    }
    expect([...parts].sort()).toEqual(
      [
        'burgerlijkeStaat',
        'geboorte',
        'gemeente',
        'kind',
        'naam',
        'nationaliteit',
        'ouder',
        'partner',
        'verblijfplaats',
      ].sort(),
    );
  });

  describe('a varied sample, value by value', () => {
    const of = (bsn: string): Persoonsgegevens => {
      const p = answers.get(bsn);
      if (!p) throw new Error(`no answer for ${bsn}`);
      return p;
    };

    it('Suzanne Moulin: married, French, in Rotterdam', () => {
      const p = of('999993653');
      expect(p.naam).toMatchObject({ volledigeNaam: 'Suzanne Moulin', voorletters: 'S.', inOnderzoek: null });
      expect(p.geboorte).toMatchObject({
        datum: { soort: 'VOLLEDIG', datum: '1985-12-01', langFormaat: '1 december 1985' },
        leeftijd: 40,
      });
      expect(p.verblijfplaats).toMatchObject({
        soort: 'ADRES',
        straat: 'Boterdiep',
        huisnummer: 31,
        postcode: '3077AW',
        woonplaats: 'Rotterdam',
        regels: null,
        verblijftNietOpAdres: false,
      });
      expect(p.adressering).toMatchObject({
        aanhef: 'Geachte mevrouw Moulin',
        aanschrijfwijze: { naam: 'S. Moulin', aanspreekvorm: null },
        gebruikInLopendeTekst: 'mevrouw Moulin',
      });
      expect(p.burgerlijkeStaat).toMatchObject({
        soort: 'GEHUWD',
        omschrijving: 'Getrouwd',
        sinds: { langFormaat: '1 december 2008' },
      });
      expect(p.partners).toEqual([
        expect.objectContaining({
          naam: expect.objectContaining({ volledigeNaam: 'Jean Marie Beaudelaire' }),
          soortVerbintenis: 'HUWELIJK',
          ontbondenOp: null,
        }),
      ]);
      expect(p.nationaliteiten?.map((n) => [n.soort, n.omschrijving])).toEqual([['NATIONALITEIT', 'Franse']]);
      expect(p.gemeenteVanInschrijving).toMatchObject({ code: '0599', naam: 'Rotterdam' });
      expect(p.overlijden).toBeNull();
    });

    it('Govert de Geus: three children; geboorte in onderzoek; an empty dissolution object means still married', () => {
      const p = of('999970008');
      expect(p.kinderen?.map((k) => k.naam?.volledigeNaam)).toEqual(['Gloria de Geus', 'Gijs Geus', 'Gerdien de Geus']);
      expect(p.geboorte?.inOnderzoek).toEqual({
        melding: 'De gemeente onderzoekt of deze gegevens kloppen.',
        velden: ['datum', 'plaats', 'land', 'leeftijd'],
        sinds: { langFormaat: '25 augustus 2022' },
      });
      // The test data has `ontbindingHuwelijkPartnerschap: {}` for Grada.
      expect(raw('999970008').partners?.[0]?.ontbindingHuwelijkPartnerschap).toEqual({});
      expect(p.burgerlijkeStaat?.soort).toBe('GEHUWD');
      expect(p.partners?.[0]).toMatchObject({ naam: { volledigeNaam: 'Grada Goverwelle' }, ontbondenOp: null });
      // "Vastgesteld verblijft niet op adres" is a fact the gemeente established, not an investigation.
      expect(p.verblijfplaats).toMatchObject({ verblijftNietOpAdres: true, inOnderzoek: null });
    });

    it('Maxima in de Hand: lives in Belgium, never married, geheimhouding', () => {
      const p = of('999990123');
      expect(p.verblijfplaats).toMatchObject({
        soort: 'BUITENLAND',
        regels: ['Rue du pomme 25', 'Bruxelles', 'postcode 1000'],
        land: 'België',
        straat: null,
        postcode: null,
      });
      expect(p.adressering).toMatchObject({ adresregel3: 'postcode 1000', land: 'België' });
      expect(p.gemeenteVanInschrijving?.naam).toBe('Registratie Niet-Ingezetenen');
      expect(p.burgerlijkeStaat).toMatchObject({ soort: 'ONGEHUWD', sinds: null });
      expect(p.geheimhouding?.ingesteld).toBe(true);
      expect(p.geheimhouding?.uitleg).toMatch(/geeft uw gegevens daarom niet aan organisaties/);
      // Geheimhouding does not hide her own data from her.
      expect(p.naam?.volledigeNaam).toBe('Maxima in de Hand');
    });

    it('Jeroen Verstraten: geheimhouding, and still all his data', () => {
      const p = of('999971104');
      expect(p.geheimhouding).toMatchObject({ ingesteld: true });
      expect(p.naam?.volledigeNaam).toBe('Jeroen Verstraten');
      expect(p.verblijfplaats?.woonplaats).toBe('Amsterdam');
    });

    it('partial and unknown birth dates', () => {
      expect(of('999970598').geboorte).toMatchObject({
        datum: { soort: 'JAAR_MAAND', datum: null, jaar: 1978, maand: 6, langFormaat: 'juni 1978' },
        leeftijd: 48,
      });
      expect(of('999970586').geboorte).toMatchObject({
        datum: { soort: 'JAAR', jaar: 1970, maand: null, langFormaat: '1970' },
        leeftijd: null,
      });
      expect(of('999994220').geboorte).toMatchObject({
        datum: { soort: 'ONBEKEND', jaar: null, langFormaat: 'onbekend' },
        leeftijd: null,
      });
    });

    it('a widow is not called divorced: the BRP does not say why a marriage ended', () => {
      // Karla Kruiswijk (999970628), his wife, died on 20 December 2022, the day the marriage ended.
      expect(raw('999970628').overlijden?.datum).toBe('20221220');
      const p = of('999970616');
      expect(p.burgerlijkeStaat).toMatchObject({
        soort: 'HUWELIJK_ONTBONDEN',
        omschrijving: 'Huwelijk beëindigd',
        sinds: { langFormaat: '20 december 2022' },
      });
      expect(p.partners?.[0]).toMatchObject({
        naam: { volledigeNaam: 'Karla Kruiswijk' },
        ontbondenOp: { datum: '2022-12-20' },
      });
    });

    it('a registered partnership, current and ended', () => {
      expect(of('999970197').burgerlijkeStaat).toMatchObject({
        soort: 'GEREGISTREERD_PARTNER',
        omschrijving: 'Geregistreerd partner',
      });
      expect(of('999970197').partners?.[0]?.soortVerbintenis).toBe('GEREGISTREERD_PARTNERSCHAP');
      expect(of('999970987').burgerlijkeStaat).toMatchObject({
        soort: 'PARTNERSCHAP_ONTBONDEN',
        sinds: { langFormaat: '1 april 2023' },
      });
    });

    it('a deceased person, and a child whose parent died (the BRP gives a parent’s name and birth, not death)', () => {
      expect(of('999970239').overlijden).toMatchObject({
        datum: { langFormaat: '1 augustus 2020' },
        plaats: "'s-Gravenhage",
        land: 'Nederland',
      });
      const kind = of('999970252');
      expect(kind.ouders?.map((o) => o.naam?.volledigeNaam)).toContain('Simone Saasveld');
      expect(kind.ouders?.find((o) => o.naam?.volledigeNaam === 'Simone Saasveld')?.geboortedatum?.datum).toBe(
        '1998-12-01',
      );
    });

    it('an unknown parent (geslachtsnaam ".") is a parent without a name', () => {
      const p = of('999970318');
      expect(raw('999970318').ouders?.some((o) => o.naam?.geslachtsnaam === '.')).toBe(true);
      expect(p.ouders?.some((o) => o.naam === null)).toBe(true);
      expect(JSON.stringify(p.ouders)).not.toContain('"."');
    });

    it('a location without address, an unknown address, a stateless person, a nobleman', () => {
      expect(of('999997002').verblijfplaats).toMatchObject({
        soort: 'LOCATIE',
        locatiebeschrijving: 'woonaak De Kabouter in Ruigoord',
      });
      expect(of('999993586').verblijfplaats).toMatchObject({ soort: 'ONBEKEND', straat: null, regels: null });
      expect(of('999991188').nationaliteiten).toEqual([
        expect.objectContaining({ soort: 'STAATLOOS', omschrijving: 'Staatloos' }),
      ]);
      expect(of('999990160').naam).toMatchObject({
        volledigeNaam: 'Hendrik Jan Coenraad Maurits ridder den Brinck',
        adellijkeTitel: { omschrijving: 'ridder', soort: 'TITEL' },
      });
      expect(of('999990160').adressering?.aanschrijfwijze?.aanspreekvorm).toMatch(/^De hoogwelgeboren heer$/);
    });

    it('Thurayya Taher: a minor whose whole person record is under investigation', () => {
      const p = of('999970264');
      expect(p.geboorte?.leeftijd).toBe(16);
      expect(p.naam?.inOnderzoek).toMatchObject({
        melding: 'De gemeente onderzoekt of deze gegevens kloppen.',
        sinds: { langFormaat: '2 februari 2020' },
      });
      expect(p.naam?.inOnderzoek?.velden).toEqual(expect.arrayContaining(['voornamen', 'geslachtsnaam']));
      expect(p.geboorte?.inOnderzoek?.velden).toEqual(expect.arrayContaining(['datum', 'leeftijd']));
    });
  });
});
