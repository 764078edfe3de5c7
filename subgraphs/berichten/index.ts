import { createInternalTokenVerifier } from '../../lib/internal-token.js';
import { createUpstreamAgent } from '../../lib/http/upstream.js';
import { createLogger } from '../../lib/logging.js';
import { loadOverlapMap } from '../../lib/overlap/index.js';
import { runSubgraph } from '../../lib/graphql/run.js';
import { loadBerichtenConfig } from './config.js';
import { createFbsAdapter } from './upstream/fbs-client.js';
import { createAfzenderNamen } from './bericht/afzenders.js';
import { BERICHTEN_SUBGRAPH, createBerichtenServer } from './server.js';

await runSubgraph(BERICHTEN_SUBGRAPH, loadBerichtenConfig, async (config) => {
  const dispatcher = createUpstreamAgent();
  const server = await createBerichtenServer({
    mijnOverheid: createFbsAdapter({
      baseUrl: config.MIJNOVERHEID_BERICHTENBOX_URL,
      timeoutMs: config.UPSTREAM_TIMEOUT_MS,
      dispatcher,
      ...(config.MIJNOVERHEID_TOKEN ? { token: config.MIJNOVERHEID_TOKEN } : {}),
    }),
    afzenderNaam: createAfzenderNamen(config.MIJNOVERHEID_AFZENDERS),
    berichtUrl: (id) => `${config.MIJNOVERHEID_PORTAAL_URL}/berichtenbox/bericht/${encodeURIComponent(id)}`,
    overlap: loadOverlapMap(config.OVERLAP_MAP_FILE),
    verifier: createInternalTokenVerifier(config.INTERNAL_TOKEN_PUBLIC_KEYS, BERICHTEN_SUBGRAPH),
    logger: createLogger(BERICHTEN_SUBGRAPH, config.LOG_LEVEL),
    introspection: config.INTROSPECTION,
  });
  return { server, dispose: () => dispatcher.close() };
});
