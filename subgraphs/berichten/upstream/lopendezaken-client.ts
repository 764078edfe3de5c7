import type { Dispatcher } from 'undici';
import { createUpstreamClient } from '../../../lib/http/upstream.js';
import type { Logger } from '../../../lib/logging.js';
import type { LopendeZakenAdapter, MoLopendeZaak } from './mijnoverheid.js';
import { mijnOverheidHeaders } from './ontvanger.js';
import { lopendeZakenLijst, parseWire } from './wire.js';
import { allePaginas } from './pages.js';

const UPSTREAM = 'MijnOverheid Lopende Zaken';
const PAGE_SIZE = 50;

export interface LopendeZakenClientOptions {
  /** Base URL of the Lopende Zaken API, up to and including `/api/v1`. */
  baseUrl: string;
  token?: string;
  timeoutMs: number;
  dispatcher?: Dispatcher | undefined;
  /** Told when the source starts failing fast and when it answers again (lib/http/upstream.ts). */
  logger?: Logger | undefined;
  maxPages?: number;
}

/**
 * Lopende Zaken over REST. Logius publishes no REST contract for it (the service runs over
 * Digikoppeling); this client speaks the FBS conventions our simulator uses: `GET /zaken` with the
 * recipient in `X-Ontvanger` and 0-based paging.
 */
export function createLopendeZakenClient(options: LopendeZakenClientOptions): LopendeZakenAdapter {
  const http = createUpstreamClient({
    name: UPSTREAM,
    timeoutMs: options.timeoutMs,
    dispatcher: options.dispatcher,
    logger: options.logger,
  });
  const maxPages = options.maxPages ?? 5;
  return {
    async lopendeZaken(identity) {
      const headers = mijnOverheidHeaders(identity, options.token);
      return allePaginas(maxPages, async (page) => {
        const response = await http.json<unknown>({
          method: 'GET',
          url: `${options.baseUrl}/zaken?page=${page}&pageSize=${PAGE_SIZE}`,
          headers,
        });
        const lijst = parseWire(lopendeZakenLijst, response.body, UPSTREAM, response.status);
        const items = lijst.zaken.map((zaak): MoLopendeZaak => ({
          bronorganisatie: zaak.bronorganisatie,
          identificatie: zaak.identificatie,
          organisatie: { naam: zaak.organisatie.naam, oin: zaak.organisatie.oin ?? null },
          omschrijving: zaak.omschrijving,
          startdatum: zaak.startdatum,
          einddatum: zaak.einddatum ?? null,
          statussen: [...zaak.statussen].sort((a, b) => a.datum.getTime() - b.datum.getTime()),
          dossierUrl: zaak.url,
        }));
        return { items, totalPages: lijst.totalPages };
      });
    },
  };
}
