import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { Express } from 'express';
import type { GraphQLSchema } from 'graphql';
import { appError } from '../errors.js';
import {
  REQUEST_ID_HEADER,
  createInternalTokenVerifier,
  isInternalToken,
  refuseInternalTokens,
  requestIdFrom,
  type InternalTokenVerifier,
  type Caller,
} from '../internal-token.js';
import type { SubgraphAuth } from '../config.js';
import { residentCallersFrom, type ResidentCallers } from '../oidc/index.js';
import type { Logger } from '../logging.js';
import type { BaseContext } from './context.js';
import { DEFAULT_LEES_NIVEAU, type Niveau } from '../identity/index.js';
import { DEADLINE_HEADER, deadlineFromHeader } from '../resilience/deadline.js';
import { bearerToken } from '../http/bearer.js';
import { createHealth, type ReadinessCheck } from '../http/operations.js';
import { createGraphQLFront, type GraphQLFront } from './http-front.js';

/** What every subgraph process hands its server: token verification, logging, time. */
export interface SubgraphRuntime {
  /** The gateway's internal tokens (and its service token, on the routes made for it). */
  verifier: InternalTokenVerifier;
  /**
   * `SUBGRAPH_AUTH=oidc`: the resident's own access token is accepted too, verified and mapped as
   * the gateway does (lib/oidc), so a router that only forwards `Authorization` can serve the
   * committed supergraph. Without an `Authorization` header the request is then anonymous, as at
   * the gateway. Absent: internal tokens only.
   */
  oidc?: ResidentCallers;
  logger: Logger;
  introspection?: boolean;
  now?: () => Date;
  /**
   * The longest a request may take (default 4 s). The gateway names what is left of the page's
   * deadline in `x-deadline-ms`; the shorter of the two bounds every upstream call the request makes.
   */
  deadlineMs?: number;
  /**
   * The assurance level a resident needs to read this subgraph's sections (default
   * {@link DEFAULT_LEES_NIVEAU}); below it a section answers NIVEAU_TE_LAAG.
   */
  leesNiveau?: Niveau;
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

/**
 * The runtime's token verification for the configured {@link SubgraphAuth}: the gateway's keys
 * (none in oidc mode without them: its tokens are then refused), and in oidc mode the resident's
 * token as well.
 */
export function subgraphAuthRuntime(
  auth: SubgraphAuth,
  audience: string,
  logger: Logger,
): Pick<SubgraphRuntime, 'verifier' | 'oidc'> {
  const verifier = auth.internalKeys
    ? createInternalTokenVerifier(auth.internalKeys, audience)
    : refuseInternalTokens();
  return auth.mode === 'oidc' ? { verifier, oidc: residentCallersFrom(auth.residents, logger) } : { verifier };
}

/** A subgraph's HTTP front; call `health.stopping()` before draining on shutdown. */
export type SubgraphServer = GraphQLFront;

/**
 * Builds (does not start) the HTTP server of a subgraph on the one GraphQL front: `POST /graphql`
 * behind internal-token verification, `/health`, `/ready` and `/metrics`. Any request to /graphql
 * without a valid internal token, `_entities` and `_service` included, gets 401 and no data (zero
 * trust, docs/architecture.md §2.3); so does one with the gateway's service token, which names no
 * resident and is meant only for routes that accept it. In oidc mode ({@link SubgraphRuntime.oidc})
 * a valid resident's access token is let in too, and a request without a token is anonymous.
 */
export async function createSubgraphServer<C extends BaseContext>(
  options: SubgraphServerOptions<C>,
): Promise<SubgraphServer> {
  const { logger, verifier } = options;
  const now = options.now ?? (() => new Date());
  const deadlineMs = options.deadlineMs ?? 4_000;
  const leesNiveau = options.leesNiveau ?? DEFAULT_LEES_NIVEAU;

  const verifiedCaller = async (
    authorization: string | undefined,
    requestId: string | string[] | undefined,
  ): Promise<Caller> => {
    const token = bearerToken(authorization);
    // In oidc mode, anything but a token of the gateway is the resident's own (or none at all).
    if (options.oidc && !(token && isInternalToken(token))) {
      return options.oidc(authorization, requestIdFrom(requestId));
    }
    try {
      if (!token) throw new Error('no internal token');
      const caller = await verifier.verify(token, requestId);
      // The gateway's own token is for the routes made for it: it is nobody's request for data.
      if (caller.kind === 'service') throw new Error('service token on /graphql');
      return caller;
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
    bodyLimitBytes: 1024 * 1024,
    deadline: (req) => deadlineFromHeader(req.headers[DEADLINE_HEADER], deadlineMs),
    context: async ({ req }) => {
      const caller = await verifiedCaller(req.headers.authorization, req.headers[REQUEST_ID_HEADER]);
      const { requestId } = caller;
      return options.context({
        caller,
        requestId,
        logger: logger.child({ requestId }),
        now,
        leesNiveau,
        bron: options.name,
      });
    },
    ...(options.routes ? { routes: options.routes } : {}),
    // Longer than the gateway's agent keeps a socket, so it never reuses one we closed.
    keepAliveTimeoutMs: 65_000,
  });
}
