import type { RequestHandler } from 'express';
import { timingSafeEqual } from 'node:crypto';
import type { ErrorResponder } from '../shared/problem.js';
import { createSimulatorApp, type Clock, type CommonSimulatorOptions, type Simulator } from '../shared/simulator.js';
import { BERICHTENBOX_ROOT, berichtenboxRouter } from './berichtenbox.routes.js';
import { respondMijnOverheidError } from './errors.js';
import { LOPENDEZAKEN_ROOT, lopendeZakenRouter } from './lopendezaken.routes.js';
import { requireOntvanger } from './ontvanger.js';
import { BERICHTEN, LOPENDE_ZAKEN, type BerichtSeed, type LopendeZaakSeed } from './seed.js';

export interface MijnOverheidSimulatorOptions extends CommonSimulatorOptions {
  /** When set, requests must carry `Authorization: Bearer <bearerToken>` (else 401). */
  bearerToken?: string;
  /** Replace the seeded berichten / lopende zaken (tests). */
  berichten?: readonly BerichtSeed[];
  lopendeZaken?: readonly LopendeZaakSeed[];
  /** Time source for publication filtering and `gewijzigdOp`. */
  now?: Clock;
}

function requireBearer(token: string, respond: ErrorResponder): RequestHandler {
  const expected = Buffer.from(`Bearer ${token}`);
  return (req, res, next) => {
    const given = Buffer.from(req.get('authorization') ?? '');
    if (given.length === expected.length && timingSafeEqual(given, expected)) next();
    else respond(req, res, 401, { detail: 'Geen of ongeldige authenticatie.' });
  };
}

/**
 * Simulates MijnOverheid for one portal: the Berichtenbox (`/berichtenbox/api/v1`, modelled on
 * the MinBZK FBS Berichtenmagazijn PoC) and Lopende Zaken (`/lopendezaken/api/v1/zaken`). The
 * recipient is always the `X-Ontvanger` header (`BSN:…`, `KVK:…`). Real MijnOverheid runs over
 * Digikoppeling (mTLS); that is out of scope, an optional bearer token stands in for it.
 */
export function createMijnOverheidSimulator(options: MijnOverheidSimulatorOptions = {}): Simulator {
  const respond = respondMijnOverheidError;
  const now = options.now ?? (() => new Date());
  const guards: RequestHandler[] = [
    ...(options.bearerToken !== undefined ? [requireBearer(options.bearerToken, respond)] : []),
    requireOntvanger(respond),
    (_req, res, next) => {
      res.set('API-Version', '0.2.0');
      next();
    },
  ];
  return createSimulatorApp({
    name: 'mijnoverheid',
    faults: options.faults,
    respondError: respond,
    routes: (app) => {
      app.use(BERICHTENBOX_ROOT, ...guards, berichtenboxRouter(options.berichten ?? BERICHTEN, respond, now));
      app.use(LOPENDEZAKEN_ROOT, ...guards, lopendeZakenRouter(options.lopendeZaken ?? LOPENDE_ZAKEN, respond));
    },
  });
}
