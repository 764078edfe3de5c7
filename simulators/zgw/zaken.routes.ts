import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { randomUUID } from 'node:crypto';
import type { InvalidParam } from '../shared/problem.js';
import type { ZgwContext } from './context.js';
import { invalidParam } from './errors.js';
import { parseZaakQuery, ROL_IDENTIFICATIE, selectZaken, type FilterParams } from './filters.js';
import { zgwPaginate } from './paging.js';
import { registerCollection, queryString } from './collection.js';
import { applySimpleFilters, bodyParams, queryParams, type SimpleFilters } from './params.js';
import {
  expandZaak,
  renderResultaat,
  renderRol,
  renderStatus,
  renderZaakInformatieObject,
  uuidFromUrl,
} from './render.js';
import type { ResultaatRecord, RolRecord, StatusRecord } from './store.js';

const API_VERSION = '1.5.1';
const CRS = 'EPSG:4326';

/**
 * Zaken API 1.5.1 requires `Accept-Crs` on every operation that returns zaken (they carry
 * `zaakgeometrie`): missing → 412, another CRS → 406. `_zoek` also needs `Content-Crs`.
 */
function requireCrs(context: ZgwContext, headers: readonly ('accept-crs' | 'content-crs')[]): RequestHandler {
  return (req, res, next) => {
    for (const header of headers) {
      const value = req.get(header);
      const name = header === 'accept-crs' ? 'Accept-Crs' : 'Content-Crs';
      if (value === undefined || value === '') {
        context.respond(req, res, 412, { detail: `'${name}' header ontbreekt` });
        return;
      }
      if (value !== CRS) {
        context.respond(req, res, 406, { detail: `CRS '${value}' is niet ondersteund` });
        return;
      }
    }
    res.set('Content-Crs', CRS);
    next();
  };
}

const notFound = (context: ZgwContext, req: Request, res: Response): void =>
  context.respond(req, res, 404, { detail: 'Niet gevonden.' });
const invalidPage = (context: ZgwContext, req: Request, res: Response): void =>
  context.respond(req, res, 404, { detail: 'Ongeldige pagina.' });
const badRequest = (context: ZgwContext, req: Request, res: Response, invalidParams: InvalidParam[]): void =>
  context.respond(req, res, 400, { invalidParams });

function zakenList(context: ZgwContext, req: Request, res: Response, params: FilterParams): void {
  const parsed = parseZaakQuery(params, { kvkFilters: context.kvkFilters });
  if (!parsed.ok) {
    badRequest(context, req, res, parsed.invalidParams);
    return;
  }
  const urls = context.urls(req);
  // Paging is always in the query string, also for `_zoek` (its filters are in the body).
  const page = zgwPaginate(
    req,
    urls.base,
    selectZaken(context.store, parsed.query),
    (zaak) => expandZaak(context.store, zaak, urls, parsed.query.expand),
    { page: queryString(req, 'page'), pageSize: queryString(req, 'pageSize') },
  );
  if (!page) invalidPage(context, req, res);
  else res.json(page);
}

const byUrl =
  (collection: string) =>
  (uuid: string, value: string): boolean =>
    uuidFromUrl(value, collection) === uuid;

const ROL_FILTERS: SimpleFilters<RolRecord> = {
  zaak: (rol, value) => byUrl('zaken')(rol.zaak, value),
  roltype: (rol, value) => byUrl('roltypen')(rol.roltype, value),
  betrokkeneType: (rol, value) => rol.betrokkeneType === value,
  omschrijving: (rol, value) => rol.omschrijving === value,
  omschrijvingGeneriek: (rol, value) => rol.omschrijvingGeneriek === value,
  betrokkene: () => false,
  ...Object.fromEntries(
    Object.entries(ROL_IDENTIFICATIE).map(([name, { type, field }]) => [
      name.replace(/^rol__/, ''),
      (rol: RolRecord, value: string) => rol.betrokkeneType === type && rol.betrokkeneIdentificatie[field] === value,
    ]),
  ),
};

interface StatusBody {
  zaak?: unknown;
  statustype?: unknown;
  datumStatusGezet?: unknown;
  statustoelichting?: unknown;
}

const REQUIRED = 'Dit veld is vereist.';
const NO_OBJECT = 'Ongeldige hyperlink - Object bestaat niet.';
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** `POST /statussen`: sets a status, closes the zaak on an eindstatus, and notifies. */
function createStatus(context: ZgwContext): RequestHandler {
  return (req, res) => {
    if (!req.is('application/json')) {
      context.respond(req, res, 415, { detail: 'Gebruik Content-Type application/json.' });
      return;
    }
    const body = (req.body ?? {}) as StatusBody;
    const problems: InvalidParam[] = [];
    const { store } = context;
    const zaak = typeof body.zaak === 'string' ? store.zaak(uuidFromUrl(body.zaak, 'zaken') ?? '') : undefined;
    if (body.zaak === undefined) problems.push(invalidParam('zaak', 'required', REQUIRED));
    else if (!zaak) problems.push(invalidParam('zaak', 'does_not_exist', NO_OBJECT));
    const statustype =
      typeof body.statustype === 'string'
        ? store.statustype(uuidFromUrl(body.statustype, 'statustypen') ?? '')
        : undefined;
    if (body.statustype === undefined) problems.push(invalidParam('statustype', 'required', REQUIRED));
    else if (!statustype) problems.push(invalidParam('statustype', 'does_not_exist', NO_OBJECT));
    const datum = body.datumStatusGezet;
    if (datum === undefined) problems.push(invalidParam('datumStatusGezet', 'required', REQUIRED));
    else if (typeof datum !== 'string' || !ISO_DATETIME.test(datum) || Number.isNaN(Date.parse(datum))) {
      problems.push(
        invalidParam(
          'datumStatusGezet',
          'invalid',
          'Datetime heeft een ongeldig formaat, gebruik 1 van de volgende formaten: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].',
        ),
      );
    }
    if (
      body.statustoelichting !== undefined &&
      (typeof body.statustoelichting !== 'string' || body.statustoelichting.length > 1000)
    ) {
      problems.push(invalidParam('statustoelichting', 'invalid', 'Geen geldige tekst van hoogstens 1000 tekens.'));
    }
    if (zaak && statustype && statustype.zaaktype !== zaak.zaaktype) {
      problems.push(
        invalidParam('nonFieldErrors', 'zaaktype-mismatch', 'De referentie hoort niet bij het zaaktype van de zaak.'),
      );
    }
    if (zaak && statustype?.isEindstatus && !store.resultaatVan(zaak.uuid)) {
      problems.push(
        invalidParam(
          'nonFieldErrors',
          'resultaat-does-not-exist',
          'Er moet een resultaat zijn voordat de zaak kan worden afgesloten.',
        ),
      );
    }
    if (problems.length > 0 || !zaak || !statustype || typeof datum !== 'string') {
      badRequest(context, req, res, problems);
      return;
    }

    const status: StatusRecord = {
      uuid: randomUUID(),
      zaak: zaak.uuid,
      statustype: statustype.uuid,
      datumStatusGezet: new Date(datum).toISOString(),
      statustoelichting: typeof body.statustoelichting === 'string' ? body.statustoelichting : '',
    };
    store.addStatus(status);
    const urls = context.urls(req);
    const rendered = renderStatus(store, status, urls);
    res.status(201).location(urls.status(status.uuid)).json(rendered);
    context.notify({
      kanaal: 'zaken',
      hoofdObject: urls.zaak(zaak.uuid),
      resource: 'status',
      resourceUrl: urls.status(status.uuid),
      actie: 'create',
      aanmaakdatum: context.now().toISOString(),
      kenmerken: {
        bronorganisatie: zaak.bronorganisatie,
        zaaktype: urls.zaaktype(zaak.zaaktype),
        vertrouwelijkheidaanduiding: zaak.vertrouwelijkheidaanduiding,
      },
    });
  };
}

/** `POST /resultaten`: records the outcome, so a zaak can then get its eindstatus. */
function createResultaat(context: ZgwContext): RequestHandler {
  return (req, res) => {
    const body = (req.body ?? {}) as { zaak?: unknown; resultaattype?: unknown; toelichting?: unknown };
    const { store } = context;
    const zaak = typeof body.zaak === 'string' ? store.zaak(uuidFromUrl(body.zaak, 'zaken') ?? '') : undefined;
    const resultaattype =
      typeof body.resultaattype === 'string'
        ? store.resultaattype(uuidFromUrl(body.resultaattype, 'resultaattypen') ?? '')
        : undefined;
    const problems: InvalidParam[] = [];
    if (!zaak)
      problems.push(
        invalidParam(
          'zaak',
          body.zaak === undefined ? 'required' : 'does_not_exist',
          body.zaak === undefined ? REQUIRED : NO_OBJECT,
        ),
      );
    if (!resultaattype) {
      problems.push(
        invalidParam(
          'resultaattype',
          body.resultaattype === undefined ? 'required' : 'does_not_exist',
          body.resultaattype === undefined ? REQUIRED : NO_OBJECT,
        ),
      );
    }
    if (zaak && store.resultaatVan(zaak.uuid))
      problems.push(invalidParam('zaak', 'unique', 'Deze zaak heeft al een resultaat.'));
    if (zaak && resultaattype && resultaattype.zaaktype !== zaak.zaaktype) {
      problems.push(
        invalidParam('nonFieldErrors', 'zaaktype-mismatch', 'De referentie hoort niet bij het zaaktype van de zaak.'),
      );
    }
    if (problems.length > 0 || !zaak || !resultaattype) {
      badRequest(context, req, res, problems);
      return;
    }
    const resultaat: ResultaatRecord = {
      uuid: randomUUID(),
      zaak: zaak.uuid,
      resultaattype: resultaattype.uuid,
      toelichting: typeof body.toelichting === 'string' ? body.toelichting : '',
    };
    store.addResultaat(resultaat);
    const urls = context.urls(req);
    res.status(201).location(urls.resultaat(resultaat.uuid)).json(renderResultaat(resultaat, urls));
  };
}

/** The Zaken API routes (mounted under `/zaken/api/v1`, behind authentication). */
export function zakenRouter(context: ZgwContext): Router {
  const router = express.Router();
  const { store } = context;
  router.use((_req, res, next) => {
    res.set('API-version', API_VERSION);
    next();
  });

  router.get('/zaken', requireCrs(context, ['accept-crs']), (req, res) =>
    zakenList(context, req, res, queryParams(req)),
  );
  router.post('/zaken/_zoek', requireCrs(context, ['accept-crs', 'content-crs']), (req, res) => {
    if (!req.is('application/json')) {
      context.respond(req, res, 415, { detail: 'Gebruik Content-Type application/json.' });
      return;
    }
    // Open Zaak takes `expand` both in the body (ZaakZoek) and as a query parameter.
    const params = new Map(bodyParams(req.body));
    const expand = [params.get('expand'), queryString(req, 'expand')].flat().filter((e) => e !== undefined);
    if (expand.length > 0) params.set('expand', expand.join(','));
    zakenList(context, req, res, params);
  });
  router.get('/zaken/:uuid', requireCrs(context, ['accept-crs']), (req, res) => {
    const zaak = store.zaak(String(req.params['uuid']));
    if (!zaak) {
      notFound(context, req, res);
      return;
    }
    const params = queryParams(req);
    const onlyExpand = new Map([...params].filter(([name]) => name === 'expand'));
    const unknown = [...params.keys()].filter((name) => name !== 'expand');
    const parsed = parseZaakQuery(onlyExpand);
    if (unknown.length > 0 || !parsed.ok) {
      badRequest(context, req, res, [
        ...(unknown.length > 0
          ? [invalidParam('nonFieldErrors', 'unknown-parameters', `Onbekende query parameters: ${unknown.join(', ')}`)]
          : []),
        ...(parsed.ok ? [] : parsed.invalidParams),
      ]);
      return;
    }
    res.json(expandZaak(store, zaak, context.urls(req), parsed.query.expand));
  });

  registerCollection(
    router,
    context,
    'statussen',
    () => store.statussen,
    (s, urls) => renderStatus(store, s, urls),
    {
      zaak: (s, value) => byUrl('zaken')(s.zaak, value),
      statustype: (s, value) => byUrl('statustypen')(s.statustype, value),
      indicatieLaatstGezetteStatus: (s, value) => (store.huidigeStatus(s.zaak)?.uuid === s.uuid) === (value === 'true'),
    },
  );
  router.post('/statussen', createStatus(context));
  registerCollection(router, context, 'rollen', () => store.rollen, renderRol, ROL_FILTERS);
  registerCollection(router, context, 'resultaten', () => store.resultaten, renderResultaat, {
    zaak: (r, value) => byUrl('zaken')(r.zaak, value),
    resultaattype: (r, value) => byUrl('resultaattypen')(r.resultaattype, value),
  });
  router.post('/resultaten', createResultaat(context));

  // Not paginated in the contract: a plain JSON array.
  router.get('/zaakinformatieobjecten', (req, res) => {
    const filtered = applySimpleFilters(store.zaakinformatieobjecten, queryParams(req), {
      zaak: (zio, value) => byUrl('zaken')(zio.zaak, value),
      informatieobject: (zio, value) => byUrl('enkelvoudiginformatieobjecten')(zio.informatieobject, value),
    });
    if (!filtered.ok) {
      badRequest(context, req, res, filtered.invalidParams);
      return;
    }
    const urls = context.urls(req);
    res.json(filtered.items.map((zio) => renderZaakInformatieObject(zio, urls)));
  });
  router.get('/zaakinformatieobjecten/:uuid', (req, res) => {
    const zio = store.zaakinformatieobjecten.find((z) => z.uuid === req.params['uuid']);
    if (!zio) notFound(context, req, res);
    else res.json(renderZaakInformatieObject(zio, context.urls(req)));
  });
  return router;
}
