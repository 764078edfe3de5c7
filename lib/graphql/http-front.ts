import { createServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin, type PersistedQueryOptions } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { ApolloGateway } from '@apollo/gateway';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { GraphQLSchema, ValidationRule } from 'graphql';
import type { Logger } from '../logging.js';
import { currentDeadline, runWithDeadline } from '../resilience/deadline.js';
import { traceRequests } from '../observability/tracing.js';
import { bodyErrorHandler } from '../http/body-errors.js';
import { apiContentSecurityPolicy, securityHeaders } from '../http/security-headers.js';
import { mountOperations, requestMetrics, type Health } from '../http/operations.js';
import { maskErrors } from './mask-errors.js';
import { createDirectRoute, type FrontRequest } from './direct-route.js';

export type { FrontRequest } from './direct-route.js';

export interface GraphQLFrontOptions<TContext extends object> {
  /** The process's name in `/health` and its metrics (`gateway`, `brp`, …). */
  name: string;
  logger: Logger;
  /** What is served: a schema (a subgraph), or a gateway that plans over the supergraph. */
  graph: { schema: GraphQLSchema } | { gateway: ApolloGateway };
  introspection: boolean;
  /** Checks that run on every document before it is executed or planned (e.g. size limits). */
  validationRules?: ValidationRule[];
  plugins?: ApolloServerPlugin<TContext>[];
  health: Health;
  /** `/metrics`: on, off, or behind a bearer token. */
  metrics: boolean | { token: string };
  /** The largest request body `/graphql` reads, in bytes. */
  bodyLimitBytes: number;
  /** When a request that arrives now must be answered (epoch ms). */
  deadline: (req: IncomingMessage) => number;
  /**
   * Who is asking, and what the resolvers get. To refuse the whole request (no or a bad token),
   * throw an `appError` with `httpStatus`: it leaves through the same error boundary as any other.
   */
  context: (request: FrontRequest) => Promise<TContext>;
  /**
   * Routes next to `/graphql`, mounted before it (e.g. the playground, document downloads). They
   * are not behind the context's authentication: each must authorise its requests itself.
   */
  routes?: (app: Express) => void;
  /**
   * express's `trust proxy`: the proxies whose `X-Forwarded-For` names the client (default none:
   * the client is the peer of the connection). Read by `req.ip`, e.g. for a rate limit.
   */
  trustProxy?: boolean | string[];
  /** Middleware in front of `/graphql`, before the body is read (e.g. a rate limit by address). */
  before?: RequestHandler[];
  /** Middleware on `/graphql` once the body is read, before Apollo (e.g. persisted documents). */
  afterBody?: RequestHandler[];
  /** Apollo's automatic persisted queries: where hashes are kept (default: Apollo's memory). */
  persistedQueries?: PersistedQueryOptions;
  /**
   * Idle keep-alive of the server's sockets. A subgraph keeps them longer than the gateway's
   * agent does, so the gateway never sends a request on a socket the subgraph just closed.
   */
  keepAliveTimeoutMs?: number;
}

export interface GraphQLFront extends AsyncDisposable {
  readonly httpServer: Server;
  /** The request handler of `httpServer`, for mounting on a server that is already listening. */
  readonly handler: RequestListener;
  readonly health: Health;
}

/**
 * Builds (does not start) the HTTP front of a GraphQL process, the gateway's and every
 * subgraph's: security headers, `/health` `/ready` `/metrics`, `POST /graphql` with a bounded
 * body, a deadline every call of the request runs inside, a trace span, Apollo Server with the
 * one error boundary ({@link maskErrors}), and a GraphQL-shaped answer for a body that cannot be
 * read. The caller is established in the context function, so nothing is handed from one
 * middleware to the next on the side.
 */
export async function createGraphQLFront<TContext extends object>(
  options: GraphQLFrontOptions<TContext>,
): Promise<GraphQLFront> {
  const { logger } = options;
  const apollo = new ApolloServer<TContext>({
    ...options.graph,
    introspection: options.introspection,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: true,
    ...(options.validationRules ? { validationRules: options.validationRules } : {}),
    formatError: maskErrors(logger),
    // Every answer is one resident's own and goes out as no-store (security-headers.ts), so
    // Apollo's per-field cache-hint bookkeeping would be work for nothing on every field.
    plugins: [ApolloServerPluginCacheControlDisabled(), ...(options.plugins ?? [])],
    ...(options.persistedQueries ? { persistedQueries: options.persistedQueries } : {}),
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // Every answer is no-store (security-headers.ts): an ETag would be a hash of each body for nothing.
  app.set('etag', false);
  app.set('trust proxy', options.trustProxy ?? false);
  app.use(securityHeaders());
  app.use(['/graphql', '/health', '/ready', '/metrics'], apiContentSecurityPolicy);
  mountOperations(app, { name: options.name, health: options.health, metrics: options.metrics });
  options.routes?.(app);

  // Once the body is read, so that everything Apollo does for this request runs in its context
  // (body-parser resumes on a socket event, outside any context set before it).
  const withDeadline = (req: Request, _res: Response, next: NextFunction): void => {
    runWithDeadline(options.deadline(req), next);
  };

  app.use(
    '/graphql',
    requestMetrics('/graphql'),
    ...(options.before ?? []),
    express.json({ limit: options.bodyLimitBytes }),
    ...(options.afterBody ?? []),
    withDeadline,
    traceRequests('/graphql'),
    expressMiddleware(apollo, {
      context: ({ req, res }) => options.context({ req, res, deadline: currentDeadline() ?? options.deadline(req) }),
    }),
  );
  app.use(bodyErrorHandler(logger));

  // `POST /graphql` with a JSON body, nearly every request, skips express's router (direct-route.ts).
  const direct = createDirectRoute<TContext>({
    apollo,
    app,
    before: options.before ?? [],
    afterBody: options.afterBody ?? [],
    logger,
    bodyLimitBytes: options.bodyLimitBytes,
    deadline: options.deadline,
    context: options.context,
  });
  const handler: RequestListener = (req, res) => (direct.takes(req) ? direct.handle(req, res) : void app(req, res));

  const httpServer = createServer(handler);
  if (options.keepAliveTimeoutMs !== undefined) httpServer.keepAliveTimeout = options.keepAliveTimeoutMs;
  return {
    httpServer,
    handler,
    health: options.health,
    async [Symbol.asyncDispose]() {
      await apollo.stop();
    },
  };
}
