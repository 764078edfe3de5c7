import type { VoorkeurenContext } from '../context.js';
import { mapVoorkeuren } from './voorkeuren.mapper.js';
import type { Voorkeuren } from './voorkeuren.type.js';

/** A resident's preferences and contact details, read fresh from the store. */
export async function loadVoorkeuren(context: VoorkeurenContext, gebruikerId: string): Promise<Voorkeuren> {
  const [stored, contacten] = await Promise.all([
    context.store.voorkeuren(gebruikerId),
    context.store.contactgegevens(gebruikerId),
  ]);
  return mapVoorkeuren({ gebruikerId, stored, contacten, beleid: context.contactgegevens.beleid, now: context.now() });
}
