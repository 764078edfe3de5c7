import { createHash } from 'node:crypto';
import type { JWTPayload } from 'jose';
import { createExpiringMap } from '../cache/index.js';
import type { OidcVerifier } from './verifier.js';

export interface VerifiedTokenCacheOptions {
  /** How many verified tokens are remembered; the least recently used goes first. Default 10 000. */
  maxEntries?: number;
  /**
   * The longest a verification is trusted, even when the token lives longer. Default 300 s: a key
   * the provider withdraws stops working for remembered tokens within this time.
   */
  maxAgeMs?: number;
  /** Time source in epoch milliseconds (tests move it). */
  now?: () => number;
}

/**
 * Remembers verified access tokens by their hash until they expire (at most `maxAgeMs`), so a
 * resident's page does not verify the same signature again on every request: a portal sends the
 * same token for every page of a session. The token itself is never kept, only its SHA-256 and
 * the claims. A refused token is not remembered: refusals stay as strict as the verifier, and an
 * attacker cannot fill the cache with tokens that do not verify. A token that is not valid yet
 * (`nbf` in the future) is not remembered either.
 */
export function withVerifiedTokenCache(verifier: OidcVerifier, options: VerifiedTokenCacheOptions = {}): OidcVerifier {
  const maxAgeMs = options.maxAgeMs ?? 300_000;
  const now = options.now ?? Date.now;
  const entries = createExpiringMap<JWTPayload>({
    ...(options.maxEntries ? { maxEntries: options.maxEntries } : {}),
    refreshOnRead: true,
    now,
  });

  return {
    async verify(token) {
      const key = createHash('sha256').update(token).digest('base64url');
      const hit = entries.get(key);
      if (hit) return hit;
      const payload = await verifier.verify(token);
      const at = now();
      const notBefore = typeof payload.nbf === 'number' ? payload.nbf * 1000 : 0;
      if (typeof payload.exp === 'number' && notBefore <= at) {
        const until = Math.min(payload.exp * 1000, at + maxAgeMs);
        if (until > at) entries.set(key, payload, until);
      }
      return payload;
    },
  };
}
