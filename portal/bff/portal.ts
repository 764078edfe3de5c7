import type { RequestListener } from 'node:http';
import { join, resolve } from 'node:path';
import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import * as oidc from 'openid-client';
import { ERROR_MESSAGES, type ErrorCode } from '../../lib/errors.js';
import { apiContentSecurityPolicy, securityHeaders } from '../../lib/http/security-headers.js';
import { acrForNiveau, DEFAULT_LEES_NIVEAU, NIVEAUS, type Middel, type Niveau } from '../../lib/identity/index.js';
import { silentLogger, type Logger } from '../../lib/logging.js';
import { isLoopbackUrl } from './config.js';
import { DOCUMENT_ROUTE, documentRoute } from './documents.js';
import type { PortalOperation } from './operations.js';
import type { SessionStore, SessieOpzoeking } from './sessions.js';

/** Everything the portal's back-end needs; nothing is read from the environment here. */
export interface PortalDeps {
  /** The address residents use, without a path, e.g. `http://localhost:4020`. */
  readonly publicUrl: string;
  /** The gateway's GraphQL endpoint. */
  readonly gatewayUrl: string;
  readonly gatewayTimeoutMs?: number;
  readonly oidc: {
    readonly issuer: string;
    readonly clientId: string;
    /** Registered at the provider for this client; normally `<publicUrl>/callback`. */
    readonly redirectUri: string;
  };
  readonly sessions: SessionStore;
  /** By id (see operations.ts): the only operations passed on to the gateway. */
  readonly operations: ReadonlyMap<string, PortalOperation>;
  /** The built front-end: index.html and assets/. */
  readonly staticDir: string;
  readonly logger?: Logger;
  readonly now?: () => number;
}

export interface Portal {
  /** Mount on any `http.Server`; building the portal opens no socket. */
  readonly handler: RequestListener;
}

/** The pages of the front-end; every other path gets its "page not found" with status 404. */
const PAGES = new Set(['/', '/gegevens', '/zaken', '/zaak', '/berichten', '/meldingen', '/bescherming']);
const SESSION_COOKIE = 'portaal_sessie';
const LOGIN_COOKIE = 'portaal_inlog';
/** Time to log in at the provider before the callback is refused. */
const LOGIN_TTL_MS = 10 * 60 * 1000;
/** Where the front-end shows "logging in did not work"; it never shows why (that is logged). */
const LOGIN_FAILED = '/?inloggen=mislukt';
/** Longest page address (path and query) a login returns to; a longer one returns to the Overzicht. */
const MAX_TERUG_LENGTH = 1024;

/**
 * The backend-for-frontend of the reference portal. It does the OIDC authorization-code flow
 * with PKCE, keeps the access token in a server-side session (the browser holds only an HttpOnly
 * cookie, so no script on the page can read the token), passes the front-end's operations to the
 * gateway with that token, and serves the built front-end.
 */
export function createPortal(deps: PortalDeps): Portal {
  const logger = deps.logger ?? silentLogger;
  const now = deps.now ?? Date.now;
  const publicOrigin = new URL(deps.publicUrl).origin;
  const secure = deps.publicUrl.startsWith('https:');
  const cookieOptions = { httpOnly: true, sameSite: 'lax', secure, path: '/' } as const;
  const staticDir = resolve(deps.staticDir);
  const indexHtml = join(staticDir, 'index.html');
  const issuerOrigin = new URL(deps.oidc.issuer).origin;

  // Discovery is read on the first login, not at start-up: the provider may start after the
  // portal. A failed attempt is forgotten, so the next login tries again.
  let discovered: Promise<oidc.Configuration> | undefined;
  const provider = () => {
    discovered ??= oidc
      .discovery(new URL(deps.oidc.issuer), deps.oidc.clientId, undefined, oidc.None(), {
        timeout: 5,
        // Plain http only for a provider on this machine (the DigiD-simulator); config.ts refuses others.
        ...(isLoopbackUrl(deps.oidc.issuer) && !deps.oidc.issuer.startsWith('https:')
          ? { execute: [oidc.allowInsecureRequests] }
          : {}),
      })
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(securityHeaders());

  // For `npm start` and load balancers: answers while the process runs; names it, so a launcher
  // can tell it from another program on the same port.
  app.get('/health', apiContentSecurityPolicy, (_req, res) => {
    res.json({ status: 'ok', process: 'portal' });
  });

  app.get('/login', async (req, res) => {
    const niveau = requestedNiveau(req.query['niveau']);
    const acrValues = acrValuesFor(requestedMiddel(req.query['middel']), niveau);
    const terug = returnPage(req.query['terug'], publicOrigin);
    let config: oidc.Configuration;
    try {
      config = await provider();
    } catch (error) {
      logger.warn({ err: errorKind(error) }, 'portal: de inlogdienst antwoordt niet');
      res.redirect(303, LOGIN_FAILED);
      return;
    }
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    res.cookie(
      LOGIN_COOKIE,
      deps.sessions.startLogin({ state, codeVerifier, terug, verlooptOp: now() + LOGIN_TTL_MS }),
      {
        ...cookieOptions,
        maxAge: LOGIN_TTL_MS,
      },
    );
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: deps.oidc.redirectUri,
      scope: 'openid',
      state,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      // After NIVEAU_TE_LAAG the front-end asks for the level the API named; eHerkenning always names one.
      ...(acrValues ? { acr_values: acrValues } : {}),
    });
    res.redirect(303, url.href);
  });

  app.get('/callback', async (req, res) => {
    const poging = deps.sessions.takeLogin(cookieOf(req, LOGIN_COOKIE));
    res.clearCookie(LOGIN_COOKIE, cookieOptions);
    if (!poging) {
      res.redirect(303, LOGIN_FAILED);
      return;
    }
    // The URL the provider redirected to, rebuilt from configuration rather than from the Host
    // header, which the client chooses.
    const current = new URL(deps.oidc.redirectUri);
    current.search = new URL(req.originalUrl, deps.publicUrl).search;
    try {
      const tokens = await oidc.authorizationCodeGrant(await provider(), current, {
        pkceCodeVerifier: poging.codeVerifier,
        expectedState: poging.state,
      });
      const seconds = tokens.expiresIn() ?? 0;
      if (seconds <= 0) throw new Error('access token without a lifetime');
      // A fresh session id at every login: an id set before the login is never reused.
      deps.sessions.delete(cookieOf(req, SESSION_COOKIE));
      const cookie = deps.sessions.create({ accessToken: tokens.access_token, verlooptOp: now() + seconds * 1000 });
      res.cookie(SESSION_COOKIE, cookie, cookieOptions);
      // Back to the page the resident was on; checked when the login started, and '/' if unsure.
      res.redirect(303, poging.terug ?? '/');
    } catch (error) {
      logger.warn({ err: errorKind(error) }, 'portal: inloggen afgebroken of mislukt');
      res.redirect(303, LOGIN_FAILED);
    }
  });

  app.post('/logout', sameOrigin(publicOrigin), (req, res) => {
    deps.sessions.delete(cookieOf(req, SESSION_COOKIE));
    res.clearCookie(SESSION_COOKIE, cookieOptions);
    res.redirect(303, '/?uitgelogd=ja');
  });

  app.post(
    '/api/graphql',
    apiContentSecurityPolicy,
    sameOrigin(publicOrigin),
    express.json({ limit: '16kb' }),
    async (req, res) => {
      const body: unknown = req.body;
      const { documentId, variables } = (typeof body === 'object' && body !== null ? body : {}) as Record<
        string,
        unknown
      >;
      const operation = typeof documentId === 'string' ? deps.operations.get(documentId) : undefined;
      if (!operation) return sendError(res, 400, 'VRAAG_NIET_TOEGESTAAN');
      // A change needs a positive sign that the portal's own page sent it (every browser adds
      // one), not only the absence of a foreign one: a request with neither header changes nothing.
      if (
        operation.kind === 'mutation' &&
        req.headers['sec-fetch-site'] !== 'same-origin' &&
        req.headers.origin !== publicOrigin
      ) {
        return sendError(res, 403, 'FORBIDDEN');
      }
      if (
        variables !== undefined &&
        (typeof variables !== 'object' || variables === null || Array.isArray(variables))
      ) {
        return sendError(res, 400, 'BAD_USER_INPUT');
      }
      const found = deps.sessions.find(cookieOf(req, SESSION_COOKIE));
      if (found.status !== 'ACTIEF') return sendSignedOut(res, found);

      let answer: globalThis.Response;
      try {
        answer = await fetch(deps.gatewayUrl, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            authorization: `Bearer ${found.sessie.accessToken}`,
          },
          // By the manifest's id where the gateway has it (a gateway in safelist mode answers only those).
          body: JSON.stringify(
            operation.documentId
              ? { documentId: operation.documentId, operationName: operation.name, variables }
              : { query: operation.text, operationName: operation.name, variables },
          ),
          signal: AbortSignal.timeout(deps.gatewayTimeoutMs ?? 8_000),
        });
      } catch (error) {
        logger.warn({ operation: operation.name, err: errorKind(error) }, 'portal: gateway antwoordt niet');
        return sendError(res, 502, 'INTERNAL_SERVER_ERROR');
      }
      if (answer.status === 401) {
        // The gateway no longer accepts the token (expired early, keys rotated): the session is over.
        deps.sessions.delete(cookieOf(req, SESSION_COOKIE));
        return sendSignedOut(res, { status: 'VERLOPEN' });
      }
      let result: unknown;
      try {
        result = await answer.json();
      } catch {
        logger.warn({ operation: operation.name, status: answer.status }, 'portal: gateway gaf geen JSON');
        return sendError(res, 502, 'INTERNAL_SERVER_ERROR');
      }
      // The gateway's answers hold only coded errors with Dutch messages (lib/errors.ts): they
      // pass as they are, so the front-end can show a section's own message.
      res.status(answer.status).json(result);
    },
  );
  app.get(
    DOCUMENT_ROUTE,
    documentRoute(deps, (req) => deps.sessions.find(cookieOf(req, SESSION_COOKIE))),
  );

  // The front-end: its assets, and index.html for each page (status 404 for anything else, so a
  // mistyped address is not mistaken for a page).
  app.use(contentSecurityPolicy(issuerOrigin), express.static(staticDir, { index: false, redirect: false }));
  app.get(/.*/, (req, res) => {
    res.status(PAGES.has(req.path) ? 200 : 404).sendFile(indexHtml);
  });

  const onError: ErrorRequestHandler = (error: unknown, req, res, _next) => {
    const status = statusOf(error);
    if (status === undefined || status >= 500) logger.error({ err: errorKind(error) }, 'portal: onverwachte fout');
    if (res.headersSent) return;
    if (req.path.startsWith('/api/')) {
      sendError(
        res,
        status !== undefined && status < 500 ? 400 : 500,
        status !== undefined && status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR',
      );
      return;
    }
    res
      .status(status ?? 500)
      .type('text/plain; charset=utf-8')
      .send(ERROR_MESSAGES.INTERNAL_SERVER_ERROR);
  };
  app.use(onError);

  return { handler: app };
}

/** Only the levels the API names; anything else asks for no particular level. */
function requestedNiveau(value: unknown): Niveau | undefined {
  const upper = typeof value === 'string' ? value.toUpperCase() : '';
  return (NIVEAUS as readonly string[]).includes(upper) ? (upper as Niveau) : undefined;
}

/**
 * The page to return to after logging in (`?terug=`): the path and query of one of the portal's
 * own pages, else '/'. Never another host: the value starts with a single slash, has no
 * backslash or control character (browsers read a backslash, and drop a tab, so either can turn
 * it into '//host'), is not overlong, and is still on the portal's own origin once parsed.
 */
function returnPage(value: unknown, origin: string): string {
  if (typeof value !== 'string' || value.length > MAX_TERUG_LENGTH) return '/';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (!value.startsWith('/') || value.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(value)) return '/';
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return '/';
  }
  if (url.origin !== origin || !PAGES.has(url.pathname)) return '/';
  return `${url.pathname}${url.search}`;
}

/** `?middel=eherkenning` for entrepreneurs; anything else is a DigiD login. */
function requestedMiddel(value: unknown): Middel {
  return typeof value === 'string' && value.toLowerCase() === 'eherkenning' ? 'EHERKENNING' : 'DIGID';
}

/**
 * The `acr_values` of a login. DigiD without a level asks for none (the provider's default). An
 * eHerkenning login is asked for by its own acr value, which is how a broker tells the means
 * apart; without a level, the one the gateway needs to read anything (DEFAULT_LEES_NIVEAU).
 */
function acrValuesFor(middel: Middel, niveau: Niveau | undefined): string | undefined {
  if (middel === 'EHERKENNING') return acrForNiveau('EHERKENNING', niveau ?? DEFAULT_LEES_NIVEAU);
  return niveau ? acrForNiveau('DIGID', niveau) : undefined;
}

function cookieOf(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return decodeURIComponent(part.slice(at + 1).trim());
  }
  return undefined;
}

function sendError(res: Response, status: number, code: ErrorCode, message?: string, extra?: object): void {
  res.status(status).json({ errors: [{ message: message ?? ERROR_MESSAGES[code], extensions: { code, ...extra } }] });
}

/** 401 with UNAUTHENTICATED; `sessie` tells "never logged in" from "your session has ended". */
function sendSignedOut(res: Response, found: Exclude<SessieOpzoeking, { status: 'ACTIEF' }>): void {
  if (found.status === 'VERLOPEN') {
    sendError(res, 401, 'UNAUTHENTICATED', 'U bent uitgelogd, omdat u een tijd niets hebt gedaan. Log opnieuw in.', {
      sessie: 'VERLOPEN',
    });
  } else {
    sendError(res, 401, 'UNAUTHENTICATED', undefined, { sessie: 'GEEN' });
  }
}

/**
 * Requests that change something or read personal data must come from the portal's own pages.
 * The SameSite=Lax cookie already stays home on a cross-site POST; this also refuses what the
 * browser marks as coming from elsewhere. `Sec-Fetch-Site` first: with `Referrer-Policy:
 * no-referrer` a browser sends `Origin: null` even for the portal's own forms.
 */
function sameOrigin(origin: string): RequestHandler {
  return (req, res, next) => {
    const site = req.headers['sec-fetch-site'];
    const given = req.headers.origin;
    const foreign =
      site !== undefined ? site !== 'same-origin' : given !== undefined && given !== 'null' && given !== origin;
    if (foreign) {
      sendError(res, 403, 'FORBIDDEN');
      return;
    }
    next();
  };
}

/**
 * The pages load nothing from any other host. Styles may be inline because the NL Design System
 * components insert their own stylesheet; scripts may not. Forms go to the portal, and /login
 * then continues at the provider.
 */
function contentSecurityPolicy(issuerOrigin: string): RequestHandler {
  const policy = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    `form-action 'self' ${issuerOrigin}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
  return (_req, res, next) => {
    res.setHeader('content-security-policy', policy);
    next();
  };
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** For logs: the kind of failure, never its message (which may hold URLs or upstream text). */
function errorKind(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${error.name}:${code}` : error.name;
  }
  return typeof error;
}
