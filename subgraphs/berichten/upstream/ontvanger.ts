import type { Identity } from '../../../lib/identity/index.js';

/** The recipient goes in `X-Ontvanger` (`BSN:…` / `KVK:…`), never in a URL or access log. */
export function ontvangerHeader(identity: Identity): string {
  return identity.soort === 'INWONER' ? `BSN:${identity.bsn}` : `KVK:${identity.kvk}`;
}

/** Headers of every MijnOverheid request: the recipient, and the adapter's bearer token if any. */
export function mijnOverheidHeaders(identity: Identity, token: string | undefined): Record<string, string> {
  return {
    'x-ontvanger': ontvangerHeader(identity),
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  };
}
