import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { appError } from '../../../lib/errors.js';
import {
  BRON_MELDINGEN,
  BronStatusCode,
  bronStatus,
  requireSignedIn,
  SECTIE_NULL,
} from '../../../lib/graphql/index.js';
import { BRON_VOORKEUREN, logOpslagFout, metOpslag, OPSLAG_MELDINGEN } from '../bron-fout.js';
import { VoorkeurenGebruiker } from '../gebruiker.type.js';
import type { VoorkeurenContext } from '../context.js';
import { DatabaseUnavailableError } from '../store/sql.js';
import { loadVoorkeuren } from './voorkeuren.loader.js';
import { mapHistorie, mapVoorkeuren } from './voorkeuren.mapper.js';
import { VoorkeurWijziging, Voorkeuren, WijzigVoorkeurenInput } from './voorkeuren.type.js';
import { controleerWijziging, pasToe } from './wijzig.js';

/** History entries a portal can ask for at once. */
const MAX_HISTORIE = 100;

@Resolver(() => VoorkeurenGebruiker)
export class GebruikerVoorkeurenResolver {
  @FieldResolver(() => Voorkeuren, {
    nullable: true,
    description: `Hoe en in welke taal u meldingen wilt krijgen, en waar naartoe. ${SECTIE_NULL}`,
  })
  async voorkeuren(@Root() gebruiker: VoorkeurenGebruiker, @Ctx() context: VoorkeurenContext): Promise<Voorkeuren> {
    requireSignedIn(context);
    try {
      return await loadVoorkeuren(context, gebruiker.id);
    } catch (error) {
      // The section says so in `bron`; the rest of the page is not affected.
      if (error instanceof DatabaseUnavailableError) logOpslagFout(context, error);
      else context.logger.error({ err: error }, 'voorkeuren store failed');
      return Object.assign(
        mapVoorkeuren({
          gebruikerId: gebruiker.id,
          stored: null,
          contacten: [],
          beleid: context.contactgegevens.beleid,
          now: context.now(),
        }),
        {
          bron: bronStatus(BRON_VOORKEUREN, BronStatusCode.NIET_BESCHIKBAAR, {
            melding: BRON_MELDINGEN.nietBeschikbaar('uw voorkeuren'),
          }),
        },
      );
    }
  }
}

@Resolver(() => Voorkeuren)
export class VoorkeurenHistorieResolver {
  @FieldResolver(() => [VoorkeurWijziging], {
    nullable: true,
    description:
      'Wat er aan uw voorkeuren en contactgegevens veranderde, nieuwste eerst. Leeg (null) als dat nu niet op te halen is.',
  })
  async historie(
    @Root() voorkeuren: Voorkeuren,
    @Arg('aantal', () => Int, { defaultValue: 20, description: `Hoeveel wijzigingen (1 tot en met ${MAX_HISTORIE}).` })
    aantal: number,
    @Ctx() context: VoorkeurenContext,
  ): Promise<VoorkeurWijziging[] | null> {
    const { gebruikerId } = requireSignedIn(context);
    if (aantal < 1 || aantal > MAX_HISTORIE) {
      throw appError('BAD_USER_INPUT', { message: `Vraag 1 tot en met ${MAX_HISTORIE} wijzigingen op.` });
    }
    // The root came from this caller's own `me`, but check: history is personal.
    if (voorkeuren.gebruikerId !== gebruikerId) throw appError('FORBIDDEN');
    // The section already says the store is unavailable: asking it again would only make the
    // page wait once more (for a database that does not answer, the whole connect time-out).
    if (voorkeuren.bron.status === BronStatusCode.NIET_BESCHIKBAAR) return null;
    try {
      return (await context.store.historie(gebruikerId, aantal)).map(mapHistorie);
    } catch (error) {
      if (error instanceof DatabaseUnavailableError) logOpslagFout(context, error);
      else context.logger.error({ err: error }, 'voorkeuren history failed');
      throw appError('BRON_NIET_BESCHIKBAAR', { extensions: { bron: BRON_VOORKEUREN } });
    }
  }
}

@Resolver(() => Voorkeuren)
export class VoorkeurenMutationResolver {
  @Mutation(() => Voorkeuren, {
    description:
      'Wijzig uw voorkeuren. Hiervoor moet u zijn ingelogd met minstens het niveau dat de gemeente vraagt (meestal DigiD Midden).',
  })
  async wijzigVoorkeuren(
    @Arg('input', () => WijzigVoorkeurenInput) input: WijzigVoorkeurenInput,
    @Ctx() context: VoorkeurenContext,
  ): Promise<Voorkeuren> {
    const { gebruikerId } = requireSignedIn(context, context.wijzigNiveau);
    const wijziging = controleerWijziging(input);
    // One transaction: with the database down nothing of the change is stored.
    await metOpslag(context, () =>
      context.store.wijzigVoorkeuren(gebruikerId, (huidig) => pasToe(huidig, wijziging), context.now()),
    );
    return metOpslag(context, () => loadVoorkeuren(context, gebruikerId), OPSLAG_MELDINGEN.welOpgeslagen);
  }
}
