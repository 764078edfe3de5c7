import { randomUUID } from 'node:crypto';
import type { SubgraphRuntime, SubgraphServer } from '../../lib/graphql/index.js';
import { listen } from '../../lib/http/listen.js';
import type { Identity } from '../../lib/identity/index.js';
import {
  createInternalTokenSigner,
  createInternalTokenVerifier,
  generateInternalKeyPair,
  type Caller,
} from '../../lib/internal-token.js';
import { silentLogger } from '../../lib/logging.js';

/** Resident 999993653 (Suzanne Moulin) as a subgraph sees her, logged in with DigiD at substantieel. */
export const SUZANNE: Identity = { soort: 'INWONER', middel: 'DIGID', niveau: 'SUBSTANTIEEL', bsn: '999993653' };

/** The caller a test subgraph is asked by unless a query names another. */
export function personCaller(identity: Identity = SUZANNE, gebruikerId = 'pseudoniem'): Caller {
  return { kind: 'person', requestId: `test-${randomUUID()}`, gebruikerId, identity };
}

/** One subgraph on 127.0.0.1 port 0, asked as the gateway would: with an internal token. */
export interface TestSubgraph<TBody = unknown> extends AsyncDisposable {
  readonly url: string;
  /** POSTs an operation with a fresh internal token for `caller` (default: {@link personCaller}). */
  query(
    query: string,
    options?: { variables?: Record<string, unknown>; caller?: Caller },
  ): Promise<{ status: number; body: TBody }>;
  close(): Promise<void>;
}

/**
 * Builds a subgraph with a verifier for a fresh key pair, starts it on port 0, and signs each
 * query's internal token with that pair: what five tests each did by hand.
 */
export async function startSubgraph<TBody = unknown>(
  name: string,
  build: (runtime: Pick<SubgraphRuntime, 'verifier' | 'logger'>) => Promise<SubgraphServer>,
): Promise<TestSubgraph<TBody>> {
  const { privateJwk, publicJwks } = await generateInternalKeyPair(`test-${name}`);
  const signer = await createInternalTokenSigner(privateJwk);
  const server = await build({ verifier: createInternalTokenVerifier(publicJwks, name), logger: silentLogger });
  const listening = await listen(server.httpServer, { port: 0 });
  const close = async () => {
    await listening.close();
    await server[Symbol.asyncDispose]();
  };
  return {
    url: `${listening.url}/graphql`,
    async query(query, { variables = {}, caller = personCaller() } = {}) {
      const token = await signer.sign(name, caller);
      const response = await fetch(`${listening.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as TBody };
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}
