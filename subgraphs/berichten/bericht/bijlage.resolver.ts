import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { BerichtenContext } from '../context.js';
import { toBerichtFout } from './bericht.errors.js';
import { BRON_BERICHTENBOX } from '../bronnen.js';
import { Bijlage } from './bericht.type.js';

@Resolver(() => Bijlage)
export class BijlageResolver {
  /**
   * The Berichtenbox lists attachments by name only; the type is in the full bericht. Fetched
   * only when a client selects it, once per bericht per request.
   */
  @FieldResolver(() => String, { nullable: true, description: 'Soort bestand, bijvoorbeeld "application/pdf".' })
  async mimeType(@Root() bijlage: Bijlage, @Ctx() context: BerichtenContext): Promise<string | null> {
    if (bijlage.bekendMimeType !== null) return bijlage.bekendMimeType;
    try {
      const bericht = await context.mijnOverheidData().bericht.load(bijlage.berichtId);
      return bericht.bijlagen.find((b) => b.id === bijlage.id)?.mimeType ?? null;
    } catch (error) {
      throw toBerichtFout(error, context, BRON_BERICHTENBOX);
    }
  }
}
