import type { Request } from 'express';
import type { InvalidParam } from '../shared/problem.js';
import { paginate } from '../shared/paging.js';

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

interface Link {
  href: string;
}

/** The FBS list envelope: 0-based `page`, totals and HAL-style `_links`. */
export interface FbsPage<T> {
  items: T[];
  page: number;
  pageSize: number;
  totalElements: number;
  totalPages: number;
  _links: { self: Link; first: Link; last: Link; prev?: Link; next?: Link };
}

export type PageRequest = { ok: true; page: number; pageSize: number } | { ok: false; invalidParams: InvalidParam[] };

function integerParam(
  req: Request,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: InvalidParam[],
): number {
  const raw = req.query[name];
  if (raw === undefined) return fallback;
  const value = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push({ name, code: 'range', reason: `Waarde moet een geheel getal van ${min} tot en met ${max} zijn.` });
  }
  return value;
}

/** Reads `page` (0-based) and `pageSize` (1..100, default 20) from the query string. */
export function pageRequest(req: Request): PageRequest {
  const problems: InvalidParam[] = [];
  const page = integerParam(req, 'page', 0, 0, Number.MAX_SAFE_INTEGER, problems);
  const pageSize = integerParam(req, 'pageSize', DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE, problems);
  return problems.length > 0 ? { ok: false, invalidParams: problems } : { ok: true, page, pageSize };
}

/** One page of `items` with links relative to the request path (`uri-reference` in the contract). */
export function fbsPage<T>(req: Request, items: readonly T[], page: number, pageSize: number): FbsPage<T> {
  const { items: slice, totalElements, totalPages } = paginate(items, page, pageSize);
  const path = new URL(req.originalUrl, 'http://simulator').pathname;
  const link = (target: number): Link => ({ href: `${path}?page=${target}&pageSize=${pageSize}` });
  const last = Math.max(totalPages - 1, 0);
  return {
    items: slice,
    page,
    pageSize,
    totalElements,
    totalPages,
    _links: {
      self: link(page),
      first: link(0),
      last: link(last),
      ...(page > 0 ? { prev: link(Math.min(page - 1, last)) } : {}),
      ...(page < last ? { next: link(page + 1) } : {}),
    },
  };
}
