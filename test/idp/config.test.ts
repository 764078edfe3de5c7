import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../lib/config.js';
import { loadIdpConfig } from '../../simulators/idp/config.js';

describe('DigiD-simulator config', () => {
  it('has defaults that work with npm start and npm run token', () => {
    expect(loadIdpConfig({})).toMatchObject({
      port: 4010,
      host: '127.0.0.1',
      issuer: 'http://localhost:4010',
      audience: 'profielservice',
      clientId: 'mijn-omgeving-dev',
      redirectUris: ['http://localhost:4000/', 'http://127.0.0.1:4000/', 'http://localhost:4010/cli/callback'],
      keys: undefined,
      accessTokenTtlSeconds: 900,
    });
  });

  it('derives the issuer and the CLI redirect URI from the port', () => {
    const config = loadIdpConfig({ IDP_PORT: '4999' });
    expect(config.issuer).toBe('http://localhost:4999');
    expect(config.redirectUris).toContain('http://localhost:4999/cli/callback');
  });

  it('reads a comma-separated redirect list and a JWKS', () => {
    const config = loadIdpConfig({
      IDP_REDIRECT_URIS: 'http://localhost:3000/callback, http://localhost:4010/cli/callback',
      IDP_KEYS: '{"keys":[{"kty":"RSA","n":"x","e":"AQAB","d":"y"}]}',
    });
    expect(config.redirectUris).toEqual(['http://localhost:3000/callback', 'http://localhost:4010/cli/callback']);
    expect(config.keys?.keys).toHaveLength(1);
  });

  it('names each wrong variable', () => {
    let error: unknown;
    try {
      loadIdpConfig({ IDP_PORT: 'vier', IDP_REDIRECT_URIS: 'geen-url', IDP_KEYS: '{', IDP_ISSUER: 'localhost' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const variable of ['IDP_PORT', 'IDP_REDIRECT_URIS', 'IDP_KEYS', 'IDP_ISSUER'])
      expect(problems).toContain(variable);
  });
});
