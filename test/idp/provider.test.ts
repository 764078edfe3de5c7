import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTPayload } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  acrForNiveau,
  EHERKENNING_KVK_CLAIM,
  EHERKENNING_RSIN_CLAIM,
  EHERKENNING_VESTIGING_CLAIM,
  identityFromClaims,
  niveauFromAcr,
} from '../../lib/identity/index.js';
import { CookieJar } from '../../simulators/idp/cookie-jar.js';
import { loginAsTestPerson, TestLoginError, type LoginAsTestPersonOptions } from '../../simulators/idp/login-client.js';
import { FORM_NIVEAUS, NIVEAU_OF_FORM } from '../../simulators/idp/login-form.js';
import { createDevIdentityProvider } from '../../simulators/idp/provider.js';
import { startIdp, type RunningIdp } from './harness.js';

/** Verifies an access token the way the gateway does: remote JWKS from discovery, iss, aud, exp. */
async function verifyAccessToken(idp: RunningIdp, token: string): Promise<JWTPayload> {
  const discovery = (await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).json()) as {
    jwks_uri: string;
  };
  const jwks = createRemoteJWKSet(new URL(discovery.jwks_uri));
  const { payload } = await jwtVerify(token, jwks, {
    issuer: idp.issuer,
    audience: idp.audience,
    algorithms: ['RS256'],
    requiredClaims: ['exp', 'iat'],
  });
  return payload;
}

function login(idp: RunningIdp, options: Omit<LoginAsTestPersonOptions, 'issuer' | 'clientId' | 'redirectUri'>) {
  return loginAsTestPerson({ issuer: idp.issuer, clientId: idp.clientId, redirectUri: idp.redirectUri, ...options });
}

describe('DigiD-simulator: discovery and keys', () => {
  it('serves a discovery document for its exact issuer, with PKCE S256 and the DigiD/eHerkenning acr values', async () => {
    await using idp = await startIdp();
    const response = await fetch(`${idp.issuer}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const discovery = (await response.json()) as Record<string, unknown>;
    expect(discovery['issuer']).toBe(idp.issuer);
    expect(discovery['authorization_endpoint']).toBe(`${idp.issuer}/auth`);
    expect(discovery['code_challenge_methods_supported']).toEqual(['S256']);
    expect(discovery['acr_values_supported']).toContain(acrForNiveau('DIGID', 'SUBSTANTIEEL'));
    expect(discovery['acr_values_supported']).toContain(acrForNiveau('EHERKENNING', 'HOOG'));
  });

  it('publishes only public RS256 keys', async () => {
    await using idp = await startIdp();
    const jwks = (await (await fetch(`${idp.issuer}/jwks`)).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys.length).toBeGreaterThan(0);
    for (const key of jwks.keys) {
      expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
      expect(key).not.toHaveProperty('d');
    }
  });

  it('answers /health', async () => {
    await using idp = await startIdp();
    const response = await fetch(`${idp.issuer}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});

describe('DigiD-simulator: DigiD login', () => {
  it.each(FORM_NIVEAUS)(
    'gives a verifiable JWT access token with bsn and the DigiD acr at niveau %s',
    async (niveau) => {
      await using idp = await startIdp();
      const tokens = await login(idp, { bsn: '999993653', niveau });

      const claims = await verifyAccessToken(idp, tokens.accessToken);
      expect(claims['bsn']).toBe('999993653');
      expect(claims['acr']).toBe(acrForNiveau('DIGID', NIVEAU_OF_FORM[niveau]));
      expect(niveauFromAcr(claims['acr'])).toBe(NIVEAU_OF_FORM[niveau]);
      expect(claims.exp! - claims.iat!).toBe(tokens.expiresIn);
      // The gateway's own claim mapping accepts the token as is.
      expect(identityFromClaims(claims, 'bsn')).toEqual({
        soort: 'INWONER',
        middel: 'DIGID',
        niveau: NIVEAU_OF_FORM[niveau],
        bsn: '999993653',
      });
    },
  );

  it('uses an opaque sub, stable per person, never the BSN', async () => {
    await using idp = await startIdp();
    const first = decodeJwt((await login(idp, { bsn: '999993653' })).accessToken);
    const again = decodeJwt((await login(idp, { bsn: '999993653', niveau: 'hoog' })).accessToken);
    const other = decodeJwt((await login(idp, { bsn: '999970008' })).accessToken);
    expect(first.sub).toMatch(/^[\w-]{20,}$/);
    expect(first.sub).not.toContain('999993653');
    expect(again.sub).toBe(first.sub);
    expect(other.sub).not.toBe(first.sub);
  });

  it('puts the same identity claims in the ID token, for the client', async () => {
    await using idp = await startIdp();
    const tokens = await login(idp, { bsn: '999970008', niveau: 'midden' });
    const { payload } = await jwtVerify(tokens.idToken, createRemoteJWKSet(new URL(`${idp.issuer}/jwks`)), {
      issuer: idp.issuer,
      audience: idp.clientId,
    });
    expect(payload).toMatchObject({ bsn: '999970008', acr: acrForNiveau('DIGID', 'MIDDEN') });
    expect(payload.sub).toBe(decodeJwt(tokens.accessToken).sub);
  });

  it('lets one browser switch test persons without logging out', async () => {
    await using idp = await startIdp();
    const cookies = new CookieJar();
    const first = await login(idp, { bsn: '999993653', cookies });
    const second = await login(idp, { bsn: '999970008', niveau: 'basis', cookies });
    expect(decodeJwt(first.accessToken)['bsn']).toBe('999993653');
    expect(decodeJwt(second.accessToken)).toMatchObject({ bsn: '999970008', acr: acrForNiveau('DIGID', 'BASIS') });
  });

  it('issues tokens for the configured audience and lifetime', async () => {
    await using idp = await startIdp({ audience: 'andere-gateway', accessTokenTtlSeconds: 120 });
    const tokens = await login(idp, { bsn: '999993653', audience: 'andere-gateway' });
    const claims = await verifyAccessToken(idp, tokens.accessToken);
    expect(claims.aud).toBe('andere-gateway');
    expect(tokens.expiresIn).toBe(120);
  });

  it('tells the caller when the token is for another audience than it expects', async () => {
    await using idp = await startIdp();
    const error = await login(idp, { bsn: '999993653', audience: 'iets-anders' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TestLoginError);
    expect(error).toMatchObject({ code: 'TOKEN_FAILED' });
  });
});

describe('DigiD-simulator: eHerkenning login', () => {
  it('gives the KvK number, vestiging, RSIN and an eHerkenning loa', async () => {
    await using idp = await startIdp();
    const tokens = await login(idp, { kvk: '68750110', vestiging: '000038509504', niveau: 'hoog' });
    const claims = await verifyAccessToken(idp, tokens.accessToken);
    expect(claims).toMatchObject({
      [EHERKENNING_KVK_CLAIM]: '68750110',
      [EHERKENNING_VESTIGING_CLAIM]: '000038509504',
      [EHERKENNING_RSIN_CLAIM]: '820374830',
      acr: 'urn:etoegang:core:assurance-class:loa4',
    });
    expect(claims).not.toHaveProperty('bsn');
    expect(identityFromClaims(claims, 'bsn')).toMatchObject({ soort: 'ONDERNEMER', kvk: '68750110', niveau: 'HOOG' });
  });

  it('leaves the vestiging out when none was chosen', async () => {
    await using idp = await startIdp();
    const claims = await verifyAccessToken(idp, (await login(idp, { kvk: '69599084' })).accessToken);
    expect(claims[EHERKENNING_KVK_CLAIM]).toBe('69599084');
    expect(claims).not.toHaveProperty(EHERKENNING_VESTIGING_CLAIM);
    expect(claims['acr']).toBe(acrForNiveau('EHERKENNING', 'SUBSTANTIEEL'));
  });
});

describe('DigiD-simulator: browser clients', () => {
  it('allows the token endpoint from the origin of a registered redirect URI only', async () => {
    await using idp = await startIdp({
      clients: [{ client_id: 'playground', redirect_uris: ['http://localhost:4000/'] }],
    });
    const tokenRequest = (origin: string) =>
      fetch(`${idp.issuer}/token`, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code: 'onbekend',
          client_id: 'playground',
          redirect_uri: 'http://localhost:4000/',
          code_verifier: 'a'.repeat(43),
        }).toString(),
      });
    const allowed = await tokenRequest('http://localhost:4000');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:4000');
    expect(await allowed.json()).toMatchObject({ error: 'invalid_grant' });
    const other = await tokenRequest('http://elders.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    await other.body?.cancel();
  });
});

describe('DigiD-simulator: refusals', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('refuses to be built with NODE_ENV=production', () => {
    vi.stubEnv('NODE_ENV', 'production');
    expect(() =>
      createDevIdentityProvider({ issuer: 'http://localhost:4010', audience: 'profielservice', clients: [] }),
    ).toThrow(/NODE_ENV=production/);
  });

  it('refuses keys without a private signing key', () => {
    expect(() =>
      createDevIdentityProvider({
        issuer: 'http://localhost:4010',
        audience: 'profielservice',
        clients: [],
        keys: { keys: [{ kty: 'RSA', n: 'AQAB', e: 'AQAB' }] },
      }),
    ).toThrow(/privé RSA-sleutel/);
  });

  it('shows a Dutch error page, not a redirect, for an unknown client', async () => {
    await using idp = await startIdp();
    const error = await loginAsTestPerson({
      issuer: idp.issuer,
      clientId: 'onbekend',
      redirectUri: idp.redirectUri,
      bsn: '999993653',
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'AUTHORIZATION_FAILED' });
    expect((error as Error).message).toMatch(/Inloggen lukt niet.*invalid_client/);
  });

  it('reports an unreachable IdP as such', async () => {
    const issuer = await (async () => {
      await using idp = await startIdp();
      return idp.issuer;
    })();
    const error = await loginAsTestPerson({
      issuer,
      clientId: 'test-client',
      redirectUri: `${issuer}/cli/callback`,
      bsn: '999993653',
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'IDP_UNREACHABLE' });
  });
});
