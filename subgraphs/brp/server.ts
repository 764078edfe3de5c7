import { createSubgraphServer, type SubgraphRuntime, type SubgraphServer } from '../../lib/graphql/index.js';
import { createBrpContext, type BrpDeps } from './context.js';
import { buildBrpSchema } from './schema.js';

export const BRP_SUBGRAPH = 'brp';

/** Builds the BRP subgraph server (does not listen). */
export async function createBrpServer(deps: BrpDeps & SubgraphRuntime): Promise<SubgraphServer> {
  return createSubgraphServer({
    ...deps,
    name: BRP_SUBGRAPH,
    schema: await buildBrpSchema(),
    context: createBrpContext(deps),
  });
}
