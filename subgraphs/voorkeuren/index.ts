import { createFieldCipher } from '../../lib/crypto/index.js';
import { runSubgraph } from '../../lib/graphql/run.js';
import { subgraphAuthRuntime } from '../../lib/graphql/subgraph-server.js';
import { createUpstreamAgent } from '../../lib/http/upstream.js';
import { createLogger } from '../../lib/logging.js';
import { registerOutboxMetrics } from '../../lib/observability/metrics.js';
import { createNotifyClient } from '../../lib/notifynl/index.js';
import { loadOverlapMap } from '../../lib/overlap/index.js';
import { createZgwClient } from '../../lib/zgw/index.js';
import { bewaartermijnen, loadVoorkeurenConfig, meldingenConfig, verificatieBeleid } from './config.js';
import { createCodeVerzender } from './contactgegeven/code-verzender.js';
import { contactWaardeUit, createOutboxDispatcher } from './melding/dispatcher.js';
import { startMeldingenLoop, type MeldingenLoop } from './melding/meldingen.js';
import { createMeldingVerwerker } from './melding/verwerker.js';
import { startOnderhoud } from './store/onderhoud.js';
import { openVoorkeurenStores } from './store/open.js';
import { VOORKEUREN_SUBGRAPH, createVoorkeurenServer } from './server.js';

await runSubgraph(VOORKEUREN_SUBGRAPH, loadVoorkeurenConfig, async (config) => {
  const logger = createLogger(VOORKEUREN_SUBGRAPH, config.LOG_LEVEL);
  const now = () => new Date();
  const { store, meldingen: meldingenStore } = await openVoorkeurenStores(
    {
      databaseUrl: config.DATABASE_URL,
      sqlitePath: config.VOORKEUREN_SQLITE_PATH,
      postgres: {
        connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
        statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
      },
    },
    { cipher: createFieldCipher(config.VOORKEUREN_ENCRYPTION_KEY), logger },
  );
  const dispatcher = createUpstreamAgent();
  const notify = createNotifyClient({
    baseUrl: config.NOTIFYNL_URL,
    apiKey: config.NOTIFYNL_API_KEY,
    timeoutMs: config.UPSTREAM_TIMEOUT_MS,
    dispatcher,
    logger,
    now,
  });
  const meldingen = meldingenConfig(config);
  const onderhoud = startOnderhoud({
    store,
    termijnen: bewaartermijnen(config),
    intervalMs: config.VOORKEUREN_ONDERHOUD_MINUTEN * 60_000,
    now,
    logger,
    ...(meldingen ? { meldingen: { store: meldingenStore, bewaarMs: meldingen.bewaarMs } } : {}),
  });
  let loop: MeldingenLoop | null = null;
  if (meldingen) {
    const overlap = loadOverlapMap(config.OVERLAP_MAP_FILE);
    loop = startMeldingenLoop({
      verwerker: createMeldingVerwerker({
        meldingen: meldingenStore,
        voorkeuren: store,
        bronnen: meldingen.bronnen.map((bron) =>
          createZgwClient(bron, { timeoutMs: config.UPSTREAM_TIMEOUT_MS, dispatcher, logger }),
        ),
        mijnOverheidMeldt: (zaaktype) => overlap.mijnOverheidMeldt(zaaktype),
        pseudonymKey: meldingen.pseudonymKey,
        templates: meldingen.templates,
        portaalUrl: meldingen.portaalUrl,
        now,
        logger,
      }),
      dispatcher: createOutboxDispatcher({
        store: meldingenStore,
        notify,
        contactWaarde: contactWaardeUit(store),
        now,
        logger,
      }),
      intervalMs: meldingen.intervalMs,
      logger,
    });
    // Events stored before this start (or by a replica that stopped) are handled now.
    loop.wek();
  }
  registerOutboxMetrics(
    () => meldingenStore.tellingen(),
    () => meldingenStore.oudsteTeDoen(),
    now,
  );
  const server = await createVoorkeurenServer({
    store,
    wijzigNiveau: config.VOORKEUREN_WIJZIG_NIVEAU,
    contactgegevens: {
      verzender: createCodeVerzender(notify, config.NOTIFYNL_TEMPLATES, config.VOORKEUREN_CODE_GELDIG_MINUTEN),
      beleid: verificatieBeleid(config),
    },
    ...(config.NOTIFYNL_CALLBACK_TOKEN !== undefined ? { afleverstatusToken: config.NOTIFYNL_CALLBACK_TOKEN } : {}),
    meldingen: meldingenStore,
    ...(meldingen && loop
      ? { notificaties: { authorization: meldingen.authorization, onOntvangen: () => loop.wek() } }
      : {}),
    ...subgraphAuthRuntime(config.auth, VOORKEUREN_SUBGRAPH, logger),
    logger,
    introspection: config.INTROSPECTION,
    leesNiveau: config.LEES_NIVEAU,
    deadlineMs: config.REQUEST_DEADLINE_MS,
    metrics: config.METRICS,
    now,
  });
  return {
    server,
    dispose: async () => {
      await loop?.[Symbol.asyncDispose]();
      await onderhoud[Symbol.asyncDispose]();
      await store[Symbol.asyncDispose]();
      await dispatcher.close();
    },
  };
});
