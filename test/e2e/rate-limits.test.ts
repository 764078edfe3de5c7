import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../lib/errors.js';
import { silentLogger } from '../../lib/logging.js';
import { createRateLimits } from '../../gateway/plugins/rate-limits.js';
import { stackForTests } from '../helpers/stack.js';

/** In-memory limits in requests per minute (verification codes: per ten minutes). */
const limitsOf = (keyPrefix: string, address: number, resident: number, verification: number) =>
  createRateLimits({
    limits: {
      address: { points: address, durationSeconds: 60 },
      resident: { points: resident, durationSeconds: 60 },
      verification: { points: verification, durationSeconds: 600 },
    },
    keyPrefix,
    logger: silentLogger,
  });

/**
 * The rate limits through the real gateway and its error boundary: a resident who asks too often
 * gets 429 with Retry-After and TE_VEEL_VERZOEKEN in plain Dutch; the verification-code mutations
 * have a stricter limit of their own. (The limits themselves: test/security/rate-limits.test.ts.)
 */
describe('rate limits at the gateway', () => {
  const world = stackForTests({ gateway: { rateLimits: limitsOf('test', 1_000, 4, 1) } });

  it('a resident over the limit gets 429, Retry-After and TE_VEEL_VERZOEKEN; another resident is not affected', async () => {
    const verifieer = `mutation { verifieerContactgegeven(input: { id: "onbekend", code: "123456" }) { __typename } }`;
    // The first verification attempt counts in both buckets; the second is over the strict one.
    const first = await world.stack.query(verifieer, { token: world.token });
    expect(first.status).not.toBe(429);
    const second = await world.stack.query(verifieer, { token: world.token });
    expect(second.status).toBe(429);
    expect(second.body.errors).toEqual([
      { message: ERROR_MESSAGES.TE_VEEL_VERZOEKEN, extensions: { code: 'TE_VEEL_VERZOEKEN' } },
    ]);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);

    // Two requests so far; two more pass, the fifth is over the resident's limit.
    for (let i = 0; i < 2; i++)
      expect((await world.stack.query('{ me { id } }', { token: world.token })).status).toBe(200);
    const over = await world.stack.query('{ me { id } }', { token: world.token });
    expect(over.status).toBe(429);
    expect(over.body.errors?.[0]?.extensions?.['code']).toBe('TE_VEEL_VERZOEKEN');
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);

    const other = await world.stack.login({ bsn: '999990019' });
    const theirs = await world.stack.query('{ me { id } }', { token: other });
    expect(theirs.status).toBe(200);
  });
});

describe('the limit per address at the gateway, behind a trusted proxy', () => {
  const world = stackForTests({
    gateway: { trustProxy: ['loopback'], rateLimits: limitsOf('test-adres', 2, 1_000, 10) },
  });
  const post = (address: string) =>
    fetch(world.stack.gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${world.token}`,
        'x-forwarded-for': address,
      },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });

  it('counts the address the proxy names: the third request from it gets 429, another address is let through', async () => {
    expect((await post('203.0.113.7')).status).toBe(200);
    expect((await post('203.0.113.7')).status).toBe(200);
    const over = await post('203.0.113.7');
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(over.headers.get('x-content-type-options')).toBe('nosniff');
    expect(
      ((await over.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code,
    ).toBe('TE_VEEL_VERZOEKEN');
    expect((await post('198.51.100.20')).status).toBe(200);
  });
});
