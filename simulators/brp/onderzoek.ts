import { toDatum } from './dates.js';
import type { RawInOnderzoek } from './raw.js';

/**
 * Translates LO3 "gegevens in onderzoek" codes into the v2 `inOnderzoek` markers.
 *
 * The code is `ccggee` (category, group, element). `ccgg00` puts a whole group in onderzoek and
 * `cc0000` a whole category; both expand to every element of the table below that falls under
 * them. Each element lists where its markers land: an object path relative to the subject ('' is
 * the subject itself), the boolean flag set in that object's `inOnderzoek`, and the date member
 * that carries the start of the investigation (the person-level object has one per theme).
 */
type Marker = readonly [objectPath: string, flag: string, dateMember: string];
type MarkerTable = Readonly<Record<string, readonly Marker[]>>;

const D = 'datumIngangOnderzoek';
const PERSOON = 'datumIngangOnderzoekPersoon';
const GEMEENTE = 'datumIngangOnderzoekGemeente';
const GEZAG = 'datumIngangOnderzoekGezag';
const VERBLIJF = 'datumIngangOnderzoekVerblijfplaats';

/** The name parts change every composed name in `adressering`. */
const ADRESSERING_NAAM: readonly Marker[] = [
  ['adressering', 'aanhef', PERSOON],
  ['adressering', 'aanschrijfwijze', PERSOON],
  ['adressering', 'gebruikInLopendeTekst', PERSOON],
];

/** Category 01: the person. */
const PERSOON_TABLE: MarkerTable = {
  '0120': [['', 'burgerservicenummer', PERSOON]],
  '0210': [
    ['naam', 'voornamen', D],
    ['naam', 'voorletters', D],
    ['naam', 'volledigeNaam', D],
    ['adressering', 'aanschrijfwijze', PERSOON],
  ],
  '0220': [['naam', 'adellijkeTitelPredicaat', D], ['naam', 'volledigeNaam', D], ...ADRESSERING_NAAM],
  '0230': [['naam', 'voorvoegsel', D], ['naam', 'volledigeNaam', D], ...ADRESSERING_NAAM],
  '0240': [['naam', 'geslachtsnaam', D], ['naam', 'volledigeNaam', D], ...ADRESSERING_NAAM],
  '0310': [
    ['geboorte', 'datum', D],
    ['', 'leeftijd', PERSOON],
  ],
  '0320': [['geboorte', 'plaats', D]],
  '0330': [['geboorte', 'land', D]],
  '0410': [
    ['', 'geslacht', PERSOON],
    ['adressering', 'aanhef', PERSOON],
    ['adressering', 'gebruikInLopendeTekst', PERSOON],
  ],
  '6110': [['naam', 'aanduidingNaamgebruik', D], ...ADRESSERING_NAAM],
};

/** Categories 02/03 (ouders), 05 (partner), 09 (kind): a related person, subject = the element. */
const GERELATEERDE_TABLE: MarkerTable = {
  '0120': [['', 'burgerservicenummer', D]],
  '0210': [
    ['naam', 'voornamen', D],
    ['naam', 'voorletters', D],
  ],
  '0220': [['naam', 'adellijkeTitelPredicaat', D]],
  '0230': [['naam', 'voorvoegsel', D]],
  '0240': [['naam', 'geslachtsnaam', D]],
  '0310': [['geboorte', 'datum', D]],
  '0320': [['geboorte', 'plaats', D]],
  '0330': [['geboorte', 'land', D]],
};

const OUDER_TABLE: MarkerTable = {
  ...GERELATEERDE_TABLE,
  '0410': [['', 'geslacht', D]],
  '6210': [['', 'datumIngangFamilierechtelijkeBetrekking', D]],
};

const PARTNER_TABLE: MarkerTable = {
  ...GERELATEERDE_TABLE,
  '0410': [['', 'geslacht', D]],
  '0610': [['aangaanHuwelijkPartnerschap', 'datum', D]],
  '0620': [['aangaanHuwelijkPartnerschap', 'plaats', D]],
  '0630': [['aangaanHuwelijkPartnerschap', 'land', D]],
  '0710': [['ontbindingHuwelijkPartnerschap', 'datum', D]],
  '1510': [['', 'soortVerbintenis', D]],
};

/** Category 04: one nationaliteit, subject = the element. */
const NATIONALITEIT_TABLE: MarkerTable = {
  '0510': [['', 'nationaliteit', D]],
  '6310': [['', 'redenOpname', D]],
  '6510': [['', 'type', D]],
};

/** Category 06: overlijden, subject = the person. */
const OVERLIJDEN_TABLE: MarkerTable = {
  '0810': [['overlijden', 'datum', D]],
  '0820': [['overlijden', 'plaats', D]],
  '0830': [['overlijden', 'land', D]],
};

const ADRES = 'verblijfplaats.verblijfadres';
/** Category 08: verblijfplaats, subject = the person. `*` lists markers set only for the whole category. */
const VERBLIJFPLAATS_TABLE: MarkerTable = {
  '*': [['verblijfplaats', 'type', D]],
  '0910': [['', 'gemeenteVanInschrijving', GEMEENTE]],
  '0920': [['', 'datumInschrijvingInGemeente', GEMEENTE]],
  '1010': [['verblijfplaats', 'functieAdres', D]],
  '1030': [['verblijfplaats', 'datumVan', D]],
  '1110': [
    [ADRES, 'korteStraatnaam', D],
    ['adressering', 'adresregel1', VERBLIJF],
  ],
  '1115': [[ADRES, 'officieleStraatnaam', D]],
  '1120': [
    [ADRES, 'huisnummer', D],
    ['adressering', 'adresregel1', VERBLIJF],
  ],
  '1130': [
    [ADRES, 'huisletter', D],
    ['adressering', 'adresregel1', VERBLIJF],
  ],
  '1140': [
    [ADRES, 'huisnummertoevoeging', D],
    ['adressering', 'adresregel1', VERBLIJF],
  ],
  '1150': [
    [ADRES, 'aanduidingBijHuisnummer', D],
    ['adressering', 'adresregel1', VERBLIJF],
  ],
  '1160': [
    [ADRES, 'postcode', D],
    ['adressering', 'adresregel2', VERBLIJF],
  ],
  '1170': [
    [ADRES, 'woonplaats', D],
    ['adressering', 'adresregel2', VERBLIJF],
  ],
  '1180': [['verblijfplaats', 'adresseerbaarObjectIdentificatie', D]],
  '1190': [['verblijfplaats', 'nummeraanduidingIdentificatie', D]],
  '1210': [
    [ADRES, 'locatiebeschrijving', D],
    ['adressering', 'adresregel1', VERBLIJF],
  ],
  '1310': [
    [ADRES, 'land', D],
    ['adressering', 'land', VERBLIJF],
  ],
  '1320': [['verblijfplaats', 'datumVan', D]],
  '1330': [
    [ADRES, 'regel1', D],
    ['adressering', 'adresregel1', VERBLIJF],
  ],
  '1340': [
    [ADRES, 'regel2', D],
    ['adressering', 'adresregel2', VERBLIJF],
  ],
  '1350': [
    [ADRES, 'regel3', D],
    ['adressering', 'adresregel3', VERBLIJF],
  ],
  '1410': [['immigratie', 'landVanwaarIngeschreven', D]],
  '1420': [['immigratie', 'datumVestigingInNederland', D]],
};

/** Category 11: gezag, subject = the person. */
const GEZAG_TABLE: MarkerTable = {
  '3210': [['', 'indicatieGezagMinderjarige', GEZAG]],
  '3310': [['', 'indicatieCurateleRegister', GEZAG]],
};

export const MARKER_TABLES = {
  persoon: PERSOON_TABLE,
  ouder: OUDER_TABLE,
  partner: PARTNER_TABLE,
  kind: GERELATEERDE_TABLE,
  nationaliteit: NATIONALITEIT_TABLE,
  overlijden: OVERLIJDEN_TABLE,
  verblijfplaats: VERBLIJFPLAATS_TABLE,
  gezag: GEZAG_TABLE,
} as const;

export type MarkerSubject = keyof typeof MARKER_TABLES;

/** LO3 code for "vastgesteld verblijft niet op adres": a fact, not an investigation. */
export const VERBLIJFT_NIET_OP_ADRES = '089999';

function markersFor(table: MarkerTable, code: string): readonly Marker[] {
  const groupElement = code.slice(2);
  if (groupElement === '0000') return Object.values(table).flat();
  if (groupElement.endsWith('00')) {
    const group = groupElement.slice(0, 2);
    return Object.entries(table)
      .filter(([element]) => element.startsWith(group))
      .flatMap(([, markers]) => markers);
  }
  return table[groupElement] ?? [];
}

function objectAt(subject: Record<string, unknown>, path: string): Record<string, unknown> | undefined {
  let current: unknown = subject;
  for (const key of path === '' ? [] : path.split('.')) {
    current = typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[key] : undefined;
  }
  return typeof current === 'object' && current !== null && !Array.isArray(current)
    ? (current as Record<string, unknown>)
    : undefined;
}

/**
 * Adds the `inOnderzoek` markers for `onderzoek` to `subject` (mutating it). Markers for objects
 * the subject does not have are skipped, as the API does not invent objects to hang them on.
 */
export function markInOnderzoek(
  subject: Record<string, unknown>,
  onderzoek: RawInOnderzoek | undefined,
  kind: MarkerSubject,
): void {
  const code = onderzoek?.aanduidingGegevensInOnderzoek;
  if (code === undefined || code === VERBLIJFT_NIET_OP_ADRES || !/^\d{6}$/.test(code)) return;
  const datum = toDatum(onderzoek?.datumIngangOnderzoek);
  for (const [objectPath, flag, dateMember] of markersFor(MARKER_TABLES[kind], code)) {
    const target = objectAt(subject, objectPath);
    if (target === undefined) continue;
    const markers = (target['inOnderzoek'] ??= {}) as Record<string, unknown>;
    markers[flag] = true;
    if (datum !== undefined) markers[dateMember] = datum;
  }
}

/**
 * The flags each kind of polymorphic object can carry (its `...InOnderzoek` schema in the
 * contract). A whole LO3 category in onderzoek (`080000`) expands to every element of the table,
 * also to those that do not exist for the kind at hand (a `regel1` for a Dutch address), so
 * {@link keepFlags} drops those afterwards.
 */
export const FLAGS_PER_SOORT = {
  verblijfplaats: {
    Adres: [
      'type',
      'datumVan',
      'datumIngangGeldigheid',
      'nummeraanduidingIdentificatie',
      'adresseerbaarObjectIdentificatie',
      'functieAdres',
    ],
    Locatie: ['type', 'datumVan', 'functieAdres', 'datumIngangGeldigheid'],
    VerblijfplaatsBuitenland: ['type', 'datumVan', 'datumIngangGeldigheid'],
    VerblijfplaatsOnbekend: ['type', 'datumVan', 'datumIngangGeldigheid'],
  },
  verblijfadres: {
    Adres: [
      'aanduidingBijHuisnummer',
      'huisletter',
      'huisnummer',
      'huisnummertoevoeging',
      'officieleStraatnaam',
      'postcode',
      'korteStraatnaam',
      'woonplaats',
    ],
    Locatie: ['locatiebeschrijving'],
    VerblijfplaatsBuitenland: ['regel1', 'regel2', 'regel3', 'land'],
    VerblijfplaatsOnbekend: [],
  },
  nationaliteit: {
    Nationaliteit: ['type', 'redenOpname', 'nationaliteit'],
    BehandeldAlsNederlander: ['type', 'redenOpname'],
    VastgesteldNietNederlander: ['type', 'redenOpname'],
    Staatloos: ['type', 'redenOpname'],
    NationaliteitOnbekend: ['type', 'redenOpname'],
  },
} as const satisfies Record<string, Record<string, readonly string[]>>;

/**
 * Keeps only the given flags (and the start dates) in `target.inOnderzoek`; removes the marker
 * object when no flag is left.
 */
export function keepFlags(target: Record<string, unknown> | undefined, allowed: readonly string[]): void {
  const markers = target?.['inOnderzoek'];
  if (target === undefined || typeof markers !== 'object' || markers === null) return;
  const kept = Object.entries(markers).filter(
    ([key]) => allowed.includes(key) || key.startsWith('datumIngangOnderzoek'),
  );
  if (kept.every(([key]) => key.startsWith('datumIngangOnderzoek'))) delete target['inOnderzoek'];
  else target['inOnderzoek'] = Object.fromEntries(kept);
}
