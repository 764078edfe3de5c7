import { randomBytes } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import Provider, {
  errors,
  interactionPolicy,
  type ClientMetadata,
  type Configuration,
  type KoaContextWithOIDC,
} from 'oidc-provider';
import { acrForNiveau, NIVEAUS } from '../../lib/identity/index.js';
import { silentLogger, type Logger } from '../../lib/logging.js';
import { CLI_CALLBACK_PATH } from './cli-callback.js';
import { AccountRegistry, IDENTITY_CLAIM_NAMES, identityClaims } from './accounts.js';
import { pageForError, sendPage, showLogin, submitLogin, type InteractionDeps } from './interactions.js';
import { assertSigningJwks, generateSigningJwks, type Jwks } from './keys.js';
import { PAGE_HEADERS, renderMessagePage } from './login-page.js';
import { MemoryStore } from './memory-adapter.js';
import { TEST_BEDRIJVEN, TEST_PERSONEN, type TestBedrijf, type TestPersoon } from './persons.js';

/** A first-party application that may log in here. Without a secret it is a public PKCE client. */
export interface DevClient {
  readonly client_id: string;
  readonly redirect_uris: readonly string[];
  readonly client_secret?: string;
}

/** Options of {@link createDevIdentityProvider}. Everything is passed in; nothing is read from env. */
export interface DevIdentityProviderOptions {
  /** The exact issuer URL, e.g. `http://localhost:4010`. No path: the IdP serves from the root. */
  readonly issuer: string;
  /** The `aud` of every access token: what the gateway expects (`profielservice`). */
  readonly audience: string;
  readonly clients: readonly DevClient[];
  /** Lifetime of access and ID tokens. Default 900 s, like a DigiD session. */
  readonly accessTokenTtlSeconds?: number;
  /** The DigiD test persons on the login page. Default {@link TEST_PERSONEN}. */
  readonly persons?: readonly TestPersoon[];
  /** The eHerkenning companies on the login page. Default {@link TEST_BEDRIJVEN}. */
  readonly companies?: readonly TestBedrijf[];
  /** A JWKS with a private RS256 key. Default: a key generated now, valid for this process. */
  readonly keys?: Jwks;
  /** Default: silent. Logins are logged with means and level, never with the identifier. */
  readonly logger?: Logger;
}

/** A running development IdP: mount `handler` on any `http.Server`. */
export interface DevIdentityProvider extends AsyncDisposable {
  readonly handler: RequestListener;
  readonly issuer: string;
}

/** The resource indicator that stands for the gateway; resource indicators must be absolute URIs. */
const RESOURCE_INDICATOR = 'urn:profielservice:gateway';
/** The gateway authorises on identity and `acr`, not on scopes, so its resource defines none. */
const RESOURCE_SCOPE = '';
/** Codes are exchanged immediately by every client here; a minute matches oidc-provider's default. */
const AUTHORIZATION_CODE_TTL_SECONDS = 60;
/** Time to pick a person on the login page. */
const INTERACTION_TTL_SECONDS = 10 * 60;
/** DigiD ends an idle session after 15 minutes. */
const SESSION_TTL_SECONDS = 15 * 60;

/**
 * Builds the development identity provider ("DigiD-simulator"): a real OpenID Provider
 * (oidc-provider) with discovery, JWKS, authorization code flow with PKCE (S256) and JWT
 * access tokens, and a login page to choose a test person or company and an assurance level.
 * The gateway verifies its tokens exactly as it verifies a production broker's.
 *
 * Builds only: it opens no socket and reads no configuration, except that it refuses to exist
 * when `NODE_ENV` is `production` (it hands out tokens for anyone to anyone who asks).
 * Because tests learn their port only after listening, it may be built after the server
 * listens: `server.on('request', idp.handler)`.
 */
export function createDevIdentityProvider(options: DevIdentityProviderOptions): DevIdentityProvider {
  if (process.env['NODE_ENV'] === 'production') {
    throw new Error(
      'De DigiD-simulator start niet met NODE_ENV=production: hij geeft tokens uit voor iedere gekozen BSN. ' +
        'Gebruik in productie de echte OIDC-broker van de gemeente.',
    );
  }
  const issuer = checkIssuer(options.issuer);
  const ttl = options.accessTokenTtlSeconds ?? 900;
  const logger = options.logger ?? silentLogger;
  const keys = options.keys ?? generateSigningJwks();
  assertSigningJwks(keys);

  const store = new MemoryStore();
  const accounts = new AccountRegistry();
  const provider = new Provider(issuer, configuration({ ...options, ttl, keys, store, accounts }));
  logProviderEvents(provider, logger);

  const deps: InteractionDeps = {
    provider,
    accounts,
    persons: options.persons ?? TEST_PERSONEN,
    companies: options.companies ?? TEST_BEDRIJVEN,
    logger,
  };
  const oidc = provider.callback();

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const { pathname } = new URL(req.url ?? '/', issuer);
    const interaction = /^\/interaction\/([\w-]+)(\/login)?$/.exec(pathname);
    if (interaction?.[1]) {
      const [, uid, login] = interaction;
      const method = login ? 'POST' : 'GET';
      if (req.method !== method) return methodNotAllowed(res, method);
      return login ? submitLogin(deps, req, res, uid) : showLogin(deps, req, res, uid);
    }
    if (pathname === '/health' && (req.method === 'GET' || req.method === 'HEAD')) {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : '{"status":"ok"}');
      return;
    }
    if (pathname === CLI_CALLBACK_PATH && req.method === 'GET') {
      // The CLI reads the code from the redirect and never comes here; a browser that does
      // gets an explanation instead of a 404.
      sendPage(
        res,
        200,
        renderMessagePage('Inloggen gelukt', [
          'Deze pagina is het eindpunt voor de opdrachtregel (npm run token). U kunt dit venster sluiten.',
        ]),
      );
      return;
    }
    return oidc(req, res);
  };

  return {
    issuer,
    handler: (req, res) => {
      route(req, res).catch((error: unknown) => {
        const page = pageForError(error, logger);
        if (res.headersSent) {
          res.destroy();
          return;
        }
        sendPage(res, page.status, renderMessagePage(page.title, page.paragraphs));
      });
    },
    [Symbol.asyncDispose]: async () => {
      provider.removeAllListeners();
      store.clear();
      accounts.clear();
    },
  };
}

interface Internals {
  readonly audience: string;
  readonly clients: readonly DevClient[];
  readonly ttl: number;
  readonly keys: Jwks;
  readonly store: MemoryStore;
  readonly accounts: AccountRegistry;
}

function configuration({ audience, clients, ttl, keys, store, accounts }: Internals): Configuration {
  return {
    adapter: store.adapterFor,
    clients: clients.map(clientMetadata),
    jwks: { keys: [...keys.keys] },
    // Signed cookies; a restart forgets all sessions anyway.
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    scopes: ['openid'],
    responseTypes: ['code'],
    pkce: { required: () => true },
    acrValues: [
      ...new Set(NIVEAUS.flatMap((niveau) => [acrForNiveau('DIGID', niveau), acrForNiveau('EHERKENNING', niveau)])),
    ],
    // Claims listed under the `openid` scope go into the ID token; `acr` only when listed here.
    claims: { openid: ['sub', 'acr', ...IDENTITY_CLAIM_NAMES] },
    findAccount: (_ctx, sub) => {
      const subject = accounts.find(sub);
      return subject && { accountId: sub, claims: () => identityClaims(subject) };
    },
    // JWT access tokens carry only what this returns besides the registered claims, so the
    // identity and the level of this login (kept on the authorization code) are added here.
    extraTokenClaims: (ctx, token) => {
      const subject = token.accountId === undefined ? undefined : accounts.find(token.accountId);
      const acr = ctx.oidc.entities.AuthorizationCode?.acr;
      if (!subject || !acr) throw new Error('access token requested without a known login');
      return { ...identityClaims(subject), acr };
    },
    loadExistingGrant: async (ctx) => {
      // First-party development clients get no consent screen: grant `openid` to whoever just
      // logged in. The gateway resource needs no entry (it has no scopes); the authorization code
      // is bound to it through defaultResource. A grant of an earlier person is never reused.
      const { client, session } = ctx.oidc;
      const accountId = session.accountId;
      if (!client || !accountId) return undefined;
      const existingId = session.grantIdFor(client.clientId);
      const existing = existingId === undefined ? undefined : await ctx.oidc.provider.Grant.find(existingId);
      if (existing && existing.accountId === accountId) return existing;
      const grant = new ctx.oidc.provider.Grant({ accountId, clientId: client.clientId });
      grant.addOIDCScope('openid');
      await grant.save();
      return grant;
    },
    interactions: { policy: loginEveryTimePolicy(), url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      // Logout and userinfo are not offered: access tokens are JWTs for the gateway, which
      // userinfo would refuse, and every authorization request asks who logs in anyway.
      rpInitiatedLogout: { enabled: false },
      userinfo: { enabled: false },
      resourceIndicators: {
        enabled: true,
        // Clients send no `resource`; every token is for the gateway.
        defaultResource: () => RESOURCE_INDICATOR,
        // At the token endpoint, use the resource bound to the code, so the token is a JWT.
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resourceIndicator) => {
          if (resourceIndicator !== RESOURCE_INDICATOR) throw new errors.InvalidTarget();
          return {
            audience,
            scope: RESOURCE_SCOPE,
            accessTokenFormat: 'jwt',
            accessTokenTTL: ttl,
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    ttl: {
      AccessToken: ttl,
      IdToken: ttl,
      AuthorizationCode: AUTHORIZATION_CODE_TTL_SECONDS,
      Interaction: INTERACTION_TTL_SECONDS,
      Session: SESSION_TTL_SECONDS,
      Grant: SESSION_TTL_SECONDS,
    },
    // Browser clients (the playground) may call the token endpoint from their own origin.
    clientBasedCORS: (_ctx, origin, client) => client.redirectUris.some((uri) => URL.parse(uri)?.origin === origin),
    renderError: (ctx, out) => {
      ctx.type = 'html';
      for (const [name, value] of Object.entries(PAGE_HEADERS)) if (name !== 'content-type') ctx.set(name, value);
      ctx.body = renderMessagePage('Inloggen lukt niet', [
        'De applicatie stuurde een verzoek dat de DigiD-simulator niet kan verwerken.',
        `Foutcode voor de ontwikkelaar: ${out.error}${out.error_description ? ` (${out.error_description})` : ''}.`,
      ]);
    },
  };
}

function clientMetadata(client: DevClient): ClientMetadata {
  return {
    client_id: client.client_id,
    redirect_uris: [...client.redirect_uris],
    response_types: ['code'],
    grant_types: ['authorization_code'],
    application_type: 'web',
    ...(client.client_secret
      ? { client_secret: client.client_secret, token_endpoint_auth_method: 'client_secret_basic' as const }
      : { token_endpoint_auth_method: 'none' as const }),
  };
}

/**
 * oidc-provider skips the login page while the browser has a session. A development IdP should
 * ask every time, so that switching test persons needs no logout: this check requests the
 * login prompt until the current interaction itself produced a login.
 */
function loginEveryTimePolicy(): interactionPolicy.DefaultPolicy {
  const policy = interactionPolicy.base();
  policy
    .get('login')
    ?.checks.add(
      new interactionPolicy.Check(
        'dev_login_every_time',
        'the DigiD-simulator asks who logs in on every authorization request',
        'login_required',
        (ctx: KoaContextWithOIDC) =>
          ctx.oidc.result?.login ? interactionPolicy.Check.NO_NEED_TO_PROMPT : interactionPolicy.Check.REQUEST_PROMPT,
      ),
    );
  return policy;
}

function logProviderEvents(provider: Provider, logger: Logger): void {
  provider.on('server_error', (_ctx: unknown, error: Error) =>
    logger.error({ err: error }, 'oidc-provider: interne fout'),
  );
  // Client mistakes (wrong redirect_uri, bad PKCE verifier): worth a line for the developer.
  for (const event of ['authorization.error', 'grant.error'] as const) {
    provider.on(event, (_ctx: unknown, error: Error & { error_description?: string }) =>
      logger.warn(
        { event, error: error.message, description: error.error_description },
        'oidc-provider: verzoek geweigerd',
      ),
    );
  }
}

function methodNotAllowed(res: ServerResponse, allow: string): void {
  res.writeHead(405, { allow, 'content-type': 'text/plain; charset=utf-8' });
  res.end('Methode niet toegestaan');
}

function checkIssuer(issuer: string): string {
  const url = URL.parse(issuer);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.pathname !== '/' || url.search) {
    throw new Error(
      `issuer moet een http(s)-URL zonder pad zijn, bijvoorbeeld http://localhost:4010 (kreeg ${issuer})`,
    );
  }
  // oidc-provider compares the issuer as a string; keep the form clients will see, without "/".
  return issuer.replace(/\/+$/, '');
}
