import { SignJWT } from 'jose';
import type { Dispatcher } from 'undici';
import { createUpstreamClient, type UpstreamClient } from '../http/upstream.js';
import type { Identity } from '../identity/index.js';
import type { ZgwPage, ZgwZaak } from './types.js';
import { DEFAULT_VISIBILITY, isZaakVisible, type VisibilityRules } from './visibility.js';

/**
 * One configured zaaksysteem (Zaken + Catalogi API). It must support Open Zaak's `expand`
 * (zaaktype, status, status.statustype, rollen), so one call per page answers the list.
 */
export interface ZgwSource {
  /** Name shown to residents in `bronnen`, e.g. "Zaaksysteem Burgerzaken". */
  naam: string;
  zakenUrl: string;
  catalogiUrl: string;
  clientId: string;
  secret: string;
  /** Which of the zaken a resident is named in they may see; safe defaults. */
  zichtbaarheid?: VisibilityRules;
}

/** Who the request is for, as the ZGW audit trail records it (`user_id`, `user_representation`). */
export interface ZgwActor {
  userId: string;
  userRepresentation: string;
}

export class NotApplicableError extends Error {
  override readonly name = 'NotApplicableError';
}

export interface ZgwClient {
  readonly source: ZgwSource;
  /**
   * The zaken `identity` may see (see visibility.ts), in the source's order, following
   * pagination up to `maxPages`. The BSN travels in the request body, never in a URL.
   */
  zakenVan(identity: Identity, actor: ZgwActor): Promise<ZgwZaak[]>;
}

/**
 * The `_zoek` filter for the caller. Zaken API 1.5.1 knows organisations only by RSIN
 * (`innNnpId`) or vestigingsnummer; an eenmanszaak has no RSIN, so without a vestiging
 * restriction there is nothing to search on.
 */
function zoekFilter(identity: Identity): Record<string, string> | null {
  if (identity.soort === 'INWONER') return { rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn: identity.bsn };
  if (identity.vestiging) return { rol__betrokkeneIdentificatie__vestiging__vestigingsNummer: identity.vestiging };
  if (identity.rsin) return { rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId: identity.rsin };
  return null;
}

// Rollen and zaaktype are needed to decide visibility; status and statustype to show progress.
const EXPAND = 'zaaktype,status,status.statustype,rollen';

/**
 * ZGW authorisation: an HS256 JWT per call with `iss`/`client_id`, `iat` in seconds, and the
 * resident as `user_id`/`user_representation` for the audit trail.
 */
async function zgwToken(source: ZgwSource, actor: ZgwActor, now: () => number): Promise<string> {
  return new SignJWT({
    client_id: source.clientId,
    user_id: actor.userId,
    user_representation: actor.userRepresentation,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(source.clientId)
    .setIssuedAt(Math.floor(now() / 1000))
    .sign(new TextEncoder().encode(source.secret));
}

export function createZgwClient(
  source: ZgwSource,
  options: { timeoutMs: number; dispatcher?: Dispatcher; maxPages?: number; now?: () => number },
): ZgwClient {
  const now = options.now ?? Date.now;
  const maxPages = options.maxPages ?? 5;
  const http: UpstreamClient = createUpstreamClient({
    name: `zaken:${source.naam}`,
    timeoutMs: options.timeoutMs,
    dispatcher: options.dispatcher,
  });

  const headers = async (actor: ZgwActor) => ({
    authorization: `Bearer ${await zgwToken(source, actor, now)}`,
    'accept-crs': 'EPSG:4326',
    'content-crs': 'EPSG:4326',
  });

  return {
    source,
    async zakenVan(identity, actor) {
      const filter = zoekFilter(identity);
      if (!filter) throw new NotApplicableError('Zaken API 1.5.1 filters organisations by RSIN or vestiging only');
      const rules = source.zichtbaarheid ?? DEFAULT_VISIBILITY;
      const query = `?expand=${EXPAND}`;
      let url: string | null = `${source.zakenUrl}/zaken/_zoek${query}`;
      const zaken: ZgwZaak[] = [];
      for (let page = 0; url && page < maxPages; page++) {
        const { body }: { body: ZgwPage<ZgwZaak> } = await http.json<ZgwPage<ZgwZaak>>({
          method: 'POST',
          url,
          headers: await headers(actor),
          body: filter,
        });
        const results = Array.isArray(body?.results) ? body.results : [];
        zaken.push(...results.filter((zaak) => isZaakVisible(zaak, identity, rules)));
        url = body?.next ?? null;
      }
      return zaken;
    },
  };
}
