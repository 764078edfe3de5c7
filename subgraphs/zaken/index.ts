import { createUpstreamAgent } from '../../lib/http/upstream.js';
import { createLogger } from '../../lib/logging.js';
import { loadOverlapMap } from '../../lib/overlap/index.js';
import { runSubgraph } from '../../lib/graphql/run.js';
import { subgraphAuthRuntime } from '../../lib/graphql/subgraph-server.js';
import { createZgwClient } from '../../lib/zgw/client.js';
import { createCatalogusCache } from './catalogus-cache.js';
import { loadZakenConfig } from './config.js';
import { createDocumentLinks } from './document/document-links.js';
import { ZAKEN_SUBGRAPH, createZakenServer } from './server.js';

await runSubgraph(ZAKEN_SUBGRAPH, loadZakenConfig, async (config) => {
  const logger = createLogger(ZAKEN_SUBGRAPH, config.LOG_LEVEL);
  const dispatcher = createUpstreamAgent();
  const catalogus = await createCatalogusCache(config, logger);
  const secret = config.ZAKEN_DOCUMENT_LINK_SECRET;
  const server = await createZakenServer({
    sources: config.ZAKEN_BRONNEN.map((source) =>
      createZgwClient(source, { timeoutMs: config.UPSTREAM_TIMEOUT_MS, dispatcher, logger }),
    ),
    overlap: loadOverlapMap(config.OVERLAP_MAP_FILE),
    catalogusCache: catalogus.cache,
    documentLinks: secret
      ? createDocumentLinks({
          secret,
          // Without a public base URL, links point at this process (fine for `npm start`).
          baseUrl: config.ZAKEN_DOCUMENT_LINK_BASE_URL ?? `http://${config.HOST}:${config.PORT}`,
          ttlSeconds: config.ZAKEN_DOCUMENT_LINK_TTL_SECONDS,
        })
      : null,
    ...subgraphAuthRuntime(config.auth, ZAKEN_SUBGRAPH, logger),
    logger,
    introspection: config.INTROSPECTION,
    leesNiveau: config.LEES_NIVEAU,
    deadlineMs: config.REQUEST_DEADLINE_MS,
    metrics: config.METRICS,
  });
  return {
    server,
    dispose: async () => {
      await dispatcher.close();
      await catalogus.close();
    },
  };
});
