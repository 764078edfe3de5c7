import { createServer } from 'node:http';
import { ConfigError } from '../../lib/config.js';
import { listen, onStopSignal } from '../../lib/http/listen.js';
import { createLogger } from '../../lib/logging.js';
import { loadPortalConfig, type PortalConfig } from './config.js';
import { loadPortalOperations, type PortalOperation } from './operations.js';
import { createPortal } from './portal.js';
import { createMemorySessionStore } from './sessions.js';

/**
 * The reference portal as a process: `node dist/portal/bff/index.js`, from the repository root
 * (the default paths of the front-end and its operations are relative to it).
 */
let config: PortalConfig;
let operations: ReadonlyMap<string, PortalOperation>;
try {
  config = loadPortalConfig();
  operations = loadPortalOperations(config.PORTAL_OPERATIONS_DIR, config.PORTAL_PERSISTED_DOCUMENTS_FILE);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`[portal] ${error.message}`);
    process.exit(78);
  }
  throw error;
}

const logger = createLogger('portal', config.LOG_LEVEL);
const portal = createPortal({
  publicUrl: config.publicUrl,
  gatewayUrl: config.PORTAL_GATEWAY_URL,
  gatewayTimeoutMs: config.PORTAL_GATEWAY_TIMEOUT_MS,
  oidc: { issuer: config.PORTAL_OIDC_ISSUER, clientId: config.PORTAL_OIDC_CLIENT_ID, redirectUri: config.redirectUri },
  sessions: createMemorySessionStore({
    secret: config.PORTAL_SESSION_SECRET,
    idleMs: config.PORTAL_SESSION_IDLE_MINUTES * 60_000,
  }),
  operations,
  staticDir: config.PORTAL_STATIC_DIR,
  logger,
});
const listening = await listen(createServer(portal.handler), { port: config.PORTAL_PORT, host: config.PORTAL_HOST });
console.warn(`[portal] Mijn-Omgeving op ${config.publicUrl} (luistert op ${listening.url})`);

onStopSignal(async () => {
  await listening.close(2_000);
  process.exit(0);
});
