import type { StaleWhileRevalidate } from '../../lib/cache/index.js';
import type { UpstreamClientOptions } from '../../lib/http/upstream.js';
import { loadOverlapMap } from '../../lib/overlap/index.js';
import { createZgwClient } from '../../lib/zgw/client.js';
import { createZakenServer } from '../../subgraphs/zaken/server.js';
import { startSubgraph, type TestSubgraph } from '../helpers/subgraph.js';

/** The ZGW application the zaken tests use; the simulators are started with it as their client. */
export const ZGW_TEST_CLIENT = { clientId: 'profielservice', secret: 'geheim-voor-de-subgraph-test-0123456789' };

/**
 * The zaken subgraph on port 0 in front of one zaaksysteem whose Zaken and Catalogi APIs may be
 * two simulators (so the Catalogi API can fail on its own), with the given catalogus cache.
 */
export function startZakenSubgraph<TBody>(options: {
  zakenBaseUrl: string;
  catalogiBaseUrl: string;
  catalogusCache: StaleWhileRevalidate;
  breaker?: UpstreamClientOptions['breaker'];
}): Promise<TestSubgraph<TBody>> {
  return startSubgraph<TBody>('zaken', (runtime) =>
    createZakenServer({
      sources: [
        createZgwClient(
          {
            naam: 'Zaaksysteem A',
            zakenUrl: `${options.zakenBaseUrl}/zaken/api/v1`,
            catalogiUrl: `${options.catalogiBaseUrl}/catalogi/api/v1`,
            ...ZGW_TEST_CLIENT,
          },
          { timeoutMs: 1_000, ...(options.breaker === undefined ? {} : { breaker: options.breaker }) },
        ),
      ],
      overlap: loadOverlapMap(undefined),
      catalogusCache: options.catalogusCache,
      ...runtime,
    }),
  );
}
