import {
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLType,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import { BRP_MAX_FIELDS } from '../upstream/brp-client.js';

/**
 * From a GraphQL selection to the BRP `fields` list (docs/architecture.md §2.6: ask only for what was
 * selected). Every field of every type under `Persoonsgegevens` has a rule here; a test fails when
 * the schema gains a field without one.
 *
 * Why the whole operation, not the resolver's own selection: one GraphQL request may select
 * `persoonsgegevens` more than once (aliases, fragments, `_entities`), and the BRP must be asked
 * exactly once, for the union of all of it. Computing the list from the operation in the first
 * resolver that runs gives every resolver of the request the same list, so the per-request
 * loader sends one call and serves the others from its cache, however the executor schedules them.
 */

/** The field needs no BRP data at all (static text, the overlap map). */
const STATISCH = { regel: 'statisch' } as const;
/** The field needs a BRP answer but no particular path (status, automatically delivered data). */
const ANTWOORD = { regel: 'antwoord' } as const;
/** Every path of the type the field belongs to: `inOnderzoek` can only report on what was asked. */
const ALLES = { regel: 'alles' } as const;

type Regel =
  | typeof STATISCH
  | typeof ANTWOORD
  | typeof ALLES
  /** BRP paths relative to the type's prefix; a sub-selection (a date, a table value) is delivered whole. */
  | { readonly paden: readonly string[] }
  /** A nested GraphQL type whose paths start at `onder` below the current prefix. */
  | { readonly type: string; readonly onder?: string };

const NAAM_GERELATEERDE = {
  volledigeNaam: { paden: ['voornamen', 'adellijkeTitelPredicaat', 'voorvoegsel', 'geslachtsnaam'] },
  voornamen: { paden: ['voornamen'] },
  voorletters: { paden: ['voorletters'] },
  voorvoegsel: { paden: ['voorvoegsel'] },
  geslachtsnaam: { paden: ['geslachtsnaam'] },
  adellijkeTitel: { paden: ['adellijkeTitelPredicaat'] },
} as const;

const BURGERLIJKE_STAAT_PADEN = {
  paden: ['soortVerbintenis', 'aangaanHuwelijkPartnerschap.datum', 'ontbindingHuwelijkPartnerschap.datum'],
} as const;

/** Per GraphQL type, per field: which BRP paths it needs. */
export const BRP_REGELS: Readonly<Record<string, Readonly<Record<string, Regel>>>> = {
  Persoonsgegevens: {
    bron: ANTWOORD,
    portaal: STATISCH,
    wijzigen: STATISCH,
    // Delivered automatically when set; asking for it is an error.
    geheimhouding: ANTWOORD,
    naam: { type: 'Naam', onder: 'naam' },
    adressering: { type: 'Adressering', onder: 'adressering' },
    geboorte: { type: 'Geboorte' },
    verblijfplaats: { type: 'Verblijfplaats', onder: 'verblijfplaats' },
    burgerlijkeStaat: { type: 'BurgerlijkeStaat', onder: 'partners' },
    partners: { type: 'Partner', onder: 'partners' },
    kinderen: { type: 'Kind', onder: 'kinderen' },
    ouders: { type: 'Ouder', onder: 'ouders' },
    nationaliteiten: { type: 'Nationaliteit', onder: 'nationaliteiten' },
    gemeenteVanInschrijving: { type: 'GemeenteVanInschrijving' },
    overlijden: { type: 'Overlijden', onder: 'overlijden' },
  },
  Naam: {
    volledigeNaam: { paden: ['volledigeNaam'] },
    voornamen: { paden: ['voornamen'] },
    voorletters: { paden: ['voorletters'] },
    voorvoegsel: { paden: ['voorvoegsel'] },
    geslachtsnaam: { paden: ['geslachtsnaam'] },
    adellijkeTitel: { paden: ['adellijkeTitelPredicaat'] },
    inOnderzoek: ALLES,
  },
  Adressering: {
    adresregel1: { paden: ['adresregel1'] },
    adresregel2: { paden: ['adresregel2'] },
    adresregel3: { paden: ['adresregel3'] },
    land: { paden: ['land'] },
    aanhef: { paden: ['aanhef'] },
    aanschrijfwijze: { type: 'Aanschrijfwijze', onder: 'aanschrijfwijze' },
    gebruikInLopendeTekst: { paden: ['gebruikInLopendeTekst'] },
    inOnderzoek: ALLES,
  },
  Aanschrijfwijze: {
    naam: { paden: ['naam'] },
    aanspreekvorm: { paden: ['aanspreekvorm'] },
  },
  Geboorte: {
    datum: { paden: ['geboorte.datum'] },
    plaats: { paden: ['geboorte.plaats'] },
    land: { paden: ['geboorte.land'] },
    leeftijd: { paden: ['leeftijd'] },
    inOnderzoek: ALLES,
  },
  Verblijfplaats: {
    soort: { paden: ['type'] },
    // The official name is the full one; a non-BAG address has only the short one.
    straat: { paden: ['verblijfadres.officieleStraatnaam', 'verblijfadres.korteStraatnaam'] },
    huisnummer: { paden: ['verblijfadres.huisnummer'] },
    huisletter: { paden: ['verblijfadres.huisletter'] },
    huisnummertoevoeging: { paden: ['verblijfadres.huisnummertoevoeging'] },
    aanduidingBijHuisnummer: { paden: ['verblijfadres.aanduidingBijHuisnummer'] },
    postcode: { paden: ['verblijfadres.postcode'] },
    woonplaats: { paden: ['verblijfadres.woonplaats'] },
    locatiebeschrijving: { paden: ['verblijfadres.locatiebeschrijving'] },
    regels: { paden: ['verblijfadres.regel1', 'verblijfadres.regel2', 'verblijfadres.regel3'] },
    land: { paden: ['verblijfadres.land'] },
    sinds: { paden: ['datumVan'] },
    verblijftNietOpAdres: { paden: ['indicatieVastgesteldVerblijftNietOpAdres'] },
    inOnderzoek: ALLES,
  },
  // Derived from the partners: every member needs the same three paths.
  BurgerlijkeStaat: {
    soort: BURGERLIJKE_STAAT_PADEN,
    omschrijving: BURGERLIJKE_STAAT_PADEN,
    sinds: BURGERLIJKE_STAAT_PADEN,
    inOnderzoek: ALLES,
  },
  GerelateerdeNaam: NAAM_GERELATEERDE,
  Partner: {
    naam: { type: 'GerelateerdeNaam', onder: 'naam' },
    geboortedatum: { paden: ['geboorte.datum'] },
    soortVerbintenis: { paden: ['soortVerbintenis'] },
    aangegaanOp: { paden: ['aangaanHuwelijkPartnerschap.datum'] },
    ontbondenOp: { paden: ['ontbindingHuwelijkPartnerschap.datum'] },
    inOnderzoek: ALLES,
  },
  Kind: {
    naam: { type: 'GerelateerdeNaam', onder: 'naam' },
    geboortedatum: { paden: ['geboorte.datum'] },
    inOnderzoek: ALLES,
  },
  Ouder: {
    naam: { type: 'GerelateerdeNaam', onder: 'naam' },
    geboortedatum: { paden: ['geboorte.datum'] },
    inOnderzoek: ALLES,
  },
  Nationaliteit: {
    soort: { paden: ['type'] },
    // Without a known nationality the `type` says what applies (staatloos, onbekend, ...).
    omschrijving: { paden: ['type', 'nationaliteit'] },
    sinds: { paden: ['datumIngangGeldigheid'] },
    inOnderzoek: ALLES,
  },
  GemeenteVanInschrijving: {
    code: { paden: ['gemeenteVanInschrijving'] },
    naam: { paden: ['gemeenteVanInschrijving'] },
    ingeschrevenSinds: { paden: ['datumInschrijvingInGemeente'] },
    inOnderzoek: ALLES,
  },
  Overlijden: {
    datum: { paden: ['datum'] },
    plaats: { paden: ['plaats'] },
    land: { paden: ['land'] },
    inOnderzoek: ALLES,
  },
};

/** What the BRP must be asked for one GraphQL request. */
export interface BrpVraag {
  /** False when only static fields (portaal, wijzigen) were selected: then the BRP is not called. */
  nodig: boolean;
  /** Sorted, without duplicates and without paths inside another path of the list. */
  fields: string[];
}

/** The parts of a `GraphQLResolveInfo` the computation reads (a test builds them from a document). */
export interface Uitvoering {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  variableValues: Readonly<Record<string, unknown>>;
}

/**
 * The minimal path to ask when a BRP answer is needed but no data (only `bron` or `geheimhouding`
 * was selected): the BSN the subgraph already has, so the BRP hands out nothing new.
 */
export const MINIMAAL_VELD = 'burgerservicenummer';

const join = (prefix: string, path: string): string =>
  prefix === '' ? path : path === '' ? prefix : `${prefix}.${path}`;

function included(node: SelectionNode, variables: Readonly<Record<string, unknown>>): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.['if'] === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.['if'] !== false;
}

/** The selected fields of a selection, by field name (aliases merged), fragments flattened. */
function fieldsOf(sets: readonly SelectionSetNode[], run: Uitvoering): Map<string, FieldNode[]> {
  const byName = new Map<string, FieldNode[]>();
  const visit = (set: SelectionSetNode): void => {
    for (const selection of set.selections) {
      if (!included(selection, run.variableValues)) continue;
      if (selection.kind === Kind.FIELD) {
        const nodes = byName.get(selection.name.value) ?? [];
        nodes.push(selection);
        byName.set(selection.name.value, nodes);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        // Below Persoonsgegevens every type is an object type: a valid fragment always applies.
        visit(selection.selectionSet);
      } else {
        const fragment = run.fragments[selection.name.value];
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  sets.forEach(visit);
  return byName;
}

function regelsOf(type: string): Readonly<Record<string, Regel>> {
  const regels = BRP_REGELS[type];
  if (!regels) throw new Error(`no BRP rules for GraphQL type ${type}`);
  return regels;
}

/** Every path of a type, as if all its fields were selected. */
function allPaths(type: string, prefix: string, into: Set<string>): void {
  for (const regel of Object.values(regelsOf(type))) {
    if ('paden' in regel) for (const path of regel.paden) into.add(join(prefix, path));
    else if ('type' in regel) allPaths(regel.type, join(prefix, regel.onder ?? ''), into);
  }
}

function pathsOf(type: string, prefix: string, sets: readonly SelectionSetNode[], run: Uitvoering): Set<string> {
  const regels = regelsOf(type);
  const paths = new Set<string>();
  for (const [name, nodes] of fieldsOf(sets, run)) {
    if (name === '__typename') continue;
    const regel = regels[name];
    if (!regel) throw new Error(`no BRP rule for ${type}.${name}`);
    if (regel === ALLES) allPaths(type, prefix, paths);
    else if ('paden' in regel) for (const path of regel.paden) paths.add(join(prefix, path));
    else if ('type' in regel) {
      const onder = join(prefix, regel.onder ?? '');
      const sub = pathsOf(
        regel.type,
        onder,
        nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : [])),
        run,
      );
      // Only `__typename` selected: whether the part exists is still a question for the BRP.
      if (sub.size === 0) allPaths(regel.type, onder, sub);
      sub.forEach((path) => paths.add(path));
    }
  }
  return paths;
}

/** Drops paths inside another path of the list (`naam` covers `naam.voornamen`), then sorts. */
function normalise(paths: Iterable<string>): string[] {
  const sorted = [...new Set(paths)].sort();
  return sorted.filter((path) => !sorted.some((other) => path.startsWith(`${other}.`)));
}

/**
 * The BRP accepts at most 130 paths. Should a selection ever exceed that, ask for the top-level
 * groups instead: a little more data, rather than a request the BRP refuses.
 */
function withinLimit(fields: string[]): string[] {
  if (fields.length <= BRP_MAX_FIELDS) return fields;
  return normalise(fields.map((path) => path.split('.')[0] as string));
}

/** The BRP paths for the given `Persoonsgegevens` selections (table-tested). */
export function brpVraagVoorSelecties(sets: readonly SelectionSetNode[], run: Uitvoering): BrpVraag {
  const selected = fieldsOf(sets, run);
  const nodig = [...selected.keys()].some(
    (name) => name !== '__typename' && regelsOf('Persoonsgegevens')[name] !== STATISCH,
  );
  if (!nodig) return { nodig: false, fields: [] };
  const fields = withinLimit(normalise(pathsOf('Persoonsgegevens', '', sets, run)));
  return { nodig: true, fields: fields.length > 0 ? fields : [MINIMAAL_VELD] };
}

/**
 * The fields of an object or interface type. Checked by shape, not with `isObjectType`: the
 * schema comes from `@apollo/subgraph`, which loads graphql's CommonJS build, while this module
 * gets the ESM build, and graphql's `instanceof` checks refuse types of the other build.
 */
function fieldsOfType(type: GraphQLNamedType | undefined): Record<string, { type: GraphQLType }> | undefined {
  if (type === undefined || !('getFields' in type) || typeof type.getFields !== 'function') return undefined;
  return type.getFields();
}

/** The named type under lists and non-nulls (by shape, see {@link fieldsOfType}). */
function namedType(type: GraphQLType): GraphQLNamedType {
  let current: GraphQLType = type;
  while ('ofType' in current && current.ofType) current = current.ofType;
  return current as GraphQLNamedType;
}

/**
 * Every selection of `Gebruiker.persoonsgegevens` in the operation, wherever it occurs: under
 * `me`, in `_entities`, behind aliases and fragments.
 */
export function persoonsgegevensSelecties(run: Uitvoering): SelectionSetNode[] {
  const found: SelectionSetNode[] = [];
  const visit = (set: SelectionSetNode, parent: GraphQLNamedType | undefined): void => {
    for (const selection of set.selections) {
      if (!included(selection, run.variableValues)) continue;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? run.schema.getType(selection.typeCondition.name.value) : parent;
        visit(selection.selectionSet, condition ?? undefined);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = run.fragments[selection.name.value];
        if (fragment) visit(fragment.selectionSet, run.schema.getType(fragment.typeCondition.name.value) ?? undefined);
      } else if (selection.selectionSet && parent) {
        if (parent.name === 'Gebruiker' && selection.name.value === 'persoonsgegevens') {
          found.push(selection.selectionSet);
          continue;
        }
        const field = fieldsOfType(parent)?.[selection.name.value];
        if (field) visit(selection.selectionSet, namedType(field.type));
      }
    }
  };
  const root = run.operation.operation === 'query' ? run.schema.getQueryType() : run.schema.getMutationType();
  visit(run.operation.selectionSet, root ?? undefined);
  return found;
}

/** What to ask the BRP for this request: the union of all `persoonsgegevens` selections. */
export function brpVraag(run: Uitvoering): BrpVraag {
  return brpVraagVoorSelecties(persoonsgegevensSelecties(run), run);
}
