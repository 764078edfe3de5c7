import express, { type Router } from 'express';
import type { ErrorResponder } from '../shared/problem.js';
import { ontvangerOf, parseOntvanger, sameOntvanger, type Ontvanger } from './ontvanger.js';
import { fbsPage, pageRequest } from './paging.js';
import type { LopendeZaakSeed } from './seed.js';

/** Mount point of the Lopende Zaken API. */
export const LOPENDEZAKEN_ROOT = '/lopendezaken/api/v1';

/**
 * Lopende Zaken as a per-recipient list. There is no public REST contract (the real service is
 * Digikoppeling); this keeps the FBS conventions: recipient in `X-Ontvanger`, FBS paging. Each
 * zaak carries the owner (`bronorganisatie`, `organisatie`), its status history oldest first,
 * and `url`, the dossier in the owner's own portal.
 */
export function lopendeZakenRouter(seeds: readonly LopendeZaakSeed[], respond: ErrorResponder): Router {
  const zaken = seeds.map((seed) => {
    const ontvanger = parseOntvanger(seed.ontvanger);
    if (!ontvanger) throw new Error(`lopende zaak ${seed.identificatie}: invalid ontvanger ${seed.ontvanger}`);
    const { ontvanger: _omitted, ...zaak } = seed;
    return { ontvanger, zaak: { ...zaak, einddatum: seed.einddatum ?? null } };
  });
  const router = express.Router();
  router.get('/zaken', (req, res) => {
    const paging = pageRequest(req);
    if (!paging.ok) {
      respond(req, res, 400, { detail: paging.invalidParams.map((p) => `${p.name}: ${p.reason}`).join(' ') });
      return;
    }
    const ontvanger: Ontvanger = ontvangerOf(req);
    const mine = zaken.filter((z) => sameOntvanger(z.ontvanger, ontvanger)).map((z) => z.zaak);
    const { items, ...page } = fbsPage(req, mine, paging.page, paging.pageSize);
    res.json({ zaken: items, ...page });
  });
  return router;
}
