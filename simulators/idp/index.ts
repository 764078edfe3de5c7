import { createServer } from 'node:http';
import { listen } from '../../lib/http/listen.js';
import { createLogger } from '../../lib/logging.js';
import { loadIdpConfig } from './config.js';
import { createDevIdentityProvider } from './provider.js';

/**
 * The DigiD-simulator as a process: `node dist/simulators/idp/index.js`. Reads IDP_* from the
 * environment (see config.ts), listens, and stops cleanly on SIGTERM or SIGINT.
 */
const config = loadIdpConfig(process.env);
const logger = createLogger('idp', config.logLevel);

const idp = createDevIdentityProvider({
  issuer: config.issuer,
  audience: config.audience,
  clients: [{ client_id: config.clientId, redirect_uris: config.redirectUris }],
  accessTokenTtlSeconds: config.accessTokenTtlSeconds,
  ...(config.keys ? { keys: config.keys } : {}),
  logger,
});
const listening = await listen(createServer(idp.handler), { port: config.port, host: config.host });
logger.info(
  { issuer: config.issuer, listening: listening.url, clientId: config.clientId, audience: config.audience },
  `DigiD-simulator draait: ${config.issuer}`,
);

let stopping = false;
async function stop(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'DigiD-simulator stopt');
  await listening.close();
  await idp[Symbol.asyncDispose]();
}
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, (received) => {
    stop(received).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'stoppen mislukt');
        process.exit(1);
      },
    );
  });
}
