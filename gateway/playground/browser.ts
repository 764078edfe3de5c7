/**
 * The playground's script, run in the browser. It is served as `(${playgroundMain})(config)`, so it
 * must not refer to anything outside its own body: no imports, no module-level helpers.
 *
 * It logs in at the development identity provider with the authorization-code flow and PKCE
 * (the same flow a portal uses), keeps the access token in sessionStorage only, and renders
 * GraphiQL from the gateway's own copy of the bundle with the example operations as tabs.
 */

export interface PlaygroundBrowserConfig {
  /** The GraphQL endpoint, relative to the page. */
  endpoint: string;
  /** Absolute base of the served GraphiQL assets (workers need absolute URLs). */
  assets: string;
  login: { issuer: string; clientId: string; scope: string } | null;
  examples: Array<{ name: string; query: string }>;
}

interface YogaGraphiQLGlobal {
  renderYogaGraphiQL(element: Element, options: Record<string, unknown>): void;
}

export async function playgroundMain(config: PlaygroundBrowserConfig): Promise<void> {
  const TOKEN_KEY = 'profielservice.playground.token';
  const PENDING_KEY = 'profielservice.playground.pending';
  /** How long the page waits for the identity provider before it tells the user it does not answer. */
  const IDP_TIMEOUT_MS = 10_000;
  const IDP_DOWN = 'Inloggen lukt nu niet: de inlogdienst antwoordt niet. Probeer het later opnieuw.';
  const IDP_REFUSED = 'Inloggen is niet gelukt: de inlogdienst gaf geen toegang. Probeer het opnieuw.';
  const ASK_ME = 'Log opnieuw in om weer vragen over "me" te stellen.';

  const bar = document.querySelector('.login-bar') as HTMLElement;
  const status = document.getElementById('login-status') as HTMLElement;
  const loginButton = document.getElementById('login') as HTMLButtonElement;
  const logoutButton = document.getElementById('logout') as HTMLButtonElement;
  const redirectUri = `${location.origin}${location.pathname}`;

  const base64url = (bytes: Uint8Array): string =>
    btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
  const random = (): string => base64url(crypto.getRandomValues(new Uint8Array(32)));

  // What the header bar shows. One function draws every state, so no path can leave an old text
  // (say "Ingelogd … tot …") standing next to a button that no longer fits it.
  type View =
    | { kind: 'off' }
    | { kind: 'out' }
    | { kind: 'busy' }
    | { kind: 'in'; who: string; until: string }
    | { kind: 'expired'; refused: boolean }
    | { kind: 'failed'; message: string };
  const show = (view: View): void => {
    bar.dataset['state'] = view.kind;
    loginButton.textContent = 'Inloggen als testpersoon';
    loginButton.hidden = view.kind === 'off' || view.kind === 'in';
    logoutButton.hidden = view.kind !== 'in';
    switch (view.kind) {
      case 'off':
        status.textContent =
          'Inloggen is hier niet ingesteld. Vragen zonder inlog geven bij "me" de fout UNAUTHENTICATED.';
        break;
      case 'out':
        status.textContent = 'Niet ingelogd.';
        break;
      case 'busy':
        status.textContent = 'Bezig met inloggen…';
        break;
      case 'in':
        status.textContent = `Ingelogd als testpersoon ${view.who}${view.until ? `, tot ${view.until}` : ''}.`;
        break;
      case 'expired':
        status.textContent = view.refused
          ? `Uw inlog is verlopen: de gateway accepteert hem niet meer. ${ASK_ME}`
          : `Uw inlog is verlopen. ${ASK_ME}`;
        loginButton.textContent = 'Opnieuw inloggen';
        break;
      case 'failed':
        status.textContent = view.message;
        break;
    }
  };

  interface HeldToken {
    token: string;
    who: string;
    /** When the token's `exp` passes, in ms since the epoch; Infinity when it has none. */
    expiresAt: number;
  }
  /** The token in sessionStorage, or null; one that cannot be read is thrown away. */
  const heldToken = (): HeldToken | null => {
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (!token) return null;
    try {
      const payload = JSON.parse(atob((token.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/'))) as Record<
        string,
        unknown
      >;
      const who =
        typeof payload['bsn'] === 'string'
          ? `BSN ${payload['bsn']}`
          : `KvK ${String(payload['urn:etoegang:core:LegalSubjectID'] ?? 'onbekend')}`;
      const exp = payload['exp'];
      return { token, who, expiresAt: typeof exp === 'number' ? exp * 1000 : Infinity };
    } catch {
      sessionStorage.removeItem(TOKEN_KEY);
      return null;
    }
  };

  let expiryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Forgets the token, so no later request carries it, and says the login has expired. */
  const expire = (refused: boolean): void => {
    clearTimeout(expiryTimer);
    sessionStorage.removeItem(TOKEN_KEY);
    show({ kind: 'expired', refused });
  };
  /** The header for the token held now, with a timer that flips it to "verlopen" at `exp`. */
  const showHeld = (): void => {
    clearTimeout(expiryTimer);
    if (!config.login) return show({ kind: 'off' });
    const held = heldToken();
    if (!held) return show({ kind: 'out' });
    const left = held.expiresAt - Date.now();
    if (left <= 0) return expire(false);
    const until = Number.isFinite(held.expiresAt)
      ? new Date(held.expiresAt).toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit' })
      : '';
    show({ kind: 'in', who: held.who, until });
    // setTimeout holds at most 2^31-1 ms; a longer token simply gets its check on the next request.
    if (Number.isFinite(left) && left < 2 ** 31) expiryTimer = setTimeout(() => expire(false), left);
  };
  /**
   * The token to send now. The expiry timer may not have fired yet (a laptop that slept, a
   * throttled background tab), so `exp` is checked again: a stale token is never sent.
   */
  const tokenToSend = (): string | null => {
    const held = heldToken();
    if (!held) return null;
    if (held.expiresAt <= Date.now()) {
      expire(false);
      return null;
    }
    return held.token;
  };

  /**
   * A JSON answer from the identity provider. A refused connection, no answer within
   * IDP_TIMEOUT_MS, a server error or a body that is not JSON all mean it does not answer.
   * The timeout uses setTimeout rather than AbortSignal.timeout, so a test's fake clock can run it.
   */
  const askIdp = async (url: string, init?: RequestInit): Promise<{ ok: boolean; body: Record<string, unknown> }> => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), IDP_TIMEOUT_MS);
    try {
      const response = await fetch(url, { ...init, signal: controller.signal });
      if (response.status >= 500) throw new Error(`status ${response.status}`);
      return { ok: response.ok, body: (await response.json()) as Record<string, unknown> };
    } catch (error) {
      // The reason (refused, timed out, status) is for the developer's console; the header says it plainly.
      console.warn('playground: de inlogdienst antwoordt niet', error);
      throw new Error(IDP_DOWN, { cause: error });
    } finally {
      clearTimeout(timer);
    }
  };
  const discover = async (issuer: string): Promise<{ authorization_endpoint: string; token_endpoint: string }> => {
    const { ok, body } = await askIdp(`${issuer}/.well-known/openid-configuration`);
    const { authorization_endpoint, token_endpoint } = body;
    if (!ok || typeof authorization_endpoint !== 'string' || typeof token_endpoint !== 'string') {
      throw new Error(IDP_DOWN);
    }
    return { authorization_endpoint, token_endpoint };
  };
  const failed = (error: unknown): void =>
    show({ kind: 'failed', message: error instanceof Error ? error.message : IDP_DOWN });

  // Back from the identity provider: exchange the code for a token. GraphiQL renders meanwhile;
  // requests carry the token from the moment it is stored.
  const exchangeCode = async (
    login: NonNullable<PlaygroundBrowserConfig['login']>,
    params: URLSearchParams,
    pending: { state: string; verifier: string },
  ): Promise<void> => {
    if (params.get('state') !== pending.state) {
      throw new Error('Inloggen is niet gelukt: het antwoord van de inlogdienst hoort niet bij deze pagina.');
    }
    const code = params.get('code');
    if (!code) throw new Error(IDP_REFUSED);
    const { token_endpoint } = await discover(login.issuer);
    const { ok, body } = await askIdp(token_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        client_id: login.clientId,
        code_verifier: pending.verifier,
      }),
    });
    if (!ok || typeof body['access_token'] !== 'string') throw new Error(IDP_REFUSED);
    sessionStorage.setItem(TOKEN_KEY, body['access_token']);
  };

  const params = new URLSearchParams(location.search);
  const pendingJson = sessionStorage.getItem(PENDING_KEY);
  if (config.login && pendingJson && (params.has('code') || params.has('error'))) {
    sessionStorage.removeItem(PENDING_KEY);
    history.replaceState({}, '', redirectUri);
    show({ kind: 'busy' });
    exchangeCode(config.login, params, JSON.parse(pendingJson) as { state: string; verifier: string }).then(
      showHeld,
      failed,
    );
  } else {
    showHeld();
  }

  let loggingIn = false;
  loginButton.addEventListener('click', () => {
    const login = config.login;
    if (!login || loggingIn) return;
    loggingIn = true;
    show({ kind: 'busy' });
    void (async () => {
      try {
        const verifier = random();
        const state = random();
        const challenge = base64url(
          new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))),
        );
        const { authorization_endpoint } = await discover(login.issuer);
        sessionStorage.setItem(PENDING_KEY, JSON.stringify({ state, verifier }));
        const url = new URL(authorization_endpoint);
        url.search = new URLSearchParams({
          response_type: 'code',
          client_id: login.clientId,
          redirect_uri: redirectUri,
          scope: login.scope,
          state,
          code_challenge: challenge,
          code_challenge_method: 'S256',
        }).toString();
        location.assign(url.toString());
      } catch (error) {
        loggingIn = false;
        failed(error);
      }
    })();
  });
  // Back from the identity provider's page through the browser's back-forward cache: the page
  // is not run again, so it must not stay "bezig met inloggen".
  addEventListener('pageshow', (event) => {
    if (!event.persisted) return;
    loggingIn = false;
    showHeld();
  });
  logoutButton.addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN_KEY);
    showHeld();
    // The button the keyboard was on is gone; keep the focus in the header bar.
    loginButton.focus();
  });

  // GraphiQL's editor starts web workers; serve them from the gateway, never from a CDN.
  const workers: Record<string, string> = {
    graphql: 'graphql.worker..bundle.js',
    json: 'json.worker.bundle.js',
  };
  (globalThis as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
    getWorker: (_id: string, label: string) =>
      new Worker(`${config.assets}/monacoeditorwork/${workers[label] ?? 'editor.worker.bundle.js'}`),
  };

  const fetcher = async (graphQLParams: unknown, options?: { headers?: Record<string, string> }) => {
    // An Authorization header typed in GraphiQL's Headers tab wins; the login's token then stays
    // out of the request, and a 401 for it says nothing about the login.
    const own = Object.keys(options?.headers ?? {}).some((name) => name.toLowerCase() === 'authorization');
    const token = own ? null : tokenToSend();
    const response = await fetch(config.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...options?.headers,
      },
      body: JSON.stringify(graphQLParams),
    });
    // The gateway refused the token the page holds (expired by its clock, signed with a key it no
    // longer has): forget it. Unless the user logged in again while this request was under way.
    if (response.status === 401 && token && sessionStorage.getItem(TOKEN_KEY) === token) expire(true);
    return response.json() as Promise<unknown>;
  };

  const graphiql = (globalThis as unknown as { YogaGraphiQL: YogaGraphiQLGlobal }).YogaGraphiQL;
  graphiql.renderYogaGraphiQL(document.getElementById('graphiql') as HTMLElement, {
    fetcher,
    title: 'Profielservice Mijn-Omgeving',
    logo: ' ',
    // The bundle shows its welcome text unless an initial query is given; the rest become tabs.
    ...(config.examples[0] ? { query: config.examples[0].query, initialQuery: config.examples[0].query } : {}),
    defaultTabs: config.examples.map((example) => ({ query: example.query })),
    defaultEditorToolsVisibility: false,
    shouldPersistHeaders: false,
  });
}
