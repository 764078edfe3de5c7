import { createSubgraphServer, type SubgraphRuntime, type SubgraphServer } from '../../lib/graphql/index.js';
import { createZakenContext, type ZakenDeps } from './context.js';
import { buildZakenSchema } from './schema.js';

export const ZAKEN_SUBGRAPH = 'zaken';

/** Builds the zaken subgraph server (does not listen). */
export async function createZakenServer(deps: ZakenDeps & SubgraphRuntime): Promise<SubgraphServer> {
  return createSubgraphServer({
    ...deps,
    name: ZAKEN_SUBGRAPH,
    schema: await buildZakenSchema(),
    context: createZakenContext(deps),
  });
}
