import { readFileSync } from 'node:fs';
import { ConfigError } from '../lib/config.js';
import { createUpstreamAgent } from '../lib/http/upstream.js';
import { listen, onStopSignal } from '../lib/http/listen.js';
import { createInternalTokenSigner } from '../lib/internal-token.js';
import { createLogger } from '../lib/logging.js';
import { collectProcessMetrics } from '../lib/observability/metrics.js';
import { startTracing } from '../lib/observability/tracing.js';
import { createResidentTokenVerifier } from '../lib/oidc/index.js';
import { loadGatewayConfig, type GatewayConfig } from './config.js';
import { createGateway } from './server.js';
import { loadExampleOperations } from './playground/playground.js';
import { loadPersistedDocuments, type PersistedDocuments } from './plugins/persisted-documents.js';
import { openApqCache } from './plugins/apq-cache.js';
import { createRateLimits } from './plugins/rate-limits.js';
import { createVerwerkingenBatcher } from './verwerkingen/batcher.js';
import { openRedisConnection } from '../lib/cache/index.js';

let config: GatewayConfig;
let persistedDocuments: PersistedDocuments;
try {
  config = loadGatewayConfig();
  persistedDocuments = loadPersistedDocuments(config.PERSISTED_DOCUMENTS_FILE);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`[gateway] ${error.message}`);
    process.exit(78);
  }
  throw error;
}

// Before anything calls out, so every undici call of the process is traced (when configured).
const tracing = await startTracing('gateway');
const logger = createLogger('gateway', config.LOG_LEVEL);
const dispatcher = createUpstreamAgent();
const redis = config.REDIS_URL
  ? await openRedisConnection(config.REDIS_URL, {
      logger,
      whileDown: 'automatic persisted queries are not remembered and rate limits count per process',
    })
  : undefined;
const signer = await createInternalTokenSigner(config.INTERNAL_TOKEN_PRIVATE_KEY);
// The verwerkingenlog goes to the voorkeuren subgraph in batches; no request waits for it.
const verwerkingen = createVerwerkingenBatcher({
  voorkeurenUrl: config.SUBGRAPH_VOORKEUREN_URL,
  signer,
  logger,
  dispatcher,
  maxBuffer: config.VERWERKINGEN_BUFFER_MAX,
});
const gateway = await createGateway({
  supergraphSdl: readFileSync(config.SUPERGRAPH_FILE, 'utf8'),
  subgraphUrls: config.subgraphUrls,
  subgraphTimeoutMs: config.SUBGRAPH_TIMEOUT_MS,
  requestDeadlineMs: config.REQUEST_DEADLINE_MS,
  subgraphBreaker: { failureThreshold: config.SUBGRAPH_BREAKER_FAILURES, openMs: config.SUBGRAPH_BREAKER_OPEN_MS },
  // The same token comes with every page of a session: its signature is checked once.
  oidc: createResidentTokenVerifier(config.oidcVerification),
  claimPreset: config.OIDC_CLAIM_PRESET,
  machtigingDiensten: config.MACHTIGING_DIENSTEN,
  pseudonymKey: config.PSEUDONYM_KEY,
  signer,
  verwerkingen,
  logger,
  introspection: config.introspection,
  metrics: config.metrics,
  queryLimits: config.queryLimits,
  persistedDocuments,
  safelist: config.SAFELIST,
  apqCache: openApqCache({ redis, redisTimeoutMs: config.REDIS_TIMEOUT_MS }, logger),
  rateLimits: createRateLimits({
    limits: config.rateLimits,
    redis: redis?.client,
    redisTimeoutMs: config.REDIS_TIMEOUT_MS,
    onRedisAvailabilityChange: redis?.availabilityChanged,
    keyPrefix: 'profielservice:gateway:limiet',
    logger,
  }),
  trustProxy: config.trustProxy,
  dispatcher,
  playground: config.playground
    ? {
        login: config.playgroundClientId ? { issuer: config.OIDC_ISSUER, clientId: config.playgroundClientId } : null,
        examples: loadExampleOperations(config.PLAYGROUND_OPERATIONS_DIR),
      }
    : null,
});
const listening = await listen(gateway.httpServer, { port: config.PORT, host: config.HOST });
console.warn(
  `[gateway] GraphQL op ${listening.url}/graphql${config.playground ? `, playground op ${listening.url}/` : ''}`,
);

collectProcessMetrics('gateway');

/** SIGTERM: not ready at once, no new connections, requests under way finish within the grace period. */
const stop = async () => {
  gateway.health.stopping();
  await listening.close(config.SHUTDOWN_GRACE_MS);
  await gateway[Symbol.asyncDispose]();
  await verwerkingen.close();
  await dispatcher.close();
  await redis?.close();
  await tracing?.shutdown();
  process.exit(0);
};
onStopSignal(stop);
