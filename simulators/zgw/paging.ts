import type { Request } from 'express';
import { paginate } from '../shared/paging.js';

/** Open Zaak's page size when the client gives none, and the largest it accepts. */
const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 500;

/** A DRF page: `count`, absolute `next`/`previous` links, `results`. */
export interface ZgwPage {
  count: number;
  next: string | null;
  previous: string | null;
  results: unknown[];
}

/**
 * Pages `items` like Django REST framework's PageNumberPagination: `page` is 1-based and a page
 * that does not exist is `undefined` (the caller answers 404 "Ongeldige pagina."); an invalid
 * `pageSize` is ignored and a too large one capped, as DRF does.
 */
export function zgwPaginate<T>(
  req: Request,
  base: string,
  items: readonly T[],
  render: (item: T) => unknown,
  /** `pageSize` only where the API has it (Open Zaak's zaken lists). */
  params: { page?: string | undefined; pageSize?: string | undefined },
): ZgwPage | undefined {
  const page = params.page === undefined ? 1 : Number(params.page);
  if (!Number.isInteger(page) || page < 1) return undefined;
  const requested = params.pageSize === undefined ? Number.NaN : Number(params.pageSize);
  const pageSize =
    Number.isInteger(requested) && requested > 0 ? Math.min(requested, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  const { items: slice, totalPages } = paginate(items, page - 1, pageSize);
  if (page > Math.max(totalPages, 1)) return undefined;
  const link = (target: number): string => {
    const url = new URL(req.originalUrl, base);
    if (target === 1) url.searchParams.delete('page');
    else url.searchParams.set('page', String(target));
    return `${base}${url.pathname}${url.search}`;
  };
  return {
    count: items.length,
    next: page < totalPages ? link(page + 1) : null,
    previous: page > 1 ? link(page - 1) : null,
    results: slice.map(render),
  };
}
