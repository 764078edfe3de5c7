import { createHmac } from 'node:crypto';
import { identifierOf, type Identity } from './identity.js';

/**
 * The opaque `Gebruiker.id`: an HMAC-SHA256 of the identifier under a secret key, base64url.
 * Every process with the same key derives the same id, so the gateway, each subgraph and the
 * voorkeuren store agree without ever exchanging the BSN as a key.
 */
export function pseudonymFor(identity: Identity, key: string): string {
  return createHmac('sha256', key).update(identifierOf(identity)).digest('base64url').slice(0, 32);
}
