import type { RequestHandler } from 'express';
import type { JWTPayload } from 'jose';
import { verifyHs256Bearer, type BearerFailure } from '../shared/bearer.js';
import type { ErrorResponder } from '../shared/problem.js';
import type { BaseUrl, Clock } from '../shared/simulator.js';
import { foutType } from './errors.js';

/** Open Zaak's default `JWT_EXPIRY`: a token's `iat` may be at most an hour old. */
const MAX_TOKEN_AGE_SECONDS = 3600;
/** Small allowance for clocks of client and server differing. */
const MAX_FUTURE_SKEW_SECONDS = 10;

const DETAIL: Readonly<Record<Exclude<BearerFailure, 'missing'>, string>> = {
  scheme: 'Gebruik het Authorization-schema "Bearer".',
  malformed: 'Het JWT kan niet worden gelezen of bevat geen client_id.',
  'unknown-issuer': 'Client identifier bestaat niet.',
  signature: 'De JWT-signature is ongeldig.',
  'iat-missing': "De JWT-claim 'iat' ontbreekt.",
  'iat-out-of-range': 'Het JWT is verlopen of nog niet geldig (iat).',
};

/** ZGW tokens name the application in `client_id`; older clients only set `iss`. */
const clientIdOf = (claims: JWTPayload): unknown => claims['client_id'] ?? claims.iss;

/**
 * ZGW authentication: `Authorization: Bearer <JWT>` signed HS256 with the client's secret, with
 * `client_id` (or `iss`) and `iat`. Like Open Zaak it answers 403 both without credentials
 * (NotAuthenticated) and with bad ones (PermissionDenied). Authorisations per zaaktype and
 * vertrouwelijkheid are not simulated: every configured client may read everything.
 */
export function zgwAuth(
  clients: Readonly<Record<string, string>>,
  now: Clock,
  baseUrl: BaseUrl | undefined,
  respond: ErrorResponder,
): RequestHandler {
  return async (req, res, next) => {
    const result = await verifyHs256Bearer(req.get('authorization'), {
      secrets: clients,
      issuerOf: clientIdOf,
      maxFutureSkewSeconds: MAX_FUTURE_SKEW_SECONDS,
      maxAgeSeconds: MAX_TOKEN_AGE_SECONDS,
      now,
    });
    if (result.ok) {
      next();
      return;
    }
    if (result.failure === 'missing') {
      respond(req, res, 403, {
        type: foutType(req, baseUrl, 'NotAuthenticated'),
        code: 'not_authenticated',
        title: 'Authenticatiegegevens zijn niet opgegeven.',
        detail: 'Authenticatiegegevens zijn niet opgegeven.',
      });
      return;
    }
    respond(req, res, 403, { detail: DETAIL[result.failure] });
  };
}
