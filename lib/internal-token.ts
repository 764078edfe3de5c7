import {
  SignJWT,
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
  type JSONWebKeySet,
  type JWK,
  type JWTPayload,
  type CryptoKey,
} from 'jose';
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
  /** Mints a token for one subgraph call. `iat`/`exp` are in seconds, from the injected clock. */
  sign(audience: string, caller: InternalCaller): Promise<string>;
}

function subjectOf(caller: InternalCaller): string {
  if (caller.kind === 'person') return caller.gebruikerId;
  return caller.kind === 'service' ? SERVICE : ANONYMOUS;
}

/** Builds a signer from the gateway's private ES256 JWK (with a `kid`). */
export async function createInternalTokenSigner(
  privateJwk: JWK,
  { ttlSeconds = 60, now = () => Date.now() }: { ttlSeconds?: number; now?: () => number } = {},
): Promise<InternalTokenSigner> {
  const key = (await importJWK(privateJwk, INTERNAL_ALGORITHM)) as CryptoKey;
  const kid = privateJwk.kid;
  return {
    async sign(audience, caller) {
      const iat = Math.floor(now() / 1000);
      const claims: JWTPayload =
        caller.kind === 'person' ? { rid: caller.requestId, idn: caller.identity } : { rid: caller.requestId };
      return new SignJWT(claims)
        .setProtectedHeader({ alg: INTERNAL_ALGORITHM, typ: 'JWT', ...(kid ? { kid } : {}) })
        .setIssuer(INTERNAL_ISSUER)
        .setAudience(audience)
        .setSubject(subjectOf(caller))
        .setIssuedAt(iat)
        .setExpirationTime(iat + ttlSeconds)
        .sign(key);
    },
  };
}

export class InternalTokenError extends Error {
  override readonly name = 'InternalTokenError';
}

export interface InternalTokenVerifier {
  /**
   * Resolves to the caller, or rejects with {@link InternalTokenError}. A service caller is
   * returned too: whoever serves a route decides which kinds it accepts.
   */
  verify(token: string): Promise<InternalCaller>;
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
  return {
    async verify(token) {
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
      // The gateway always names the request: a token without one was not minted by it.
      const requestId = payload['rid'];
      if (typeof requestId !== 'string' || requestId === '')
        throw new InternalTokenError('token carries no request id');
      if (payload.sub === ANONYMOUS) return { kind: 'anonymous', requestId };
      if (payload.sub === SERVICE) {
        // The gateway never puts an identity in its own tokens: one that has both was not minted by it.
        if (payload['idn'] !== undefined) throw new InternalTokenError('service token carries an identity');
        return { kind: 'service', requestId };
      }
      const identity = identitySchema.safeParse(payload['idn']);
      if (!identity.success || !payload.sub) throw new InternalTokenError('token carries no valid identity');
      return { kind: 'person', requestId, gebruikerId: payload.sub, identity: identity.data };
    },
  };
}

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
