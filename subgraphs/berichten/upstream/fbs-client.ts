import type { Dispatcher } from 'undici';
import { createUpstreamClient } from '../../../lib/http/upstream.js';
import type { Identity } from '../../../lib/identity/index.js';
import type { MijnOverheidAdapter, MoBericht } from './mijnoverheid.js';

/** Wire shape of `GET /berichten` (FBS Berichtenmagazijn PoC 0.2.0, `BerichtenLijst`). */
interface FbsBerichtenLijst {
  berichten: Array<{
    berichtId: string;
    afzender: string;
    onderwerp: string;
    tijdstipOntvangst: string;
    publicatietijdstip?: string;
    aantalBijlagen?: number;
    status?: { gelezen?: boolean };
  }>;
  page: number;
  totalPages: number;
}

/** The recipient goes in `X-Ontvanger` (`BSN:…` / `KVK:…`), never in a URL or access log. */
export function ontvangerHeader(identity: Identity): string {
  return identity.soort === 'INWONER' ? `BSN:${identity.bsn}` : `KVK:${identity.kvk}`;
}

export function createFbsAdapter(options: {
  baseUrl: string;
  token?: string;
  timeoutMs: number;
  dispatcher?: Dispatcher;
  maxPages?: number;
}): MijnOverheidAdapter {
  const http = createUpstreamClient({
    name: 'MijnOverheid',
    timeoutMs: options.timeoutMs,
    dispatcher: options.dispatcher,
  });
  const maxPages = options.maxPages ?? 5;
  return {
    async berichten(identity) {
      const headers: Record<string, string> = {
        'x-ontvanger': ontvangerHeader(identity),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      };
      const result: MoBericht[] = [];
      for (let page = 0; page < maxPages; page++) {
        const { body } = await http.json<FbsBerichtenLijst>({
          method: 'GET',
          url: `${options.baseUrl}/berichten?page=${page}&pageSize=50`,
          headers,
        });
        for (const b of body?.berichten ?? []) {
          result.push({
            id: b.berichtId,
            afzender: b.afzender,
            onderwerp: b.onderwerp,
            ontvangen: new Date(b.publicatietijdstip ?? b.tijdstipOntvangst),
            gelezen: b.status?.gelezen ?? false,
            aantalBijlagen: b.aantalBijlagen ?? 0,
          });
        }
        if (!body || page + 1 >= body.totalPages) break;
      }
      return result;
    },
  };
}
