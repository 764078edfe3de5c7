import { createInternalTokenVerifier } from '../../lib/internal-token.js';
import { createLogger } from '../../lib/logging.js';
import { runSubgraph } from '../../lib/graphql/run.js';
import { loadVoorkeurenConfig } from './config.js';
import { createSqliteVoorkeurenStore } from './store/sqlite-store.js';
import { VOORKEUREN_SUBGRAPH, createVoorkeurenServer } from './server.js';

await runSubgraph(VOORKEUREN_SUBGRAPH, loadVoorkeurenConfig, async (config) => {
  const store = createSqliteVoorkeurenStore(config.VOORKEUREN_SQLITE_PATH);
  const server = await createVoorkeurenServer({
    store,
    wijzigNiveau: 'MIDDEN',
    verifier: createInternalTokenVerifier(config.INTERNAL_TOKEN_PUBLIC_KEYS, VOORKEUREN_SUBGRAPH),
    logger: createLogger(VOORKEUREN_SUBGRAPH, config.LOG_LEVEL),
    introspection: config.INTROSPECTION,
  });
  return { server, dispose: () => store[Symbol.asyncDispose]() };
});
