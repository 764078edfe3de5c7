import { appError } from '../../../lib/errors.js';
import { requireSignedIn, type BaseContext } from '../../../lib/graphql/index.js';
import { BerichtenZaak } from './zaak.type.js';

/**
 * Resolves a `Zaak` representation from the zaken subgraph. Only a person may ask, and the
 * fields added here read that person's own MijnOverheid data, so a representation of someone
 * else's zaak simply finds nothing. Async: a rejection fails only this item of `_entities`.
 */
export async function resolveZaakReference(
  reference: Record<string, unknown>,
  context: BaseContext,
): Promise<BerichtenZaak> {
  requireSignedIn(context);
  const { bronorganisatie, identificatie } = reference;
  if (typeof bronorganisatie !== 'string' || typeof identificatie !== 'string') throw appError('BAD_USER_INPUT');
  return Object.assign(new BerichtenZaak(), { bronorganisatie, identificatie });
}
