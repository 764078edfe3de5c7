import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../lib/config.js';
import { listen, type Listening } from '../../lib/http/listen.js';
import { loadPortalConfig } from '../../portal/bff/config.js';
import { loadPortalOperations } from '../../portal/bff/operations.js';
import { createPortal } from '../../portal/bff/portal.js';
import { createMemorySessionStore, type SessionStore } from '../../portal/bff/sessions.js';
import { CookieJar } from '../../simulators/idp/cookie-jar.js';
import { startIdp, type RunningIdp } from '../idp/harness.js';
import { OPERATIONS_DIR, reservePortal } from './harness.js';

const SECRET = 'test-portaal-sessie-geheim-0123456789';
const operations = loadPortalOperations(OPERATIONS_DIR);
const [overzichtId, overzicht] = [...operations].find(([, op]) => op.name === 'PortaalOverzicht') ?? [];

/**
 * The back-end's own protections, without a browser: what it passes to the gateway, whom it
 * refuses, and what its cookies and pages promise. The browser suite covers the happy paths.
 */
describe('the portal back-end', () => {
  let idp: RunningIdp;
  let gateway: Listening;
  let portal: Listening;
  let sessions: SessionStore;
  let clock = Date.now();
  let gatewayStatus = 200;
  const received: Array<{ authorization: string | undefined; body: unknown }> = [];
  let staticDir: string;

  beforeAll(async () => {
    staticDir = mkdtempSync(join(tmpdir(), 'portaal-bff-'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><html lang="nl"><title>t</title></html>');
    idp = await startIdp();
    gateway = await listen(
      createServer(async (req: IncomingMessage, res) => {
        let text = '';
        for await (const chunk of req) text += String(chunk);
        received.push({ authorization: req.headers.authorization, body: JSON.parse(text) as unknown });
        res.writeHead(gatewayStatus, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ data: { me: null } }));
      }),
      { port: 0 },
    );
    const server = createServer();
    portal = await listen(server, { port: 0 });
    sessions = createMemorySessionStore({ secret: SECRET, idleMs: 15 * 60_000, now: () => clock });
    server.on(
      'request',
      createPortal({
        publicUrl: portal.url,
        gatewayUrl: `${gateway.url}/graphql`,
        oidc: { issuer: idp.issuer, clientId: idp.clientId, redirectUri: `${portal.url}/callback` },
        sessions,
        operations,
        staticDir,
        now: () => clock,
      }).handler,
    );
  });
  beforeEach(() => {
    received.length = 0;
    gatewayStatus = 200;
    clock = Date.now();
  });
  afterAll(async () => {
    await portal?.close();
    await gateway?.close();
    await idp?.[Symbol.asyncDispose]();
    rmSync(staticDir, { recursive: true, force: true });
  });

  const ask = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${portal.url}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin', ...headers },
      body: JSON.stringify(body),
    });
  const loggedIn = () =>
    `portaal_sessie=${sessions.create({ accessToken: 'het-token-van-de-inwoner', verlooptOp: clock + 3_600_000 })}`;
  const codeOf = async (response: Response) =>
    ((await response.json()) as { errors: Array<{ extensions: Record<string, unknown> }> }).errors[0]?.extensions;

  it('passes on only its own operations, by id, with the resident token added on the server', async () => {
    const cookie = loggedIn();
    const ok = await ask({ documentId: overzichtId }, { cookie });
    expect(ok.status).toBe(200);
    expect(received).toEqual([
      {
        authorization: 'Bearer het-token-van-de-inwoner',
        body: { query: overzicht?.text, operationName: 'PortaalOverzicht' },
      },
    ]);

    // Any other text, or an id it does not know, never reaches the gateway.
    for (const body of [
      { query: '{ me { id } }' },
      { documentId: 'sha256:0000' },
      { documentId: overzichtId, variables: [1] },
    ]) {
      const refused = await ask(body, { cookie });
      expect(refused.status).toBe(400);
      expect((await codeOf(refused))?.['code']).toMatch(/^(VRAAG_NIET_TOEGESTAAN|BAD_USER_INPUT)$/);
    }
    expect(received).toHaveLength(1);
  });

  it('refuses a request another site makes, even with the cookie', async () => {
    const cookie = loggedIn();
    for (const headers of [{ 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }]) {
      const response = await ask({ documentId: overzichtId }, { cookie, ...headers });
      expect(response.status).toBe(403);
    }
    const fromElsewhere = await fetch(`${portal.url}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://kwaadwillend.example', cookie },
      body: JSON.stringify({ documentId: overzichtId }),
    });
    expect(fromElsewhere.status).toBe(403);
    expect(received).toEqual([]);
  });

  it('tells "not logged in" from "session ended", and refuses a cookie it did not sign', async () => {
    expect(await codeOf(await ask({ documentId: overzichtId }))).toEqual({ code: 'UNAUTHENTICATED', sessie: 'GEEN' });
    const cookie = loggedIn();
    const [id] = cookie.replace('portaal_sessie=', '').split('.');
    const forged = await ask({ documentId: overzichtId }, { cookie: `portaal_sessie=${id}.dGVzdA` });
    expect(await codeOf(forged)).toEqual({ code: 'UNAUTHENTICATED', sessie: 'GEEN' });

    // Idle for longer than the limit (the token itself would still be valid): the session has ended.
    clock += 15 * 60_000 + 1;
    const ended = await ask({ documentId: overzichtId }, { cookie });
    expect(ended.status).toBe(401);
    expect(await codeOf(ended)).toEqual({ code: 'UNAUTHENTICATED', sessie: 'VERLOPEN' });
    expect(received).toEqual([]);
  });

  it('ends the session when the gateway refuses its token', async () => {
    const cookie = loggedIn();
    gatewayStatus = 401;
    expect(await codeOf(await ask({ documentId: overzichtId }, { cookie }))).toMatchObject({ sessie: 'VERLOPEN' });
    gatewayStatus = 200;
    expect(await codeOf(await ask({ documentId: overzichtId }, { cookie }))).toMatchObject({ sessie: 'VERLOPEN' });
    expect(received).toHaveLength(1);
  });

  it('starts a login with PKCE and state in an HttpOnly, SameSite=Lax cookie, and refuses a callback that does not match', async () => {
    const login = await fetch(`${portal.url}/login?niveau=midden`, { redirect: 'manual' });
    expect(login.status).toBe(303);
    const authorize = new URL(login.headers.get('location') ?? '');
    expect(authorize.origin).toBe(idp.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${portal.url}/callback`);
    expect(authorize.searchParams.get('acr_values')).toBe(
      'urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract',
    );
    const setCookie = login.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^portaal_inlog=[^;]+;/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const inlog = setCookie.split(';')[0] ?? '';

    // Another state than the one this login started with, or no login cookie: no session.
    for (const cookie of [inlog, '']) {
      const callback = await fetch(`${portal.url}/callback?code=abc&state=niet-de-goede`, {
        redirect: 'manual',
        headers: { cookie },
      });
      expect(callback.status).toBe(303);
      expect(callback.headers.get('location')).toBe('/?inloggen=mislukt');
      expect(callback.headers.get('set-cookie') ?? '').not.toMatch(/portaal_sessie=[^;]/);
    }
  });

  it('serves pages that load nothing from another host and may not be framed', async () => {
    const page = await fetch(`${portal.url}/`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect((await fetch(`${portal.url}/bestaat-niet`)).status).toBe(404);
    expect(await (await fetch(`${portal.url}/health`)).json()).toEqual({ status: 'ok', process: 'portal' });
  });

  it('asks the provider for eHerkenning with ?middel=eherkenning, at the level the gateway reads with unless one is named', async () => {
    const acrValues = async (query: string) => {
      const login = await fetch(`${portal.url}/login${query}`, { redirect: 'manual' });
      expect(login.status).toBe(303);
      const authorize = new URL(login.headers.get('location') ?? '');
      expect(authorize.origin).toBe(idp.issuer);
      expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
      return authorize.searchParams.get('acr_values');
    };
    expect(await acrValues('?middel=eherkenning')).toBe('urn:etoegang:core:assurance-class:loa2plus');
    expect(await acrValues('?middel=eherkenning&niveau=substantieel')).toBe('urn:etoegang:core:assurance-class:loa3');
    // DigiD stays as it was: no level asked unless one is named; an unknown means is DigiD.
    expect(await acrValues('')).toBeNull();
    expect(await acrValues('?middel=onbekend')).toBeNull();
    expect(await acrValues('?middel=digid&niveau=midden')).toBe(
      'urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract',
    );
    expect(received).toEqual([]);
  });

  it('passes on a mutation of its own only by POST, with a sign that the portal’s own page sent it', async () => {
    const [wijzigId, wijzig] = [...operations].find(([, op]) => op.name === 'PortaalWijzigVoorkeuren') ?? [];
    expect(wijzig?.kind).toBe('mutation');
    const cookie = loggedIn();
    const variables = { input: { kanalen: [{ kanaal: 'EMAIL', aan: true }] } };
    const ok = await ask({ documentId: wijzigId, variables }, { cookie });
    expect(ok.status).toBe(200);
    expect(received).toEqual([
      {
        authorization: 'Bearer het-token-van-de-inwoner',
        body: { query: wijzig?.text, operationName: 'PortaalWijzigVoorkeuren', variables },
      },
    ]);

    // Neither Sec-Fetch-Site nor the portal's Origin (or `Origin: null`): the change is refused.
    const post = (headers: Record<string, string>) =>
      fetch(`${portal.url}/api/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, ...headers },
        body: JSON.stringify({ documentId: wijzigId, variables }),
      });
    for (const headers of [{}, { origin: 'null' }]) {
      const refused = await post(headers);
      expect(refused.status).toBe(403);
      expect((await codeOf(refused))?.['code']).toBe('FORBIDDEN');
    }
    // A browser without Sec-Fetch-Site still sends its Origin.
    expect((await post({ origin: portal.url })).status).toBe(200);
    // A GET passes nothing on, whatever it names.
    const get = await fetch(`${portal.url}/api/graphql?documentId=${encodeURIComponent(wijzigId ?? '')}`, {
      headers: { cookie, 'sec-fetch-site': 'same-origin' },
    });
    expect(get.status).toBe(404);
    expect(received).toHaveLength(2);
  });

  it('refuses an operations folder with anything but one named query or mutation per file', () => {
    const folder = (files: Record<string, string>) => {
      const dir = mkdtempSync(join(tmpdir(), 'portaal-operaties-'));
      for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
      return dir;
    };
    for (const text of [
      'subscription Nieuw { me { id } }',
      'query { me { id } }',
      'mutation { wijzigVoorkeuren(input: {}) { zelfGekozen } }',
      'query A { me { id } }\nmutation B { wijzigVoorkeuren(input: {}) { zelfGekozen } }',
      'fragment Alleen on Gebruiker { id }',
    ]) {
      const dir = folder({ 'Fout.graphql': text });
      try {
        expect(() => loadPortalOperations(dir)).toThrow(
          'Fout.graphql: moet precies één query of mutation met een naam bevatten',
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    const dir = folder({
      'A.graphql': 'query A { me { id } }',
      'B.graphql': 'mutation B($id: ID!) { verwijderContactgegeven(id: $id) { voorkeuren { zelfGekozen } } }',
    });
    try {
      expect([...loadPortalOperations(dir).values()].map((op) => [op.name, op.kind])).toEqual([
        ['A', 'query'],
        ['B', 'mutation'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the portal configuration', () => {
  const base = {
    PORTAL_GATEWAY_URL: 'http://localhost:4000/graphql',
    PORTAL_OIDC_ISSUER: 'http://localhost:4010',
    PORTAL_OIDC_CLIENT_ID: 'mijn-omgeving-dev',
    PORTAL_SESSION_SECRET: SECRET,
  };

  it('works on this machine with defaults, the callback under the public URL', () => {
    const config = loadPortalConfig(base);
    expect(config.publicUrl).toBe('http://localhost:4020');
    expect(config.redirectUri).toBe('http://localhost:4020/callback');
  });

  it('refuses plain http off this machine, a short secret and a missing gateway', () => {
    const problems = (env: Record<string, string | undefined>) => {
      try {
        loadPortalConfig(env);
        return [];
      } catch (error) {
        if (error instanceof ConfigError) return error.problems;
        throw error;
      }
    };
    expect(problems({ ...base, PORTAL_PUBLIC_URL: 'http://mijn.voorbeeldstad.nl' })).toEqual([
      'PORTAL_PUBLIC_URL: must use https (http only on localhost)',
    ]);
    expect(problems({ ...base, NODE_ENV: 'production', PORTAL_OIDC_ISSUER: 'http://broker.example' })).toEqual([
      'PORTAL_OIDC_ISSUER: must use https (http only on localhost, or outside production)',
    ]);
    // The compose dev profile's DigiD-simulator, on the compose network.
    expect(problems({ ...base, NODE_ENV: 'development', PORTAL_OIDC_ISSUER: 'http://idp:4010' })).toEqual([]);
    expect(problems({ ...base, PORTAL_SESSION_SECRET: 'kort' })).toEqual([
      'PORTAL_SESSION_SECRET: must be at least 32 characters',
    ]);
    expect(problems({ ...base, PORTAL_GATEWAY_URL: undefined })).toEqual(['PORTAL_GATEWAY_URL: is required']);
  });
});

/**
 * Back to the page after logging in: a whole login through the DigiD-simulator, with `fetch`
 * and a cookie jar, to see where the portal's callback sends the browser.
 */
describe('the portal back-end after a login', () => {
  let idp: RunningIdp;
  let portal: Listening;
  let callbackUrl: string;
  let staticDir: string;

  beforeAll(async () => {
    staticDir = mkdtempSync(join(tmpdir(), 'portaal-bff-terug-'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><html lang="nl"><title>t</title></html>');
    // The portal's socket first: the simulator must know its callback.
    const reserved = await reservePortal();
    portal = reserved.listening;
    callbackUrl = reserved.callbackUrl;
    idp = await startIdp({ extraRedirectUris: [callbackUrl] });
    reserved.server.on(
      'request',
      createPortal({
        publicUrl: portal.url,
        // Never asked: a login does not reach the gateway.
        gatewayUrl: 'http://127.0.0.1:9/graphql',
        oidc: { issuer: idp.issuer, clientId: idp.clientId, redirectUri: callbackUrl },
        sessions: createMemorySessionStore({ secret: SECRET, idleMs: 15 * 60_000 }),
        operations,
        staticDir,
      }).handler,
    );
  });
  afterAll(async () => {
    await portal?.close();
    await idp?.[Symbol.asyncDispose]();
    rmSync(staticDir, { recursive: true, force: true });
  });

  /** Logs in as Suzanne Moulin from `/login?terug=…`; returns where the callback sends the browser. */
  async function logInReturningTo(terug: string): Promise<string | null> {
    const login = await fetch(`${portal.url}/login?terug=${encodeURIComponent(terug)}`, { redirect: 'manual' });
    expect(login.status).toBe(303);
    const inlog = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const jar = new CookieJar();
    const send = async (url: URL, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      const cookie = jar.header(url);
      if (cookie) headers.set('cookie', cookie);
      const response = await fetch(url, { ...init, headers, redirect: 'manual' });
      jar.store(url, response);
      return response;
    };
    /** Follows the simulator's redirects; stops at its page or at the redirect to the portal. */
    const follow = async (first: Response, from: URL) => {
      let response = first;
      let url = from;
      for (let hop = 0; hop < 10; hop++) {
        const location = response.headers.get('location');
        if (!location) return { response, url };
        url = new URL(location, url);
        if (url.href.startsWith(callbackUrl)) return { response, url };
        response = await send(url);
      }
      throw new Error('too many redirects at the simulator');
    };

    const authorize = new URL(login.headers.get('location') ?? '');
    const loginPage = await follow(await send(authorize), authorize);
    const action = /<form\b[^>]*\saction="([^"]+)"/.exec(await loginPage.response.text())?.[1] ?? '';
    const actionUrl = new URL(action.replaceAll('&amp;', '&'), loginPage.url);
    const form = new URLSearchParams({ middel: 'digid', bsn: '999993653', niveau: 'substantieel' });
    const back = await follow(
      await send(actionUrl, {
        method: 'POST',
        body: form.toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      actionUrl,
    );
    expect(back.url.href.startsWith(callbackUrl)).toBe(true);

    const callback = await fetch(back.url, { redirect: 'manual', headers: { cookie: inlog } });
    expect(callback.status).toBe(303);
    // Logged in, wherever it goes next.
    expect(callback.headers.getSetCookie().some((c) => /^portaal_sessie=[^;]+;/.test(c))).toBe(true);
    return callback.headers.get('location');
  }

  it('returns to the portal page the resident was on, with its query', async () => {
    expect(await logInReturningTo('/berichten')).toBe('/berichten');
    expect(await logInReturningTo('/zaak?bronorganisatie=002220647&identificatie=ZAAK-2026-0000000001')).toBe(
      '/zaak?bronorganisatie=002220647&identificatie=ZAAK-2026-0000000001',
    );
  });

  it('returns to the Overzicht for another host, an unknown path or an overlong value', async () => {
    for (const terug of [
      '//evil.example',
      'https://evil.example',
      '/\\evil',
      '/\\/evil.example',
      '/\t/evil.example',
      '/%2F%2Fevil.example',
      '/bestaat-niet',
      `/berichten?${'a'.repeat(2000)}`,
    ]) {
      expect(await logInReturningTo(terug), terug).toBe('/');
    }
  });
});
