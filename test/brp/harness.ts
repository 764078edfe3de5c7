import { createServer } from 'node:http';
import type { JSONWebKeySet } from 'jose';
import { listen, type Listening } from '../../lib/http/listen.js';
import {
  createInternalTokenSigner,
  createInternalTokenVerifier,
  generateInternalKeyPair,
  type Caller,
} from '../../lib/internal-token.js';
import { silentLogger } from '../../lib/logging.js';
import { loadOverlapMap } from '../../lib/overlap/index.js';
import { createBrpSimulator, type BrpSimulatorOptions } from '../../simulators/brp/server.js';
import type { Simulator } from '../../simulators/shared/simulator.js';
import { createBrpServer } from '../../subgraphs/brp/server.js';
import { createBrpClient, type BrpClientOptions } from '../../subgraphs/brp/upstream/brp-client.js';
import type { WijzigLinks } from '../../subgraphs/brp/persoonsgegevens/wijzigen.js';

/**
 * The BRP subgraph on its own, on port 0, in front of the BRP simulator: for tests that run many
 * residents through it (every test person) or that need to see the subgraph's own answer. Queries
 * carry an internal token as the gateway would mint it.
 */
export interface BrpSubgraph extends AsyncDisposable {
  readonly simulator: Simulator;
  readonly brpBaseUrl: string;
  /** POSTs an operation to the subgraph as the resident with this BSN (or as an ondernemer). */
  query<T = Record<string, unknown>>(
    who: { bsn: string } | { kvk: string },
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{
    data?: T | null;
    errors?: Array<{ message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }>;
  }>;
}

export interface BrpSubgraphOptions {
  now?: () => Date;
  simulator?: BrpSimulatorOptions;
  client?: Partial<Pick<BrpClientOptions, 'apiKey' | 'oauth' | 'protocollering' | 'timeoutMs'>>;
  wijzigLinks?: WijzigLinks;
}

export async function startBrpSubgraph(options: BrpSubgraphOptions = {}): Promise<BrpSubgraph> {
  const simulator = createBrpSimulator({ ...(options.now ? { now: options.now } : {}), ...options.simulator });
  const upstream: Listening = await listen(createServer(simulator.app), { port: 0 });
  const brpBaseUrl = `${upstream.url}/haalcentraal/api/brp`;
  const { privateJwk, publicJwks } = await generateInternalKeyPair('test-brp');
  const signer = await createInternalTokenSigner(privateJwk);
  const server = await createBrpServer({
    verifier: createInternalTokenVerifier(publicJwks as JSONWebKeySet, 'brp'),
    logger: silentLogger,
    ...(options.now ? { now: options.now } : {}),
    overlap: loadOverlapMap(undefined),
    ...(options.wijzigLinks ? { wijzigLinks: options.wijzigLinks } : {}),
    client: createBrpClient({
      baseUrl: brpBaseUrl,
      timeoutMs: 2_000,
      protocollering: { doelbinding: 'TEST', verwerking: 'test' },
      ...options.client,
    }),
  });
  const subgraph = await listen(server.httpServer, { port: 0 });
  let requests = 0;

  return {
    simulator,
    brpBaseUrl,
    async query(who, query, variables) {
      requests += 1;
      const caller: Caller = {
        kind: 'person',
        requestId: `test-${requests}`,
        gebruikerId: 'pseudoniem',
        identity:
          'bsn' in who
            ? { soort: 'INWONER', middel: 'DIGID', niveau: 'SUBSTANTIEEL', bsn: who.bsn }
            : { soort: 'ONDERNEMER', middel: 'EHERKENNING', niveau: 'SUBSTANTIEEL', kvk: who.kvk },
      };
      const response = await fetch(`${subgraph.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await signer.sign('brp', caller)}`,
        },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as never;
    },
    async [Symbol.asyncDispose]() {
      await subgraph.close();
      await server[Symbol.asyncDispose]();
      await upstream.close();
    },
  };
}
