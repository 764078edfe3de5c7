import { randomBytes, timingSafeEqual } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import type { Clock } from '../shared/simulator.js';

/**
 * An OAuth 2.0 token endpoint for the client credentials grant (RFC 6749 §4.4), as the
 * authorisation server in front of a BRP API would offer it: client authentication by HTTP Basic
 * or by form fields, opaque bearer tokens with `expires_in`, errors as RFC 6749 §5.2 JSON.
 */
export interface BrpOAuthOptions {
  clientId: string;
  clientSecret: string;
  /** Lifetime of an access token; 300 seconds unless set. */
  tokenLifetimeSeconds?: number;
}

export const BRP_TOKEN_PATH = '/oauth/token';

export interface TokenIssuer {
  readonly router: Router;
  /** Whether a bearer token is one this issuer gave out and has not expired or been revoked. */
  valid(token: string | undefined): boolean;
  /** Forgets all tokens (as a key rotation would), so clients must fetch a new one. */
  revokeAll(): void;
  /** How many tokens were issued so far. */
  readonly issued: number;
}

function same(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const formDecode = (value: string) => decodeURIComponent(value.replace(/\+/g, ' '));

function clientFrom(req: Request): { id?: string; secret?: string } {
  const header = req.get('authorization');
  if (header?.startsWith('Basic ')) {
    const decoded = Buffer.from(header.slice('Basic '.length), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return {};
    return { id: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) };
  }
  const body = (req.body ?? {}) as Record<string, unknown>;
  return {
    ...(typeof body['client_id'] === 'string' ? { id: body['client_id'] } : {}),
    ...(typeof body['client_secret'] === 'string' ? { secret: body['client_secret'] } : {}),
  };
}

function oauthError(res: Response, status: number, error: string, description: string): void {
  res.status(status).set('cache-control', 'no-store').json({ error, error_description: description });
}

export function createTokenIssuer(options: BrpOAuthOptions, now: Clock): TokenIssuer {
  const lifetime = options.tokenLifetimeSeconds ?? 300;
  const tokens = new Map<string, number>(); // token → expires at (ms)
  let issued = 0;
  const router = express.Router();
  router.post(BRP_TOKEN_PATH, express.urlencoded({ extended: false }), (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (body['grant_type'] !== 'client_credentials') {
      oauthError(res, 400, 'unsupported_grant_type', 'Alleen client_credentials wordt ondersteund.');
      return;
    }
    const client = clientFrom(req);
    if (!same(client.id, options.clientId) || !same(client.secret, options.clientSecret)) {
      oauthError(res, 401, 'invalid_client', 'Onbekende client of onjuist geheim.');
      return;
    }
    const token = randomBytes(24).toString('base64url');
    tokens.set(token, now().getTime() + lifetime * 1000);
    issued += 1;
    res.set('cache-control', 'no-store').json({ access_token: token, token_type: 'Bearer', expires_in: lifetime });
  });
  return {
    router,
    valid(token) {
      const expires = token === undefined ? undefined : tokens.get(token);
      return expires !== undefined && now().getTime() < expires;
    },
    revokeAll() {
      tokens.clear();
    },
    get issued() {
      return issued;
    },
  };
}
