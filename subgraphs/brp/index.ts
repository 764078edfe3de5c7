import { createInternalTokenVerifier } from '../../lib/internal-token.js';
import { createUpstreamAgent } from '../../lib/http/upstream.js';
import { createLogger } from '../../lib/logging.js';
import { loadOverlapMap } from '../../lib/overlap/index.js';
import { runSubgraph } from '../../lib/graphql/run.js';
import { loadBrpConfig } from './config.js';
import { createBrpClient } from './upstream/brp-client.js';
import { BRP_SUBGRAPH, createBrpServer } from './server.js';

await runSubgraph(BRP_SUBGRAPH, loadBrpConfig, async (config) => {
  const dispatcher = createUpstreamAgent();
  const server = await createBrpServer({
    client: createBrpClient({
      baseUrl: config.BRP_URL,
      timeoutMs: config.UPSTREAM_TIMEOUT_MS,
      dispatcher,
      ...(config.BRP_API_KEY ? { apiKey: config.BRP_API_KEY } : {}),
      protocollering: {
        doelbinding: config.BRP_DOELBINDING,
        verwerking: config.BRP_VERWERKING,
        ...(config.BRP_ORIGIN_OIN ? { originOin: config.BRP_ORIGIN_OIN } : {}),
      },
    }),
    overlap: loadOverlapMap(config.OVERLAP_MAP_FILE),
    verifier: createInternalTokenVerifier(config.INTERNAL_TOKEN_PUBLIC_KEYS, BRP_SUBGRAPH),
    logger: createLogger(BRP_SUBGRAPH, config.LOG_LEVEL),
    introspection: config.INTROSPECTION,
  });
  return { server, dispose: () => dispatcher.close() };
});
