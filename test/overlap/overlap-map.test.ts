import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  createOverlapMap,
  defaultOverlapFile,
  loadOverlapMap,
  OverlapMapError,
  parseOverlapDefinition,
  renderOverlapMarkdown,
} from '../../lib/overlap/index.js';
import { ConfigError } from '../../lib/config.js';
import { renderCommittedOverlapDoc } from '../../scripts/overlap.js';

const GEMEENTE_A = { rsin: '002564440', oin: '00000001002564440000' };
const UWV_OIN = '00000001818148007000';

describe('the committed overlap map (schema/overlap.yaml), the default of every subgraph', () => {
  const map = loadOverlapMap(undefined);

  it('is the file next to the code, and loading it by name gives the same map', () => {
    expect(defaultOverlapFile()).toMatch(/schema\/overlap\.yaml$/);
    expect(loadOverlapMap(defaultOverlapFile()).definitie).toEqual(map.definitie);
  });

  it('keeps the methods the other subgraphs call, with their meaning', () => {
    expect(map.persoonsgegevens()).toMatchObject({ eigenaar: 'GEMEENTE', ookZichtbaarIn: ['MIJN_OVERHEID'] });
    // A zaaktype MijnOverheid also shows: one item, owned by the gemeente, also visible there.
    expect(map.zaak('PARKEERVERGUNNING')).toMatchObject({
      eigenaar: 'GEMEENTE',
      ookZichtbaarIn: ['MIJN_OVERHEID'],
      meldingenDoor: ['MIJN_OVERHEID'],
    });
    // Unknown or missing zaaktype: the default rule.
    expect(map.zaak('BESTAAT-NIET')).toBe(map.definitie.zaken.standaard);
    expect(map.zaak(null)).toBe(map.definitie.zaken.standaard);
    expect(map.zaak('MOR')).toMatchObject({ eigenaar: 'GEMEENTE', ookZichtbaarIn: [], meldingenDoor: ['GEMEENTE'] });
    expect(map.bericht()).toBe(map.definitie.berichten.standaard);
    expect(map.bericht()).toMatchObject({ eigenaar: 'MIJN_OVERHEID', ookZichtbaarIn: [] });
  });

  it('picks a berichttype by sender and by whether the bericht is about a zaak', () => {
    expect(map.berichttype({ afzenderOin: GEMEENTE_A.oin, overZaak: true })?.id).toBe('zaakbericht-gemeente');
    expect(map.berichttype({ afzenderOin: GEMEENTE_A.oin, overZaak: false })?.id).toBe('bericht-gemeente');
    expect(map.berichttype({ afzenderOin: UWV_OIN, overZaak: true })?.id).toBe('zaakbericht-andere-organisatie');
    expect(map.berichttype({ afzenderOin: UWV_OIN, overZaak: false })).toBeNull();
    expect(map.bericht({ afzenderOin: UWV_OIN, overZaak: false })).toBe(map.definitie.berichten.standaard);
    expect(map.bericht({ afzenderOin: GEMEENTE_A.oin, overZaak: true }).uitleg).toMatch(/hoort bij een van uw zaken/);
  });

  it('knows the organisations of this gemeente by RSIN and OIN, and what notifications need', () => {
    expect(map.isZaakVanGemeente(GEMEENTE_A.rsin)).toBe(true);
    expect(map.isZaakVanGemeente('002220647')).toBe(true);
    expect(map.isZaakVanGemeente('818148007')).toBe(false);
    expect(map.organisatie({ oin: GEMEENTE_A.oin })?.naam).toBe('Gemeente A');
    expect(map.organisatie({ rsin: '818148007', oin: UWV_OIN })).toBeUndefined();
    expect(map.zaaktypenInMijnOverheid()).toEqual(['PARKEERVERGUNNING', 'WMO-VOORZIENING']);
    expect(map.mijnOverheidMeldt('WMO-VOORZIENING')).toBe(true);
    expect(map.mijnOverheidMeldt('OMGEVINGSVERGUNNING')).toBe(false);
    expect(map.mijnOverheidMeldt(null)).toBe(false);
    expect(map.lopendeZaak()).toMatchObject({ eigenaar: 'MIJN_OVERHEID', ookZichtbaarIn: [] });
  });

  it('finds zaaknummers of the gemeente in a text, each once', () => {
    expect(map.zaaknummersIn('Over ZAAK-2026-0000000101 (ZAAK-2026-0000000101) en WW-2026-118842')).toEqual([
      'ZAAK-2026-0000000101',
    ]);
    expect(map.zaaknummersIn('Geen nummer')).toEqual([]);
  });

  it('lists every rule once, with a B1 explanation and an owner', () => {
    const regels = map.regels();
    expect(regels.map((r) => r.id)).toEqual([
      'persoonsgegevens',
      'zaken/in-lopende-zaken',
      'zaken/omgevingsvergunning',
      'zaken',
      'lopende-zaken',
      'berichten/zaakbericht-gemeente',
      'berichten/bericht-gemeente',
      'berichten/zaakbericht-andere-organisatie',
      'berichten',
    ]);
    for (const { regel } of regels) {
      expect(regel.uitleg).toMatch(/^[A-Z].*\.$/);
      expect(regel.ookZichtbaarIn).not.toContain(regel.eigenaar);
    }
  });

  it('is rendered in docs/overlap.md as generated now (npm run overlap)', () => {
    expect(readFileSync('docs/overlap.md', 'utf8')).toBe(renderCommittedOverlapDoc());
    const doc = renderOverlapMarkdown(map, 'schema/overlap.yaml');
    expect(doc).toContain(
      '| Zaken die de gemeente ook in MijnOverheid zet | zaaktypen `PARKEERVERGUNNING`, `WMO-VOORZIENING` |',
    );
    expect(doc).toContain('```mermaid\nflowchart LR');
    // The conventions an architect needs to read the table without the YAML.
    expect(doc).toContain('**The Mijn-Omgeving shows everything.**');
    expect(doc).toContain('**Also visible in names the other portal only**');
    expect(doc).toContain('## Which rule applies');
    // Ownership by box, no arrows between data and portals.
    const ownership = doc.slice(doc.indexOf('## Who owns what'), doc.indexOf('## Who sends the resident a message'));
    expect(ownership).toMatch(
      /subgraph GEMEENTE\[[^\n]*\n(?:.*\n)*?\s+regel_zaken_in_lopende_zaken\["<b>Zaken die de gemeente ook in MijnOverheid zet<\/b><br\/><small>PARKEERVERGUNNING, WMO-VOORZIENING<\/small><br\/>ook te zien in MijnOverheid<br\/>bericht van MijnOverheid"\]/,
    );
    expect(ownership).not.toMatch(/-->|==>|-\.->/);
    // Who notifies: one arrow per portal.
    const meldingen = doc.slice(doc.indexOf('## Who sends the resident a message'));
    expect(meldingen.match(/-->\|/g) ?? []).toHaveLength(2);
  });
});

/** The committed file with one line replaced, for invalid variants. */
function variant(replace: string, by: string): string {
  const text = readFileSync(defaultOverlapFile(), 'utf8');
  expect(text).toContain(replace);
  return text.replace(replace, by);
}

function lineOf(text: string, fragment: string): number {
  const index = text.indexOf(fragment);
  expect(index).toBeGreaterThanOrEqual(0);
  return text.slice(0, index).split('\n').length;
}

function problemsOf(text: string): string {
  try {
    parseOverlapDefinition(text, 'test.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(OverlapMapError);
    expect(error).toBeInstanceOf(ConfigError); // so a process stops with exit 78, naming the file
    return (error as Error).message;
  }
  throw new Error('the file was accepted');
}

describe('an invalid overlap file is refused, naming the line and the problem', () => {
  it('an unknown portal, at the line of the value', () => {
    const text = variant(
      '  eigenaar: GEMEENTE\n  ookZichtbaarIn: [MIJN_OVERHEID]',
      '  eigenaar: GEMEENTEN\n  ookZichtbaarIn: [MIJN_OVERHEID]',
    );
    const message = problemsOf(text);
    expect(message).toContain(`regel ${lineOf(text, 'GEMEENTEN')}, kolom 13 (persoonsgegevens.eigenaar)`);
    expect(message).toMatch(/Ongeldige optie: verwacht één van "GEMEENTE"\|"MIJN_OVERHEID"/);
  });

  it('a misspelt field, at the line of the key', () => {
    const text = variant(
      '      meldingenDoor: [MIJN_OVERHEID]\n      url: https://mijn.gemeente.example/zaken',
      '      meldingenDor: [MIJN_OVERHEID]\n      url: https://mijn.gemeente.example/zaken',
    );
    const message = problemsOf(text);
    expect(message).toContain(
      `regel ${lineOf(text, 'meldingenDor')}, kolom 7 (zaken.groepen[0].meldingenDor): onbekend veld "meldingenDor"`,
    );
  });

  it('a missing field, at the line of the rule that lacks it', () => {
    const text = variant('lopendeZaken:\n  bron: MijnOverheid Lopende Zaken\n', 'lopendeZaken:\n');
    const message = problemsOf(text);
    expect(message).toContain(`regel ${lineOf(text, 'lopendeZaken:\n') + 1}, kolom 3 (lopendeZaken.bron)`);
  });

  it('one zaaktype in two groups', () => {
    const text = variant('zaaktypen: [OMGEVINGSVERGUNNING]', 'zaaktypen: [OMGEVINGSVERGUNNING, PARKEERVERGUNNING]');
    const message = problemsOf(text);
    expect(message).toContain(`regel ${lineOf(text, 'zaaktypen: [OMGEVINGSVERGUNNING,')}`);
    expect(message).toContain('zaaktype PARKEERVERGUNNING staat ook in groep "in-lopende-zaken"');
  });

  it('an RSIN written as a number, and one failing the elfproef', () => {
    const unquoted = variant("rsin: '002564440'", 'rsin: 002564440');
    expect(problemsOf(unquoted)).toContain(
      `regel ${lineOf(unquoted, 'rsin: 002564440')}, kolom 13 (gemeente.organisaties[0].rsin): een RSIN moet tekst zijn`,
    );
    expect(problemsOf(variant("rsin: '002564440'", "rsin: '002564441'"))).toMatch(/elfproef/);
  });

  it('the owner also listed as "also visible in"', () => {
    const text = variant(
      '  eigenaar: GEMEENTE\n  ookZichtbaarIn: [MIJN_OVERHEID]',
      '  eigenaar: GEMEENTE\n  ookZichtbaarIn: [MIJN_OVERHEID, GEMEENTE]',
    );
    expect(problemsOf(text)).toContain(
      `regel ${lineOf(text, '[MIJN_OVERHEID, GEMEENTE]')}, kolom 35 (persoonsgegevens.ookZichtbaarIn[1]): GEMEENTE is de eigenaar`,
    );
  });

  it('YAML that does not parse, and a key written twice', () => {
    const broken = variant('versie: 1', 'versie: [1');
    expect(problemsOf(broken)).toMatch(/regel \d+, kolom \d+: geen geldige YAML/);
    const twice = variant('versie: 1', 'versie: 1\nversie: 1');
    expect(problemsOf(twice)).toContain(`regel ${lineOf(twice, 'versie: 1') + 1}`);
    expect(problemsOf('')).toContain('regel 1');
  });

  it('a zaaknummer pattern that is no regular expression', () => {
    expect(
      problemsOf(variant("zaaknummerPatroon: 'ZAAK-\\d{4}-\\d{10}'", "zaaknummerPatroon: 'ZAAK-(\\d{4}'")),
    ).toMatch(/gemeente\.zaaknummerPatroon\): dit is geen geldige reguliere expressie/);
  });

  it('a file that cannot be read', () => {
    expect(() => loadOverlapMap('/bestaat/niet/overlap.yaml')).toThrow(/niet te lezen \(ENOENT\)/);
  });
});

describe('a minimal map', () => {
  it('needs only the required fields, and fills in the defaults', () => {
    const regel = (eigenaar: string) => ({
      bron: 'Bron',
      eigenaar,
      uitleg: 'Een uitleg van een hele zin voor inwoners.',
    });
    const map = createOverlapMap(
      parseOverlapDefinition(
        JSON.stringify({
          versie: 1,
          gemeente: {
            naam: 'Gemeente X',
            portaalUrl: 'https://mijn.x.example',
            organisaties: [{ naam: 'Gemeente X', rsin: '002564440' }],
          },
          persoonsgegevens: regel('GEMEENTE'),
          zaken: { standaard: regel('GEMEENTE') },
          lopendeZaken: regel('MIJN_OVERHEID'),
          berichten: { standaard: regel('MIJN_OVERHEID') },
        }),
        'minimal.json',
      ),
    );
    expect(map.organisaties()).toEqual([{ naam: 'Gemeente X', rsin: '002564440', oin: '00000001002564440000' }]);
    expect(map.zaak('WHATEVER')).toMatchObject({ ookZichtbaarIn: [], meldingenDoor: [], url: null });
    expect(map.zaaktypenInMijnOverheid()).toEqual([]);
    expect(map.zaaknummersIn('ZAAK-2026-0000000101')).toEqual([]);
    expect(map.regels().map((r) => r.naam)).toEqual([
      'Persoonsgegevens',
      'Zaken',
      'Lopende zaken van andere organisaties',
      'Berichten',
    ]);
  });
});
