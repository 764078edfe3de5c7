import DataLoader from 'dataloader';
import { createMemoryCache, createStaleWhileRevalidate, type StaleWhileRevalidate } from '../../lib/cache/index.js';
import type { BaseContext } from '../../lib/graphql/index.js';
import { appError } from '../../lib/errors.js';
import type { Identity } from '../../lib/identity/index.js';
import type { OverlapMap } from '../../lib/overlap/index.js';
import { createCachedCatalogus, type Catalogus } from '../../lib/zgw/catalogus.js';
import type { ZaakExpansion, ZaakZoekResultaat, ZgwActor, ZgwClient } from '../../lib/zgw/client.js';
import type { ZgwInformatieObject, ZgwResultaattype, ZgwStatustype } from '../../lib/zgw/types.js';
import type { DocumentLinks } from './document/document-links.js';
import { createZaakReferenceLoader } from './zaak/zaak.reference.js';
import type { Zaak } from './zaak/zaak.type.js';

/** Dependencies shared by all requests of the process. */
export interface ZakenDeps {
  readonly sources: readonly ZgwClient[];
  readonly overlap: OverlapMap;
  /**
   * The shared catalogus cache (Redis when configured). Without one, a per-process memory cache
   * with a 1 h TTL and a 24 h stale window.
   */
  readonly catalogusCache?: StaleWhileRevalidate;
  /** Mints document download links; without it `documenten` is null everywhere. */
  readonly documentLinks?: DocumentLinks | null;
}

/** One zaaksysteem as a request sees it: its client, the shared catalogus, and this request's loaders. */
export interface ZaakBron {
  readonly index: number;
  readonly naam: string;
  readonly client: ZgwClient;
  /** The caller's zaken, one call per distinct set of expansions in this request. */
  readonly zaken: DataLoader<string, ZaakZoekResultaat>;
  readonly statustypen: DataLoader<string, ZgwStatustype[]>;
  readonly resultaattypen: DataLoader<string, ZgwResultaattype[]>;
  /** Informatieobjecten by URL, batched into one `_zoek` per tick; null without a Documenten API. */
  readonly documenten: DataLoader<string, ZgwInformatieObject | null> | null;
}

export interface ZakenContext extends BaseContext {
  readonly bronnen: readonly ZaakBron[];
  readonly overlap: OverlapMap;
  readonly documentLinks: DocumentLinks | null;
  /** The caller's own zaken by `bronorganisatie/identificatie`, for `Zaak.__resolveReference`. */
  readonly zaakReferenties: DataLoader<string, Zaak>;
}

/** The ZGW audit-trail actor for the caller: the pseudonym, never the BSN. */
export function actorFor(gebruikerId: string, identity: Identity): ZgwActor {
  return {
    userId: gebruikerId,
    userRepresentation: identity.soort === 'INWONER' ? 'Inwoner via Mijn-Omgeving' : 'Ondernemer via Mijn-Omgeving',
  };
}

// Newest first at the source, so a list cut off after `maxPages` loses the oldest zaken.
const ORDERING = '-startdatum';

/**
 * Per-request context: fresh loaders, so nothing about one resident is kept for another. The
 * catalogus cache underneath them is shared: catalogus data is the same for everyone.
 */
export function createZakenContext(deps: ZakenDeps) {
  const cache =
    deps.catalogusCache ?? createStaleWhileRevalidate(createMemoryCache(), { ttlMs: 3_600_000, staleMs: 86_400_000 });
  const catalogi: Catalogus[] = deps.sources.map((client) => createCachedCatalogus(client, cache));

  return (base: BaseContext): ZakenContext => {
    const person = base.caller.kind === 'person' ? base.caller : null;
    const requirePersonFor = (): { identity: Identity; actor: ZgwActor } => {
      if (!person) throw appError('UNAUTHENTICATED');
      return { identity: person.identity, actor: actorFor(person.gebruikerId, person.identity) };
    };
    const bronnen = deps.sources.map((client, index): ZaakBron => {
      const catalogus = catalogi[index] as Catalogus;
      const documenten = client.documenten;
      return {
        index,
        naam: client.source.naam,
        client,
        zaken: new DataLoader(
          async (keys) =>
            Promise.all(
              keys.map(async (key) => {
                const { identity, actor } = requirePersonFor();
                const expand = key === '' ? [] : (key.split(',') as ZaakExpansion[]);
                return client
                  .zoekZaken(identity, actor, { expand, ordering: ORDERING })
                  .catch((e: unknown) => toError(e));
              }),
            ),
          { batch: false },
        ),
        statustypen: new DataLoader((urls) =>
          Promise.all(urls.map((url) => catalogus.statustypen(url).catch((e: unknown) => toError(e)))),
        ),
        resultaattypen: new DataLoader((urls) =>
          Promise.all(urls.map((url) => catalogus.resultaattypen(url).catch((e: unknown) => toError(e)))),
        ),
        documenten: documenten
          ? new DataLoader(async (urls) => {
              const { actor } = requirePersonFor();
              const found = await documenten.informatieobjecten(urls, actor);
              const byUrl = new Map(found.map((document) => [document.url, document]));
              return urls.map((url) => byUrl.get(url) ?? null);
            })
          : null,
      };
    });
    const context: Omit<ZakenContext, 'zaakReferenties'> = {
      ...base,
      bronnen,
      overlap: deps.overlap,
      documentLinks: deps.documentLinks ?? null,
    };
    return { ...context, zaakReferenties: createZaakReferenceLoader(context) };
  };
}

/** DataLoader fails a single key when its slot holds an Error. */
function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
