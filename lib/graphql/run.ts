import { listen, onStopSignal } from '../http/listen.js';
import { ConfigError } from '../config.js';
import { collectProcessMetrics } from '../observability/metrics.js';
import { startTracing } from '../observability/tracing.js';
import type { SubgraphServer } from './subgraph-server.js';

interface BaseProcessConfig {
  readonly HOST: string;
  readonly PORT: number;
  readonly SHUTDOWN_GRACE_MS: number;
}

/**
 * The `index.ts` of a subgraph process: read config once (exit 78 naming the variable when it
 * is wrong, also when `build` finds a configured file unusable), build, listen, print the URL, and
 * stop gracefully on SIGTERM/SIGINT: `/ready` says 503 at once, no new connections are taken,
 * requests under way finish within SHUTDOWN_GRACE_MS, then the subgraph's own work is closed
 * (`dispose`: the meldingen outbox finishes its pass, stores close) and the process exits.
 */
export async function runSubgraph<C extends BaseProcessConfig>(
  name: string,
  loadConfig: () => C,
  build: (config: C) => Promise<{ server: SubgraphServer; dispose?: () => PromiseLike<void> }>,
): Promise<void> {
  let config: C;
  let built: Awaited<ReturnType<typeof build>>;
  // Before anything calls out, so every undici call of the process is traced (when configured).
  const tracing = await startTracing(name);
  try {
    config = loadConfig();
    // Building may read configured files (certificates): a bad one is a configuration error too.
    built = await build(config);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`[${name}] ${error.message}`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const { server, dispose } = built;
  collectProcessMetrics(name);
  const listening = await listen(server.httpServer, { port: config.PORT, host: config.HOST });
  console.warn(`[${name}] subgraph luistert op ${listening.url}/graphql`);
  const stop = async () => {
    server.health.stopping();
    await listening.close(config.SHUTDOWN_GRACE_MS);
    await server[Symbol.asyncDispose]();
    await dispose?.();
    await tracing?.shutdown();
    process.exit(0);
  };
  onStopSignal(stop);
}
