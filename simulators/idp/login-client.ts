import { createHash, randomBytes } from 'node:crypto';
import { decodeJwt } from 'jose';
import { CookieJar } from './cookie-jar.js';
import { DEFAULT_FORM_NIVEAU, type FormNiveau } from './login-form.js';

/** Options of {@link loginAsTestPerson}: give `bsn` for DigiD or `kvk` for eHerkenning. */
export interface LoginAsTestPersonOptions {
  /** The IdP's issuer URL; discovery starts at `${issuer}/.well-known/openid-configuration`. */
  readonly issuer: string;
  readonly clientId: string;
  /** A redirect URI registered for the client. It is never requested: the code is read from the redirect. */
  readonly redirectUri: string;
  /** When set, the access token's `aud` must contain it (catches an IdP/gateway mismatch early). */
  readonly audience?: string;
  /** Log in with DigiD as this BSN … */
  readonly bsn?: string;
  /** … or with eHerkenning as this KvK number, optionally restricted to one vestiging. */
  readonly kvk?: string;
  readonly vestiging?: string;
  /** Default `substantieel`. */
  readonly niveau?: FormNiveau;
  readonly fetch?: typeof globalThis.fetch;
  /** Share a jar between calls to act as one browser; default a fresh jar per login. */
  readonly cookies?: CookieJar;
}

/** The tokens of one completed login. */
export interface TestLogin {
  readonly accessToken: string;
  readonly idToken: string;
  /** Seconds, as the token endpoint said. */
  readonly expiresIn: number;
}

/** Which step of the login failed; stable, so callers (the token CLI) can react per case. */
export type TestLoginErrorCode =
  | 'INVALID_OPTIONS'
  | 'IDP_UNREACHABLE'
  | 'DISCOVERY_FAILED'
  | 'AUTHORIZATION_FAILED'
  | 'LOGIN_REJECTED'
  | 'TOKEN_FAILED';

/** A login that could not be completed; `code` says at which step, the message says why. */
export class TestLoginError extends Error {
  override readonly name = 'TestLoginError';
  constructor(
    readonly code: TestLoginErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

const MAX_REDIRECTS = 10;

/**
 * Logs in at the development IdP the way a browser would, and returns the tokens: discovery,
 * the authorization request with PKCE (S256), the login form post with the chosen person and
 * level, the redirects back to `redirectUri`, and the code exchange at the token endpoint.
 * Redirects are followed by hand (cookies carried along) so that the code can be taken from
 * the last `Location` header without anything listening on the redirect URI.
 *
 * Used by the tests, `npm run token` and the playground tests. Throws {@link TestLoginError}.
 */
export async function loginAsTestPerson(options: LoginAsTestPersonOptions): Promise<TestLogin> {
  const form = loginForm(options);
  const browser = new Browser(options.fetch ?? globalThis.fetch, options.cookies ?? new CookieJar());
  const metadata = await discover(browser, options.issuer.replace(/\/+$/, ''));
  const request = {
    verifier: randomBytes(32).toString('base64url'),
    state: randomBytes(16).toString('base64url'),
    nonce: randomBytes(16).toString('base64url'),
  };
  const withoutQuery = (uri: string): string | undefined => uri.split(/[?#]/)[0];
  const isCallback = (url: URL): boolean => withoutQuery(url.href) === withoutQuery(options.redirectUri);

  const loginPage = await openLoginPage(browser, authorizationUrl(metadata, options, request), isCallback);
  const callback = await submitLoginForm(browser, loginPage, form, isCallback);
  const tokens = await exchangeCode(browser, metadata.token_endpoint, {
    grant_type: 'authorization_code',
    code: codeFrom(callback, request.state, metadata.issuer),
    redirect_uri: options.redirectUri,
    client_id: options.clientId,
    code_verifier: request.verifier,
  });

  if (decodeJwt(tokens.idToken).nonce !== request.nonce) {
    throw new TestLoginError('TOKEN_FAILED', 'De nonce in het ID-token klopt niet');
  }
  if (options.audience !== undefined) {
    const { aud } = decodeJwt(tokens.accessToken);
    if (!(Array.isArray(aud) ? aud : [aud]).includes(options.audience)) {
      throw new TestLoginError(
        'TOKEN_FAILED',
        `Het access token is voor "${String(aud)}", niet voor "${options.audience}": staan IDP_AUDIENCE en de gateway gelijk?`,
      );
    }
  }
  return tokens;
}

function authorizationUrl(
  metadata: ProviderMetadata,
  options: LoginAsTestPersonOptions,
  request: { verifier: string; state: string; nonce: string },
): URL {
  const url = new URL(metadata.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    response_type: 'code',
    scope: 'openid',
    code_challenge: createHash('sha256').update(request.verifier).digest('base64url'),
    code_challenge_method: 'S256',
    state: request.state,
    nonce: request.nonce,
  }).toString();
  return url;
}

interface LoginPage {
  readonly url: URL;
  readonly html: string;
}

/** The authorization request, and the redirects to the login page. */
async function openLoginPage(browser: Browser, url: URL, isCallback: (url: URL) => boolean): Promise<LoginPage> {
  const followed = await browser.follow(await browser.get(url), url, isCallback);
  if (followed.kind === 'callback') throw callbackError(followed.url, 'Er verscheen geen inlogpagina');
  const html = await followed.response.text();
  if (followed.response.status !== 200) {
    throw new TestLoginError(
      'AUTHORIZATION_FAILED',
      `Het autorisatieverzoek werd geweigerd (HTTP ${followed.response.status}): ${pageText(html)}`,
    );
  }
  return { url: followed.url, html };
}

/** Posts the form to the page's own form action, as a browser would, and follows the redirects back. */
async function submitLoginForm(
  browser: Browser,
  page: LoginPage,
  form: URLSearchParams,
  isCallback: (url: URL) => boolean,
): Promise<URL> {
  // Both forms on the page post to the same action.
  const action = /<form\b[^>]*\saction="([^"]+)"/.exec(page.html)?.[1];
  if (!action) throw new TestLoginError('AUTHORIZATION_FAILED', `Geen inlogformulier gevonden op ${page.url.href}`);
  const actionUrl = new URL(decodeEntities(action), page.url);
  const followed = await browser.follow(await browser.post(actionUrl, form), actionUrl, isCallback);
  if (followed.kind === 'callback') return followed.url;
  const html = await followed.response.text();
  throw new TestLoginError(
    'LOGIN_REJECTED',
    `Inloggen geweigerd (HTTP ${followed.response.status}): ${errorSummary(html) ?? pageText(html)}`,
  );
}

/** The code from the redirect to the client, after checking state and (RFC 9207) issuer. */
function codeFrom(callback: URL, state: string, issuer: string): string {
  const params = callback.searchParams;
  if (params.get('error')) throw callbackError(callback, 'Het autorisatieverzoek mislukte');
  if (params.get('state') !== state) {
    throw new TestLoginError('AUTHORIZATION_FAILED', 'De state in de redirect klopt niet');
  }
  // The IdP names itself in the redirect, against mix-up attacks.
  if (params.has('iss') && params.get('iss') !== issuer) {
    throw new TestLoginError('AUTHORIZATION_FAILED', `De redirect komt van een andere issuer (${params.get('iss')})`);
  }
  const code = params.get('code');
  if (!code) throw new TestLoginError('AUTHORIZATION_FAILED', 'De redirect bevat geen code');
  return code;
}

/** The login form fields for the chosen identity (see the contract in login-form.ts). */
function loginForm(options: LoginAsTestPersonOptions): URLSearchParams {
  const niveau = options.niveau ?? DEFAULT_FORM_NIVEAU;
  if ((options.bsn === undefined) === (options.kvk === undefined)) {
    throw new TestLoginError('INVALID_OPTIONS', 'Geef precies één van bsn (DigiD) of kvk (eHerkenning).');
  }
  if (options.bsn !== undefined) {
    if (options.vestiging !== undefined)
      throw new TestLoginError('INVALID_OPTIONS', 'Een vestiging hoort bij een kvk-login.');
    return new URLSearchParams({ middel: 'digid', bsn: options.bsn, niveau });
  }
  return new URLSearchParams({
    middel: 'eherkenning',
    kvk: options.kvk ?? '',
    ...(options.vestiging !== undefined ? { vestiging: options.vestiging } : {}),
    niveau,
  });
}

interface ProviderMetadata {
  readonly issuer: string;
  readonly authorization_endpoint: string;
  readonly token_endpoint: string;
}

async function discover(browser: Browser, issuer: string): Promise<ProviderMetadata> {
  const url = new URL(`${issuer}/.well-known/openid-configuration`);
  let response: Response;
  try {
    response = await browser.get(url);
  } catch (error) {
    throw new TestLoginError('IDP_UNREACHABLE', `De identity provider op ${issuer} is niet bereikbaar`, {
      cause: error,
    });
  }
  const body: unknown = response.ok ? await response.json().catch(() => undefined) : await discard(response);
  if (
    !isRecord(body) ||
    typeof body['issuer'] !== 'string' ||
    typeof body['authorization_endpoint'] !== 'string' ||
    typeof body['token_endpoint'] !== 'string'
  ) {
    throw new TestLoginError(
      'DISCOVERY_FAILED',
      `Geen geldig discovery-document op ${url.href} (HTTP ${response.status})`,
    );
  }
  if (body['issuer'] !== issuer) {
    throw new TestLoginError('DISCOVERY_FAILED', `De issuer heet "${body['issuer']}", niet "${issuer}"`);
  }
  return {
    issuer: body['issuer'],
    authorization_endpoint: body['authorization_endpoint'],
    token_endpoint: body['token_endpoint'],
  };
}

async function exchangeCode(browser: Browser, endpoint: string, form: Record<string, string>): Promise<TestLogin> {
  const url = new URL(endpoint);
  const response = await browser.post(url, new URLSearchParams(form));
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok || !isRecord(body)) {
    const reason = isRecord(body) ? `${String(body['error'])}: ${String(body['error_description'] ?? '')}` : '';
    throw new TestLoginError(
      'TOKEN_FAILED',
      `Het tokenendpoint weigerde de code (HTTP ${response.status}) ${reason}`.trim(),
    );
  }
  const { access_token: accessToken, id_token: idToken, expires_in: expiresIn, token_type: tokenType } = body;
  if (typeof accessToken !== 'string' || typeof idToken !== 'string' || typeof expiresIn !== 'number') {
    throw new TestLoginError('TOKEN_FAILED', 'Het tokenantwoord mist access_token, id_token of expires_in');
  }
  if (typeof tokenType !== 'string' || tokenType.toLowerCase() !== 'bearer') {
    throw new TestLoginError('TOKEN_FAILED', `Onverwacht token_type ${String(tokenType)}`);
  }
  return { accessToken, idToken, expiresIn };
}

type Followed = { kind: 'page'; response: Response; url: URL } | { kind: 'callback'; url: URL };

/** `fetch` with manual redirects and a cookie jar. */
class Browser {
  constructor(
    private readonly fetch: typeof globalThis.fetch,
    private readonly jar: CookieJar,
  ) {}

  get(url: URL): Promise<Response> {
    return this.#send(url, { method: 'GET' });
  }

  post(url: URL, form: URLSearchParams): Promise<Response> {
    return this.#send(url, {
      method: 'POST',
      body: form.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  /**
   * Follows redirects from `response` (the answer to `url`) until a page, or until a redirect
   * to the client's redirect URI, which is returned without being requested.
   */
  async follow(response: Response, url: URL, isCallback: (url: URL) => boolean): Promise<Followed> {
    let current = response;
    let currentUrl = url;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const location = current.headers.get('location');
      if (current.status < 300 || current.status >= 400 || location === null) {
        return { kind: 'page', response: current, url: currentUrl };
      }
      await discard(current);
      const next = new URL(location, currentUrl);
      if (isCallback(next)) return { kind: 'callback', url: next };
      if (next.origin !== url.origin) {
        throw new TestLoginError('AUTHORIZATION_FAILED', `Onverwachte redirect naar ${next.origin}${next.pathname}`);
      }
      current = await this.get(next);
      currentUrl = next;
    }
    throw new TestLoginError('AUTHORIZATION_FAILED', `Meer dan ${MAX_REDIRECTS} redirects`);
  }

  async #send(url: URL, init: RequestInit): Promise<Response> {
    const cookie = this.jar.header(url);
    const headers = new Headers(init.headers);
    if (cookie) headers.set('cookie', cookie);
    headers.set('accept', 'text/html,application/json');
    const response = await this.fetch(url, { ...init, headers, redirect: 'manual' });
    this.jar.store(url, response);
    return response;
  }
}

function callbackError(url: URL, what: string): TestLoginError {
  const error = url.searchParams.get('error') ?? 'onbekend';
  const description = url.searchParams.get('error_description');
  return new TestLoginError('AUTHORIZATION_FAILED', `${what}: ${error}${description ? ` (${description})` : ''}`);
}

/** The messages of the login page's error summary, joined. */
function errorSummary(html: string): string | undefined {
  const summary = /<div class="foutsamenvatting"[\s\S]*?<\/div>/.exec(html)?.[0];
  if (!summary) return undefined;
  const items = [...summary.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((match) => stripTags(match[1] ?? ''));
  return items.length > 0 ? items.join(' ') : undefined;
}

/** The first heading and paragraph of a page, for an error message. */
function pageText(html: string): string {
  const heading = /<h1>([\s\S]*?)<\/h1>/.exec(html)?.[1];
  const paragraphs = [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((match) => stripTags(match[1] ?? ''));
  return [heading ? stripTags(heading) : undefined, ...paragraphs].filter(Boolean).join(' ') || '(geen tekst)';
}

function stripTags(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

function decodeEntities(text: string): string {
  return text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
}

/** Reads and drops a body, so the connection can be reused or closed. */
async function discard(response: Response): Promise<undefined> {
  await response.body?.cancel();
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
