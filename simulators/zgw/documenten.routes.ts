import express, { type Router } from 'express';
import { isUuid } from '../shared/ids.js';
import { queryString, registerCollection } from './collection.js';
import type { ZgwContext } from './context.js';
import { invalidParam } from './errors.js';
import { zgwPaginate } from './paging.js';
import { applySimpleFilters, queryParams } from './params.js';
import { renderInformatieObject, renderObjectInformatieObject, uuidFromUrl } from './render.js';

const API_VERSION = '1.4.2';

/**
 * A read-only Documenten API 1.4.2 (mounted under `/documenten/api/v1`, behind authentication):
 * the informatieobjecten of the seeded zaken, their content, and the object links. Writing
 * (POST, PUT, PATCH, DELETE, lock/unlock) answers 405: this simulator only serves what a portal
 * reads.
 */
export function documentenRouter(context: ZgwContext): Router {
  const router = express.Router();
  const { store } = context;
  router.use((_req, res, next) => {
    res.set('API-version', API_VERSION);
    next();
  });

  // `_zoek` before the `/{uuid}` routes; its filter is a list of UUIDs in the body.
  router.post('/enkelvoudiginformatieobjecten/_zoek', (req, res) => {
    if (!req.is('application/json')) {
      context.respond(req, res, 415, { detail: 'Gebruik Content-Type application/json.' });
      return;
    }
    const body = (req.body ?? {}) as Record<string, unknown>;
    // The 1.4.2 contract spells the member `uuid_In` (camelCase of `uuid__in`); accept both.
    const list = body['uuid_In'] ?? body['uuid__in'];
    if (!Array.isArray(list) || !list.every((v): v is string => typeof v === 'string' && isUuid(v))) {
      context.respond(req, res, 400, {
        invalidParams: [
          invalidParam(
            'uuid_In',
            list === undefined ? 'required' : 'invalid',
            list === undefined ? 'Dit veld is vereist.' : 'Geef een lijst van geldige UUIDs.',
          ),
        ],
      });
      return;
    }
    const wanted = new Set(list.map((v) => v.toLowerCase()));
    const urls = context.urls(req);
    const page = zgwPaginate(
      req,
      urls.base,
      store.informatieobjecten.filter((d) => wanted.has(d.uuid)),
      (d) => renderInformatieObject(d, urls),
      { page: queryString(req, 'page') },
    );
    if (!page) context.respond(req, res, 404, { detail: 'Ongeldige pagina.' });
    else res.json(page);
  });

  router.get('/enkelvoudiginformatieobjecten/:uuid/download', (req, res) => {
    const document = store.informatieobject(String(req.params['uuid']));
    const versie = queryString(req, 'versie');
    if (!document || (versie !== undefined && versie !== '1')) {
      context.respond(req, res, 404, { detail: 'Niet gevonden.' });
      return;
    }
    // Open Zaak sends the bytes as octet-stream; the media type is in the metadata (`formaat`).
    res
      .status(200)
      .type('application/octet-stream')
      .set('Content-Disposition', `attachment; filename="${document.bestandsnaam.replace(/"/g, '')}"`)
      .send(document.inhoud);
  });

  registerCollection(
    router,
    context,
    'enkelvoudiginformatieobjecten',
    () => store.informatieobjecten,
    renderInformatieObject,
    {
      identificatie: (d, value) => d.identificatie === value,
      bronorganisatie: (d, value) => d.bronorganisatie === value,
      // No seeded document has trefwoorden.
      trefwoorden: () => false,
      // Nothing of a document can be expanded here; the parameter is accepted as the API does.
      expand: () => true,
    },
  );

  // Not paginated in the contract: a plain JSON array.
  router.get('/objectinformatieobjecten', (req, res) => {
    const filtered = applySimpleFilters(store.zaakinformatieobjecten, queryParams(req), {
      object: (zio, value) => uuidFromUrl(value, 'zaken') === zio.zaak,
      informatieobject: (zio, value) => uuidFromUrl(value, 'enkelvoudiginformatieobjecten') === zio.informatieobject,
      expand: () => true,
    });
    if (!filtered.ok) {
      context.respond(req, res, 400, { invalidParams: filtered.invalidParams });
      return;
    }
    const urls = context.urls(req);
    res.json(filtered.items.map((zio) => renderObjectInformatieObject(zio, urls)));
  });
  router.get('/objectinformatieobjecten/:uuid', (req, res) => {
    const zio = store.zaakinformatieobjecten.find((z) => z.uuid === req.params['uuid']);
    if (!zio) context.respond(req, res, 404, { detail: 'Niet gevonden.' });
    else res.json(renderObjectInformatieObject(zio, context.urls(req)));
  });

  router.use((req, res) => {
    if (req.method === 'GET' || req.method === 'HEAD') {
      context.respond(req, res, 404, { detail: `Geen resource op ${req.method} ${req.path}.` });
    } else {
      context.respond(req, res, 405, {
        detail: `Methode "${req.method}" niet toegestaan: deze simulator is alleen-lezen.`,
      });
    }
  });
  return router;
}
