import { createInternalTokenVerifier } from '../../lib/internal-token.js';
import { createUpstreamAgent } from '../../lib/http/upstream.js';
import { createLogger } from '../../lib/logging.js';
import { loadOverlapMap } from '../../lib/overlap/index.js';
import { runSubgraph } from '../../lib/graphql/run.js';
import { createZgwClient } from '../../lib/zgw/client.js';
import { loadZakenConfig } from './config.js';
import { ZAKEN_SUBGRAPH, createZakenServer } from './server.js';

await runSubgraph(ZAKEN_SUBGRAPH, loadZakenConfig, async (config) => {
  const dispatcher = createUpstreamAgent();
  const server = await createZakenServer({
    sources: config.ZAKEN_BRONNEN.map((source) =>
      createZgwClient(source, { timeoutMs: config.UPSTREAM_TIMEOUT_MS, dispatcher }),
    ),
    overlap: loadOverlapMap(config.OVERLAP_MAP_FILE),
    verifier: createInternalTokenVerifier(config.INTERNAL_TOKEN_PUBLIC_KEYS, ZAKEN_SUBGRAPH),
    logger: createLogger(ZAKEN_SUBGRAPH, config.LOG_LEVEL),
    introspection: config.INTROSPECTION,
  });
  return { server, dispose: () => dispatcher.close() };
});
