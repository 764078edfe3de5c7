import { createUpstreamAgent } from '../../lib/http/upstream.js';
import { createLogger } from '../../lib/logging.js';
import { loadOverlapMap } from '../../lib/overlap/index.js';
import { runSubgraph } from '../../lib/graphql/run.js';
import { subgraphAuthRuntime } from '../../lib/graphql/subgraph-server.js';
import { loadBerichtenConfig } from './config.js';
import { createFbsAdapter } from './upstream/fbs-client.js';
import { createLopendeZakenClient } from './upstream/lopendezaken-client.js';
import { createAfzenderNamen } from './bericht/afzenders.js';
import { mijnOverheidLinks } from './links.js';
import { BERICHTEN_SUBGRAPH, createBerichtenServer } from './server.js';

// The overlap map is read with the configuration: an invalid file is a ConfigError, so the
// process stops (exit 78) with the line and the problem instead of serving a wrong map.
await runSubgraph(
  BERICHTEN_SUBGRAPH,
  () => {
    const config = loadBerichtenConfig();
    return { ...config, overlap: loadOverlapMap(config.OVERLAP_MAP_FILE) };
  },
  async (config) => {
    const dispatcher = createUpstreamAgent();
    const logger = createLogger(BERICHTEN_SUBGRAPH, config.LOG_LEVEL);
    const upstream = {
      timeoutMs: config.UPSTREAM_TIMEOUT_MS,
      dispatcher,
      logger,
      ...(config.MIJNOVERHEID_TOKEN ? { token: config.MIJNOVERHEID_TOKEN } : {}),
    };
    if (!config.MIJNOVERHEID_LOPENDEZAKEN_URL) {
      logger.warn('MIJNOVERHEID_LOPENDEZAKEN_URL is not set: the section shows no Lopende Zaken');
    }
    const { overlap } = config;
    const server = await createBerichtenServer({
      mijnOverheid: {
        berichtenbox: createFbsAdapter({ baseUrl: config.MIJNOVERHEID_BERICHTENBOX_URL, ...upstream }),
        lopendeZaken: config.MIJNOVERHEID_LOPENDEZAKEN_URL
          ? createLopendeZakenClient({ baseUrl: config.MIJNOVERHEID_LOPENDEZAKEN_URL, ...upstream })
          : null,
      },
      // Names of this gemeente's organisations come from the overlap map; configured ones win.
      afzenderNaam: createAfzenderNamen({
        ...Object.fromEntries(overlap.organisaties().map((o) => [o.oin, o.naam])),
        ...config.MIJNOVERHEID_AFZENDERS,
      }),
      ...mijnOverheidLinks(config.MIJNOVERHEID_PORTAAL_URL),
      overlap,
      ...subgraphAuthRuntime(config.auth, BERICHTEN_SUBGRAPH, logger),
      logger,
      introspection: config.INTROSPECTION,
      leesNiveau: config.LEES_NIVEAU,
      deadlineMs: config.REQUEST_DEADLINE_MS,
      metrics: config.METRICS,
    });
    return { server, dispose: () => dispatcher.close() };
  },
);
