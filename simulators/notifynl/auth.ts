import type { RequestHandler } from 'express';
import { verifyHs256Bearer, type BearerFailure } from '../shared/bearer.js';
import type { Clock } from '../shared/simulator.js';
import { sendNotifyErrors } from './errors.js';

/** Notify accepts a token whose `iat` is at most 30 seconds off its own clock, either way. */
const IAT_TOLERANCE_SECONDS = 30;

/** Status and message per failure, worded as GOV.UK Notify's API does. */
const FAILURES: Readonly<Record<BearerFailure, [status: 401 | 403, message: string]>> = {
  missing: [401, 'Unauthorized: authentication token must be provided'],
  scheme: [401, 'Unauthorized: authentication bearer scheme must be used'],
  malformed: [403, 'Invalid token: iss field not provided'],
  'unknown-issuer': [403, 'Invalid token: service not found'],
  signature: [403, 'Invalid token: API key not found'],
  'iat-missing': [403, 'Invalid token: iat field not provided'],
  'iat-out-of-range': [403, 'Error: Your system clock must be accurate to within 30 seconds'],
};

/** The service id the request authenticated as (set by {@link notifyAuth}). */
export function serviceIdOf(res: { locals: Record<string, unknown> }): string {
  return String(res.locals['serviceId']);
}

/**
 * Notify authentication: `Authorization: Bearer <JWT>`, HS256 with the API key's secret, `iss` =
 * service id, `iat` within 30 seconds of now. Each request needs a fresh token.
 */
export function notifyAuth(services: Readonly<Record<string, string>>, now: Clock): RequestHandler {
  return async (req, res, next) => {
    const result = await verifyHs256Bearer(req.get('authorization'), {
      secrets: services,
      issuerOf: (claims) => claims.iss,
      maxFutureSkewSeconds: IAT_TOLERANCE_SECONDS,
      maxAgeSeconds: IAT_TOLERANCE_SECONDS,
      now,
    });
    if (!result.ok) {
      const [status, message] = FAILURES[result.failure];
      sendNotifyErrors(res, status, [{ error: 'AuthError', message }]);
      return;
    }
    res.locals['serviceId'] = result.issuer;
    next();
  };
}
