import { describe, expect, it } from 'vitest';
import { applyFields, checkField, loadTestPersons, toPersoon, type JsonObject } from '../../simulators/brp/index.js';
import { toDatum } from '../../simulators/brp/dates.js';
import { voorletters } from '../../simulators/brp/naam.js';
import { adresregel1 } from '../../simulators/brp/transform.js';

const NOW = new Date('2026-11-28T12:00:00+01:00');
const persons = loadTestPersons();
const persoon = (bsn: string): JsonObject => {
  const raw = persons.find((p) => p.burgerservicenummer === bsn);
  if (!raw) throw new Error(`test person ${bsn} missing`);
  return toPersoon(raw, { now: NOW, lookup: (b) => persons.find((p) => p.burgerservicenummer === b) });
};

describe('BRP transform (test data → v2 Persoon)', () => {
  it('converts every person of the RvIG data set', () => {
    expect(persons.length).toBe(1176);
    for (const raw of persons) {
      const result = toPersoon(raw, { now: NOW });
      expect(result['burgerservicenummer']).toBe(raw.burgerservicenummer);
      // Every typed object carries its discriminator, every date its long form.
      JSON.stringify(result, (key, value: unknown) => {
        if (key === 'verblijfplaats' || key === 'nationaliteiten') {
          for (const item of [value].flat()) expect(item).toHaveProperty('type');
        }
        return value;
      });
    }
  });

  it('gives Suzanne Moulin her v2 name, birth date and address lines', () => {
    const suzanne = persoon('999993653');
    expect(suzanne['naam']).toMatchObject({ volledigeNaam: 'Suzanne Moulin', voorletters: 'S.' });
    expect(suzanne['geboorte']).toMatchObject({
      datum: { type: 'Datum', datum: '1985-12-01', langFormaat: '1 december 1985' },
    });
    expect(suzanne['leeftijd']).toBe(40);
    expect(suzanne['verblijfplaats']).toMatchObject({
      type: 'Adres',
      verblijfadres: {
        officieleStraatnaam: 'Boterdiep',
        korteStraatnaam: 'Boterdiep',
        huisnummer: 31,
        postcode: '3077AW',
        woonplaats: 'Rotterdam',
      },
    });
    expect(suzanne['adressering']).toEqual({
      adresregel1: 'Boterdiep 31',
      adresregel2: '3077 AW  ROTTERDAM',
      aanhef: 'Geachte mevrouw Moulin',
      aanschrijfwijze: { naam: 'S. Moulin' },
      gebruikInLopendeTekst: 'mevrouw Moulin',
    });
    expect(suzanne['partners']).toEqual([
      expect.objectContaining({ soortVerbintenis: { code: 'H', omschrijving: 'huwelijk' } }),
    ]);
    expect(suzanne['gemeenteVanInschrijving']).toEqual({ code: '0599', omschrijving: 'Rotterdam' });
  });

  it('marks "vastgesteld verblijft niet op adres" as a fact, not as an investigation', () => {
    const govert = persoon('999970008');
    expect(govert['verblijfplaats']).toMatchObject({ indicatieVastgesteldVerblijftNietOpAdres: true });
    expect(govert['adressering']).toMatchObject({
      indicatieVastgesteldVerblijftNietOpAdres: true,
      aanhef: 'Geachte heer De Geus',
    });
  });

  it('types partial and unknown dates', () => {
    expect(toDatum('00000000')).toEqual({ type: 'DatumOnbekend', onbekend: true, langFormaat: 'onbekend' });
    expect(toDatum('19850000')).toEqual({ type: 'JaarDatum', jaar: 1985, langFormaat: '1985' });
    expect(toDatum('19851200')).toEqual({
      type: 'JaarMaandDatum',
      jaar: 1985,
      maand: 12,
      langFormaat: 'december 1985',
    });
  });

  it('composes adresregel1 per NEN 5825', () => {
    expect(adresregel1({ straat: 'Atatürkstraat', huisnummer: '9', huisnummertoevoeging: '2' })).toBe(
      'Atatürkstraat 9-2',
    );
    expect(adresregel1({ straat: 'Cronus', huisnummer: '555', huisletter: 'B', huisnummertoevoeging: '73c' })).toBe(
      'Cronus 555 B73c',
    );
    expect(adresregel1({ straat: '1e Exloërmond', huisnummer: '3', aanduidingBijHuisnummer: { code: 'to' } })).toBe(
      '1e Exloërmond t/o 3',
    );
    expect(voorletters('Theodoor-Christiaan R. Philip ')).toBe('T.R.P.');
  });

  it('applies fields, restricting the binnenland shorthands to residents', () => {
    const fields = ['adresseringBinnenland.adresregel1', 'burgerservicenummer'].map((f) => {
      const check = checkField(f);
      if (!check.ok) throw new Error(f);
      return check.field;
    });
    expect(applyFields(persoon('999993653'), fields)).toEqual({
      burgerservicenummer: '999993653',
      adressering: { adresregel1: 'Boterdiep 31' },
    });
    const abroad = persons.find((p) => p.verblijfplaats?.regel1 && !p.geheimhoudingPersoonsgegevens);
    expect(abroad).toBeDefined();
    expect(applyFields(toPersoon(abroad!, { now: NOW }), fields)).toEqual({
      burgerservicenummer: abroad!.burgerservicenummer,
    });
  });

  it('always delivers geheimhoudingPersoonsgegevens when set', () => {
    const geheim = persons.find((p) => p.geheimhoudingPersoonsgegevens);
    const check = checkField('burgerservicenummer');
    if (!geheim || !check.ok) throw new Error('fixture');
    expect(applyFields(toPersoon(geheim, { now: NOW }), [check.field])).toMatchObject({
      geheimhoudingPersoonsgegevens: true,
    });
  });
});
