import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../lib/config.js';
import { loadGatewayConfig } from '../../gateway/config.js';
import { loadZakenConfig } from '../../subgraphs/zaken/config.js';

function problems(load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
}

describe('configuration is read once and checked', () => {
  it('names every missing variable of the gateway', () => {
    const found = problems(() => loadGatewayConfig({}));
    for (const variable of [
      'OIDC_ISSUER',
      'OIDC_AUDIENCE',
      'INTERNAL_TOKEN_PRIVATE_KEY',
      'PSEUDONYM_KEY',
      'SUBGRAPH_BRP_URL',
    ]) {
      expect(found.some((p) => p.startsWith(`${variable}:`))).toBe(true);
    }
  });

  it('names a malformed variable and says what is wrong', () => {
    const found = problems(() =>
      loadZakenConfig({ INTERNAL_TOKEN_PUBLIC_KEYS: '{"keys":[{"kty":"EC"}]}', ZAKEN_BRONNEN: '[{"naam":"A"' }),
    );
    expect(found).toEqual([expect.stringMatching(/^ZAKEN_BRONNEN: must be a JSON list/)]);
    const port = problems(() =>
      loadZakenConfig({ INTERNAL_TOKEN_PUBLIC_KEYS: '{"keys":[{"kty":"EC"}]}', ZAKEN_BRONNEN: '[]', PORT: 'abc' }),
    );
    expect(port.some((p) => p.startsWith('PORT:'))).toBe(true);
    expect(port.some((p) => p.startsWith('ZAKEN_BRONNEN:'))).toBe(true);
  });

  it('keeps introspection off in production unless configured', () => {
    const base = {
      OIDC_ISSUER: 'https://idp.example',
      OIDC_AUDIENCE: 'profielservice',
      INTERNAL_TOKEN_PRIVATE_KEY: JSON.stringify({ kty: 'EC', crv: 'P-256', d: 'd', x: 'x', y: 'y', kid: 'k' }),
      PSEUDONYM_KEY: 'p'.repeat(32),
      SUBGRAPH_BRP_URL: 'http://brp:4001/graphql',
      SUBGRAPH_ZAKEN_URL: 'http://zaken:4002/graphql',
      SUBGRAPH_BERICHTEN_URL: 'http://berichten:4003/graphql',
      SUBGRAPH_VOORKEUREN_URL: 'http://voorkeuren:4004/graphql',
    };
    expect(loadGatewayConfig({ ...base, NODE_ENV: 'production' }).introspection).toBe(false);
    expect(loadGatewayConfig({ ...base, NODE_ENV: 'production', INTROSPECTION: 'true' }).introspection).toBe(true);
    expect(loadGatewayConfig({ ...base, NODE_ENV: 'development' }).introspection).toBe(true);
  });
});
