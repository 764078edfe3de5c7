/**
 * Peer "Hive Gateway" of `npm run bench`: `createGatewayRuntime` of `@graphql-hive/gateway-runtime`
 * (the runtime the `hive-gateway` CLI serves) on a plain node:http server, default settings, over
 * the committed supergraph, with the same token work as the other gateways (token-work.ts): the
 * resident's token verified in a plugin while the context is built, an internal token added to
 * each subgraph request through `propagateHeaders`.
 *
 * With BENCH_HIVE_PLANNER=rust it plans with the Rust query planner
 * (`@graphql-hive/router-query-planner`) through the `unifiedGraphHandler` of
 * `@graphql-hive/router-runtime`, as the CLI's `--hive-router-runtime` does; when that package is
 * not installed it says so on stdout and exits 3, and the benchmark reports it.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime, type GatewayConfigSupergraph, type GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { Caller } from '../../../lib/internal-token.js';
import { announceReady, announceUnavailable, createTokenWork, readPeerConfig } from './token-work.js';

/** Exit code of a peer that cannot run on this machine (not a failure of the benchmark). */
const UNAVAILABLE = 3;

interface PeerContext {
  caller: Caller;
}

const config = readPeerConfig();
const work = await createTokenWork(config);

/** Verifies the resident's token while the GraphQL context is built; the caller joins the context. */
const verifyResident: GatewayPlugin<PeerContext> = {
  async onContextBuilding({ context, extendContext }) {
    extendContext({ caller: await work.caller(context.request.headers.get('authorization')) });
  },
};

let unifiedGraphHandler: GatewayConfigSupergraph['unifiedGraphHandler'];
if (process.env['BENCH_HIVE_PLANNER'] === 'rust') {
  // Not a dependency of this project: a variable keeps TypeScript from insisting on its types.
  const routerRuntime: string = '@graphql-hive/router-runtime';
  try {
    const loaded = (await import(routerRuntime)) as { unifiedGraphHandler?: typeof unifiedGraphHandler };
    unifiedGraphHandler = loaded.unifiedGraphHandler;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    announceUnavailable(
      code === 'ERR_MODULE_NOT_FOUND'
        ? `${routerRuntime} is not installed (it is what lets Hive Gateway plan with @graphql-hive/router-query-planner)`
        : `${routerRuntime} did not load: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(UNAVAILABLE);
  }
  if (!unifiedGraphHandler) {
    announceUnavailable(`${routerRuntime} has no unifiedGraphHandler export`);
    process.exit(UNAVAILABLE);
  }
}

const runtime = createGatewayRuntime<PeerContext>({
  supergraph: config.supergraphSdl,
  plugins: () => [verifyResident],
  // The internal token goes in through Hive's own header hook, which puts it in the subgraph
  // request's `extensions.headers`. Added later, in an `onFetch` hook, it would be left out of the
  // key under which Hive's HTTP executor merges identical subgraph requests in flight (on by
  // default): MijnOverzicht's subgraph requests carry no variables, so two residents asking at
  // the same moment would then share one call and one answer. A first version of this peer did
  // exactly that; the load now checks that every answer is the asking resident's (../load.ts).
  propagateHeaders: {
    fromClientToSubgraphs: async ({ context, subgraphName }) => ({
      authorization: `Bearer ${await work.sign(subgraphName, context.caller ?? (await work.caller(undefined)))}`,
    }),
  },
  ...(unifiedGraphHandler ? { unifiedGraphHandler } : {}),
});
const server = createServer(runtime);
await new Promise<void>((resolve, reject) => {
  server.once('error', reject);
  server.listen(0, '127.0.0.1', () => resolve());
});
announceReady((server.address() as AddressInfo).port);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.closeAllConnections();
    server.close();
    void Promise.resolve(runtime.dispose()).finally(() => process.exit(0));
  });
}
