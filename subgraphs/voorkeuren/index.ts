import { createFieldCipher } from '../../lib/crypto/index.js';
import { runSubgraph } from '../../lib/graphql/run.js';
import { createUpstreamAgent } from '../../lib/http/upstream.js';
import { createInternalTokenVerifier } from '../../lib/internal-token.js';
import { createLogger } from '../../lib/logging.js';
import { createNotifyClient } from '../../lib/notifynl/index.js';
import { bewaartermijnen, loadVoorkeurenConfig, verificatieBeleid } from './config.js';
import { createCodeVerzender } from './contactgegeven/code-verzender.js';
import { startOnderhoud } from './store/onderhoud.js';
import { openVoorkeurenStore } from './store/open.js';
import { VOORKEUREN_SUBGRAPH, createVoorkeurenServer } from './server.js';

await runSubgraph(VOORKEUREN_SUBGRAPH, loadVoorkeurenConfig, async (config) => {
  const logger = createLogger(VOORKEUREN_SUBGRAPH, config.LOG_LEVEL);
  const now = () => new Date();
  const store = await openVoorkeurenStore(
    { databaseUrl: config.DATABASE_URL, sqlitePath: config.VOORKEUREN_SQLITE_PATH },
    { cipher: createFieldCipher(config.VOORKEUREN_ENCRYPTION_KEY), logger },
  );
  const dispatcher = createUpstreamAgent();
  const notify = createNotifyClient({
    baseUrl: config.NOTIFYNL_URL,
    apiKey: config.NOTIFYNL_API_KEY,
    timeoutMs: config.UPSTREAM_TIMEOUT_MS,
    dispatcher,
    now,
  });
  const onderhoud = startOnderhoud({
    store,
    termijnen: bewaartermijnen(config),
    intervalMs: config.VOORKEUREN_ONDERHOUD_MINUTEN * 60_000,
    now,
    logger,
  });
  const server = await createVoorkeurenServer({
    store,
    wijzigNiveau: config.VOORKEUREN_WIJZIG_NIVEAU,
    contactgegevens: {
      verzender: createCodeVerzender(notify, config.NOTIFYNL_TEMPLATES, config.VOORKEUREN_CODE_GELDIG_MINUTEN),
      beleid: verificatieBeleid(config),
    },
    ...(config.NOTIFYNL_CALLBACK_TOKEN !== undefined ? { afleverstatusToken: config.NOTIFYNL_CALLBACK_TOKEN } : {}),
    verifier: createInternalTokenVerifier(config.INTERNAL_TOKEN_PUBLIC_KEYS, VOORKEUREN_SUBGRAPH),
    logger,
    introspection: config.INTROSPECTION,
    now,
  });
  return {
    server,
    dispose: async () => {
      await onderhoud[Symbol.asyncDispose]();
      await store[Symbol.asyncDispose]();
      await dispatcher.close();
    },
  };
});
