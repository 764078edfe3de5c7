import type { Dispatcher } from 'undici';
import {
  createUpstreamClient,
  UpstreamError,
  type UpstreamClient,
  type UpstreamClientOptions,
} from '../http/upstream.js';
import type { Identity, InwonerIdentity } from '../identity/index.js';
import type { Logger } from '../logging.js';
import { systeemActor, zgwHeaders, type ZgwActor } from './auth.js';
import { createDocumentenClient, type DocumentenClient } from './documenten.js';
import { collectPages } from './pages.js';
import type { ZgwResultaattype, ZgwStatus, ZgwStatustype, ZgwZaak } from './types.js';
import { DEFAULT_VISIBILITY, isZaakVisible, type VisibilityRules } from './visibility.js';

export type { ZgwActor } from './auth.js';

/**
 * One configured zaaksysteem: Zaken API 1.5.1 and Catalogi API 1.3.1, optionally Documenten API
 * 1.4.2. It must support `expand` (Zaken API 1.5 and Open Zaak do), so one call per page answers
 * the list.
 */
export interface ZgwSource {
  /** Name shown to residents in `bronnen`, e.g. "Zaaksysteem Burgerzaken". */
  naam: string;
  zakenUrl: string;
  catalogiUrl: string;
  /** Documenten API base URL; without it the source shares no documents. */
  documentenUrl?: string | undefined;
  clientId: string;
  secret: string;
  /**
   * Only zaken of this organisation (RSIN) are asked from this source: for a zaaksysteem that
   * several gemeenten share. Leave out to see every zaak the resident has there.
   */
  bronorganisatie?: string | undefined;
  /**
   * The source has Open Zaak's KvK filters (`rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__kvkNummer`).
   * Standard Zaken API 1.5.1 finds organisations only by RSIN or vestigingsnummer.
   */
  kvkFilters?: boolean | undefined;
  /** Which of the zaken a resident is named in they may see; safe defaults. */
  zichtbaarheid?: VisibilityRules | undefined;
}

/** Why a source cannot search for the caller at all. */
export type NotApplicableReason = 'GEEN_RSIN';

/** The source cannot search zaken for this kind of login (e.g. an eenmanszaak without RSIN). */
export class NotApplicableError extends Error {
  override readonly name = 'NotApplicableError';
  constructor(readonly reden: NotApplicableReason) {
    super(`zaaksysteem cannot search for this login: ${reden}`);
  }
}

/** Related resources asked for on top of what visibility and status need. */
export type ZaakExpansion = 'resultaat' | 'zaakinformatieobjecten';

/** Options of {@link ZgwClient.zoekZaken}. */
export interface ZaakZoekOpties {
  expand?: readonly ZaakExpansion[];
  /** The source's `ordering`, e.g. `-startdatum`: what to keep when the list is cut off. */
  ordering?: string;
  /** Only the zaak with this zaaknummer (the Zaken API's `identificatie` filter). */
  identificatie?: string | undefined;
  /**
   * Only zaken of this organisation (RSIN; the Zaken API's `bronorganisatie` filter). A source
   * configured for another organisation has none of them and is not asked.
   */
  bronorganisatie?: string | undefined;
}

/** The zaken the caller may see, and whether the source had more than the client fetched. */
export interface ZaakZoekResultaat {
  zaken: ZgwZaak[];
  /** True when the source had more pages than `maxPages`: the list is not complete. */
  afgekapt: boolean;
}

/** What a status notification is about, as {@link ZgwClient.statusWijziging} finds it. */
export interface ZgwStatusWijziging {
  /** The zaak, expanded like a search result (zaaktype, status, statustype, rollen). */
  zaak: ZgwZaak;
  status: ZgwStatus;
  statustype: ZgwStatustype;
  /** The statustype has the lowest `volgnummer` of its zaaktype. */
  eersteStatus: boolean;
  /** `isEindstatus`, or else the highest `volgnummer`. */
  eindstatus: boolean;
  /**
   * The residents named in the zaak who may see it by the same visibility rules as the zaken
   * list (an initiator by default). Contains BSNs: never log it.
   */
  inwoners: InwonerIdentity[];
}

export interface ZgwClient {
  readonly source: ZgwSource;
  /** The Documenten API of this source, when configured. */
  readonly documenten: DocumentenClient | null;
  /**
   * The zaken `identity` may see (see visibility.ts), in the source's order, following pagination
   * up to `maxPages`. The BSN travels in the request body, never in a URL. Throws
   * {@link NotApplicableError} when the source cannot search for this kind of login.
   */
  zoekZaken(identity: Identity, actor: ZgwActor, opties?: ZaakZoekOpties): Promise<ZaakZoekResultaat>;
  /** {@link zoekZaken}, the zaken only. */
  zakenVan(identity: Identity, actor: ZgwActor, opties?: ZaakZoekOpties): Promise<ZgwZaak[]>;
  /** The statustypen of a zaaktype (Catalogi API), in `volgnummer` order. Not cached here. */
  statustypen(zaaktypeUrl: string): Promise<ZgwStatustype[]>;
  /** The resultaattypen of a zaaktype (Catalogi API). Not cached here. */
  resultaattypen(zaaktypeUrl: string): Promise<ZgwResultaattype[]>;
  /**
   * The status behind a Notificaties `resourceUrl`, its zaak and who may see it, asked as the
   * system (no resident is logged in). Null when the URL is not a status of this source (or its
   * zaak belongs to another `bronorganisatie` than the configured one): nothing is fetched then.
   */
  statusWijziging(statusUrl: string): Promise<ZgwStatusWijziging | null>;
}

/**
 * The `_zoek` filter for the caller. Zaken API 1.5.1 knows organisations only by RSIN (`innNnpId`)
 * or vestigingsnummer; Open Zaak adds KvK filters. The KvK number is what eHerkenning proves, so
 * a source that can search on it does; an eenmanszaak has no RSIN, so a source that cannot has
 * nothing to search on unless the login is restricted to a vestiging.
 */
function zoekFilter(identity: Identity, source: ZgwSource): Record<string, string> {
  if (identity.soort === 'INWONER') return { rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn: identity.bsn };
  if (identity.vestiging) return { rol__betrokkeneIdentificatie__vestiging__vestigingsNummer: identity.vestiging };
  if (source.kvkFilters) return { rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__kvkNummer: identity.kvk };
  if (identity.rsin) return { rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId: identity.rsin };
  throw new NotApplicableError('GEEN_RSIN');
}

// Rollen and zaaktype decide visibility; status and statustype show where the zaak stands.
const BASE_EXPAND = ['zaaktype', 'status', 'status.statustype', 'rollen'] as const;

/** Options of {@link createZgwClient}. */
export interface ZgwClientOptions {
  timeoutMs: number;
  dispatcher?: Dispatcher | undefined;
  /** Pages followed per list (default 5; Open Zaak pages by 100). */
  maxPages?: number;
  /** Time source in epoch milliseconds, for the JWT `iat`. */
  now?: () => number;
  /** The circuit breakers of the Zaken and Catalogi APIs (defaults: see lib/http/upstream.ts). */
  breaker?: UpstreamClientOptions['breaker'];
  /** Told when a source starts failing fast and when it answers again. */
  logger?: Logger | undefined;
}

export function createZgwClient(source: ZgwSource, options: ZgwClientOptions): ZgwClient {
  const now = options.now ?? Date.now;
  const maxPages = options.maxPages ?? 5;
  const zakenName = `zaken:${source.naam}`;
  const catalogiName = `catalogi:${source.naam}`;
  const http: UpstreamClient = createUpstreamClient({
    name: zakenName,
    timeoutMs: options.timeoutMs,
    dispatcher: options.dispatcher,
    logger: options.logger,
    ...(options.breaker === undefined ? {} : { breaker: options.breaker }),
  });
  const catalogi: UpstreamClient = createUpstreamClient({
    name: catalogiName,
    timeoutMs: options.timeoutMs,
    dispatcher: options.dispatcher,
    logger: options.logger,
    ...(options.breaker === undefined ? {} : { breaker: options.breaker }),
  });
  const rules = source.zichtbaarheid ?? DEFAULT_VISIBILITY;
  const systeem = systeemActor(source);

  async function catalogusLijst<T>(collection: string, zaaktypeUrl: string): Promise<T[]> {
    const url = `${source.catalogiUrl}/${collection}?zaaktype=${encodeURIComponent(zaaktypeUrl)}`;
    const { results } = await collectPages<T>(
      catalogiName,
      catalogi,
      { method: 'GET', url },
      source.catalogiUrl,
      maxPages,
      () => zgwHeaders(source, systeem, now()),
    );
    return results;
  }

  const client: ZgwClient = {
    source,
    documenten: source.documentenUrl
      ? createDocumentenClient(
          { naam: source.naam, documentenUrl: source.documentenUrl, clientId: source.clientId, secret: source.secret },
          options,
        )
      : null,
    async zoekZaken(identity, actor, opties = {}) {
      const body: Record<string, string> = { ...zoekFilter(identity, source) };
      if (source.bronorganisatie && opties.bronorganisatie && opties.bronorganisatie !== source.bronorganisatie) {
        return { zaken: [], afgekapt: false };
      }
      const bronorganisatie = source.bronorganisatie ?? opties.bronorganisatie;
      if (bronorganisatie) body['bronorganisatie'] = bronorganisatie;
      if (opties.identificatie) body['identificatie'] = opties.identificatie;
      if (opties.ordering) body['ordering'] = opties.ordering;
      const expand = [...BASE_EXPAND, ...(opties.expand ?? [])].join(',');
      const { results, afgekapt } = await collectPages<ZgwZaak>(
        zakenName,
        http,
        { method: 'POST', url: `${source.zakenUrl}/zaken/_zoek?expand=${expand}`, body, idempotent: true },
        source.zakenUrl,
        maxPages,
        () => zgwHeaders(source, actor, now()),
      );
      return { zaken: results.filter((zaak) => isZaakVisible(zaak, identity, rules)), afgekapt };
    },
    async zakenVan(identity, actor, opties) {
      return (await client.zoekZaken(identity, actor, opties)).zaken;
    },
    async statustypen(zaaktypeUrl) {
      const list = await catalogusLijst<ZgwStatustype>('statustypen', zaaktypeUrl);
      return list.sort((a, b) => a.volgnummer - b.volgnummer);
    },
    resultaattypen: (zaaktypeUrl) => catalogusLijst<ZgwResultaattype>('resultaattypen', zaaktypeUrl),
    async statusWijziging(statusUrl) {
      // Only URLs of this source: the system credentials go nowhere else.
      if (!statusUrl.startsWith(`${source.zakenUrl}/statussen/`)) return null;
      const headers = () => zgwHeaders(source, systeem, now());
      const { body: status } = await http.json<ZgwStatus>({ method: 'GET', url: statusUrl, headers: await headers() });
      if (!status || typeof status.statustype !== 'string' || typeof status.zaak !== 'string') {
        throw new UpstreamError(zakenName, 'INVALID_RESPONSE', 200);
      }
      if (!status.zaak.startsWith(`${source.zakenUrl}/zaken/`)) return null;
      const { body: zaak } = await http.json<ZgwZaak>({
        method: 'GET',
        url: `${status.zaak}?expand=${BASE_EXPAND.join(',')}`,
        headers: await headers(),
      });
      if (!zaak || typeof zaak.zaaktype !== 'string') throw new UpstreamError(zakenName, 'INVALID_RESPONSE', 200);
      if (source.bronorganisatie && zaak.bronorganisatie !== source.bronorganisatie) return null;
      const statustypen = await client.statustypen(zaak.zaaktype);
      const statustype = statustypen.find((t) => t.url === status.statustype);
      if (!statustype) throw new UpstreamError(catalogiName, 'INVALID_RESPONSE', 200);
      const volgnummers = statustypen.map((t) => t.volgnummer);
      const bsns = new Set(
        (zaak._expand?.rollen ?? [])
          .filter(
            (rol) => rol.betrokkeneType === 'natuurlijk_persoon' && rules.rollen.includes(rol.omschrijvingGeneriek),
          )
          .map((rol) => rol.betrokkeneIdentificatie?.inpBsn)
          .filter((bsn): bsn is string => typeof bsn === 'string' && bsn !== ''),
      );
      const inwoners = [...bsns]
        .map((bsn): InwonerIdentity => ({ soort: 'INWONER', middel: 'DIGID', niveau: 'SUBSTANTIEEL', bsn }))
        .filter((identity) => isZaakVisible(zaak, identity, rules));
      return {
        zaak,
        status,
        statustype,
        eersteStatus: statustype.volgnummer === Math.min(...volgnummers),
        eindstatus: statustype.isEindstatus ?? statustype.volgnummer === Math.max(...volgnummers),
        inwoners,
      };
    },
  };
  return client;
}
