import { createServer } from 'node:http';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { listen, type Listening } from '../lib/http/listen.js';
import { createBrpSimulator } from './brp/index.js';
import { loadSimulatorConfig, type SimulatorConfig } from './config.js';
import { createMijnOverheidSimulator } from './mijnoverheid/index.js';
import { createNotifySimulator } from './notifynl/index.js';
import type { Simulator } from './shared/simulator.js';
import { createZgwSimulator } from './zgw/index.js';

/**
 * The simulated upstreams. The factories build express apps without listening, so the test
 * harness starts each on port 0; running this file starts them all on their configured ports.
 */
export { createBrpSimulator, type BrpSimulatorOptions } from './brp/index.js';
export {
  createZgwSimulator,
  type ZgwSimulator,
  type ZgwSimulatorOptions,
  type ZgwNotification,
  ZGW_SEEDS,
  GEMEENTE_A_RSIN,
  GEMEENTE_B_RSIN,
} from './zgw/index.js';
export { createMijnOverheidSimulator, type MijnOverheidSimulatorOptions, OIN } from './mijnoverheid/index.js';
export {
  createNotifySimulator,
  NOTIFY_TEMPLATES,
  type NotifySimulator,
  type NotifySimulatorOptions,
  type SentNotification,
} from './notifynl/index.js';
export type { Simulator, FaultOptions } from './shared/simulator.js';
export { Journal, type JournalEntry } from './shared/journal.js';
export { loadSimulatorConfig, SIMULATOR_DEFAULTS, type SimulatorConfig } from './config.js';

/** One simulator per configured port. */
function buildSimulators(config: SimulatorConfig): { simulator: Simulator; port: number; hint: string }[] {
  const clients = { [config.zgw.clientId]: config.zgw.secret };
  const zgw = (seed: 'gemeente-a' | 'gemeente-b') =>
    createZgwSimulator({
      seed,
      clients,
      ...(config.notificationsCallback ? { notificationsCallback: config.notificationsCallback } : {}),
    });
  return [
    {
      simulator: createBrpSimulator(config.brpApiKey !== undefined ? { apiKey: config.brpApiKey } : {}),
      port: config.ports.brp,
      hint: 'POST /haalcentraal/api/brp/personen',
    },
    { simulator: zgw('gemeente-a'), port: config.ports.zgwA, hint: '/zaken/api/v1, /catalogi/api/v1' },
    { simulator: zgw('gemeente-b'), port: config.ports.zgwB, hint: '/zaken/api/v1, /catalogi/api/v1' },
    {
      simulator: createMijnOverheidSimulator(
        config.mijnOverheidToken !== undefined ? { bearerToken: config.mijnOverheidToken } : {},
      ),
      port: config.ports.mijnOverheid,
      hint: '/berichtenbox/api/v1, /lopendezaken/api/v1',
    },
    {
      simulator: createNotifySimulator({ services: { [config.notifyNl.serviceId]: config.notifyNl.secret } }),
      port: config.ports.notifyNl,
      hint: '/v2/notifications',
    },
  ];
}

async function main(): Promise<void> {
  const config = loadSimulatorConfig();
  const running: Listening[] = [];
  const stop = async (): Promise<void> => {
    await Promise.allSettled(running.map((server) => server.close()));
  };
  try {
    for (const { simulator, port, hint } of buildSimulators(config)) {
      const server = await listen(createServer(simulator.app), { port, host: config.host });
      running.push(server);
      console.log(`${simulator.name.padEnd(16)} ${server.url}  ${hint}`);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      void stop().then(() => process.exit(0));
    });
  }
}

/** True when this module is the program (`node dist/simulators/index.js`, `tsx simulators/index.ts`). */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
