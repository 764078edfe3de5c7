import {
  createLocalJWKSet,
  decodeProtectedHeader,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { z } from 'zod';

/** The token is not acceptable (signature, issuer, audience, expiry, algorithm...). */
export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

/** The identity provider could not be reached to verify (discovery or JWKS down). */
export class IdentityProviderUnavailableError extends Error {
  override readonly name = 'IdentityProviderUnavailableError';
}

export interface OidcVerifierOptions {
  /** Compared exactly with the discovery document's `issuer` and every token's `iss`. */
  issuer: string;
  audience: string;
  /** Asymmetric JWS algorithms only; anything else makes {@link createOidcVerifier} throw. */
  algorithms: string[];
  clockToleranceSeconds: number;
  /**
   * Accept only tokens whose header says `typ: at+jwt` (RFC 9068), so that an ID token of the
   * same provider cannot pass as an access token. Default true; the development IdP
   * (oidc-provider) sets it. Turning it off requires {@link clientIds} without the audience.
   */
  requireAccessTokenType?: boolean;
  /**
   * The clients (portals, the playground) whose access tokens are accepted: `client_id`
   * (RFC 9068) or else `azp` must be one of these. Default: any client of this provider whose
   * token carries the audience.
   */
  clientIds?: readonly string[];
  /** At most one JWKS request per this many seconds for a `kid` that is not known yet. Default 30. */
  jwksCooldownSeconds?: number;
  /** Keys are used this long before the JWKS is read again, so removed keys stop working. Default 600. */
  jwksMaxAgeSeconds?: number;
  /** After discovery or the JWKS failed, the provider is asked again no sooner than this. Default 5. */
  retryAfterFailureSeconds?: number;
  /** Deadline of one discovery or JWKS request. Default 5000. */
  timeoutMs?: number;
  /** For tests and proxies; defaults to global fetch. Used for discovery and the JWKS. */
  fetch?: typeof fetch;
  now?: () => Date;
}

export interface OidcVerifier {
  /** The verified claims, or InvalidTokenError / IdentityProviderUnavailableError. */
  verify(token: string): Promise<JWTPayload>;
}

/**
 * Symmetric algorithms would let anyone holding the provider's public key sign tokens (the
 * public key bytes become the HMAC secret), and `none` needs no key at all.
 */
const ASYMMETRIC_ALGORITHMS: ReadonlySet<string> = new Set([
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
]);

const ACCESS_TOKEN_TYPE = 'at+jwt';

const discoverySchema = z.object({ issuer: z.string(), jwks_uri: z.string().url() });

/**
 * Verifies access tokens of the OIDC provider the way production does, in the gateway and in a
 * subgraph with `SUBGRAPH_AUTH=oidc` (one implementation for both): discovery document,
 * remote JWKS, an algorithm allow-list (never `none` or HMAC), RFC 9068 `typ`, optionally a
 * client allow-list, and required `iss`, `aud`, `exp` (docs/security.md, "Token verification").
 * The key comes only from the provider's JWKS: `jwk`, `jku`, `x5u` and `x5c` headers are never
 * used. Throws at once for options that would make it unsafe.
 */
export function createOidcVerifier(options: OidcVerifierOptions): OidcVerifier {
  const algorithms = checkAlgorithms(options.algorithms);
  const requireAccessTokenType = options.requireAccessTokenType ?? true;
  const clientIds = checkClientIds(options, requireAccessTokenType);
  const fetchImpl = options.fetch ?? fetch;
  const clock = () => (options.now ? options.now().getTime() : Date.now());
  const timeoutMs = duration('timeoutMs', options.timeoutMs, 5_000);
  const retryAfterFailureMs = duration('retryAfterFailureSeconds', options.retryAfterFailureSeconds, 5) * 1000;
  const cooldownMs = duration('jwksCooldownSeconds', options.jwksCooldownSeconds, 30) * 1000;
  const maxAgeMs = duration('jwksMaxAgeSeconds', options.jwksMaxAgeSeconds, 600) * 1000;

  // Discovery is read once; the jwks_uri of a provider does not move while it runs.
  let keyStore: KeyStore | undefined;
  let discovering: Promise<KeyStore> | undefined;
  let discoveryFailedAt = -Infinity;

  const discover = async (): Promise<KeyStore> => {
    // OpenID Connect Discovery 1.0 §4: a terminating "/" of the issuer is removed before appending.
    const url = `${options.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    let body: unknown;
    try {
      const response = await fetchImpl(url, { signal: AbortSignal.timeout(timeoutMs) });
      if (!response.ok) throw new Error(`discovery answered ${response.status}`);
      body = await response.json();
    } catch (error) {
      throw new IdentityProviderUnavailableError(`discovery failed: ${reason(error)}`);
    }
    const discovery = discoverySchema.safeParse(body);
    // Exact (Discovery 1.0 §4.3), as every token's `iss` is: a look-alike issuer here is a
    // misconfiguration or someone else's document, and no key it points to is trusted.
    if (!discovery.success || discovery.data.issuer !== options.issuer) {
      throw new IdentityProviderUnavailableError('discovery document does not match the configured issuer');
    }
    return createKeyStore(new URL(discovery.data.jwks_uri), {
      fetch: fetchImpl,
      clock,
      timeoutMs,
      retryAfterFailureMs,
      cooldownMs,
      maxAgeMs,
    });
  };

  const keys = async (): Promise<KeyStore> => {
    if (keyStore) return keyStore;
    if (!discovering) {
      // While the provider is down, one attempt per interval, not one per request.
      if (clock() - discoveryFailedAt < retryAfterFailureMs) {
        throw new IdentityProviderUnavailableError('discovery failed recently; not asking again yet');
      }
      discovering = discover()
        .then(
          (store) => (keyStore = store),
          (error: unknown) => {
            discoveryFailedAt = clock();
            throw error;
          },
        )
        .finally(() => {
          discovering = undefined;
        });
    }
    return discovering;
  };

  return {
    async verify(token) {
      try {
        // A token that is no JWT or names a refused algorithm costs no call to the provider.
        const header = decodeProtectedHeader(token);
        if (typeof header.alg !== 'string' || !algorithms.includes(header.alg)) {
          throw new InvalidTokenError('algorithm not allowed');
        }
        const store = await keys();
        const { payload } = await jwtVerify(token, store.getKey, {
          issuer: options.issuer,
          audience: options.audience,
          algorithms,
          requiredClaims: ['exp', 'iss', 'aud'],
          clockTolerance: options.clockToleranceSeconds,
          ...(requireAccessTokenType ? { typ: ACCESS_TOKEN_TYPE } : {}),
          ...(options.now ? { currentDate: options.now() } : {}),
        });
        if (clientIds && !issuedToAllowedClient(payload, clientIds)) {
          throw new InvalidTokenError('token was issued to a client that is not allowed');
        }
        return payload;
      } catch (error) {
        if (error instanceof IdentityProviderUnavailableError || error instanceof InvalidTokenError) throw error;
        throw new InvalidTokenError(reason(error));
      }
    },
  };
}

function duration(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`OIDC ${name} must be a positive number`);
  return value;
}

function checkAlgorithms(algorithms: readonly string[]): string[] {
  const refused = algorithms.filter((algorithm) => !ASYMMETRIC_ALGORITHMS.has(algorithm));
  if (algorithms.length === 0 || refused.length > 0) {
    throw new Error(
      `OIDC algorithms must be asymmetric JWS algorithms (${[...ASYMMETRIC_ALGORITHMS].join(', ')}); refused: ${refused.join(', ') || '(empty list)'}`,
    );
  }
  return [...algorithms];
}

function checkClientIds(options: OidcVerifierOptions, requireAccessTokenType: boolean): readonly string[] | undefined {
  const { clientIds, audience } = options;
  if (clientIds !== undefined && (clientIds.length === 0 || clientIds.some((id) => id === ''))) {
    throw new Error('OIDC clientIds must name at least one client, none empty');
  }
  // Without `typ`, only the audience tells the two apart: an ID token's `aud` is the client it
  // was issued to, an access token's is the API (the gateway's audience). That works only when the two differ.
  if (!requireAccessTokenType && (clientIds === undefined || clientIds.includes(audience))) {
    throw new Error(
      'Without typ at+jwt, OIDC clientIds must be set and must not contain the audience: ' +
        'otherwise an ID token would be accepted as an access token',
    );
  }
  return clientIds;
}

/** RFC 9068 names the client in `client_id`; brokers that predate it (Keycloak) use `azp`. Each present must be allowed. */
function issuedToAllowedClient(payload: JWTPayload, clientIds: readonly string[]): boolean {
  const named = [payload['client_id'], payload['azp']].filter((value) => value !== undefined);
  return named.length > 0 && named.every((value) => typeof value === 'string' && clientIds.includes(value));
}

/** For the log line of a refusal or an outage: never a piece of what the provider answered. */
function reason(error: unknown): string {
  // JSON.parse quotes the start of the body it could not read.
  if (error instanceof SyntaxError) return 'SyntaxError: the answer is not JSON';
  return error instanceof Error ? `${error.name}: ${error.message}` : 'unknown';
}

interface KeyStore {
  readonly getKey: JWTVerifyGetKey;
}

interface KeyStoreOptions {
  fetch: typeof fetch;
  clock: () => number;
  timeoutMs: number;
  cooldownMs: number;
  maxAgeMs: number;
  retryAfterFailureMs: number;
}

/**
 * The provider's keys, read from its JWKS. Written here rather than taken from jose's remote key
 * set because that one asks again on every request while the JWKS fails (a flood of tokens with
 * made-up `kid`s would then become a flood at the provider) and cannot tell an outage apart
 * from a bad token. Rules:
 * - one request at a time; concurrent tokens wait for it;
 * - keys older than `maxAgeMs` are read again; when that fails the token is not accepted
 *   (fail closed), as a key the provider withdrew must stop working;
 * - an unknown `kid` reads the JWKS again only when the last request is `cooldownMs` ago;
 * - after a failure, no new request for `retryAfterFailureMs`: tokens get
 *   {@link IdentityProviderUnavailableError} at once.
 */
function createKeyStore(jwksUri: URL, options: KeyStoreOptions): KeyStore {
  let local: ReturnType<typeof createLocalJWKSet> | undefined;
  let fetchedAt = -Infinity;
  let requestedAt = -Infinity;
  let failedAt = -Infinity;
  let pending: Promise<void> | undefined;

  const fetchKeys = async (): Promise<void> => {
    try {
      const response = await options.fetch(jwksUri, {
        signal: AbortSignal.timeout(options.timeoutMs),
        // A redirect would let whoever controls the target choose the keys.
        redirect: 'manual',
        headers: { accept: 'application/jwk-set+json, application/json' },
      });
      if (response.status !== 200) throw new Error(`JWKS answered ${response.status}`);
      local = createLocalJWKSet((await response.json()) as Parameters<typeof createLocalJWKSet>[0]);
      fetchedAt = options.clock();
    } catch (error) {
      failedAt = options.clock();
      throw new IdentityProviderUnavailableError(`JWKS could not be read: ${reason(error)}`);
    }
  };

  /** Callers join {@link pending} instead when there is one. */
  const load = (): Promise<void> => {
    requestedAt = options.clock();
    pending = fetchKeys().finally(() => {
      pending = undefined;
    });
    return pending;
  };

  const fresh = () => options.clock() - fetchedAt < options.maxAgeMs;

  const current = async (): Promise<ReturnType<typeof createLocalJWKSet>> => {
    if (local && fresh()) return local;
    if (pending) await pending;
    else if (options.clock() - failedAt < options.retryAfterFailureMs) {
      throw new IdentityProviderUnavailableError('JWKS failed recently; not asking again yet');
    } else await load();
    if (!local || !fresh()) throw new IdentityProviderUnavailableError('JWKS could not be read');
    return local;
  };

  return {
    getKey: async (header, token) => {
      const keys = await current();
      try {
        return await keys(header, token);
      } catch (error) {
        if (!(error instanceof joseErrors.JWKSNoMatchingKey)) throw error;
        // Perhaps the provider rotated its keys; ask, but not more often than the cooldown.
        if (pending) await pending;
        else if (options.clock() - requestedAt < options.cooldownMs) throw error;
        else await load();
        const renewed = local;
        if (!renewed) throw error;
        return renewed(header, token);
      }
    },
  };
}
