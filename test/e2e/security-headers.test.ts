import { describe, expect, it } from 'vitest';
import { stackForTests } from '../helpers/stack.js';

/** The headers every answer must carry, whatever it is (the Dutch API design rules' list). */
function expectSecurityHeaders(headers: Headers, what: string): void {
  expect(headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(headers.get('x-frame-options'), what).toBe('DENY');
  expect(headers.get('referrer-policy'), what).toBe('no-referrer');
  expect(headers.get('strict-transport-security'), what).toMatch(/^max-age=31536000; includeSubDomains/);
  expect(headers.get('cache-control'), what).toBe('no-store');
  expect(headers.get('x-powered-by'), what).toBeNull();
}

describe('HTTP security headers on every answer, errors included', () => {
  const world = stackForTests();

  it('on the gateway: answers, refusals, unreadable bodies, unknown paths, health', async () => {
    const base = world.stack.gatewayUrl.replace(/\/graphql$/, '');
    const post = (body: string, authorization?: string) =>
      fetch(world.stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body,
      });
    const answers: Array<[string, Response]> = [
      ['an answer', await post(JSON.stringify({ query: '{ me { id } }' }), `Bearer ${world.token}`)],
      ['a refused token', await post(JSON.stringify({ query: '{ me { id } }' }), 'Bearer niet.geldig.token')],
      ['a body that is not JSON', await post('{ kapot')],
      ['an unknown path', await fetch(`${base}/bestaat-niet`)],
      ['health', await fetch(`${base}/health`)],
    ];
    expect(answers.map(([, r]) => r.status)).toEqual([200, 401, 400, 404, 200]);
    for (const [what, response] of answers) expectSecurityHeaders(response.headers, what);
    // JSON answers may load and frame nothing.
    expect(answers[0]?.[1].headers.get('content-security-policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
    );
  });

  it('on a subgraph too, also when it refuses a call without an internal token', async () => {
    const response = await fetch(world.stack.subgraphUrls.brp, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(response.status).toBe(401);
    expectSecurityHeaders(response.headers, 'subgraph 401');
  });
});
