import type { Request, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { createSimulatorApp, type Clock, type CommonSimulatorOptions, type Simulator } from '../shared/simulator.js';
import { loadTestPersons } from './data.js';
import { respondBrpError } from './errors.js';
import { applyFields } from './fields.js';
import type { RawPersoon } from './raw.js';
import { isMissingCombination, parsePersonenQuery } from './request.js';
import { toPersoon } from './transform.js';
import { createTokenIssuer, type BrpOAuthOptions, type TokenIssuer } from './oauth.js';

export interface BrpSimulatorOptions extends CommonSimulatorOptions {
  /** Test persons in the personen-mock input shape; defaults to RvIG's data set (`data/`). */
  persons?: readonly RawPersoon[];
  /** When set, every request must carry this value in the `X-API-KEY` header (else 401). */
  apiKey?: string;
  /**
   * When set, the simulator also serves an OAuth 2.0 token endpoint (`POST /oauth/token`, client
   * credentials) and every request must carry one of its tokens as `Authorization: Bearer` (else 401).
   */
  oauth?: BrpOAuthOptions;
  /** Time source for `leeftijd`; defaults to the system clock. */
  now?: Clock;
}

/** The BRP simulator; with `oauth`, its token issuer (to count tokens or revoke them in tests). */
export interface BrpSimulator extends Simulator {
  readonly oauth?: TokenIssuer;
}

/** Path of the one operation of the BRP API v2 (base path of the RvIG proefomgeving). */
export const BRP_PERSONEN_PATH = '/haalcentraal/api/brp/personen';

function sameSecret(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Simulates the Haal Centraal BRP Personen API v2: `POST /haalcentraal/api/brp/personen` with
 * `RaadpleegMetBurgerservicenummer` (1..20 BSNs, `fields` required, optional
 * `gemeenteVanInschrijving`), the API's 400/401/415 problem documents, and an empty `personen`
 * list (200) for unknown BSNs. Optionally it checks an `X-API-KEY` and/or OAuth bearer tokens from
 * its own token endpoint (client credentials).
 */
export function createBrpSimulator(options: BrpSimulatorOptions = {}): BrpSimulator {
  const persons = options.persons ?? loadTestPersons();
  const byBsn = new Map(persons.map((person) => [person.burgerservicenummer, person]));
  const now = options.now ?? (() => new Date());
  const lookup = (bsn: string): RawPersoon | undefined => byBsn.get(bsn);
  const issuer = options.oauth ? createTokenIssuer(options.oauth, now) : undefined;

  const personen = (req: Request, res: Response): void => {
    if (options.apiKey !== undefined && !sameSecret(req.get('x-api-key'), options.apiKey)) {
      respondBrpError(req, res, 401, { detail: 'De X-API-KEY header ontbreekt of is onjuist.' });
      return;
    }
    const bearer = req.get('authorization')?.match(/^Bearer (.+)$/)?.[1];
    if (issuer && !issuer.valid(bearer)) {
      respondBrpError(req, res, 401, { detail: 'Het access token ontbreekt, is verlopen of is ongeldig.' });
      return;
    }
    if (!req.is('application/json')) {
      respondBrpError(req, res, 415, { detail: 'Gebruik Content-Type application/json.' });
      return;
    }
    const parsed = parsePersonenQuery(req.body);
    if (!parsed.ok) {
      const names = parsed.invalidParams.map((p) => p.name).join(', ');
      respondBrpError(req, res, 400, {
        detail: parsed.detail ?? `De foutieve parameter(s) zijn: ${names}.`,
        invalidParams: parsed.invalidParams,
        ...(isMissingCombination(parsed.invalidParams)
          ? { title: 'Minimale combinatie van parameters moet worden opgegeven.', code: 'paramsCombination' }
          : {}),
      });
      return;
    }
    const { burgerservicenummers, fields, gemeenteVanInschrijving } = parsed.query;
    const moment = now();
    const found = burgerservicenummers
      .map(lookup)
      .filter((person): person is RawPersoon => person !== undefined)
      .filter((person) => !gemeenteVanInschrijving || person.gemeenteVanInschrijving?.code === gemeenteVanInschrijving)
      .map((person) => applyFields(toPersoon(person, { now: moment, lookup }), fields));
    res.json({ type: 'RaadpleegMetBurgerservicenummer', personen: found });
  };

  const simulator = createSimulatorApp({
    name: 'brp',
    faults: options.faults,
    respondError: respondBrpError,
    routes: (app) => {
      if (issuer) app.use(issuer.router);
      app.post(BRP_PERSONEN_PATH, personen);
      app.all(BRP_PERSONEN_PATH, (req, res) => respondBrpError(req, res, 405));
    },
  });
  return issuer ? Object.assign(simulator, { oauth: issuer }) : simulator;
}
