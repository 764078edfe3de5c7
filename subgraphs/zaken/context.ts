import type DataLoader from 'dataloader';
import { createMemoryCache, createStaleWhileRevalidate, type StaleWhileRevalidate } from '../../lib/cache/index.js';
import type { BaseContext } from '../../lib/graphql/index.js';
import type { OverlapMap } from '../../lib/overlap/index.js';
import { createCachedCatalogus, type Catalogus } from '../../lib/zgw/catalogus.js';
import type { ZgwClient } from '../../lib/zgw/client.js';
import type { DocumentLinks } from './document/document-links.js';
import { createZaakBronLoaders, type ZaakBronnen } from './zaak/zaak.loader.js';
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

export interface ZakenContext extends ZaakBronnen {
  readonly documentLinks: DocumentLinks | null;
  /** The caller's own zaken by `bronorganisatie/identificatie`, for `Zaak.__resolveReference`. */
  readonly zaakReferenties: DataLoader<string, Zaak>;
}

/**
 * Per-request context: fresh loaders, so nothing about one resident is kept for another. The
 * catalogus cache underneath them is shared: catalogus data is the same for everyone.
 */
export function createZakenContext(deps: ZakenDeps) {
  const cache =
    deps.catalogusCache ?? createStaleWhileRevalidate(createMemoryCache(), { ttlMs: 3_600_000, staleMs: 86_400_000 });
  const catalogi: Catalogus[] = deps.sources.map((client) => createCachedCatalogus(client, cache));

  return (base: BaseContext): ZakenContext => {
    const bronnen: ZaakBronnen = {
      ...base,
      bronnen: createZaakBronLoaders(deps.sources, catalogi, base),
      overlap: deps.overlap,
    };
    return {
      ...bronnen,
      documentLinks: deps.documentLinks ?? null,
      zaakReferenties: createZaakReferenceLoader(bronnen),
    };
  };
}
