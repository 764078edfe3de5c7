import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { Express } from 'express';
import type { GraphQLSchema } from 'graphql';
import { appError } from '../errors.js';
import type { InternalTokenVerifier, Caller } from '../internal-token.js';
import type { Logger } from '../logging.js';
import type { BaseContext } from './context.js';
import { DEADLINE_HEADER, deadlineFromHeader } from '../resilience/deadline.js';
import { bearerToken } from '../http/bearer.js';
import { createHealth, type ReadinessCheck } from '../http/operations.js';
import { createGraphQLFront, type GraphQLFront } from './http-front.js';

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

/** A subgraph's HTTP front; call `health.stopping()` before draining on shutdown. */
export type SubgraphServer = GraphQLFront;

/**
 * Builds (does not start) the HTTP server of a subgraph on the one GraphQL front: `POST /graphql`
 * behind internal-token verification, `/health`, `/ready` and `/metrics`. Any request to /graphql
 * without a valid internal token, `_entities` and `_service` included, gets 401 and no data (zero
 * trust, docs/architecture.md §2.3).
 */
export async function createSubgraphServer<C extends BaseContext>(
  options: SubgraphServerOptions<C>,
): Promise<SubgraphServer> {
  const { logger, verifier } = options;
  const now = options.now ?? (() => new Date());
  const deadlineMs = options.deadlineMs ?? 4_000;

  const verifiedCaller = async (authorization: string | undefined): Promise<Caller> => {
    try {
      const token = bearerToken(authorization);
      if (!token) throw new Error('no internal token');
      return await verifier.verify(token);
    } catch (error) {
      logger.warn(
        { reason: error instanceof Error ? error.message : 'unknown' },
        'request refused: no valid internal token',
      );
      throw appError('UNAUTHENTICATED', { httpStatus: 401 });
    }
  };

  return createGraphQLFront<C>({
    name: options.name,
    logger,
    graph: { schema: options.schema },
    introspection: options.introspection ?? false,
    plugins: [ApolloServerPluginInlineTraceDisabled()],
    health: createHealth(options.readiness ?? []),
    metrics: options.metrics ?? true,
    bodyLimit: '1mb',
    deadline: (req) => deadlineFromHeader(req.headers[DEADLINE_HEADER], deadlineMs),
    context: async ({ req }) => {
      const caller = await verifiedCaller(req.headers.authorization);
      const { requestId } = caller;
      return options.context({ caller, requestId, logger: logger.child({ requestId }), now });
    },
    ...(options.routes ? { routes: options.routes } : {}),
    // Longer than the gateway's agent keeps a socket, so it never reuses one we closed.
    keepAliveTimeoutMs: 65_000,
  });
}
