import { createServer, type Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { ERROR_MESSAGES, isErrorCode } from '../errors.js';
import type { InternalTokenVerifier, Caller } from '../internal-token.js';
import type { Logger } from '../logging.js';
import type { BaseContext } from './context.js';
import { DEADLINE_HEADER, deadlineFromHeader, runWithDeadline } from '../resilience/deadline.js';
import { traceRequests } from '../observability/tracing.js';
import { bearerToken } from '../http/bearer.js';
import { bodyErrorHandler } from '../http/body-errors.js';
import { apiContentSecurityPolicy, securityHeaders } from '../http/security-headers.js';
import { createHealth, mountOperations, requestMetrics, type Health, type ReadinessCheck } from '../http/operations.js';

/** What every subgraph process hands its server: token verification, logging, time. */
export interface SubgraphRuntime {
  verifier: InternalTokenVerifier;
  logger: Logger;
  introspection?: boolean;
  now?: () => Date;
  /**
   * The longest a request may take (default 4 s). The gateway names what is left of the page's
   * deadline in `x-deadline-ms`; the shorter of the two bounds every upstream call the request makes.
   */
  deadlineMs?: number;
  /** `/metrics` (default on: a subgraph is not reachable from the internet). */
  metrics?: boolean;
  /** What must hold before this subgraph takes traffic, besides being built (e.g. its store migrated). */
  readiness?: readonly ReadinessCheck[];
}

export interface SubgraphServerOptions<C extends BaseContext> extends SubgraphRuntime {
  /** The subgraph's name, also the audience of its internal tokens. */
  name: string;
  schema: GraphQLSchema;
  /** Builds the per-request context (loaders, clients) on top of the verified caller. */
  context: (base: BaseContext) => C | Promise<C>;
  /**
   * Extra HTTP routes next to /graphql (e.g. document downloads). They are NOT behind the
   * internal-token check: each must authorise its requests itself.
   */
  routes?: (app: Express) => void;
}

export interface SubgraphServer extends AsyncDisposable {
  readonly httpServer: Server;
  /** `/health` and `/ready`; call `health.stopping()` before draining on shutdown. */
  readonly health: Health;
}

const UNAUTHENTICATED_BODY = {
  errors: [{ message: ERROR_MESSAGES.UNAUTHENTICATED, extensions: { code: 'UNAUTHENTICATED' } }],
};

/**
 * Masks anything that is not a registered error: the gateway translates codes for clients, but a
 * subgraph never sends a stack trace, an upstream body or an unexpected message out.
 */
export function maskSubgraphError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.['code'];
    if (isErrorCode(code) && code !== 'INTERNAL_SERVER_ERROR') {
      const { stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    logger.error({ err: error }, 'unexpected error in resolver');
    return {
      message: ERROR_MESSAGES.INTERNAL_SERVER_ERROR,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/**
 * Builds (does not start) the HTTP server of a subgraph: `POST /graphql` behind internal-token
 * verification and `GET /health`. Any request to /graphql without a valid internal token,
 * `_entities` and `_service` included, gets 401 and no data (zero trust, docs/architecture.md §2.3).
 */
export async function createSubgraphServer<C extends BaseContext>(
  options: SubgraphServerOptions<C>,
): Promise<SubgraphServer> {
  const { logger, verifier } = options;
  const now = options.now ?? (() => new Date());
  const plugins: ApolloServerPlugin<C>[] = [ApolloServerPluginInlineTraceDisabled()];
  const apollo = new ApolloServer<C>({
    schema: options.schema,
    introspection: options.introspection ?? false,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: true,
    formatError: maskSubgraphError(logger),
    plugins,
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders());
  app.use(['/graphql', '/health', '/ready', '/metrics'], apiContentSecurityPolicy);
  const health = createHealth(options.readiness ?? []);
  mountOperations(app, { name: options.name, health, metrics: options.metrics ?? true });
  options.routes?.(app);

  const callers = new WeakMap<Request, Caller>();
  const authenticate = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const token = bearerToken(req.headers.authorization);
    try {
      if (!token) throw new Error('no internal token');
      callers.set(req, await verifier.verify(token));
      next();
    } catch (error) {
      logger.warn(
        { reason: error instanceof Error ? error.message : 'unknown' },
        'request refused: no valid internal token',
      );
      res.status(401).type('application/json').send(UNAUTHENTICATED_BODY);
    }
  };

  const deadlineMs = options.deadlineMs ?? 4_000;
  // After the body is read, so that everything Apollo does for this request runs in its context.
  const withDeadline = (req: Request, _res: Response, next: NextFunction): void => {
    runWithDeadline(deadlineFromHeader(req.headers[DEADLINE_HEADER], deadlineMs), next);
  };

  app.use(
    '/graphql',
    requestMetrics('/graphql'),
    authenticate,
    express.json({ limit: '1mb' }),
    withDeadline,
    traceRequests('/graphql'),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const caller = callers.get(req);
        if (!caller) throw new Error('authenticate middleware did not run');
        const { requestId } = caller;
        return options.context({
          caller,
          requestId,
          logger: logger.child({ requestId }),
          now,
        });
      },
    }),
  );

  app.use(bodyErrorHandler(logger));

  const httpServer = createServer(app);
  // Keep-alive longer than the gateway's agent so the gateway never reuses a socket we closed.
  httpServer.keepAliveTimeout = 65_000;
  return {
    httpServer,
    health,
    async [Symbol.asyncDispose]() {
      await apollo.stop();
    },
  };
}
