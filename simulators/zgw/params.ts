import type { Request } from 'express';
import type { InvalidParam } from '../shared/problem.js';
import { invalidParam } from './errors.js';
import type { FilterParams } from './filters.js';

/** The query string as filter parameters (a repeated parameter keeps all values, the last wins). */
export function queryParams(req: Request): FilterParams {
  const params = new Map<string, string | readonly string[]>();
  for (const [name, value] of Object.entries(req.query)) {
    if (typeof value === 'string') params.set(name, value);
    else if (Array.isArray(value)) params.set(name, value.map(String));
  }
  return params;
}

/** A `_zoek` body as filter parameters: arrays stay lists, scalars become strings. */
export function bodyParams(body: unknown): FilterParams {
  const params = new Map<string, string | readonly string[]>();
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return params;
  for (const [name, value] of Object.entries(body)) {
    if (Array.isArray(value)) params.set(name, value.map(String));
    else if (value !== null && value !== undefined) params.set(name, String(value));
  }
  return params;
}

/** Exact-match filters of a small list endpoint (statussen, rollen, catalogi resources). */
export type SimpleFilters<T> = Readonly<Record<string, (item: T, value: string) => boolean>>;

/**
 * Applies `filters` to `items`; parameters that are neither a filter nor `page` make the request
 * invalid, as in every ZGW API.
 */
export function applySimpleFilters<T>(
  items: readonly T[],
  params: FilterParams,
  filters: SimpleFilters<T>,
): { ok: true; items: T[] } | { ok: false; invalidParams: InvalidParam[] } {
  const unknown = [...params.keys()].filter((name) => name !== 'page' && !Object.hasOwn(filters, name));
  if (unknown.length > 0) {
    return {
      ok: false,
      invalidParams: [
        invalidParam('nonFieldErrors', 'unknown-parameters', `Onbekende query parameters: ${unknown.join(', ')}`),
      ],
    };
  }
  const active = [...params].flatMap(([name, raw]) => {
    const test = filters[name];
    const value = typeof raw === 'string' ? raw : (raw.at(-1) ?? '');
    return name === 'page' || !test ? [] : [(item: T) => test(item, value)];
  });
  return { ok: true, items: items.filter((item) => active.every((test) => test(item))) };
}
