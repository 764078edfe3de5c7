import { decodeJwt, jwtVerify, type JWTPayload } from 'jose';
import { createExpiringMap, type ExpiringMap } from '../../lib/cache/expiring-map.js';

/** Why a bearer token was refused; each simulator maps these to its own error answer. */
export type BearerFailure =
  | 'missing' // no Authorization header
  | 'scheme' // not "Bearer <token>"
  | 'malformed' // not a JWS, or no issuer claim
  | 'unknown-issuer' // issuer/client id not configured
  | 'signature' // bad signature, wrong algorithm, exp/nbf violated
  | 'iat-missing'
  | 'iat-out-of-range'; // issued too far in the future or too long ago

export type BearerResult = { ok: true; issuer: string; claims: JWTPayload } | { ok: false; failure: BearerFailure };

export interface Hs256Policy {
  /** Configured shared secrets by issuer (ZGW client id, Notify service id). */
  secrets: Readonly<Record<string, string>>;
  /** Which claim names the issuer: ZGW uses `client_id` (falling back to `iss`), Notify `iss`. */
  issuerOf: (claims: JWTPayload) => unknown;
  /** Accepted `iat` distance into the future (clock skew), in seconds. */
  maxFutureSkewSeconds: number;
  /** Accepted `iat` age, in seconds. */
  maxAgeSeconds: number;
  now: () => Date;
}

/**
 * Tokens whose signature was found good, per set of secrets: a client sends the same token with
 * many calls (ours for 30 s), and checking an HS256 signature through WebCrypto was a quarter of
 * the simulators' CPU under load, on the core the subgraphs need. What depends on the moment
 * (`iat`, `exp`, `nbf`) is checked on every call all the same.
 */
const goodSignatures = new WeakMap<object, ExpiringMap<JWTPayload>>();
const REMEMBER_MS = 60_000;

/**
 * Verifies an `Authorization: Bearer <JWT>` header signed with HS256 by one of the configured
 * issuers, the way ZGW APIs and GOV.UK Notify authenticate clients: the issuer is read from the
 * unverified token to pick its secret, then signature and `iat` are checked. Only HS256 is
 * accepted, so a token with `alg: none` or an asymmetric algorithm never passes.
 */
export async function verifyHs256Bearer(header: string | undefined, policy: Hs256Policy): Promise<BearerResult> {
  if (header === undefined || header === '') return { ok: false, failure: 'missing' };
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) return { ok: false, failure: 'scheme' };
  const token = match[1];

  let unverified: JWTPayload;
  try {
    unverified = decodeJwt(token);
  } catch {
    return { ok: false, failure: 'malformed' };
  }
  const issuer = policy.issuerOf(unverified);
  if (typeof issuer !== 'string' || issuer === '') return { ok: false, failure: 'malformed' };
  const secret = Object.hasOwn(policy.secrets, issuer) ? policy.secrets[issuer] : undefined;
  if (secret === undefined) return { ok: false, failure: 'unknown-issuer' };

  const now = policy.now();
  let remembered = goodSignatures.get(policy.secrets);
  if (!remembered) {
    remembered = createExpiringMap<JWTPayload>({ maxEntries: 1_000 });
    goodSignatures.set(policy.secrets, remembered);
  }
  const cacheKey = `${issuer}\n${token}`;
  let claims = remembered.get(cacheKey);
  if (claims) {
    const seconds = now.getTime() / 1000;
    if ((claims.exp !== undefined && seconds >= claims.exp) || (claims.nbf !== undefined && seconds < claims.nbf)) {
      return { ok: false, failure: 'signature' };
    }
  } else {
    try {
      ({ payload: claims } = await jwtVerify(token, new TextEncoder().encode(secret), {
        algorithms: ['HS256'],
        currentDate: now,
      }));
    } catch {
      return { ok: false, failure: 'signature' };
    }
    remembered.set(cacheKey, claims, Date.now() + REMEMBER_MS);
  }
  if (typeof claims.iat !== 'number') return { ok: false, failure: 'iat-missing' };
  const ageSeconds = now.getTime() / 1000 - claims.iat;
  if (ageSeconds < -policy.maxFutureSkewSeconds || ageSeconds > policy.maxAgeSeconds) {
    return { ok: false, failure: 'iat-out-of-range' };
  }
  return { ok: true, issuer, claims };
}
