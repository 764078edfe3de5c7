import { createHash, randomUUID } from 'node:crypto';
import {
  SignJWT,
  createLocalJWKSet,
  decodeJwt,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
  type JSONWebKeySet,
  type JWK,
  type JWTPayload,
  type CryptoKey,
} from 'jose';
import { createExpiringMap } from './cache/expiring-map.js';
import { identitySchema, type Identity } from './identity/index.js';

/**
 * Internal tokens: the gateway's word to a subgraph about who is asking (docs/architecture.md §2.3).
 * ES256, audience = the subgraph's name, lifetime about a minute. Subgraphs accept nothing else:
 * identity headers a client sends are never read.
 */
export const INTERNAL_ISSUER = 'profielservice-gateway';
export const INTERNAL_ALGORITHM = 'ES256';
export const ANONYMOUS = 'anonymous';
/**
 * The header that names the request a subgraph call belongs to (for logs and the verwerkingenlog).
 * It travels beside the token, not in it, so one token serves a caller for its whole lifetime.
 */
export const REQUEST_ID_HEADER = 'x-request-id';
/** A request id as the gateway accepts one from a client or makes one. */
export const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** The request id a caller named in {@link REQUEST_ID_HEADER} when it is well-formed, else a fresh one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const sent = Array.isArray(header) ? header[0] : header;
  return sent !== undefined && REQUEST_ID.test(sent) ? sent : randomUUID();
}
/** A token is used again while it has at least this long to live: longer than any request may take. */
const REUSE_MARGIN_SECONDS = 20;
/**
 * The subject of a token the gateway mints for itself rather than for a resident. The colon
 * cannot occur in a pseudonym (base64url), so no resident's token can carry it.
 */
export const SERVICE = 'dienst:gateway';

/** Who a resident's request is for: what a subgraph's resolvers learn from a valid internal token. */
export type Caller =
  | { readonly kind: 'anonymous'; readonly requestId: string }
  | { readonly kind: 'person'; readonly requestId: string; readonly gebruikerId: string; readonly identity: Identity };

/**
 * The gateway calling on its own behalf (e.g. delivering the verwerkingenlog). Never a resident:
 * it is refused on `/graphql`, and only routes made for it accept it.
 */
export interface ServiceCaller {
  readonly kind: 'service';
  readonly requestId: string;
}

/** Anyone an internal token can name. */
export type InternalCaller = Caller | ServiceCaller;

export interface InternalTokenSigner {
  /**
   * A token for a subgraph call on behalf of `caller` (its `requestId` is not in it: send that in
   * {@link REQUEST_ID_HEADER}). `iat`/`exp` are in seconds, from the injected clock.
   */
  sign(audience: string, caller: InternalCaller): Promise<string>;
}

function subjectOf(caller: InternalCaller): string {
  if (caller.kind === 'person') return caller.gebruikerId;
  return caller.kind === 'service' ? SERVICE : ANONYMOUS;
}

/**
 * Who asks, without the request: equal for two requests exactly when a subgraph must treat them
 * as the same caller (same resident, same login means and level, same machtiging).
 */
export function callerKey(caller: InternalCaller): string {
  let key = callerKeys.get(caller);
  if (key === undefined) {
    key = JSON.stringify([subjectOf(caller), caller.kind === 'person' ? caller.identity : null]);
    callerKeys.set(caller, key);
  }
  return key;
}
/** A request's caller is asked for its key by every subgraph call it makes: worked out once. */
const callerKeys = new WeakMap<InternalCaller, string>();

/**
 * Builds a signer from the gateway's private ES256 JWK (with a `kid`). A token names who asks, not
 * which request: it is used again for the same subgraph and caller while it has more than 20 s
 * to live, so a resident's pages cost one signature per subgraph a minute, not four per page.
 * The request id goes in {@link REQUEST_ID_HEADER}.
 */
export async function createInternalTokenSigner(
  privateJwk: JWK,
  { ttlSeconds = 60, now = () => Date.now() }: { ttlSeconds?: number; now?: () => number } = {},
): Promise<InternalTokenSigner> {
  const key = (await importJWK(privateJwk, INTERNAL_ALGORITHM)) as CryptoKey;
  const kid = privateJwk.kid;
  const reuseSeconds = Math.max(0, ttlSeconds - REUSE_MARGIN_SECONDS);
  const remembered = createExpiringMap<{ token: Promise<string>; iat: number }>({ now });
  const mint = (audience: string, caller: InternalCaller, iat: number): Promise<string> =>
    new SignJWT(caller.kind === 'person' ? { idn: caller.identity } : {})
      .setProtectedHeader({ alg: INTERNAL_ALGORITHM, typ: 'JWT', ...(kid ? { kid } : {}) })
      .setIssuer(INTERNAL_ISSUER)
      .setAudience(audience)
      .setSubject(subjectOf(caller))
      .setIssuedAt(iat)
      .setExpirationTime(iat + ttlSeconds)
      .sign(key);
  return {
    sign(audience, caller) {
      const iat = Math.floor(now() / 1000);
      const cacheKey = `${audience}\n${callerKey(caller)}`;
      const known = remembered.get(cacheKey);
      if (known && iat >= known.iat) return known.token;
      const token = mint(audience, caller, iat);
      remembered.set(cacheKey, { token, iat }, (iat + reuseSeconds) * 1000);
      token.catch(() => remembered.delete(cacheKey));
      return token;
    },
  };
}

export class InternalTokenError extends Error {
  override readonly name = 'InternalTokenError';
}

export interface InternalTokenVerifier {
  /**
   * Resolves to the caller, or rejects with {@link InternalTokenError}. A service caller is
   * returned too: whoever serves a route decides which kinds it accepts. `requestId` is the value
   * of the call's {@link REQUEST_ID_HEADER}; without a well-formed one the call gets an id of its
   * own, so its log lines still belong together.
   */
  verify(token: string, requestId?: string | string[]): Promise<InternalCaller>;
}

/**
 * Builds a verifier for one subgraph from the gateway's public key set (several keys allow
 * rotation). Only ES256, the gateway as issuer and this subgraph as audience are accepted;
 * `exp` and `iat` are required, with five seconds of clock tolerance.
 */
export function createInternalTokenVerifier(
  publicJwks: JSONWebKeySet,
  audience: string,
  { now = () => Date.now() }: { now?: () => number } = {},
): InternalTokenVerifier {
  const keys = createLocalJWKSet(publicJwks);
  // The same token comes with every call of a caller for a minute: its signature is checked once.
  const verified = createExpiringMap<{ caller: DistributiveOmit<InternalCaller, 'requestId'>; exp: number }>({ now });

  const check = async (
    token: string,
  ): Promise<{ caller: DistributiveOmit<InternalCaller, 'requestId'>; exp: number }> => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        algorithms: [INTERNAL_ALGORITHM],
        issuer: INTERNAL_ISSUER,
        audience,
        requiredClaims: ['exp', 'iat', 'sub'],
        clockTolerance: 5,
        currentDate: new Date(now()),
      }));
    } catch (error) {
      throw new InternalTokenError(error instanceof Error ? error.message : 'invalid token');
    }
    const exp = payload.exp ?? 0;
    if (payload.sub === ANONYMOUS) return { caller: { kind: 'anonymous' }, exp };
    if (payload.sub === SERVICE) {
      // The gateway never puts an identity in its own tokens: one that has both was not minted by it.
      if (payload['idn'] !== undefined) throw new InternalTokenError('service token carries an identity');
      return { caller: { kind: 'service' }, exp };
    }
    const identity = identitySchema.safeParse(payload['idn']);
    if (!identity.success || !payload.sub) throw new InternalTokenError('token carries no valid identity');
    return { caller: { kind: 'person', gebruikerId: payload.sub, identity: identity.data }, exp };
  };

  return {
    async verify(token, requestIdHeader) {
      const requestId = requestIdFrom(requestIdHeader);
      const hash = createHash('sha256').update(token).digest('base64url');
      let entry = verified.get(hash);
      if (!entry) {
        entry = await check(token);
        // Until it expires as the verification itself judges it (five seconds of tolerance).
        verified.set(hash, entry, (entry.exp + 5) * 1000);
      }
      return { ...entry.caller, requestId } as InternalCaller;
    },
  };
}

/**
 * For a subgraph that has no key of the gateway (`SUBGRAPH_AUTH=oidc` behind another router):
 * no internal token is accepted, so its routes for the gateway refuse every call.
 */
export function refuseInternalTokens(): InternalTokenVerifier {
  return {
    verify: () => Promise.reject(new InternalTokenError('this subgraph accepts no internal tokens')),
  };
}

/**
 * Whether a bearer token says it is one of the gateway's (its issuer, read without verifying):
 * it picks the verifier that then checks it, and proves nothing by itself.
 */
export function isInternalToken(token: string): boolean {
  try {
    return decodeJwt(token).iss === INTERNAL_ISSUER;
  } catch {
    return false;
  }
}

/** `Omit` over each member of a union. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Generates an ES256 key pair as JWKs (for development, tests and `npm run keys`). */
export async function generateInternalKeyPair(kid = `intern-${Date.now().toString(36)}`): Promise<{
  privateJwk: JWK;
  publicJwks: JSONWebKeySet;
}> {
  const { privateKey, publicKey } = await generateKeyPair(INTERNAL_ALGORITHM, { extractable: true });
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: INTERNAL_ALGORITHM, use: 'sig' };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: INTERNAL_ALGORITHM, use: 'sig' };
  return { privateJwk, publicJwks: { keys: [publicJwk] } };
}
