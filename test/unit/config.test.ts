import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../lib/config.js';
import { loadGatewayConfig } from '../../gateway/config.js';
import { loadZakenConfig } from '../../subgraphs/zaken/config.js';
import { loadBerichtenConfig } from '../../subgraphs/berichten/config.js';

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

describe("a subgraph that verifies the resident's own token (SUBGRAPH_AUTH=oidc)", () => {
  const KEYS = '{"keys":[{"kty":"EC"}]}';
  const BERICHTEN = { MIJNOVERHEID_BERICHTENBOX_URL: 'https://mijnoverheid.example/api/v1' };
  const OIDC = {
    OIDC_ISSUER: 'https://idp.example/realms/gemeente',
    OIDC_AUDIENCE: 'profielservice',
    OIDC_CLIENT_IDS: 'portaal',
    MACHTIGING_DIENSTEN: '{"dienst-1":["zaken"]}',
    PSEUDONYM_KEY: 'p'.repeat(32),
  };

  it('refuses to start without the issuer, the audience and the pseudonym key, naming each', () => {
    expect(problems(() => loadBerichtenConfig({ ...BERICHTEN, SUBGRAPH_AUTH: 'oidc' }))).toEqual([
      'OIDC_ISSUER: is required when SUBGRAPH_AUTH is oidc',
      'OIDC_AUDIENCE: is required when SUBGRAPH_AUTH is oidc',
      'PSEUDONYM_KEY: is required when SUBGRAPH_AUTH is oidc',
    ]);
  });

  it('refuses what the gateway refuses: tokens without typ at+jwt and without a client list', () => {
    expect(
      problems(() =>
        loadBerichtenConfig({
          ...BERICHTEN,
          ...OIDC,
          SUBGRAPH_AUTH: 'oidc',
          OIDC_REQUIRE_AT_JWT: 'false',
          OIDC_CLIENT_IDS: undefined,
        }),
      ),
    ).toEqual(['OIDC_CLIENT_IDS: is required when OIDC_REQUIRE_AT_JWT is false, and must not contain OIDC_AUDIENCE']);
  });

  it("needs the gateway's keys by default, and refuses a mode it does not know", () => {
    expect(problems(() => loadBerichtenConfig(BERICHTEN))).toEqual([
      'INTERNAL_TOKEN_PUBLIC_KEYS: is required unless SUBGRAPH_AUTH is oidc',
    ]);
    expect(loadBerichtenConfig({ ...BERICHTEN, INTERNAL_TOKEN_PUBLIC_KEYS: KEYS }).auth.mode).toBe('intern');
    expect(
      problems(() =>
        loadBerichtenConfig({ ...BERICHTEN, INTERNAL_TOKEN_PUBLIC_KEYS: KEYS, SUBGRAPH_AUTH: 'router' }),
      )[0],
    ).toMatch(/^SUBGRAPH_AUTH:/);
  });

  it("verifies with the settings the gateway reads from the same variables, without the gateway's keys", () => {
    const { auth } = loadBerichtenConfig({ ...BERICHTEN, ...OIDC, SUBGRAPH_AUTH: 'oidc' });
    const gateway = loadGatewayConfig({
      ...OIDC,
      NODE_ENV: 'production',
      INTERNAL_TOKEN_PRIVATE_KEY: JSON.stringify({ kty: 'EC', crv: 'P-256', d: 'd', x: 'x', y: 'y', kid: 'k' }),
      SUBGRAPH_BRP_URL: 'http://brp:4001/graphql',
      SUBGRAPH_ZAKEN_URL: 'http://zaken:4002/graphql',
      SUBGRAPH_BERICHTEN_URL: 'http://berichten:4003/graphql',
      SUBGRAPH_VOORKEUREN_URL: 'http://voorkeuren:4004/graphql',
    });
    if (auth.mode !== 'oidc') throw new Error(`expected oidc mode, got ${auth.mode}`);
    expect(auth.internalKeys).toBeUndefined();
    expect(auth.residents).toEqual({
      verification: gateway.oidcVerification,
      claimPreset: gateway.OIDC_CLAIM_PRESET,
      machtigingDiensten: gateway.MACHTIGING_DIENSTEN,
      pseudonymKey: gateway.PSEUDONYM_KEY,
    });
    expect(auth.residents.verification).toMatchObject({ issuer: OIDC.OIDC_ISSUER, clientIds: ['portaal'] });
  });
});
