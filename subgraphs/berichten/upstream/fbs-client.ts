import type { Dispatcher } from 'undici';
import type { z } from 'zod';
import { createUpstreamClient } from '../../../lib/http/upstream.js';
import type { Logger } from '../../../lib/logging.js';
import type { BerichtenboxAdapter, MoBericht } from './mijnoverheid.js';
import { mijnOverheidHeaders } from './ontvanger.js';
import { fbsBericht, fbsBerichtenLijst, parseWire } from './wire.js';
import { allePaginas } from './pages.js';

export { ontvangerHeader } from './ontvanger.js';

const UPSTREAM = 'MijnOverheid Berichtenbox';
const PAGE_SIZE = 50;

export interface FbsAdapterOptions {
  /** Base URL of the Berichtenbox API, up to and including `/api/v1`. */
  baseUrl: string;
  /** Bearer token, where the Berichtenbox sits behind an OAuth gateway. */
  token?: string;
  timeoutMs: number;
  dispatcher?: Dispatcher | undefined;
  /** Told when the source starts failing fast and when it answers again (lib/http/upstream.ts). */
  logger?: Logger | undefined;
  /** At most this many pages of 50 are read (a resident with more sees the newest 250 first). */
  maxPages?: number;
}

type Samenvatting = z.output<typeof fbsBerichtenLijst>['berichten'][number];
type Volledig = z.output<typeof fbsBericht>;

function toMoBericht(b: Samenvatting | Volledig): MoBericht {
  const bijlagen = b.bijlagen.map((bijlage) => ({
    id: bijlage.bijlageId,
    naam: bijlage.naam,
    mimeType: 'mimeType' in bijlage ? bijlage.mimeType : null,
  }));
  return {
    id: b.berichtId,
    afzender: b.afzender,
    onderwerp: b.onderwerp,
    inhoud: b.inhoud,
    // The moment it appeared in the Berichtenbox is what the resident saw as "received".
    ontvangen: b.publicatietijdstip ?? b.tijdstipOntvangst,
    gelezen: b.status?.gelezen ?? false,
    map: b.status?.map ?? null,
    aantalBijlagen: 'aantalBijlagen' in b && b.aantalBijlagen !== undefined ? b.aantalBijlagen : bijlagen.length,
    bijlagen,
    zaak: b.zaakreferentie ?? null,
  };
}

/**
 * The Berichtenbox over REST, as the MinBZK FBS Berichtenmagazijn PoC 0.2.0 defines it: the
 * recipient in `X-Ontvanger`, problem+json errors, `PATCH` with `application/merge-patch+json`.
 * Reads are GETs: a failed connection or a 503 is tried once more within the page's deadline, a
 * timeout is not (a slow Berichtenbox must not hold the page).
 */
export function createFbsAdapter(options: FbsAdapterOptions): BerichtenboxAdapter {
  const http = createUpstreamClient({
    name: UPSTREAM,
    timeoutMs: options.timeoutMs,
    dispatcher: options.dispatcher,
    logger: options.logger,
  });
  const maxPages = options.maxPages ?? 5;
  const berichtUrl = (id: string) => `${options.baseUrl}/berichten/${encodeURIComponent(id)}`;
  return {
    async berichten(identity) {
      const headers = mijnOverheidHeaders(identity, options.token);
      return allePaginas(maxPages, async (page) => {
        const response = await http.json<unknown>({
          method: 'GET',
          url: `${options.baseUrl}/berichten?page=${page}&pageSize=${PAGE_SIZE}`,
          headers,
        });
        const lijst = parseWire(fbsBerichtenLijst, response.body, UPSTREAM, response.status);
        return { items: lijst.berichten.map(toMoBericht), totalPages: lijst.totalPages };
      });
    },
    async bericht(identity, id) {
      const response = await http.json<unknown>({
        method: 'GET',
        url: berichtUrl(id),
        headers: mijnOverheidHeaders(identity, options.token),
      });
      return toMoBericht(parseWire(fbsBericht, response.body, UPSTREAM, response.status));
    },
    async markeerGelezen(identity, id, gelezen) {
      const response = await http.json<unknown>({
        method: 'PATCH',
        url: berichtUrl(id),
        headers: mijnOverheidHeaders(identity, options.token),
        contentType: 'application/merge-patch+json',
        body: { gelezen },
      });
      return toMoBericht(parseWire(fbsBericht, response.body, UPSTREAM, response.status));
    },
  };
}
