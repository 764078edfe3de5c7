import { createSubgraphServer, type SubgraphRuntime, type SubgraphServer } from '../../lib/graphql/index.js';
import { createBerichtenContext, type BerichtenDeps } from './context.js';
import { buildBerichtenSchema } from './schema.js';

export const BERICHTEN_SUBGRAPH = 'berichten';

/** Builds the berichten (MijnOverheid) subgraph server (does not listen). */
export async function createBerichtenServer(deps: BerichtenDeps & SubgraphRuntime): Promise<SubgraphServer> {
  return createSubgraphServer({
    ...deps,
    name: BERICHTEN_SUBGRAPH,
    schema: await buildBerichtenSchema(),
    context: createBerichtenContext(deps),
  });
}
