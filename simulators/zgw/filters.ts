import type { InvalidParam } from '../shared/problem.js';
import { invalidParam } from './errors.js';
import { EXPAND_CHOICES, uuidFromUrl } from './render.js';
import type { RolRecord, ZaakRecord, ZgwStore } from './store.js';
import { BETROKKENE_TYPES, ROL_OMSCHRIJVING_GENERIEK, VERTROUWELIJKHEID, type BetrokkeneType } from './types.js';

/**
 * The zaak filters of `GET /zaken` and `POST /zaken/_zoek`, with Open Zaak's semantics:
 *
 * - every `rol__…` filter is matched against the zaak's rollen on its own, like Django's chained
 *   `.filter()` on a multi-valued relation: `rol__…__inpBsn=X&rol__omschrijvingGeneriek=initiator`
 *   also matches a zaak where X is belanghebbende and someone else initiator. Clients that need
 *   "X is initiator" must check the rollen themselves;
 * - an unknown parameter is refused (400 `unknown-parameters`), as vng-api-common does;
 * - values are validated like the Django form fields (choices, max length, dates, URLs).
 */

/** Parameter values after parsing: single strings, or lists for `__in` filters. */
export type FilterParams = ReadonlyMap<string, string | readonly string[]>;

type ZaakPredicate = (zaak: ZaakRecord, store: ZgwStore) => boolean;

export interface ZaakQuery {
  predicates: ZaakPredicate[];
  ordering: string[];
  expand: Set<string>;
}

export type ParsedZaakQuery = { ok: true; query: ZaakQuery } | { ok: false; invalidParams: InvalidParam[] };

/** Parameters that steer the response rather than filter: handled by the routes. */
const CONTROL_PARAMS = new Set(['page', 'pageSize']);

/**
 * The `betrokkeneIdentificatie` lookups of a rol, keyed by their `/zaken` filter name; `/rollen`
 * has the same filters without the `rol__` prefix.
 */
export const ROL_IDENTIFICATIE: Readonly<Record<string, { type: BetrokkeneType; field: string; maxLength?: number }>> =
  {
    rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn: {
      type: 'natuurlijk_persoon',
      field: 'inpBsn',
      maxLength: 9,
    },
    rol__betrokkeneIdentificatie__natuurlijkPersoon__anpIdentificatie: {
      type: 'natuurlijk_persoon',
      field: 'anpIdentificatie',
      maxLength: 17,
    },
    rol__betrokkeneIdentificatie__natuurlijkPersoon__inpA_nummer: {
      type: 'natuurlijk_persoon',
      field: 'inpA_nummer',
      maxLength: 10,
    },
    rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId: {
      type: 'niet_natuurlijk_persoon',
      field: 'innNnpId',
    },
    rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__annIdentificatie: {
      type: 'niet_natuurlijk_persoon',
      field: 'annIdentificatie',
      maxLength: 17,
    },
    rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__kvkNummer: {
      type: 'niet_natuurlijk_persoon',
      field: 'kvkNummer',
    },
    rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__vestigingsNummer: {
      type: 'niet_natuurlijk_persoon',
      field: 'vestigingsNummer',
    },
    rol__betrokkeneIdentificatie__vestiging__vestigingsNummer: {
      type: 'vestiging',
      field: 'vestigingsNummer',
      maxLength: 24,
    },
    rol__betrokkeneIdentificatie__vestiging__kvkNummer: { type: 'vestiging', field: 'kvkNummer' },
    rol__betrokkeneIdentificatie__medewerker__identificatie: {
      type: 'medewerker',
      field: 'identificatie',
      maxLength: 24,
    },
    rol__betrokkeneIdentificatie__organisatorischeEenheid__identificatie: {
      type: 'organisatorische_eenheid',
      field: 'identificatie',
    },
  };

const DATE_FIELDS = [
  'startdatum',
  'einddatum',
  'einddatumGepland',
  'registratiedatum',
  'uiterlijkeEinddatumAfdoening',
  'archiefactiedatum',
] as const;
type DateField = (typeof DATE_FIELDS)[number];

const ORDERING_FIELDS = [
  'startdatum',
  'einddatum',
  'registratiedatum',
  'identificatie',
  'publicatiedatum',
  'archiefactiedatum',
];

const reasons = {
  choice: (value: string) => `Selecteer een geldige keuze. ${value} is geen beschikbare keuze.`,
  maxLength: (max: number) => `Zorg ervoor dat dit veld niet meer dan ${max} karakters bevat.`,
  date: 'Voer een geldige datum in.',
  url: 'Voer een geldige URL in.',
  boolean: 'Kies een geldige waarde.',
};

function dateOf(zaak: ZaakRecord, field: DateField): string | null {
  return field === 'archiefactiedatum' ? null : zaak[field];
}

function listOf(value: string | readonly string[]): string[] {
  return typeof value === 'string' ? value.split(',').filter(Boolean) : [...value];
}

function single(value: string | readonly string[]): string {
  return typeof value === 'string' ? value : (value.at(-1) ?? '');
}

const someRol =
  (test: (rol: RolRecord) => boolean): ZaakPredicate =>
  (zaak, store) =>
    store.rollenVan(zaak.uuid).some(test);

/** Turns one parameter into a predicate, or reports why it is invalid / unknown. */
function predicateFor(
  name: string,
  raw: string | readonly string[],
  problems: InvalidParam[],
): ZaakPredicate | 'unknown' | undefined {
  const value = single(raw);
  const rolIdent = ROL_IDENTIFICATIE[name];
  if (rolIdent) {
    if (rolIdent.maxLength !== undefined && value.length > rolIdent.maxLength) {
      problems.push(invalidParam(name, 'max_length', reasons.maxLength(rolIdent.maxLength)));
      return undefined;
    }
    return someRol(
      (rol) => rol.betrokkeneType === rolIdent.type && rol.betrokkeneIdentificatie[rolIdent.field] === value,
    );
  }
  const choice = (choices: readonly string[]): boolean => {
    if (choices.includes(value)) return true;
    problems.push(invalidParam(name, 'invalid_choice', reasons.choice(value)));
    return false;
  };
  const url = (collection: string): string | undefined => {
    const uuid = uuidFromUrl(value, collection);
    if (!uuid) problems.push(invalidParam(name, 'invalid', reasons.url));
    return uuid;
  };

  switch (name) {
    case 'rol__betrokkeneType':
      return choice(BETROKKENE_TYPES) ? someRol((rol) => rol.betrokkeneType === value) : undefined;
    case 'rol__omschrijvingGeneriek':
      return choice(ROL_OMSCHRIJVING_GENERIEK) ? someRol((rol) => rol.omschrijvingGeneriek === value) : undefined;
    case 'rol__betrokkene':
      // Seeded rollen identify their betrokkene inline, never by URL.
      return () => false;
    case 'rol__machtiging':
    case 'rol__machtiging__loa':
    case 'kenmerk':
    case 'kenmerk__bron':
      // No seeded zaak has machtigingen or kenmerken.
      return () => false;
    case 'identificatie':
      return (zaak) => zaak.identificatie === value;
    case 'identificatie__icontains':
      return (zaak) => zaak.identificatie.toLowerCase().includes(value.toLowerCase());
    case 'omschrijving':
      return (zaak) => zaak.omschrijving === value;
    case 'bronorganisatie':
      return (zaak) => zaak.bronorganisatie === value;
    case 'bronorganisatie__in': {
      const values = listOf(raw);
      return (zaak) => values.includes(zaak.bronorganisatie);
    }
    case 'uuid__in': {
      const values = listOf(raw).map((v) => v.toLowerCase());
      return (zaak) => values.includes(zaak.uuid);
    }
    case 'zaaktype': {
      const uuid = url('zaaktypen');
      return uuid ? (zaak) => zaak.zaaktype === uuid : undefined;
    }
    case 'zaaktype__in': {
      const uuids = listOf(raw).map((v) => uuidFromUrl(v, 'zaaktypen'));
      return (zaak) => uuids.includes(zaak.zaaktype);
    }
    case 'zaaktype__omschrijving':
      return (zaak, store) => store.zaaktype(zaak.zaaktype)?.omschrijving === value;
    case 'status__statustype': {
      const uuid = url('statustypen');
      return uuid ? (zaak, store) => store.huidigeStatus(zaak.uuid)?.statustype === uuid : undefined;
    }
    case 'resultaat__resultaattype': {
      const uuid = url('resultaattypen');
      return uuid ? (zaak, store) => store.resultaatVan(zaak.uuid)?.resultaattype === uuid : undefined;
    }
    case 'maximaleVertrouwelijkheidaanduiding': {
      if (!choice(VERTROUWELIJKHEID)) return undefined;
      const max = VERTROUWELIJKHEID.indexOf(value as (typeof VERTROUWELIJKHEID)[number]);
      return (zaak) => VERTROUWELIJKHEID.indexOf(zaak.vertrouwelijkheidaanduiding) <= max;
    }
    case 'archiefnominatie':
      return choice(['blijvend_bewaren', 'vernietigen']) ? () => false : undefined;
    case 'archiefnominatie__in':
      return () => false;
    case 'archiefstatus':
      return choice(['nog_te_archiveren', 'gearchiveerd', 'gearchiveerd_procestermijn_onbekend', 'overgedragen'])
        ? () => value === 'nog_te_archiveren'
        : undefined;
    case 'archiefstatus__in':
      return () => listOf(raw).includes('nog_te_archiveren');
  }
  return datePredicate(name, value, problems);
}

function datePredicate(name: string, value: string, problems: InvalidParam[]): ZaakPredicate | 'unknown' | undefined {
  const match = /^([A-Za-z]+?)(?:__(gt|gte|lt|lte|isnull))?$/.exec(name);
  const field = DATE_FIELDS.find((f) => f === match?.[1]);
  if (!match || !field) return 'unknown';
  const op = match[2];
  if (op === 'isnull') {
    if (!['true', 'false', 'True', 'False', '1', '0'].includes(value)) {
      problems.push(invalidParam(name, 'invalid', reasons.boolean));
      return undefined;
    }
    const wantNull = value === 'true' || value === 'True' || value === '1';
    return (zaak) => (dateOf(zaak, field) === null) === wantNull;
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    problems.push(invalidParam(name, 'invalid', reasons.date));
    return undefined;
  }
  const compare = (date: string | null): boolean => {
    if (date === null) return false;
    switch (op) {
      case 'gt':
        return date > value;
      case 'gte':
        return date >= value;
      case 'lt':
        return date < value;
      case 'lte':
        return date <= value;
      default:
        return date === value;
    }
  };
  return (zaak) => compare(dateOf(zaak, field));
}

/** Open Zaak's additions to the standard 1.5.1 filters: organisations by KvK number. */
export const OPEN_ZAAK_KVK_FILTERS: ReadonlySet<string> = new Set([
  'rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__kvkNummer',
  'rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__vestigingsNummer',
  'rol__betrokkeneIdentificatie__vestiging__kvkNummer',
]);

/**
 * Parses zaak filters, `ordering` and `expand` (a comma list, or an array in `_zoek`). Without
 * `kvkFilters` the server behaves like a standard Zaken API 1.5.1: Open Zaak's KvK filters are
 * unknown parameters.
 */
export function parseZaakQuery(params: FilterParams, options: { kvkFilters?: boolean } = {}): ParsedZaakQuery {
  const kvkFilters = options.kvkFilters ?? true;
  const problems: InvalidParam[] = [];
  const unknown: string[] = [];
  const query: ZaakQuery = { predicates: [], ordering: [], expand: new Set() };
  for (const [name, raw] of params) {
    if (CONTROL_PARAMS.has(name)) continue;
    if (name === 'expand') {
      for (const item of listOf(raw).map((e) => e.trim())) {
        if ((EXPAND_CHOICES as readonly string[]).includes(item)) query.expand.add(item);
        else problems.push(invalidParam('expand', 'invalid_choice', reasons.choice(item)));
      }
      continue;
    }
    if (name === 'ordering') {
      for (const item of listOf(raw)) {
        if (ORDERING_FIELDS.includes(item.replace(/^-/, ''))) query.ordering.push(item);
        else problems.push(invalidParam('ordering', 'invalid_choice', reasons.choice(item)));
      }
      continue;
    }
    const predicate = !kvkFilters && OPEN_ZAAK_KVK_FILTERS.has(name) ? 'unknown' : predicateFor(name, raw, problems);
    if (predicate === 'unknown') unknown.push(name);
    else if (predicate) query.predicates.push(predicate);
  }
  if (unknown.length > 0) {
    problems.unshift(
      invalidParam('nonFieldErrors', 'unknown-parameters', `Onbekende query parameters: ${unknown.join(', ')}`),
    );
  }
  return problems.length > 0 ? { ok: false, invalidParams: problems } : { ok: true, query };
}

/** Applies a parsed query to the store's zaken, in the requested order (seed order otherwise). */
export function selectZaken(store: ZgwStore, query: ZaakQuery): ZaakRecord[] {
  const selected = store.zaken.filter((zaak) => query.predicates.every((p) => p(zaak, store)));
  for (const key of [...query.ordering].reverse()) {
    const descending = key.startsWith('-');
    const field = key.replace(/^-/, '') as keyof ZaakRecord;
    selected.sort((a, b) => {
      const result = String(a[field] ?? '').localeCompare(String(b[field] ?? ''));
      return descending ? -result : result;
    });
  }
  return selected;
}
