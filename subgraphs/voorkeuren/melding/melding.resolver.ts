import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { appError } from '../../../lib/errors.js';
import { BRON_MELDINGEN, requireSignedIn, SECTIE_NULL } from '../../../lib/graphql/index.js';
import { logOpslagFout } from '../bron-fout.js';
import type { VoorkeurenContext } from '../context.js';
import { VoorkeurenGebruiker } from '../gebruiker.type.js';
import { DatabaseUnavailableError } from '../store/sql.js';
import { mapMelding } from './melding.mapper.js';
import { Melding } from './melding.type.js';

/** Meldingen a portal can ask for at once. */
const MAX_MELDINGEN = 100;

@Resolver(() => VoorkeurenGebruiker)
export class GebruikerMeldingenResolver {
  @FieldResolver(() => [Melding], {
    nullable: true,
    description: `Berichten over uw zaken, nieuwste eerst: wat wij stuurden, via welk kanaal en wanneer, en wat wij bewust niet stuurden en waarom. ${SECTIE_NULL}`,
  })
  async meldingen(
    @Root() gebruiker: VoorkeurenGebruiker,
    @Arg('aantal', () => Int, { defaultValue: 20, description: `Hoeveel meldingen (1 tot en met ${MAX_MELDINGEN}).` })
    aantal: number,
    @Ctx() context: VoorkeurenContext,
  ): Promise<Melding[]> {
    const { gebruikerId } = requireSignedIn(context);
    if (gebruiker.id !== gebruikerId) throw appError('FORBIDDEN');
    if (aantal < 1 || aantal > MAX_MELDINGEN) {
      throw appError('BAD_USER_INPUT', { message: `Vraag 1 tot en met ${MAX_MELDINGEN} meldingen op.` });
    }
    if (!context.meldingen) return [];
    try {
      return (await context.meldingen.meldingen(gebruikerId, aantal)).map(mapMelding);
    } catch (error) {
      if (error instanceof DatabaseUnavailableError) logOpslagFout(context, error, 'Meldingen');
      else context.logger.error({ err: error }, 'meldingen store failed');
      // A list has no `bron`: the section is null, with this coded error on its path.
      throw appError('BRON_NIET_BESCHIKBAAR', {
        message: BRON_MELDINGEN.nietBeschikbaar('uw meldingen'),
        extensions: { bron: 'Meldingen' },
      });
    }
  }
}
