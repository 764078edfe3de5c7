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

  interface Discovery {
    authorization_endpoint: string;
    token_endpoint: string;
  }
  const discover = async (issuer: string): Promise<Discovery> => {
    const response = await fetch(`${issuer}/.well-known/openid-configuration`);
    if (!response.ok) throw new Error('Het inlogsysteem geeft geen antwoord.');
    return (await response.json()) as Discovery;
  };

  const showLogin = (): void => {
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (!config.login) {
      status.textContent =
        'Inloggen is hier niet ingesteld. Vragen zonder inlog geven bij "me" de fout UNAUTHENTICATED.';
      loginButton.hidden = true;
      logoutButton.hidden = true;
      return;
    }
    if (token) {
      const payload = JSON.parse(atob(token.split('.')[1]?.replace(/-/g, '+').replace(/_/g, '/') ?? '')) as Record<
        string,
        unknown
      >;
      const who =
        typeof payload['bsn'] === 'string'
          ? `BSN ${payload['bsn']}`
          : `KvK ${String(payload['urn:etoegang:core:LegalSubjectID'] ?? 'onbekend')}`;
      const expires = new Date(Number(payload['exp']) * 1000).toLocaleTimeString('nl-NL');
      status.textContent = `Ingelogd als testpersoon ${who}, tot ${expires}.`;
      loginButton.hidden = true;
      logoutButton.hidden = false;
    } else {
      status.textContent = 'Niet ingelogd.';
      loginButton.hidden = false;
      logoutButton.hidden = true;
    }
  };

  // Back from the identity provider: exchange the code for a token, then clean the URL.
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  const pendingJson = sessionStorage.getItem(PENDING_KEY);
  if (config.login && code && pendingJson) {
    sessionStorage.removeItem(PENDING_KEY);
    const pending = JSON.parse(pendingJson) as { state: string; verifier: string };
    try {
      if (params.get('state') !== pending.state) throw new Error('De inlog paste niet bij deze pagina.');
      const { token_endpoint } = await discover(config.login.issuer);
      const response = await fetch(token_endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: redirectUri,
          client_id: config.login.clientId,
          code_verifier: pending.verifier,
        }),
      });
      const body = (await response.json()) as { access_token?: string };
      if (!response.ok || !body.access_token) throw new Error('Het inlogsysteem gaf geen token.');
      sessionStorage.setItem(TOKEN_KEY, body.access_token);
    } catch (error) {
      status.textContent = error instanceof Error ? error.message : 'Inloggen is mislukt.';
    }
    history.replaceState({}, '', redirectUri);
  }

  loginButton.addEventListener('click', () => {
    const login = config.login;
    if (!login) return;
    void (async () => {
      const verifier = random();
      const state = random();
      const challenge = base64url(
        new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))),
      );
      sessionStorage.setItem(PENDING_KEY, JSON.stringify({ state, verifier }));
      const { authorization_endpoint } = await discover(login.issuer);
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
    })();
  });
  logoutButton.addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN_KEY);
    showLogin();
  });
  showLogin();

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
    const token = sessionStorage.getItem(TOKEN_KEY);
    const response = await fetch(config.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...options?.headers,
      },
      body: JSON.stringify(graphQLParams),
    });
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
