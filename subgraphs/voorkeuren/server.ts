import { createSubgraphServer, type SubgraphRuntime, type SubgraphServer } from '../../lib/graphql/index.js';
import { createVoorkeurenContext, type VoorkeurenDeps } from './context.js';
import { buildVoorkeurenSchema } from './schema.js';

export const VOORKEUREN_SUBGRAPH = 'voorkeuren';

/** Builds the voorkeuren subgraph server (does not listen). */
export async function createVoorkeurenServer(deps: VoorkeurenDeps & SubgraphRuntime): Promise<SubgraphServer> {
  return createSubgraphServer({
    ...deps,
    name: VOORKEUREN_SUBGRAPH,
    schema: await buildVoorkeurenSchema(),
    context: createVoorkeurenContext(deps),
  });
}
