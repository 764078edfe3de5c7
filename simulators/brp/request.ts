import type { InvalidParam } from '../shared/problem.js';
import { checkField, FIELD_PATTERN, type ResolvedField } from './fields.js';

/** The BRP API accepts at most 20 BSNs per request. */
export const MAX_BSNS = 20;
const MAX_FIELDS = 130;
const BSN_PATTERN = /^[0-9]{9}$/;
const GEMEENTE_PATTERN = /^[0-9]{4}$/;

const SEARCH_TYPES = [
  'RaadpleegMetBurgerservicenummer',
  'ZoekMetGeslachtsnaamEnGeboortedatum',
  'ZoekMetNaamEnGemeenteVanInschrijving',
  'ZoekMetPostcodeEnHuisnummer',
  'ZoekMetStraatHuisnummerEnGemeenteVanInschrijving',
  'ZoekMetNummeraanduidingIdentificatie',
  'ZoekMetAdresseerbaarObjectIdentificatie',
];
const RAADPLEEG_PARAMS = new Set(['type', 'burgerservicenummer', 'fields', 'gemeenteVanInschrijving']);

/** A valid `RaadpleegMetBurgerservicenummer` query. */
export interface RaadpleegQuery {
  burgerservicenummers: string[];
  fields: ResolvedField[];
  gemeenteVanInschrijving?: string;
}

export type ParsedQuery =
  { ok: true; query: RaadpleegQuery } | { ok: false; invalidParams: InvalidParam[]; detail?: string };

const invalid = (name: string, code: string, reason: string): InvalidParam => ({ name, code, reason });

/** Checks an array parameter's presence, type and size, as the API words each failure. */
function checkArray(name: string, value: unknown, max: number, problems: InvalidParam[]): value is unknown[] {
  if (value === undefined) {
    problems.push(invalid(name, 'required', 'Parameter is verplicht.'));
    return false;
  }
  if (!Array.isArray(value)) {
    problems.push(invalid(name, 'array', 'Parameter is geen array.'));
    return false;
  }
  if (value.length === 0) problems.push(invalid(name, 'minItems', 'Array bevat minder dan 1 items.'));
  else if (value.length > max) problems.push(invalid(name, 'maxItems', `Array bevat meer dan ${max} items.`));
  else return true;
  return false;
}

function checkFields(value: unknown, problems: InvalidParam[]): ResolvedField[] {
  if (!checkArray('fields', value, MAX_FIELDS, problems)) return [];
  const resolved: ResolvedField[] = [];
  value.forEach((field, index) => {
    const name = `fields[${index}]`;
    if (typeof field !== 'string' || !FIELD_PATTERN.test(field)) {
      problems.push(invalid(name, 'pattern', `Waarde voldoet niet aan patroon ${FIELD_PATTERN.source}.`));
      return;
    }
    const check = checkField(field);
    if (check.ok) resolved.push(check.field);
    else if (check.reason === 'niet-toegestaan')
      problems.push(invalid(name, 'fields', 'Parameter bevat een niet toegestane veldnaam.'));
    else problems.push(invalid(name, 'fields', 'Parameter bevat een niet bestaande veldnaam.'));
  });
  return resolved;
}

/**
 * A missing required parameter makes the API answer with another title and code than an invalid
 * one (features `raadpleeg-met-burgerservicenummer/fout-cases.feature`, `fields-fout-cases.feature`).
 */
export function isMissingCombination(invalidParams: readonly InvalidParam[]): boolean {
  return invalidParams.some((p) => p.code === 'required');
}

/**
 * Validates a `POST /personen` body the way the BRP API does: every problem is reported once,
 * in `invalidParams`, named by parameter (and index for array items).
 */
export function parsePersonenQuery(body: unknown): ParsedQuery {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, invalidParams: [invalid('type', 'required', 'Parameter is verplicht.')] };
  }
  const params = body as Record<string, unknown>;
  const type = params['type'];
  if (type === undefined) return { ok: false, invalidParams: [invalid('type', 'required', 'Parameter is verplicht.')] };
  if (typeof type !== 'string' || !SEARCH_TYPES.includes(type)) {
    return { ok: false, invalidParams: [invalid('type', 'value', 'Waarde is geen geldige zoek type.')] };
  }
  if (type !== 'RaadpleegMetBurgerservicenummer') {
    return {
      ok: false,
      invalidParams: [invalid('type', 'value', 'Zoektype wordt niet ondersteund door de simulator.')],
      detail: 'De simulator ondersteunt alleen RaadpleegMetBurgerservicenummer.',
    };
  }

  const problems: InvalidParam[] = [];
  const bsns = params['burgerservicenummer'];
  if (checkArray('burgerservicenummer', bsns, MAX_BSNS, problems)) {
    bsns.forEach((bsn, index) => {
      if (typeof bsn !== 'string' || !BSN_PATTERN.test(bsn)) {
        problems.push(
          invalid(`burgerservicenummer[${index}]`, 'pattern', `Waarde voldoet niet aan patroon ${BSN_PATTERN.source}.`),
        );
      }
    });
  }
  const fields = checkFields(params['fields'], problems);
  const gemeente = params['gemeenteVanInschrijving'];
  if (gemeente !== undefined && (typeof gemeente !== 'string' || !GEMEENTE_PATTERN.test(gemeente))) {
    problems.push(
      invalid('gemeenteVanInschrijving', 'pattern', `Waarde voldoet niet aan patroon ${GEMEENTE_PATTERN.source}.`),
    );
  }
  for (const name of Object.keys(params)) {
    if (!RAADPLEEG_PARAMS.has(name)) problems.push(invalid(name, 'unknownParam', 'Parameter is niet verwacht.'));
  }
  if (problems.length > 0) return { ok: false, invalidParams: problems };
  return {
    ok: true,
    query: {
      burgerservicenummers: [...new Set(bsns as string[])],
      fields,
      ...(typeof gemeente === 'string' ? { gemeenteVanInschrijving: gemeente } : {}),
    },
  };
}
