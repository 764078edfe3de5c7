/**
 * Peer "stock Apollo" of `npm run bench`: `@apollo/gateway` in Apollo Server's standalone server
 * with their default settings, over the committed supergraph, doing the token work every gateway
 * in front of these subgraphs must do (token-work.ts): the resident's token verified in the
 * context function, an internal token per subgraph call in `willSendRequest`. Nothing else of
 * ours (no breaker, deadline, section fallback, limits, logging or metrics): the yardstick the
 * issue measures our gateway against. Listens on a free loopback port and prints it.
 */
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import type { Caller } from '../../../lib/internal-token.js';
import { announceReady, createTokenWork, readPeerConfig, type TokenWork } from './token-work.js';

interface PeerContext {
  readonly caller: Caller;
}

class SignedSource extends RemoteGraphQLDataSource<PeerContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
    private readonly work: TokenWork,
  ) {
    super({ url });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<PeerContext>): Promise<void> {
    // Apollo's own calls (none with a static supergraph) have no resident: anonymous, as ours does.
    const caller: Caller = 'caller' in context && context.caller ? context.caller : await this.work.caller(undefined);
    request.http?.headers.set('authorization', `Bearer ${await this.work.sign(this.subgraph, caller)}`);
  }
}

const config = readPeerConfig();
const work = await createTokenWork(config);
const gateway = new ApolloGateway({
  supergraphSdl: config.supergraphSdl,
  buildService: ({ name, url }) => new SignedSource(name, config.subgraphUrls[name] ?? url ?? '', work),
});
const server = new ApolloServer<PeerContext>({ gateway });
const { url } = await startStandaloneServer(server, {
  listen: { port: 0, host: '127.0.0.1' },
  context: async ({ req }) => ({ caller: await work.caller(req.headers.authorization) }),
});
announceReady(Number(new URL(url).port));

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void server.stop().finally(() => process.exit(0));
  });
}
