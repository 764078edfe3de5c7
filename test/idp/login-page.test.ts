import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CookieJar } from '../../simulators/idp/cookie-jar.js';
import { TEST_BEDRIJVEN, TEST_PERSONEN } from '../../simulators/idp/persons.js';
import { startIdp, type RunningIdp } from './harness.js';

/** A browser-like session: fetch without following redirects, with cookies. */
function browser() {
  const jar = new CookieJar();
  const send = async (url: URL, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    const cookie = jar.header(url);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    jar.store(url, response);
    return response;
  };
  const post = (url: URL, form: Record<string, string>): Promise<Response> =>
    send(url, {
      method: 'POST',
      body: new URLSearchParams(form).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  return { send, post };
}

/** Starts an authorization request and returns the login page it leads to. */
async function openLoginPage(idp: RunningIdp) {
  const session = browser();
  const authorize = new URL('/auth', idp.issuer);
  authorize.search = new URLSearchParams({
    client_id: idp.clientId,
    redirect_uri: idp.redirectUri,
    response_type: 'code',
    scope: 'openid',
    code_challenge: createHash('sha256').update(randomBytes(32).toString('base64url')).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();
  const redirect = await session.send(authorize);
  expect(redirect.status).toBe(303);
  const pageUrl = new URL(redirect.headers.get('location') ?? '', authorize);
  const page = await session.send(pageUrl);
  const html = await page.text();
  const action = new URL(/<form\b[^>]*\saction="([^"]+)"/.exec(html)?.[1] ?? '', pageUrl);
  return { ...session, page, html, pageUrl, action };
}

/** Every src/href/action/url() target that points at another host. */
function externalReferences(html: string, issuer: string): string[] {
  const targets = [
    ...html.matchAll(/\b(?:src|href|action|srcset|poster)\s*=\s*["']?([^"'\s>]+)/gi),
    ...html.matchAll(/url\(\s*["']?([^"')]+)/gi),
    ...html.matchAll(/@import\s+["']([^"']+)/gi),
  ].map((match) => match[1] ?? '');
  return targets.filter((target) => /^(?:[a-z]+:)?\/\//i.test(target) && !target.startsWith(issuer));
}

describe('DigiD-simulator: login page', () => {
  it('lists the test persons and companies, in Dutch, with labelled controls', async () => {
    await using idp = await startIdp();
    const { page, html } = await openLoginPage(idp);

    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toMatch(/<html lang="nl">/);
    expect(html).toContain('<h1>DigiD-simulator</h1>');
    for (const persoon of TEST_PERSONEN) {
      expect(html).toContain(`value="${persoon.bsn}"`);
      expect(html).toContain(persoon.naam.replaceAll("'", '&#39;'));
    }
    expect(html).toContain('value="69599084"');
    expect(html).toContain('value="69599084/000038509504"');
    expect(html).toContain(TEST_BEDRIJVEN[0]?.naam);
    // Substantieel is chosen unless the person picks another level.
    expect(html).toMatch(/id="digid-niveau-substantieel" value="substantieel" checked/);
    // Every input that a person sees has a label.
    const ids = [...html.matchAll(/<input (?![^>]*type="hidden")[^>]*id="([^"]+)"/g)].map((match) => match[1]);
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) expect(html).toContain(`<label for="${id}">`);
  });

  it('loads nothing from another host and runs no script', async () => {
    await using idp = await startIdp();
    const { page, html } = await openLoginPage(idp);
    expect(externalReferences(html, idp.issuer)).toEqual([]);
    expect(html).not.toMatch(/<script|<link\b/i);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
  });

  it('shows the form again with a Dutch error for a BSN that fails the elfproef, and issues no code', async () => {
    await using idp = await startIdp();
    const { post, action } = await openLoginPage(idp);

    const rejected = await post(action, { middel: 'digid', persoon: 'anders', bsn: '123456789', niveau: 'hoog' });
    const html = await rejected.text();
    expect(rejected.status).toBe(400);
    expect(rejected.headers.get('location')).toBeNull();
    expect(html).toMatch(/<html lang="nl">/);
    expect(html).toContain('<title>Fout: Inloggen - DigiD-simulator</title>');
    expect(html).toContain('Dit BSN bestaat niet: het voldoet niet aan de elfproef.');
    expect(html).toMatch(/id="digid-bsn"[^>]*value="123456789"[^>]*aria-invalid="true"/);
    expect(html).toMatch(/id="digid-niveau-hoog" value="hoog" checked/);
    expect(html).toContain('<a href="#digid-bsn">');

    // The same interaction still works once the person corrects the number.
    const accepted = await post(action, { middel: 'digid', bsn: '999993653', niveau: 'hoog' });
    expect(accepted.status).toBe(303);
  });

  it('explains a KvK number of the wrong length', async () => {
    await using idp = await startIdp();
    const { post, action } = await openLoginPage(idp);
    const rejected = await post(action, { middel: 'eherkenning', bedrijf: 'anders', kvk: '1234' });
    expect(rejected.status).toBe(400);
    expect(await rejected.text()).toContain('Een KvK-nummer heeft 8 cijfers.');
  });

  it('redirects to the application with a code after a valid choice', async () => {
    await using idp = await startIdp();
    const { post, send, action } = await openLoginPage(idp);
    const finished = await post(action, { middel: 'digid', persoon: '999993653', niveau: 'basis' });
    expect(finished.status).toBe(303);
    const resume = new URL(finished.headers.get('location') ?? '', action);
    const callback = await send(resume);
    const location = new URL(callback.headers.get('location') ?? '', resume);
    expect(`${location.origin}${location.pathname}`).toBe(idp.redirectUri);
    expect(location.searchParams.get('code')).toBeTruthy();
    expect(location.searchParams.get('iss')).toBe(idp.issuer);
  });

  it('says in Dutch that an attempt expired when the interaction cookie is missing', async () => {
    await using idp = await startIdp();
    const { pageUrl } = await openLoginPage(idp);
    const response = await fetch(pageUrl);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('Deze inlogpoging is verlopen');
    expect(html).toMatch(/<html lang="nl">/);
  });
});
