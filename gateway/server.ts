// Before @apollo/gateway is loaded: it reuses the operation it builds per page (see there).
import './execution/reuse-operations.js';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway } from '@apollo/gateway';
import type { Dispatcher } from 'undici';
import type { ClaimPreset, MachtigingDiensten } from '../lib/identity/index.js';
import { REQUEST_ID_HEADER, requestIdFrom, type InternalTokenSigner } from '../lib/internal-token.js';
import type { Logger } from '../lib/logging.js';
import { createResidentCallers, type OidcVerifier } from '../lib/oidc/index.js';
import { dedupeErrorsPlugin } from './plugins/errors.js';
import { queryLimitRules, type QueryLimits } from './plugins/limits.js';
import { persistedDocumentsMiddleware, type PersistedDocuments } from './plugins/persisted-documents.js';
import type { ApolloKeyValueCache } from './plugins/apq-cache.js';
import type { RateLimiting } from './plugins/rate-limits.js';
import { createPlaygroundRouter, type PlaygroundOptions } from './playground/playground.js';
import { createDocumentProxy } from './documenten.js';
import { SubgraphSource, type GatewayContext } from './datasources/subgraph-source.js';
import { createHealth, requestMetrics } from '../lib/http/operations.js';
import { createGraphQLFront, type GraphQLFront } from '../lib/graphql/http-front.js';

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
  /** Per dienst of a machtiging, the sources it covers; a machtiging for another dienst is refused. */
  machtigingDiensten?: MachtigingDiensten;
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
  /** The checked persisted-document manifest: `documentId` requests, and the safelist. */
  persistedDocuments?: PersistedDocuments;
  /** Accept only the manifest's operations (needs `persistedDocuments`). */
  safelist?: boolean;
  /** Limits per client address, per resident and on verification codes (`createRateLimits`); none when absent. */
  rateLimits?: RateLimiting;
  /** express's `trust proxy`: the proxies whose `X-Forwarded-For` names the client (default none). */
  trustProxy?: boolean | string[];
  /** Where APQ registrations are kept (`openApqCache`); Apollo's memory when absent. */
  apqCache?: ApolloKeyValueCache;
  /** The verwerkingenlog (gateway/verwerkingen/batcher.ts): reads of residents' data are recorded there. */
  verwerkingen?: ConstructorParameters<typeof SubgraphSource>[0]['verwerkingen'];
}

/** The gateway's HTTP front; call `health.stopping()` before draining on shutdown. */
export type Gateway = GraphQLFront;

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
        verwerkingen: deps.verwerkingen,
      });
    },
    logger: {
      debug: () => undefined,
      info: (message: unknown) => logger.info({ message }, 'gateway'),
      warn: (message: unknown) => logger.warn({ message }, 'gateway'),
      error: (message: unknown) => logger.error({ message }, 'gateway'),
    },
  });

  // Who is asking: the same resolution as a subgraph's in oidc mode (lib/oidc/caller.ts).
  const resolveCaller = createResidentCallers({
    oidc: deps.oidc,
    claimPreset: deps.claimPreset,
    ...(deps.machtigingDiensten ? { machtigingDiensten: deps.machtigingDiensten } : {}),
    pseudonymKey: deps.pseudonymKey,
    logger,
  });

  if (deps.safelist && !deps.persistedDocuments) throw new Error('safelist mode needs the persisted-document manifest');
  const zakenUrl = deps.subgraphUrls['zaken'];
  const requestDeadlineMs = deps.requestDeadlineMs ?? 4_000;
  return createGraphQLFront<GatewayContext>({
    name: 'gateway',
    logger,
    graph: { gateway },
    introspection: deps.introspection,
    validationRules: queryLimitRules(deps.queryLimits),
    plugins: [
      dedupeErrorsPlugin(),
      ApolloServerPluginLandingPageDisabled(),
      ...(deps.rateLimits ? [deps.rateLimits.verificationPlugin] : []),
    ],
    // Counted before the token is verified and the body read: a flood costs a counter, no more.
    before: deps.rateLimits ? [deps.rateLimits.addressLimit] : [],
    trustProxy: deps.trustProxy ?? false,
    // Built means ready: the supergraph is loaded (Apollo starts in the front) and the config was checked.
    health: createHealth([{ name: 'supergraph geladen', check: () => true }]),
    metrics: deps.metrics ?? true,
    bodyLimitBytes: 100 * 1024,
    afterBody: deps.persistedDocuments
      ? [persistedDocumentsMiddleware({ documents: deps.persistedDocuments, safelist: deps.safelist ?? false, logger })]
      : [],
    ...(deps.apqCache ? { persistedQueries: { cache: deps.apqCache } } : {}),
    // The clock of the page starts before the token is checked.
    deadline: () => Date.now() + requestDeadlineMs,
    context: async ({ req, res, deadline }) => {
      const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
      res.setHeader(REQUEST_ID_HEADER, requestId);
      const caller = await resolveCaller(req.headers.authorization, requestId);
      if (caller.kind === 'person') await deps.rateLimits?.consumeResident(caller.gebruikerId);
      return { caller, deadline };
    },
    routes: (app) => {
      if (deps.playground) app.use(createPlaygroundRouter(deps.playground));
      if (zakenUrl) {
        const documents = createDocumentProxy({
          zakenSubgraphUrl: zakenUrl,
          timeoutMs: deps.subgraphTimeoutMs,
          logger,
          ...(deps.dispatcher ? { dispatcher: deps.dispatcher } : {}),
        });
        const limit = deps.rateLimits ? [deps.rateLimits.addressLimit] : [];
        app.all('/documenten/:token', requestMetrics('/documenten'), ...limit, documents);
      }
    },
  });
}
