import { createHash, generateKeyPairSync } from 'node:crypto';
import type { JWK } from 'jose';

/** A JSON Web Key Set. */
export interface Jwks {
  readonly keys: readonly JWK[];
}

/**
 * A fresh RS256 signing key as a private JWKS. The key lives as long as the process: tokens
 * issued before a restart no longer verify, which is what a development IdP should do.
 * Synchronous (node:crypto), so building the provider stays synchronous.
 */
export function generateSigningJwks(): Jwks {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' }) as JWK;
  return { keys: [{ ...jwk, kid: thumbprint(jwk), alg: 'RS256', use: 'sig' }] };
}

/**
 * Checks that `jwks` can sign RS256 tokens, with a message that says what is missing.
 * oidc-provider validates keys too, but its messages name its internals, not the setting.
 */
export function assertSigningJwks(jwks: Jwks): void {
  const signing = jwks.keys.filter((key) => key.kty === 'RSA' && typeof key.d === 'string' && key.use !== 'enc');
  if (signing.length === 0) {
    throw new Error('De sleutelset (IDP_KEYS) bevat geen privé RSA-sleutel om RS256-tokens mee te ondertekenen.');
  }
}

/** RFC 7638 thumbprint of an RSA key, used as its `kid`. */
function thumbprint(jwk: JWK): string {
  const canonical = JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n });
  return createHash('sha256').update(canonical).digest('base64url');
}
