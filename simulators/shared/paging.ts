/** One page of a list, with the totals both paging styles (ZGW, FBS) report. */
export interface Page<T> {
  items: T[];
  totalElements: number;
  totalPages: number;
}

/**
 * Slices `items` into the page with zero-based index `pageIndex`. A page past the end is empty;
 * callers decide whether that is an error (ZGW answers 404, FBS an empty list).
 */
export function paginate<T>(items: readonly T[], pageIndex: number, pageSize: number): Page<T> {
  const start = pageIndex * pageSize;
  return {
    items: items.slice(start, start + pageSize),
    totalElements: items.length,
    totalPages: Math.ceil(items.length / pageSize),
  };
}
