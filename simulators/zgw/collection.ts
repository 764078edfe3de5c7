import type { Request, Router } from 'express';
import type { ZgwContext } from './context.js';
import { zgwPaginate } from './paging.js';
import { applySimpleFilters, queryParams, type SimpleFilters } from './params.js';
import type { Urls } from './render.js';

/** A query string parameter that is given once. */
export function queryString(req: Request, name: string): string | undefined {
  const value = req.query[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Registers `GET /<path>` (filtered with `filters`, paged) and `GET /<path>/{uuid}` for a
 * collection of the simulated APIs (statussen, rollen, zaaktypen, …).
 */
export function registerCollection<T extends { uuid: string }>(
  router: Router,
  context: ZgwContext,
  path: string,
  items: () => readonly T[],
  render: (item: T, urls: Urls) => unknown,
  filters: SimpleFilters<T>,
): void {
  router.get(`/${path}`, (req, res) => {
    const filtered = applySimpleFilters(items(), queryParams(req), filters);
    if (!filtered.ok) {
      context.respond(req, res, 400, { invalidParams: filtered.invalidParams });
      return;
    }
    const urls = context.urls(req);
    const page = zgwPaginate(req, urls.base, filtered.items, (item) => render(item, urls), {
      page: queryString(req, 'page'),
    });
    if (!page) context.respond(req, res, 404, { detail: 'Ongeldige pagina.' });
    else res.json(page);
  });
  router.get(`/${path}/:uuid`, (req, res) => {
    const item = items().find((i) => i.uuid === req.params['uuid']);
    if (!item) context.respond(req, res, 404, { detail: 'Niet gevonden.' });
    else res.json(render(item, context.urls(req)));
  });
}
