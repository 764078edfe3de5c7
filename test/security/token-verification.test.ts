import { randomUUID } from 'node:crypto';
import { exportJWK, exportSPKI, SignJWT, type JWK, type JWTPayload } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createOidcVerifier,
  IdentityProviderUnavailableError,
  InvalidTokenError,
  type OidcVerifier,
  type OidcVerifierOptions,
} from '../../lib/oidc/index.js';
import { identityFromClaims } from '../../lib/identity/index.js';
import { loginAsTestPerson } from '../../simulators/idp/login-client.js';
import {
  closedUrl,
  createSigningKey,
  startJwksServer,
  type EndpointFault,
  type JwksServer,
  type SigningKey,
} from '../helpers/jwks-server.js';
import { startIdp, TEST_CLIENT_ID } from '../idp/harness.js';

/**
 * The attacker's checklist for the gateway's token verification (docs/security.md, "Token
 * verification"): each case is a token, or a state of the identity provider, that must not lead
 * to a login. The provider is a local discovery + JWKS server with keys made here; the clock is
 * the test's, so cooldowns and lifetimes are exact.
 */

const AUDIENCE = 'profielservice';
const CLIENT_ID = 'mijn-omgeving';
const TOLERANCE = 10;
const SMARTCARD = 'urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard';
const ISSUER_PATH = '/realms/mijn-gemeente';

let clock = 0;
const now = () => new Date(clock);
const seconds = () => Math.floor(clock / 1000);
const advance = (s: number) => {
  clock += s * 1000;
};

let provider: JwksServer;
let key: SigningKey;
let attackerKey: SigningKey;

beforeAll(async () => {
  key = await createSigningKey('sleutel-2025');
  attackerKey = await createSigningKey('aanvaller');
  provider = await startJwksServer({ keys: [key], issuerPath: ISSUER_PATH });
});
afterAll(async () => {
  await provider?.close();
});
beforeEach(() => {
  clock = Date.parse('2025-06-02T09:00:00Z');
  provider.resetCounts();
  provider.publish([key]);
  provider.setFault('discovery', { kind: 'none' });
  provider.setFault('jwks', { kind: 'none' });
});

function verifierFor(server: JwksServer, options: Partial<OidcVerifierOptions> = {}): OidcVerifier {
  return createOidcVerifier({
    issuer: server.issuer,
    audience: AUDIENCE,
    algorithms: ['RS256', 'PS256', 'ES256'],
    clockToleranceSeconds: TOLERANCE,
    now,
    ...options,
  });
}

/** The claims of a good access token for Suzanne Moulin; `undefined` removes a claim. */
function claims(changes: Record<string, unknown> = {}, issuer = provider.issuer): JWTPayload {
  const all: Record<string, unknown> = {
    iss: issuer,
    aud: AUDIENCE,
    sub: 'opaque-subject',
    client_id: CLIENT_ID,
    iat: seconds() - 60,
    exp: seconds() + 600,
    bsn: '999993653',
    acr: SMARTCARD,
    ...changes,
  };
  return Object.fromEntries(Object.entries(all).filter(([, value]) => value !== undefined));
}

/** A token as the provider issues it: its key, RFC 9068 `typ`. */
function issue(changes: Record<string, unknown> = {}, signer = key, header: Record<string, unknown> = {}) {
  return signer.sign(claims(changes), { typ: 'at+jwt', ...header });
}

/** Verifies and maps the claims as the gateway does; resolves to the BSN of the login. */
async function loginWith(verifier: OidcVerifier, token: string): Promise<string | undefined> {
  const identity = identityFromClaims(await verifier.verify(token), 'bsn');
  return identity.soort === 'INWONER' ? identity.bsn : undefined;
}

async function expectRefused(verifier: OidcVerifier, token: string | Promise<string>): Promise<void> {
  await expect(verifier.verify(await token)).rejects.toBeInstanceOf(InvalidTokenError);
}

function unsigned(payload: JWTPayload, alg: string): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg, typ: 'at+jwt', kid: key.kid })}.${part(payload)}.`;
}

describe('signature and algorithm', () => {
  it('accepts a token signed with the published key (so each refusal below is about its change alone)', async () => {
    expect(await loginWith(verifierFor(provider), await issue())).toBe('999993653');
  });

  it.each(['none', 'None', 'NONE'])(
    'refuses an unsigned token (alg %s) without asking the provider anything',
    async (alg) => {
      await expectRefused(verifierFor(provider), unsigned(claims(), alg));
      expect(provider.requests).toEqual({ discovery: 0, jwks: 0, other: 0 });
    },
  );

  it('refuses HS256 tokens whose HMAC secret is the public key (as PEM or as JWK)', async () => {
    const verifier = verifierFor(provider);
    const secrets = [await exportSPKI(key.publicKey), JSON.stringify(key.publicJwk)];
    for (const secret of secrets) {
      const token = await new SignJWT(claims())
        .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid: key.kid })
        .sign(new TextEncoder().encode(secret));
      await expectRefused(verifier, token);
    }
  });

  it('cannot be configured with none, an HMAC algorithm or no algorithm at all', () => {
    for (const algorithms of [['none'], ['HS256'], ['RS256', 'HS512'], []]) {
      expect(() => verifierFor(provider, { algorithms })).toThrow(/asymmetric/);
    }
  });

  it('refuses a token signed by another key under the published kid', async () => {
    await expectRefused(verifierFor(provider), issue({}, attackerKey, { kid: key.kid }));
  });
});

describe('issuer', () => {
  const lookAlikes: Array<[string, (server: JwksServer) => string]> = [
    ['with a trailing slash', (s) => `${s.issuer}/`],
    ['on another host with the same path', (s) => `http://localhost:${new URL(s.url).port}${ISSUER_PATH}`],
    ['that starts with ours', (s) => `${s.issuer}-test`],
    ['that ours starts with', (s) => `${s.url}/realms`],
    ['in other letter case', (s) => s.issuer.toUpperCase()],
    ['of someone else', () => 'https://evil.example/realms/mijn-gemeente'],
  ];

  it.each(lookAlikes)('refuses an iss %s', async (_label, issuerOf) => {
    await expectRefused(verifierFor(provider), issue({ iss: issuerOf(provider) }));
  });

  it('takes an issuer that ends in "/" (as some brokers have) exactly as it is', async () => {
    await using server = await startJwksServer({ keys: [key], issuerPath: '/' });
    expect(server.issuer).toMatch(/\/$/);
    const verifier = verifierFor(server);
    expect(await loginWith(verifier, await issueFor(server))).toBe('999993653');
    await expectRefused(verifier, issue({ iss: server.issuer.replace(/\/$/, '') }));
  });

  it('refuses a token without iss', async () => {
    await expectRefused(verifierFor(provider), issue({ iss: undefined }));
  });

  it('accepts no token while the discovery document names another issuer, even a look-alike', async () => {
    provider.setFault('discovery', {
      kind: 'document',
      body: { issuer: `${provider.issuer}/`, jwks_uri: provider.jwksUri },
    });
    const verifier = verifierFor(provider);
    await expect(verifier.verify(await issue())).rejects.toBeInstanceOf(IdentityProviderUnavailableError);
    await expect(verifier.verify(await issue({ iss: `${provider.issuer}/` }))).rejects.toBeInstanceOf(
      IdentityProviderUnavailableError,
    );
  });
});

describe('audience', () => {
  it.each([
    ['without aud', { aud: undefined }],
    ['for another API', { aud: 'andere-api' }],
    ['for other APIs only', { aud: ['andere-api', 'profielservice-test'] }],
    ['for the client instead of the API', { aud: CLIENT_ID }],
  ])('refuses a token %s', async (_label, changes) => {
    await expectRefused(verifierFor(provider), issue(changes));
  });
});

describe('lifetime (clock tolerance 10 s)', () => {
  it('refuses a token that expired beyond the tolerance, and one without exp', async () => {
    const verifier = verifierFor(provider);
    await expectRefused(verifier, issue({ exp: seconds() - TOLERANCE - 1 }));
    await expectRefused(verifier, issue({ exp: undefined }));
    await expectRefused(verifier, issue({ exp: String(seconds() + 600) }));
  });

  it('refuses a token not valid before a moment beyond the tolerance, accepts one within it', async () => {
    const verifier = verifierFor(provider);
    await expectRefused(verifier, issue({ nbf: seconds() + TOLERANCE + 5 }));
    expect(await loginWith(verifier, await issue({ nbf: seconds() + TOLERANCE - 2 }))).toBe('999993653');
  });
});

describe('keys: unknown kid, rotation and withdrawal', () => {
  const randomKid = () => issue({}, attackerKey, { kid: randomUUID() });

  it('asks discovery and the JWKS once for a burst of logins on a fresh gateway', async () => {
    const verifier = verifierFor(provider);
    const tokens = await Promise.all(Array.from({ length: 50 }, () => issue()));
    const bsns = await Promise.all(tokens.map((token) => loginWith(verifier, token)));
    expect(new Set(bsns)).toEqual(new Set(['999993653']));
    expect(provider.requests).toEqual({ discovery: 1, jwks: 1, other: 0 });
  });

  it('reads the JWKS again at most once per cooldown, also under a flood of random kids', async () => {
    const verifier = verifierFor(provider, { jwksCooldownSeconds: 30 });
    expect(await loginWith(verifier, await issue())).toBe('999993653');
    expect(provider.requests.jwks).toBe(1);

    advance(31);
    const flood = await Promise.all(Array.from({ length: 200 }, randomKid));
    const results = await Promise.allSettled(flood.map((token) => verifier.verify(token)));
    expect(results.every((r) => r.status === 'rejected' && r.reason instanceof InvalidTokenError)).toBe(true);
    expect(provider.requests.jwks).toBe(2);

    // One at a time, within the cooldown: no request at all.
    for (let i = 0; i < 50; i++) {
      advance(0.5);
      await expectRefused(verifier, randomKid());
    }
    expect(provider.requests.jwks).toBe(2);

    advance(10);
    await expectRefused(verifier, randomKid());
    expect(provider.requests.jwks).toBe(3);
    // The known key still works throughout.
    expect(await loginWith(verifier, await issue())).toBe('999993653');
    expect(provider.requests.jwks).toBe(3);
  });

  it('accepts a token of a newly published key after exactly one re-fetch', async () => {
    await using server = await startJwksServer({ keys: [key] });
    const verifier = verifierFor(server, { jwksCooldownSeconds: 30 });
    expect(await loginWith(verifier, await issueFor(server))).toBe('999993653');
    expect(server.requests.jwks).toBe(1);

    const next = await createSigningKey('sleutel-2026');
    server.publish([key, next]);
    advance(31);
    // Residents who logged in just after the rotation arrive together: all wait for the one re-fetch.
    const tokens = await Promise.all(Array.from({ length: 20 }, () => issueFor(server, next)));
    const bsns = await Promise.all(tokens.map((token) => loginWith(verifier, token)));
    expect(new Set(bsns)).toEqual(new Set(['999993653']));
    expect(server.requests.jwks).toBe(2);
    expect(await loginWith(verifier, await issueFor(server, next))).toBe('999993653');
    expect(await loginWith(verifier, await issueFor(server))).toBe('999993653');
    expect(server.requests.jwks).toBe(2);
  });

  it('stops accepting a withdrawn key once the keys are older than their maximum age', async () => {
    const verifier = verifierFor(provider, { jwksMaxAgeSeconds: 600 });
    expect(await loginWith(verifier, await issue())).toBe('999993653');
    const next = await createSigningKey('sleutel-2026');
    provider.publish([next]);
    advance(601);
    await expectRefused(verifier, issue());
    expect(provider.requests.jwks).toBe(2);
  });

  it('asks a failing JWKS again only after the retry interval, however many tokens arrive', async () => {
    provider.setFault('jwks', { kind: 'status', status: 500 });
    const verifier = verifierFor(provider, { retryAfterFailureSeconds: 5 });
    for (let i = 0; i < 100; i++) {
      await expect(verifier.verify(await (i % 2 ? randomKid() : issue()))).rejects.toBeInstanceOf(
        IdentityProviderUnavailableError,
      );
    }
    expect(provider.requests.jwks).toBe(1);
    provider.setFault('jwks', { kind: 'none' });
    advance(5);
    expect(await loginWith(verifier, await issue())).toBe('999993653');
    expect(provider.requests.jwks).toBe(2);
  });
});

/** A token for `server` signed by `signer`; the JWKS-server variant of {@link issue}. */
function issueFor(server: JwksServer, signer = key) {
  return signer.sign(claims({}, server.issuer), { typ: 'at+jwt' });
}

/** Refused as an outage, with a reason fit for the log: nothing of the provider's answer or address. */
async function expectUnavailable(verifier: OidcVerifier, token: string): Promise<void> {
  const error = await verifier.verify(token).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IdentityProviderUnavailableError);
  const message = (error as Error).message;
  expect(message).not.toMatch(/onderhoud|127\.0\.0\.1|localhost|sleutels/);
}

describe('the provider down: fail closed, never accepted', () => {
  const jwksFaults = [
    ['answers 500', { kind: 'status', status: 500 }],
    ['hangs', { kind: 'hang' }],
    ['answers something that is not JSON', { kind: 'garbage' }],
    ['answers JSON that is not a key set', { kind: 'document', body: { sleutels: [] } }],
  ] as const;

  it.each(jwksFaults)('JWKS %s: IdentityProviderUnavailableError', async (_label, fault) => {
    provider.setFault('jwks', fault);
    await expectUnavailable(verifierFor(provider, { timeoutMs: 300 }), await issue());
  });

  it('JWKS redirecting elsewhere: not followed, so the keys found there are never used', async () => {
    await using attacker = await startJwksServer({ keys: [attackerKey] });
    provider.setFault('jwks', { kind: 'redirect', location: attacker.jwksUri });
    const verifier = verifierFor(provider);
    await expectUnavailable(verifier, await issue({}, attackerKey));
    expect(attacker.requests.jwks).toBe(0);
  });

  it('JWKS on a closed port: IdentityProviderUnavailableError', async () => {
    await using server = await startJwksServer({ keys: [key], jwksUri: `${await closedUrl()}/jwks` });
    await expectUnavailable(verifierFor(server), await issueFor(server));
  });

  const discoveryFaults: Array<[string, () => EndpointFault]> = [
    ['answers 500', () => ({ kind: 'status', status: 500 })],
    ['hangs', () => ({ kind: 'hang' })],
    ['answers something that is not JSON', () => ({ kind: 'garbage' })],
    ['names no JWKS', () => ({ kind: 'document', body: { issuer: provider.issuer } })],
    ['names a JWKS that is no URL', () => ({ kind: 'document', body: { issuer: provider.issuer, jwks_uri: 'jwks' } })],
  ];

  it.each(discoveryFaults)('discovery %s: IdentityProviderUnavailableError', async (_label, fault) => {
    provider.setFault('discovery', fault());
    await expectUnavailable(verifierFor(provider, { timeoutMs: 300 }), await issue());
    expect(provider.requests.jwks).toBe(0);
  });

  it('discovery on a closed port: IdentityProviderUnavailableError, asked again only after the retry interval', async () => {
    const issuer = `${await closedUrl()}${ISSUER_PATH}`;
    let calls = 0;
    const verifier = createOidcVerifier({
      issuer,
      audience: AUDIENCE,
      algorithms: ['RS256'],
      clockToleranceSeconds: TOLERANCE,
      now,
      fetch: async (input, init) => {
        calls++;
        return fetch(input, init);
      },
    });
    const token = await issue({ iss: issuer });
    for (let i = 0; i < 20; i++) {
      await expectUnavailable(verifier, token);
    }
    expect(calls).toBe(1);
    advance(5);
    await expect(verifier.verify(token)).rejects.toBeInstanceOf(IdentityProviderUnavailableError);
    expect(calls).toBe(2);
  });

  it('keys that expired while the JWKS is down are not used any longer', async () => {
    const verifier = verifierFor(provider, { jwksMaxAgeSeconds: 600 });
    expect(await loginWith(verifier, await issue())).toBe('999993653');
    provider.setFault('jwks', { kind: 'status', status: 503 });
    advance(601);
    await expectUnavailable(verifier, await issue());
  });
});

describe('an access token for an allowed client, not an ID token', () => {
  /** An ID token as a broker issues it to the portal, in the worst case: for the gateway's audience. */
  const idTokenClaims = { client_id: undefined, azp: CLIENT_ID, nonce: 'n-0S6_WzA2Mj', auth_time: 0 };

  it('refuses a token without typ at+jwt, such as an ID token, by default', async () => {
    const verifier = verifierFor(provider);
    await expectRefused(verifier, key.sign(claims(idTokenClaims)));
    await expectRefused(verifier, key.sign(claims(idTokenClaims), { typ: 'JWT' }));
    await expectRefused(verifier, key.sign(claims(), { typ: 'JWT' }));
    // RFC 9068 allows the media type's long form.
    expect(await loginWith(verifier, await key.sign(claims(), { typ: 'application/at+jwt' }))).toBe('999993653');
  });

  it('with a client allow-list, refuses tokens issued to another client or to none', async () => {
    const verifier = verifierFor(provider, { clientIds: [CLIENT_ID, 'playground'] });
    await expectRefused(verifier, issue({ client_id: 'andere-app' }));
    await expectRefused(verifier, issue({ client_id: undefined, azp: 'andere-app' }));
    await expectRefused(verifier, issue({ client_id: CLIENT_ID, azp: 'andere-app' }));
    await expectRefused(verifier, issue({ client_id: undefined }));
    await expectRefused(verifier, issue({ client_id: ['andere-app', CLIENT_ID] }));
    expect(await loginWith(verifier, await issue({ client_id: 'playground' }))).toBe('999993653');
    expect(await loginWith(verifier, await issue({ client_id: undefined, azp: CLIENT_ID }))).toBe('999993653');
  });

  it('without typ at+jwt, needs a client allow-list that does not contain the audience', async () => {
    expect(() => verifierFor(provider, { requireAccessTokenType: false })).toThrow(/ID token/);
    expect(() => verifierFor(provider, { requireAccessTokenType: false, clientIds: [AUDIENCE] })).toThrow(/ID token/);
    expect(() => verifierFor(provider, { clientIds: [] })).toThrow(/at least one client/);

    const verifier = verifierFor(provider, { requireAccessTokenType: false, clientIds: [CLIENT_ID] });
    expect(await loginWith(verifier, await key.sign(claims(), { typ: 'JWT' }))).toBe('999993653');
    // An ID token is for the client; that audience is never the gateway's.
    await expectRefused(verifier, key.sign(claims({ ...idTokenClaims, aud: CLIENT_ID })));
  });

  it('accepts the development IdP access token and refuses its ID token, even when both have the same aud', async () => {
    await using idp = await startIdp({ audience: TEST_CLIENT_ID });
    const tokens = await loginAsTestPerson({
      issuer: idp.issuer,
      clientId: idp.clientId,
      redirectUri: idp.redirectUri,
      bsn: '999993653',
    });
    const options = {
      issuer: idp.issuer,
      audience: idp.audience,
      algorithms: ['RS256'],
      clockToleranceSeconds: TOLERANCE,
    };
    for (const verifier of [
      createOidcVerifier(options),
      createOidcVerifier({ ...options, clientIds: [TEST_CLIENT_ID] }),
    ]) {
      expect(await loginWith(verifier, tokens.accessToken)).toBe('999993653');
      await expectRefused(verifier, tokens.idToken);
    }
  });
});

describe('keys named in the token are never used', () => {
  it('refuses a token carrying its own key (jwk), for an unknown kid and for the published one', async () => {
    const verifier = verifierFor(provider);
    const jwk: JWK = { ...(await exportJWK(attackerKey.publicKey)), kid: attackerKey.kid, alg: 'RS256' };
    await expectRefused(verifier, issue({}, attackerKey, { jwk }));
    await expectRefused(verifier, issue({}, attackerKey, { jwk: { ...jwk, kid: key.kid }, kid: key.kid }));
  });

  it('never fetches keys from a jku or x5u the token names', async () => {
    await using attacker = await startJwksServer({ keys: [attackerKey] });
    const verifier = verifierFor(provider);
    await expectRefused(verifier, issue({}, attackerKey, { jku: attacker.jwksUri }));
    await expectRefused(verifier, issue({}, attackerKey, { x5u: `${attacker.url}/cert.pem` }));
    expect(attacker.requests).toEqual({ discovery: 0, jwks: 0, other: 0 });
  });
});
