import { createServer, type RequestListener, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway } from '@apollo/gateway';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Dispatcher } from 'undici';
import { ERROR_MESSAGES, type ErrorCode } from '../lib/errors.js';
import { identityFromClaims, pseudonymFor, type ClaimPreset } from '../lib/identity/index.js';
import type { Caller, InternalTokenSigner } from '../lib/internal-token.js';
import type { Logger } from '../lib/logging.js';
import { IdentityProviderUnavailableError, type OidcVerifier } from './auth/oidc.js';
import { dedupeErrorsPlugin, formatGatewayError } from './plugins/errors.js';
import { queryLimitRules, type QueryLimits } from './plugins/limits.js';
import { createPlaygroundRouter, type PlaygroundOptions } from './playground/playground.js';
import { createDocumentProxy } from './documenten.js';
import { SubgraphSource, type GatewayContext } from './datasources/subgraph-source.js';
import { createHealth, mountOperations, requestMetrics, type Health } from '../lib/http/operations.js';
import { traceRequests } from '../lib/observability/tracing.js';
import { bearerToken } from '../lib/http/bearer.js';
import { bodyErrorHandler } from '../lib/http/body-errors.js';
import { apiContentSecurityPolicy, securityHeaders } from '../lib/http/security-headers.js';

export type { GatewayContext } from './datasources/subgraph-source.js';

export interface GatewayDeps {
  supergraphSdl: string;
  subgraphUrls: Readonly<Record<string, string>>;
  /** The longest one subgraph call may take. */
  subgraphTimeoutMs: number;
  /** The whole request's budget: no section waits longer than the page will (default 4 s). */
  requestDeadlineMs?: number;
  /** Consecutive failed calls that open a subgraph's breaker, and how long it stays open. */
  subgraphBreaker?: { failureThreshold: number; openMs: number };
  oidc: OidcVerifier;
  claimPreset: ClaimPreset;
  pseudonymKey: string;
  signer: InternalTokenSigner;
  logger: Logger;
  introspection: boolean;
  dispatcher?: Dispatcher;
  /** The GraphiQL playground at `/`; off when absent. */
  playground?: PlaygroundOptions | null;
  /** `/metrics`: on, off, or behind a bearer token (default on). */
  metrics?: boolean | { token: string };
  /** How large a query may be (default {@link DEFAULT_QUERY_LIMITS}). */
  queryLimits?: QueryLimits;
}

export interface Gateway extends AsyncDisposable {
  readonly httpServer: Server;
  /** The request handler of `httpServer`, for mounting on a server that is already listening. */
  readonly handler: RequestListener;
  /** `/health` and `/ready`; call `health.stopping()` before draining on shutdown. */
  readonly health: Health;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

class RefusedTokenError extends Error {
  override readonly name = 'RefusedTokenError';
}

/** A GraphQL response body with one coded error, for requests refused before GraphQL runs. */
function errorBody(code: ErrorCode, message: string = ERROR_MESSAGES[code]) {
  return { errors: [{ message, extensions: { code } }] };
}

/**
 * Builds (does not start) the gateway: Apollo Server + Apollo Gateway over the committed
 * supergraph, OIDC verification of the resident's token, internal tokens to the subgraphs.
 */
export async function createGateway(deps: GatewayDeps): Promise<Gateway> {
  const { logger } = deps;
  const gateway = new ApolloGateway({
    supergraphSdl: deps.supergraphSdl,
    buildService: ({ name }) => {
      const url = deps.subgraphUrls[name];
      if (!url) throw new Error(`No URL configured for subgraph ${name}`);
      return new SubgraphSource({
        name,
        url,
        signer: deps.signer,
        timeoutMs: deps.subgraphTimeoutMs,
        breaker: deps.subgraphBreaker ?? { failureThreshold: 5, openMs: 5_000 },
        logger,
        dispatcher: deps.dispatcher,
      });
    },
    logger: {
      debug: () => undefined,
      info: (message: unknown) => logger.info({ message }, 'gateway'),
      warn: (message: unknown) => logger.warn({ message }, 'gateway'),
      error: (message: unknown) => logger.error({ message }, 'gateway'),
    },
  });

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: deps.introspection,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: true,
    validationRules: queryLimitRules(deps.queryLimits),
    formatError: formatGatewayError(logger),
    plugins: [dedupeErrorsPlugin(), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

  /** Who is asking: anonymous without a token; a refused token throws {@link RefusedTokenError}. */
  const resolveCaller = async (authorization: string | undefined, requestId: string): Promise<Caller> => {
    if (!authorization) return { kind: 'anonymous', requestId };
    const token = bearerToken(authorization);
    if (!token) throw new RefusedTokenError('malformed Authorization header');
    try {
      const claims = await deps.oidc.verify(token);
      const identity = identityFromClaims(claims, deps.claimPreset);
      return { kind: 'person', requestId, identity, gebruikerId: pseudonymFor(identity, deps.pseudonymKey) };
    } catch (error) {
      if (error instanceof IdentityProviderUnavailableError) throw error;
      throw new RefusedTokenError(error instanceof Error ? error.message : 'unknown');
    }
  };

  const requestDeadlineMs = deps.requestDeadlineMs ?? 4_000;
  const callers = new WeakMap<Request, Caller>();
  const deadlines = new WeakMap<Request, number>();
  /**
   * Verifies the resident's token before GraphQL runs. A token that is present but not valid
   * refuses the whole request (401), so a client never mistakes it for an anonymous request.
   */
  const authenticate = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    // The clock of the page starts when the request arrives, before the token is checked.
    deadlines.set(req, Date.now() + requestDeadlineMs);
    const sent = req.headers['x-request-id'];
    const requestId = typeof sent === 'string' && REQUEST_ID.test(sent) ? sent : randomUUID();
    res.setHeader('x-request-id', requestId);
    try {
      callers.set(req, await resolveCaller(req.headers.authorization, requestId));
      next();
    } catch (error) {
      if (error instanceof IdentityProviderUnavailableError) {
        logger.error({ requestId, reason: error.message }, 'identity provider unavailable');
        res
          .status(503)
          .json(
            errorBody('INTERNAL_SERVER_ERROR', 'Wij kunnen uw inlog nu niet controleren. Probeer het later opnieuw.'),
          );
        return;
      }
      // Why a token was refused is for our logs; the client learns only that it was.
      logger.info({ requestId, reason: error instanceof Error ? error.message : 'unknown' }, 'token refused');
      res.status(401).setHeader('www-authenticate', 'Bearer error="invalid_token"').json(errorBody('UNAUTHENTICATED'));
    }
  };

  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders());
  app.use(['/graphql', '/health', '/ready', '/metrics'], apiContentSecurityPolicy);
  // Built means ready: the supergraph is loaded (Apollo started above) and the config was checked.
  const health = createHealth([{ name: 'supergraph geladen', check: () => true }]);
  mountOperations(app, { name: 'gateway', health, metrics: deps.metrics ?? true });
  if (deps.playground) app.use(createPlaygroundRouter(deps.playground));
  const zakenUrl = deps.subgraphUrls['zaken'];
  if (zakenUrl) {
    const documents = createDocumentProxy({
      zakenSubgraphUrl: zakenUrl,
      timeoutMs: deps.subgraphTimeoutMs,
      logger,
      ...(deps.dispatcher ? { dispatcher: deps.dispatcher } : {}),
    });
    app.all('/documenten/:token', requestMetrics('/documenten'), documents);
  }
  app.use(
    '/graphql',
    requestMetrics('/graphql'),
    authenticate,
    express.json({ limit: '100kb' }),
    traceRequests('/graphql'),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const caller = callers.get(req);
        const deadline = deadlines.get(req);
        if (!caller || deadline === undefined) throw new Error('authenticate middleware did not run');
        return { caller, deadline };
      },
    }),
  );

  app.use(bodyErrorHandler(logger));

  const httpServer = createServer(app);
  return {
    httpServer,
    handler: app,
    health,
    async [Symbol.asyncDispose]() {
      await apollo.stop();
    },
  };
}
