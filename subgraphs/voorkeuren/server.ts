import { createSubgraphServer, type SubgraphRuntime, type SubgraphServer } from '../../lib/graphql/index.js';
import { createAfleverstatusRouter } from './afleverstatus/afleverstatus.route.js';
import { createVoorkeurenContext, type VoorkeurenDeps } from './context.js';
import { buildVoorkeurenSchema } from './schema.js';

export const VOORKEUREN_SUBGRAPH = 'voorkeuren';

export interface VoorkeurenServerOptions extends VoorkeurenDeps, SubgraphRuntime {
  /**
   * The bearer token NotifyNL's delivery-status callbacks carry. When set, the server also
   * answers `POST /notifynl/afleverstatus`; that route is not behind internal tokens (NotifyNL
   * calls it, not the gateway) but behind this token.
   */
  afleverstatusToken?: string;
}

/** Builds the voorkeuren subgraph server (does not listen). */
export async function createVoorkeurenServer(options: VoorkeurenServerOptions): Promise<SubgraphServer> {
  const token = options.afleverstatusToken;
  return createSubgraphServer({
    ...options,
    name: VOORKEUREN_SUBGRAPH,
    schema: await buildVoorkeurenSchema(),
    context: createVoorkeurenContext(options),
    // NotifyNL calls this route itself, so it sits beside /graphql, behind its own bearer token.
    ...(token === undefined
      ? {}
      : {
          routes: (app) => {
            app.use(
              createAfleverstatusRouter({
                store: options.store,
                token,
                logger: options.logger,
                now: options.now ?? (() => new Date()),
              }),
            );
          },
        }),
  });
}
