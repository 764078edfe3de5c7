import { SignJWT } from 'jose';
import type { Dispatcher } from 'undici';
import { createUpstreamClient, type UpstreamClient } from '../http/upstream.js';
import type { Identity } from '../identity/index.js';
import type { ZgwPage, ZgwZaak } from './types.js';

/** One configured zaaksysteem (Zaken + Catalogi API), e.g. Open Zaak. */
export interface ZgwSource {
  /** Name shown to residents in `bronnen`, e.g. "Zaaksysteem Burgerzaken". */
  naam: string;
  zakenUrl: string;
  catalogiUrl: string;
  clientId: string;
  secret: string;
  /** Open Zaak and compatible sources support `expand`; then one call answers the list. */
  expand: boolean;
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
   * The zaken in which `identity` has a role, newest first as the source orders them, following
   * pagination up to `maxPages`. The BSN travels in the request body, never in a URL.
   */
  zakenVan(identity: Identity, actor: ZgwActor): Promise<ZgwZaak[]>;
}

const EXPAND = 'zaaktype,status,status.statustype';

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
      const filter =
        identity.soort === 'INWONER'
          ? { rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn: identity.bsn }
          : identity.rsin
            ? { rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId: identity.rsin }
            : null;
      if (!filter) throw new NotApplicableError('source filters organisations by RSIN only');
      const query = source.expand ? `?expand=${EXPAND}` : '';
      let url: string | null = `${source.zakenUrl}/zaken/_zoek${query}`;
      const zaken: ZgwZaak[] = [];
      for (let page = 0; url && page < maxPages; page++) {
        const { body }: { body: ZgwPage<ZgwZaak> } = await http.json<ZgwPage<ZgwZaak>>({
          method: 'POST',
          url,
          headers: await headers(actor),
          body: filter,
        });
        zaken.push(...(Array.isArray(body?.results) ? body.results : []));
        url = body?.next ?? null;
      }
      return zaken;
    },
  };
}
