import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { verifyHs256Bearer, type Hs256Policy } from '../../simulators/shared/bearer.js';

const SECRET = 'een-geheim-van-minstens-zoveel-tekens';

async function token(claims: Record<string, unknown>, secret = SECRET): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(secret));
}

/**
 * The simulators remember a token whose signature was good, so a client that sends the same token
 * with every call is not checked by WebCrypto each time. What depends on the moment must still
 * be checked on every call: a remembered token is refused once it is too old or expired.
 */
describe('HS256 bearer tokens at the simulators: a good signature is remembered, the clock is not', () => {
  const at = (iso: string) => () => new Date(iso);
  const policy = (now: () => Date): Hs256Policy => ({
    secrets: SECRETS,
    issuerOf: (claims) => claims['client_id'],
    maxFutureSkewSeconds: 60,
    maxAgeSeconds: 3_600,
    now,
  });
  const SECRETS = { 'mijn-omgeving': SECRET };
  const iat = Date.parse('2026-12-04T10:00:00Z') / 1000;

  it('accepts the same token again, and refuses it once its iat is too old', async () => {
    const bearer = `Bearer ${await token({ client_id: 'mijn-omgeving', iat })}`;
    expect(await verifyHs256Bearer(bearer, policy(at('2026-12-04T10:00:05Z')))).toMatchObject({ ok: true });
    expect(await verifyHs256Bearer(bearer, policy(at('2026-12-04T10:30:00Z')))).toMatchObject({ ok: true });
    expect(await verifyHs256Bearer(bearer, policy(at('2026-12-04T11:00:01Z')))).toEqual({
      ok: false,
      failure: 'iat-out-of-range',
    });
  });

  it('refuses a remembered token after its exp', async () => {
    const bearer = `Bearer ${await token({ client_id: 'mijn-omgeving', iat, exp: iat + 60 })}`;
    expect(await verifyHs256Bearer(bearer, policy(at('2026-12-04T10:00:30Z')))).toMatchObject({ ok: true });
    expect(await verifyHs256Bearer(bearer, policy(at('2026-12-04T10:01:00Z')))).toEqual({
      ok: false,
      failure: 'signature',
    });
  });

  it('refuses a token signed with another secret, also after a good one of the same client', async () => {
    const good = `Bearer ${await token({ client_id: 'mijn-omgeving', iat })}`;
    const forged = `Bearer ${await token({ client_id: 'mijn-omgeving', iat }, 'een-ander-geheim-van-zoveel-tekens')}`;
    expect(await verifyHs256Bearer(good, policy(at('2026-12-04T10:00:05Z')))).toMatchObject({ ok: true });
    expect(await verifyHs256Bearer(forged, policy(at('2026-12-04T10:00:05Z')))).toEqual({
      ok: false,
      failure: 'signature',
    });
  });
});
