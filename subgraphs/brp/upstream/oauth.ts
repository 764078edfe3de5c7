import { request, type Dispatcher } from 'undici';
import { UpstreamError } from '../../../lib/http/upstream.js';

/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4) for the BRP: one access token for the whole
 * process, fetched when first needed, reused until shortly before it expires, and fetched once for
 * all requests waiting at that moment. The token and the client secret never reach a log or an
 * error message.
 */

export interface ClientCredentialsOptions {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Space-separated scopes, when the authorisation server wants them. */
  scope?: string;
  /** How the client authenticates at the token endpoint (RFC 6749 §2.3.1): HTTP Basic or form fields. */
  clientAuth?: 'basic' | 'post';
  timeoutMs: number;
  dispatcher?: Dispatcher | undefined;
  /** Time source; tests inject one to let tokens expire. */
  now?: () => number;
}

export interface AccessTokenSource {
  /** A valid access token, from the cache or freshly fetched. */
  token(): Promise<string>;
  /** Forgets the cached token, e.g. after the BRP refused it (revoked before it expired). */
  invalidate(): void;
}

/** Renew this long before `expires_in` runs out, so a token does not expire in flight. */
const MARGIN_MS = 30_000;
/** Lifetime assumed when the server does not say (`expires_in` is only RECOMMENDED). */
const DEFAULT_LIFETIME_MS = 60_000;
const NAME = 'BRP (OAuth2)';

interface TokenResponse {
  access_token?: unknown;
  token_type?: unknown;
  expires_in?: unknown;
}

// RFC 6749 §2.3.1: client id and secret are form-urlencoded before they go into Basic.
const formEncode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');

export function createClientCredentials(options: ClientCredentialsOptions): AccessTokenSource {
  const now = options.now ?? Date.now;
  let cached: { token: string; renewAt: number } | undefined;
  let inFlight: Promise<string> | undefined;

  const fetchToken = async (): Promise<string> => {
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (options.scope) form.set('scope', options.scope);
    const headers: Record<string, string> = {
      accept: 'application/json',
      'content-type': 'application/x-www-form-urlencoded',
    };
    if ((options.clientAuth ?? 'basic') === 'basic') {
      const credentials = `${formEncode(options.clientId)}:${formEncode(options.clientSecret)}`;
      headers['authorization'] = `Basic ${Buffer.from(credentials).toString('base64')}`;
    } else {
      form.set('client_id', options.clientId);
      form.set('client_secret', options.clientSecret);
    }
    const started = now();
    let response: Dispatcher.ResponseData;
    try {
      response = await request(options.tokenUrl, {
        method: 'POST',
        headers,
        body: form.toString(),
        signal: AbortSignal.timeout(options.timeoutMs),
        ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
      });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw new UpstreamError(NAME, timedOut ? 'TIMEOUT' : 'UNAVAILABLE', null);
    }
    const status = response.statusCode;
    let body: TokenResponse;
    try {
      body = (await response.body.json()) as TokenResponse;
    } catch {
      body = {};
    }
    // 400 invalid_client / unauthorized_client and 401 mean our credentials are wrong.
    if (status === 400 || status === 401 || status === 403) throw new UpstreamError(NAME, 'UNAUTHORIZED', status);
    if (status === 429) throw new UpstreamError(NAME, 'RATE_LIMITED', status);
    if (status >= 300) throw new UpstreamError(NAME, 'UNAVAILABLE', status);
    const { access_token: token, token_type: type, expires_in: expiresIn } = body;
    if (typeof token !== 'string' || token === '' || typeof type !== 'string' || type.toLowerCase() !== 'bearer') {
      throw new UpstreamError(NAME, 'INVALID_RESPONSE', status);
    }
    const lifetime = typeof expiresIn === 'number' && expiresIn > 0 ? expiresIn * 1000 : DEFAULT_LIFETIME_MS;
    // Short-lived tokens are renewed halfway rather than never being reusable.
    cached = { token, renewAt: started + Math.max(lifetime - MARGIN_MS, lifetime / 2) };
    return token;
  };

  return {
    async token() {
      if (cached && now() < cached.renewAt) return cached.token;
      inFlight ??= fetchToken().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
