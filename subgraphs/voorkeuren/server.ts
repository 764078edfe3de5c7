import { createSubgraphServer, type SubgraphRuntime, type SubgraphServer } from '../../lib/graphql/index.js';
import { createAfleverstatusRouter } from './afleverstatus/afleverstatus.route.js';
import { VOORKEUREN_LEES_NIVEAU } from './config.js';
import { createVoorkeurenContext, type VoorkeurenDeps } from './context.js';
import { createNotificatiesRouter } from './melding/notificaties.route.js';
import { buildVoorkeurenSchema } from './schema.js';
import { createVerwerkingenRouter } from './verwerking/verwerkingen.route.js';

export const VOORKEUREN_SUBGRAPH = 'voorkeuren';

export interface VoorkeurenServerOptions extends VoorkeurenDeps, SubgraphRuntime {
  /**
   * The bearer token NotifyNL's delivery-status callbacks carry. When set, the server also
   * answers `POST /notifynl/afleverstatus`; that route is not behind internal tokens (NotifyNL
   * calls it, not the gateway) but behind this token.
   */
  afleverstatusToken?: string;
  /**
   * The ZGW Notificaties callback (`POST /zgw/notificaties`), when meldingen are on: the exact
   * `Authorization` header of the abonnement, and what to call when an event was stored.
   */
  notificaties?: { authorization: string; onOntvangen?: () => void };
}

/** Builds the voorkeuren subgraph server (does not listen). */
export async function createVoorkeurenServer(options: VoorkeurenServerOptions): Promise<SubgraphServer> {
  const token = options.afleverstatusToken;
  const { notificaties } = options;
  const now = options.now ?? (() => new Date());
  return createSubgraphServer({
    leesNiveau: VOORKEUREN_LEES_NIVEAU,
    ...options,
    name: VOORKEUREN_SUBGRAPH,
    schema: await buildVoorkeurenSchema(),
    context: createVoorkeurenContext(options),
    routes: (app) => {
      // The gateway delivers the verwerkingenlog here, behind its service token (not a resident's).
      app.use(createVerwerkingenRouter({ store: options.store, verifier: options.verifier, logger: options.logger }));
      // NotifyNL and the Notificaties API call these routes themselves, so they sit beside
      // /graphql, each behind its own secret rather than internal tokens.
      if (token !== undefined) {
        app.use(
          createAfleverstatusRouter({
            store: options.store,
            meldingen: options.meldingen,
            token,
            logger: options.logger,
            now,
          }),
        );
      }
      if (notificaties && options.meldingen) {
        app.use(
          createNotificatiesRouter({
            store: options.meldingen,
            authorization: notificaties.authorization,
            logger: options.logger,
            now,
            ...(notificaties.onOntvangen ? { onOntvangen: notificaties.onOntvangen } : {}),
          }),
        );
      }
    },
  });
}
