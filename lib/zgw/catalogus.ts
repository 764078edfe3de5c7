import type { StaleWhileRevalidate } from '../cache/index.js';
import type { ZgwClient } from './client.js';
import type { ZgwResultaattype, ZgwStatustype } from './types.js';

/** Catalogus data of one zaaksysteem, as the zaken list and progress need it. */
export interface Catalogus {
  /** The statustypen of a zaaktype, in `volgnummer` order. */
  statustypen(zaaktypeUrl: string): Promise<ZgwStatustype[]>;
  resultaattypen(zaaktypeUrl: string): Promise<ZgwResultaattype[]>;
}

// Bump when the cached shape changes, so entries of an older release are not misread.
const KEY_VERSION = 'v1';

/**
 * The Catalogi API behind a shared stale-while-revalidate cache. A published zaaktype and its
 * statustypen and resultaattypen do not change (a new version gets a new URL), so one copy serves
 * every resident and replica; the TTL only bounds how long a correction takes to show. Keys are
 * the absolute zaaktype URL, which is unique across zaaksystemen.
 */
export function createCachedCatalogus(client: ZgwClient, cache: StaleWhileRevalidate): Catalogus {
  return {
    statustypen: (zaaktypeUrl) =>
      cache.get(`catalogus:${KEY_VERSION}:statustypen:${zaaktypeUrl}`, () => client.statustypen(zaaktypeUrl)),
    resultaattypen: (zaaktypeUrl) =>
      cache.get(`catalogus:${KEY_VERSION}:resultaattypen:${zaaktypeUrl}`, () => client.resultaattypen(zaaktypeUrl)),
  };
}
