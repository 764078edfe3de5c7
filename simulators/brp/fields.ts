import { isJsonObject, type Json, type JsonObject } from './json.js';

/**
 * The `fields` parameter of the BRP API v2: which paths exist, which are refused, and how a
 * response is cut down to the selected paths.
 *
 * Rules modelled on the API (features `fields*.feature` of BRP-API/brp-shared-dotnet):
 * - a path may name any object or leaf of the `Persoon` model, down to the members of a typed
 *   date (`geboorte.datum.langFormaat`) and of a table value (`geslacht.code`); asking for any
 *   member of a date or a table value delivers the whole date or table value (features
 *   `fields-datum.feature`, `fields-tabelwaarde.feature`);
 * - `inOnderzoek`, `geheimhoudingPersoonsgegevens`, `opschortingBijhouding`, `rni` and
 *   `verificatie` are delivered automatically and may not be asked for;
 * - `adresseringBinnenland.*` and `verblijfplaatsBinnenland.*` select the same data as
 *   `adressering.*` / `verblijfplaats.*`, but only for a person living in the Netherlands;
 * - a polymorphic object (`type` member) keeps its `type` whenever any member of it is returned,
 *   and an `inOnderzoek` marker is returned next to each selected member it concerns.
 */

type FieldNode = 'leaf' | { readonly [member: string]: FieldNode };

const leaf = 'leaf' as const;

/** Nodes the API delivers whole: a path into one of them selects all of it. */
const WHOLE = new WeakSet<object>();
function whole<T extends object>(node: T): T {
  WHOLE.add(node);
  return node;
}

const DATUM: FieldNode = whole({
  type: leaf,
  datum: leaf,
  onbekend: leaf,
  jaar: leaf,
  maand: leaf,
  langFormaat: leaf,
});
const WAARDE: FieldNode = whole({ code: leaf, omschrijving: leaf });
const TITEL: FieldNode = whole({ code: leaf, omschrijving: leaf, soort: leaf });
const GEBOORTE: FieldNode = { datum: DATUM, land: WAARDE, plaats: WAARDE };
const NAAM_GERELATEERDE: FieldNode = {
  voornamen: leaf,
  adellijkeTitelPredicaat: TITEL,
  voorvoegsel: leaf,
  geslachtsnaam: leaf,
  voorletters: leaf,
};
const NAAM_VOLLEDIG: FieldNode = { volledigeNaam: leaf };
const GEZAG_PERSOON: FieldNode = { burgerservicenummer: leaf, naam: NAAM_VOLLEDIG };

const ADRESSERING: FieldNode = {
  adresregel1: leaf,
  adresregel2: leaf,
  adresregel3: leaf,
  land: WAARDE,
  indicatieVastgesteldVerblijftNietOpAdres: leaf,
  aanhef: leaf,
  aanschrijfwijze: { naam: leaf, aanspreekvorm: leaf },
  gebruikInLopendeTekst: leaf,
};

const VERBLIJFPLAATS: FieldNode = {
  type: leaf,
  datumIngangGeldigheid: DATUM,
  datumVan: DATUM,
  verblijfadres: {
    officieleStraatnaam: leaf,
    korteStraatnaam: leaf,
    huisnummer: leaf,
    huisletter: leaf,
    huisnummertoevoeging: leaf,
    aanduidingBijHuisnummer: WAARDE,
    postcode: leaf,
    woonplaats: leaf,
    locatiebeschrijving: leaf,
    regel1: leaf,
    regel2: leaf,
    regel3: leaf,
    land: WAARDE,
  },
  functieAdres: WAARDE,
  adresseerbaarObjectIdentificatie: leaf,
  nummeraanduidingIdentificatie: leaf,
  indicatieVastgesteldVerblijftNietOpAdres: leaf,
};

/** Every path a client may ask for under `Persoon`. */
const PERSOON: FieldNode = {
  aNummer: leaf,
  burgerservicenummer: leaf,
  datumEersteInschrijvingGBA: DATUM,
  geslacht: WAARDE,
  leeftijd: leaf,
  uitsluitingKiesrecht: { uitgeslotenVanKiesrecht: leaf, einddatum: DATUM },
  europeesKiesrecht: { aanduiding: WAARDE, einddatumUitsluiting: DATUM },
  naam: { ...NAAM_GERELATEERDE, volledigeNaam: leaf, aanduidingNaamgebruik: WAARDE },
  nationaliteiten: { type: leaf, nationaliteit: WAARDE, redenOpname: WAARDE, datumIngangGeldigheid: DATUM },
  geboorte: GEBOORTE,
  overlijden: GEBOORTE,
  verblijfplaats: VERBLIJFPLAATS,
  immigratie: {
    landVanwaarIngeschreven: WAARDE,
    datumVestigingInNederland: DATUM,
    vanuitVerblijfplaatsOnbekend: leaf,
    indicatieVestigingVanuitBuitenland: leaf,
  },
  gemeenteVanInschrijving: WAARDE,
  datumInschrijvingInGemeente: DATUM,
  adressering: ADRESSERING,
  indicatieCurateleRegister: leaf,
  indicatieGezagMinderjarige: WAARDE,
  gezag: {
    type: leaf,
    minderjarige: { ...GEZAG_PERSOON, leeftijd: leaf },
    ouders: GEZAG_PERSOON,
    ouder: GEZAG_PERSOON,
    derde: { type: leaf, ...GEZAG_PERSOON },
    derden: { type: leaf, ...GEZAG_PERSOON },
    toelichting: leaf,
  },
  verblijfstitel: { aanduiding: WAARDE, datumIngang: DATUM, datumEinde: DATUM },
  kinderen: { burgerservicenummer: leaf, naam: NAAM_GERELATEERDE, geboorte: GEBOORTE },
  ouders: {
    burgerservicenummer: leaf,
    geslacht: WAARDE,
    ouderAanduiding: leaf,
    datumIngangFamilierechtelijkeBetrekking: DATUM,
    naam: NAAM_GERELATEERDE,
    geboorte: GEBOORTE,
  },
  partners: {
    burgerservicenummer: leaf,
    geslacht: WAARDE,
    soortVerbintenis: WAARDE,
    naam: NAAM_GERELATEERDE,
    geboorte: GEBOORTE,
    aangaanHuwelijkPartnerschap: GEBOORTE,
    ontbindingHuwelijkPartnerschap: { datum: DATUM },
  },
};

/** Delivered without being asked for; asking for them is an error. */
export const AUTOMATISCH_GELEVERD = [
  'geheimhoudingPersoonsgegevens',
  'opschortingBijhouding',
  'rni',
  'verificatie',
] as const;

/** Shorthands that select a subtree only for residents of the Netherlands. */
const BINNENLAND_ALIASES: Readonly<Record<string, { target: string; node: FieldNode }>> = {
  adresseringBinnenland: {
    target: 'adressering',
    node: {
      adresregel1: leaf,
      adresregel2: leaf,
      aanhef: leaf,
      aanschrijfwijze: { naam: leaf, aanspreekvorm: leaf },
      gebruikInLopendeTekst: leaf,
    },
  },
  verblijfplaatsBinnenland: { target: 'verblijfplaats', node: VERBLIJFPLAATS },
};

export const FIELD_PATTERN = /^[a-zA-Z0-9._]{1,200}$/;

/** A validated field: the path in the response, and whether it applies to residents only. */
export interface ResolvedField {
  path: readonly string[];
  binnenlandOnly: boolean;
}

export type FieldCheck =
  { ok: true; field: ResolvedField } | { ok: false; reason: 'niet-bestaand' | 'niet-toegestaan' };

/**
 * The path the API selects for `segments` under `node`: the same path, cut off at a date or table
 * value it enters; `undefined` when the path does not exist.
 */
function resolveIn(node: FieldNode, segments: readonly string[]): string[] | undefined {
  let current: FieldNode = node;
  for (const [index, segment] of segments.entries()) {
    if (current === 'leaf' || !Object.hasOwn(current, segment)) return undefined;
    if (WHOLE.has(current)) return segments.slice(0, index);
    current = current[segment] as FieldNode;
  }
  return [...segments];
}

const NIET_BESTAAND: FieldCheck = { ok: false, reason: 'niet-bestaand' };

/** Checks one `fields` entry against the model. The pattern is checked by the caller. */
export function checkField(field: string): FieldCheck {
  const segments = field.split('.');
  const [head = '', ...rest] = segments;
  if (segments.includes('inOnderzoek') || (AUTOMATISCH_GELEVERD as readonly string[]).includes(head)) {
    return { ok: false, reason: 'niet-toegestaan' };
  }
  if (segments.some((s) => s === '')) return { ok: false, reason: 'niet-bestaand' };
  const alias = Object.hasOwn(BINNENLAND_ALIASES, head) ? BINNENLAND_ALIASES[head] : undefined;
  if (alias) {
    const path = resolveIn(alias.node, rest);
    return path ? { ok: true, field: { path: [alias.target, ...path], binnenlandOnly: true } } : NIET_BESTAAND;
  }
  const path = resolveIn(PERSOON, segments);
  return path ? { ok: true, field: { path, binnenlandOnly: false } } : NIET_BESTAAND;
}

/**
 * Every path a client may ask for (groups and their members, no aliases, no automatically
 * delivered fields), for tests that ask for everything or check a client's paths.
 */
export function fieldPaths(): string[] {
  const paths: string[] = [];
  const walk = (node: FieldNode, prefix: string): void => {
    if (node === 'leaf') return;
    for (const [member, child] of Object.entries(node)) {
      const path = prefix === '' ? member : `${prefix}.${member}`;
      paths.push(path);
      walk(child, path);
    }
  };
  walk(PERSOON, '');
  return paths;
}

/** The top-level members of `Persoon` a client may ask for: asking all of them asks everything. */
export function topLevelFields(): string[] {
  return PERSOON === 'leaf' ? [] : Object.keys(PERSOON);
}

/** A selection tree: `true` selects the whole value under a member. */
type Selection = Map<string, Selection | true>;

function buildSelection(paths: readonly (readonly string[])[]): Selection {
  const root: Selection = new Map();
  for (const path of paths) {
    let node = root;
    for (const [index, segment] of path.entries()) {
      const existing = node.get(segment);
      if (existing === true) break; // an ancestor is already selected whole
      if (index === path.length - 1) {
        node.set(segment, true);
        break;
      }
      const child: Selection = existing ?? new Map();
      node.set(segment, child);
      node = child;
    }
  }
  return root;
}

const PLAIN_ONDERZOEK_DATE = 'datumIngangOnderzoek';
const isOnderzoekDate = (key: string): boolean => key.startsWith(PLAIN_ONDERZOEK_DATE);

/**
 * The person and `adressering` carry one start date per theme (`datumIngangOnderzoekPersoon`,
 * `...Gemeente`, ...). Only the dates of the themes of the flags delivered go along.
 */
const THEME_OF_FLAG: Readonly<Record<string, readonly string[]>> = {
  burgerservicenummer: ['datumIngangOnderzoekPersoon'],
  geslacht: ['datumIngangOnderzoekPersoon'],
  leeftijd: ['datumIngangOnderzoekPersoon'],
  gemeenteVanInschrijving: ['datumIngangOnderzoekGemeente'],
  datumInschrijvingInGemeente: ['datumIngangOnderzoekGemeente'],
  indicatieCurateleRegister: ['datumIngangOnderzoekGezag'],
  indicatieGezagMinderjarige: ['datumIngangOnderzoekGezag'],
  adresregel1: ['datumIngangOnderzoekVerblijfplaats'],
  adresregel2: ['datumIngangOnderzoekVerblijfplaats'],
  adresregel3: ['datumIngangOnderzoekVerblijfplaats'],
  land: ['datumIngangOnderzoekVerblijfplaats'],
  aanhef: ['datumIngangOnderzoekPersoon', 'datumIngangOnderzoekPartner'],
  aanschrijfwijze: ['datumIngangOnderzoekPersoon', 'datumIngangOnderzoekPartner'],
  gebruikInLopendeTekst: ['datumIngangOnderzoekPersoon', 'datumIngangOnderzoekPartner'],
};

function onderzoekDateWanted(key: string, flags: readonly string[]): boolean {
  return key === PLAIN_ONDERZOEK_DATE || flags.some((flag) => THEME_OF_FLAG[flag]?.includes(key));
}

/**
 * Members the contract requires of an object, by the object's path (array items share the path
 * of their array): delivered with the object whatever was selected in it, so that a narrow
 * selection still gives a valid object. The `type` of a polymorphic object is handled apart.
 */
const REQUIRED_MEMBERS: Readonly<Record<string, readonly string[]>> = {
  gezag: ['minderjarige', 'toelichting'],
  'gezag.minderjarige': ['burgerservicenummer'],
  'gezag.ouders': ['naam'],
  'gezag.ouder': ['naam'],
};

/**
 * Cuts `source` down to `selection` (see {@link applyFields}). `path` is the member path of
 * `source` without array indices; `inArray` tells an array item from a single object.
 */
function pick(source: Json, selection: Selection, path = '', inArray = false): Json | undefined {
  if (Array.isArray(source)) return source.map((item) => pick(item, selection, path, true) ?? {});
  if (!isJsonObject(source)) return undefined;
  const picked: JsonObject = {};
  for (const [member, sub] of selection) {
    const value = source[member];
    if (value === undefined) continue;
    const result = sub === true ? value : pick(value, sub, path === '' ? member : `${path}.${member}`);
    if (result !== undefined) picked[member] = result;
  }
  const type = typeof source['type'] === 'string' ? source['type'] : undefined;
  // "Een gevraagd veld zonder waarde wordt niet geleverd": a group without any asked value is
  // left out, but an item of a list stays (as `{}`, with what the contract requires of it).
  if (Object.keys(picked).length === 0 && !inArray) return undefined;
  for (const member of REQUIRED_MEMBERS[path] ?? []) {
    const value = source[member];
    if (value !== undefined && picked[member] === undefined) picked[member] = value;
  }
  const markers = source['inOnderzoek'];
  if (isJsonObject(markers)) {
    const flags = Object.keys(markers).filter((key) => markers[key] === true && selection.has(key));
    if (flags.length > 0) {
      const inOnderzoek: JsonObject = {};
      for (const key of Object.keys(markers)) {
        const value = markers[key];
        if (value === undefined) continue;
        if (flags.includes(key) || (isOnderzoekDate(key) && onderzoekDateWanted(key, flags))) inOnderzoek[key] = value;
      }
      picked['inOnderzoek'] = inOnderzoek;
    }
  }
  // A discriminated object is meaningless without its discriminator.
  if (type !== undefined && picked['type'] === undefined) return { type, ...picked };
  return picked;
}

function woontInNederland(persoon: JsonObject): boolean {
  const verblijfplaats = persoon['verblijfplaats'];
  return isJsonObject(verblijfplaats) && (verblijfplaats['type'] === 'Adres' || verblijfplaats['type'] === 'Locatie');
}

/**
 * Cuts a full v2 `Persoon` down to the requested fields, plus what the API always delivers when
 * present (geheimhouding, opschorting, rni, verificatie). A group of which no asked member has a
 * value is left out (`fields.feature`: "Een gevraagd veld zonder waarde wordt niet geleverd");
 * an item of a list is kept, empty (`ouders.feature`).
 */
export function applyFields(persoon: JsonObject, fields: readonly ResolvedField[]): JsonObject {
  const binnenland = woontInNederland(persoon);
  const selection = buildSelection(fields.filter((f) => binnenland || !f.binnenlandOnly).map((f) => f.path));
  const picked = pick(persoon, selection);
  const result: JsonObject = isJsonObject(picked) ? picked : {};
  for (const member of AUTOMATISCH_GELEVERD) {
    const value = persoon[member];
    if (value !== undefined) result[member] = value;
  }
  return result;
}
