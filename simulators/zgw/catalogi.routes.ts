import express, { type Router } from 'express';
import { registerCollection } from './collection.js';
import type { ZgwContext } from './context.js';
import {
  renderCatalogus,
  renderResultaattype,
  renderRoltype,
  renderStatustype,
  renderZaaktype,
  uuidFromUrl,
} from './render.js';

const API_VERSION = '1.3.1';

/** Seeded types are all published (`concept: false`), so `status=concept` finds nothing. */
const publicatieStatus = (value: string): boolean => value === 'alles' || value === 'definitief';

const ofZaaktype = (item: { zaaktype: string }, value: string): boolean =>
  item.zaaktype === uuidFromUrl(value, 'zaaktypen');

/** The Catalogi API routes (mounted under `/catalogi/api/v1`, behind authentication); read-only. */
export function catalogiRouter(context: ZgwContext): Router {
  const router = express.Router();
  const { store } = context;
  const identificatieOf = (item: { zaaktype: string }): string | undefined =>
    store.zaaktype(item.zaaktype)?.identificatie;
  router.use((_req, res, next) => {
    res.set('API-version', API_VERSION);
    next();
  });

  registerCollection(
    router,
    context,
    'catalogussen',
    () => [store.catalogus],
    (c, urls) => renderCatalogus(store, c, urls),
    {
      domein: (c, value) => c.domein === value,
      rsin: (c, value) => c.rsin === value,
    },
  );
  registerCollection(
    router,
    context,
    'zaaktypen',
    () => store.zaaktypen,
    (z, urls) => renderZaaktype(store, z, urls),
    {
      catalogus: (_z, value) => uuidFromUrl(value, 'catalogussen') === store.catalogus.uuid,
      identificatie: (z, value) => z.identificatie === value,
      status: (_z, value) => publicatieStatus(value),
      trefwoorden: () => false,
    },
  );
  registerCollection(
    router,
    context,
    'statustypen',
    () => store.zaaktypen.flatMap((z) => z.statustypen),
    (s, urls) => renderStatustype(store, s, urls),
    {
      zaaktype: ofZaaktype,
      zaaktypeIdentificatie: (s, value) => identificatieOf(s) === value,
      status: (_s, value) => publicatieStatus(value),
    },
  );
  registerCollection(
    router,
    context,
    'resultaattypen',
    () => store.zaaktypen.flatMap((z) => z.resultaattypen),
    (r, urls) => renderResultaattype(store, r, urls),
    {
      zaaktype: ofZaaktype,
      zaaktypeIdentificatie: (r, value) => identificatieOf(r) === value,
      status: (_r, value) => publicatieStatus(value),
    },
  );
  registerCollection(
    router,
    context,
    'roltypen',
    () => store.zaaktypen.flatMap((z) => z.roltypen),
    (r, urls) => renderRoltype(store, r, urls),
    {
      zaaktype: ofZaaktype,
      omschrijvingGeneriek: (r, value) => r.omschrijvingGeneriek === value,
      status: (_r, value) => publicatieStatus(value),
    },
  );
  return router;
}
