import type { JWTPayload } from 'jose';
import { describe, expect, it } from 'vitest';
import { InvalidTokenError, withVerifiedTokenCache, type OidcVerifier } from '../../lib/oidc/index.js';

/** A verifier that accepts `ok:<exp seconds>[:<nbf seconds>]` tokens and counts its calls. */
function countingVerifier(): OidcVerifier & { calls: number } {
  const verifier = {
    calls: 0,
    async verify(token: string): Promise<JWTPayload> {
      verifier.calls++;
      const [kind, exp, nbf] = token.split(':');
      if (kind !== 'ok') throw new InvalidTokenError('refused');
      return { sub: token, exp: Number(exp), ...(nbf ? { nbf: Number(nbf) } : {}) };
    },
  };
  return verifier;
}

describe('verified access tokens are remembered by hash until they expire', () => {
  it('verifies a token once for many requests, and again once it expired', async () => {
    let clock = 1_000_000;
    const inner = countingVerifier();
    const verifier = withVerifiedTokenCache(inner, { now: () => clock });
    const token = `ok:${1_000_000 / 1000 + 60}`;
    for (let i = 0; i < 5; i++) expect((await verifier.verify(token)).sub).toBe(token);
    expect(inner.calls).toBe(1);
    clock += 60_000; // exp reached
    await verifier.verify(token);
    expect(inner.calls).toBe(2);
  });

  it('trusts a verification at most maxAgeMs, even for a long-lived token', async () => {
    let clock = 0;
    const inner = countingVerifier();
    const verifier = withVerifiedTokenCache(inner, { now: () => clock, maxAgeMs: 1_000 });
    await verifier.verify('ok:3600');
    clock = 999;
    await verifier.verify('ok:3600');
    expect(inner.calls).toBe(1);
    clock = 1_000;
    await verifier.verify('ok:3600');
    expect(inner.calls).toBe(2);
  });

  it('never remembers a refusal, nor a token that is not valid yet', async () => {
    const inner = countingVerifier();
    const verifier = withVerifiedTokenCache(inner, { now: () => 0 });
    for (let i = 0; i < 2; i++) await expect(verifier.verify('bad')).rejects.toThrow(InvalidTokenError);
    expect(inner.calls).toBe(2);
    await verifier.verify('ok:60:30');
    await verifier.verify('ok:60:30');
    expect(inner.calls).toBe(4);
  });

  it('keeps at most maxEntries, dropping the least recently used', async () => {
    const inner = countingVerifier();
    const verifier = withVerifiedTokenCache(inner, { now: () => 0, maxEntries: 2 });
    await verifier.verify('ok:60:0');
    await verifier.verify('ok:61:0');
    await verifier.verify('ok:60:0'); // used again: now the most recent
    await verifier.verify('ok:62:0'); // drops ok:61
    expect(inner.calls).toBe(3);
    await verifier.verify('ok:60:0');
    expect(inner.calls).toBe(3);
    await verifier.verify('ok:61:0');
    expect(inner.calls).toBe(4);
  });
});
