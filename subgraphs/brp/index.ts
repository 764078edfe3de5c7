import { createLogger } from '../../lib/logging.js';
import { loadOverlapMap } from '../../lib/overlap/index.js';
import { runSubgraph } from '../../lib/graphql/run.js';
import { subgraphAuthRuntime } from '../../lib/graphql/subgraph-server.js';
import { loadBrpConfig } from './config.js';
import { createBrpClient } from './upstream/brp-client.js';
import { createClientCredentials } from './upstream/oauth.js';
import { createBrpAgent, readBrpTls } from './upstream/tls.js';
import { BRP_SUBGRAPH, createBrpServer } from './server.js';

await runSubgraph(BRP_SUBGRAPH, loadBrpConfig, async (config) => {
  const logger = createLogger(BRP_SUBGRAPH, config.LOG_LEVEL);
  const dispatcher = createBrpAgent(
    readBrpTls({
      certFile: config.BRP_TLS_CERT_FILE,
      keyFile: config.BRP_TLS_KEY_FILE,
      passphrase: config.BRP_TLS_KEY_PASSPHRASE,
      caFile: config.BRP_TLS_CA_FILE,
    }),
  );
  const oauth =
    config.BRP_OAUTH_TOKEN_URL && config.BRP_OAUTH_CLIENT_ID && config.BRP_OAUTH_CLIENT_SECRET
      ? createClientCredentials({
          tokenUrl: config.BRP_OAUTH_TOKEN_URL,
          clientId: config.BRP_OAUTH_CLIENT_ID,
          clientSecret: config.BRP_OAUTH_CLIENT_SECRET,
          clientAuth: config.BRP_OAUTH_CLIENT_AUTH,
          timeoutMs: config.UPSTREAM_TIMEOUT_MS,
          dispatcher,
          ...(config.BRP_OAUTH_SCOPE ? { scope: config.BRP_OAUTH_SCOPE } : {}),
        })
      : undefined;
  const server = await createBrpServer({
    client: createBrpClient({
      baseUrl: config.BRP_URL,
      timeoutMs: config.UPSTREAM_TIMEOUT_MS,
      dispatcher,
      logger,
      ...(config.BRP_API_KEY ? { apiKey: config.BRP_API_KEY } : {}),
      ...(oauth ? { oauth } : {}),
      protocollering: {
        doelbinding: config.BRP_DOELBINDING,
        verwerking: config.BRP_VERWERKING,
        ...(config.BRP_ORIGIN_OIN ? { originOin: config.BRP_ORIGIN_OIN } : {}),
      },
    }),
    overlap: loadOverlapMap(config.OVERLAP_MAP_FILE),
    wijzigLinks: {
      verhuizingUrl: config.BRP_VERHUIZING_URL ?? null,
      correctieUrl: config.BRP_CORRECTIE_URL ?? null,
    },
    ...subgraphAuthRuntime(config.auth, BRP_SUBGRAPH, logger),
    logger,
    introspection: config.INTROSPECTION,
    leesNiveau: config.LEES_NIVEAU,
    deadlineMs: config.REQUEST_DEADLINE_MS,
    metrics: config.METRICS,
  });
  return { server, dispose: () => dispatcher.close() };
});
