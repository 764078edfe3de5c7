import { describe, expect, it, vi } from 'vitest';
import { ERROR_MESSAGES } from '../../lib/errors.js';
import { stackForTests } from '../helpers/stack.js';

/** What must never reach a client: HTML error pages, stack traces, absolute paths, English internals. */
const INTERNAL = /<html|<pre|SyntaxError|at .*\(|\/work\/|node_modules|Unexpected token/i;

describe('the error boundary: coded errors in plain Dutch, nothing internal', () => {
  const world = stackForTests();

  it('a body that is not JSON gets a coded JSON error, and the body is written nowhere', async () => {
    const written: string[] = [];
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const consoleError = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      written.push(args.map(String).join(' '));
    });
    try {
      const response = await fetch(world.stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${world.token}` },
        body: '{"query": "{ me { id } }", GEHEIME-INHOUD',
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({
        errors: [{ message: 'Het verzoek is geen geldige JSON.', extensions: { code: 'BAD_REQUEST' } }],
      });
      expect(text).not.toMatch(INTERNAL);
    } finally {
      stderr.mockRestore();
      consoleError.mockRestore();
    }
    expect(written.join('\n')).not.toContain('GEHEIME-INHOUD');
  });

  it('the Bearer scheme is case-insensitive (RFC 9110)', async () => {
    for (const scheme of ['bearer', 'BEARER', 'Bearer']) {
      const response = await fetch(world.stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `${scheme} ${world.token}` },
        body: JSON.stringify({ query: '{ me { soort } }' }),
      });
      expect(response.status, scheme).toBe(200);
      expect(await response.json()).toEqual({ data: { me: { soort: 'INWONER' } } });
    }
  });

  it("Apollo's own refusals speak Dutch, with the developer's detail in extensions.detail", async () => {
    const cases: Array<[string, RequestInit & { url?: string }, string]> = [
      ['parse', { body: JSON.stringify({ query: '{ me { id ' }) }, 'GRAPHQL_PARSE_FAILED'],
      ['validation', { body: JSON.stringify({ query: '{ me { bestaatNiet } }' }) }, 'GRAPHQL_VALIDATION_FAILED'],
      [
        'variable',
        {
          body: JSON.stringify({
            query: 'query($n: Int!) { me { zaken(eerste: $n) { totaal } } }',
            variables: { n: 'tien' },
          }),
        },
        'BAD_USER_INPUT',
      ],
      [
        'unknown persisted query',
        {
          body: JSON.stringify({
            extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } },
          }),
        },
        'PERSISTED_QUERY_NOT_FOUND',
      ],
      [
        'CSRF refusal',
        { method: 'GET', url: `${world.stack.gatewayUrl}?query=${encodeURIComponent('{ me { id } }')}` },
        'BAD_REQUEST',
      ],
    ];
    for (const [what, init, code] of cases) {
      const response = await fetch(init.url ?? world.stack.gatewayUrl, {
        method: init.method ?? 'POST',
        headers: {
          ...(init.method === 'GET' ? {} : { 'content-type': 'application/json' }),
          authorization: `Bearer ${world.token}`,
        },
        ...(init.body ? { body: init.body } : {}),
      });
      const body = (await response.json()) as {
        errors: Array<{ message: string; extensions: Record<string, unknown> }>;
      };
      const [error] = body.errors;
      expect(error?.extensions['code'], what).toBe(code);
      expect(error?.message, what).toBe(ERROR_MESSAGES[code as keyof typeof ERROR_MESSAGES]);
      expect(typeof error?.extensions['detail'], what).toBe('string');
      expect(JSON.stringify(body), what).not.toMatch(/<html|\/work\/|node_modules/);
    }
  });

  it('our own messages from the subgraphs are kept as they are', async () => {
    const { body } = await world.stack.query('{ me { meldingen(aantal: 1000) { kanaal } } }', { token: world.token });
    expect(body.errors?.[0]).toMatchObject({
      message: 'Vraag 1 tot en met 100 meldingen op.',
      path: ['me', 'meldingen'],
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(body.errors?.[0]?.extensions).not.toHaveProperty('detail');
  });
});
