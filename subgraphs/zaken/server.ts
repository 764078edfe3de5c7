import { createSubgraphServer, type SubgraphRuntime, type SubgraphServer } from '../../lib/graphql/index.js';
import { createZakenContext, type ZakenDeps } from './context.js';
import { DOCUMENT_PATH } from './document/document-links.js';
import { createDownloadHandler } from './document/download.route.js';
import { buildZakenSchema } from './schema.js';

export const ZAKEN_SUBGRAPH = 'zaken';

/**
 * Builds the zaken subgraph server (does not listen): the GraphQL endpoint, and, when document
 * links are configured, `GET /documenten/{token}` for the portal to fetch a document.
 */
export async function createZakenServer(deps: ZakenDeps & SubgraphRuntime): Promise<SubgraphServer> {
  const links = deps.documentLinks;
  return createSubgraphServer({
    ...deps,
    name: ZAKEN_SUBGRAPH,
    schema: await buildZakenSchema(),
    context: createZakenContext(deps),
    // Authorised by its encrypted, short-lived link rather than an internal token: the portal
    // follows the link (through the gateway's /documenten route) outside any GraphQL request.
    ...(links
      ? {
          routes: (app) => {
            const download = createDownloadHandler({ links, sources: deps.sources, logger: deps.logger });
            // Every method reaches the handler, which answers 405 to anything but GET and HEAD.
            app.all(`${DOCUMENT_PATH}:token`, (req, res) => void download(req, res));
          },
        }
      : {}),
  });
}
