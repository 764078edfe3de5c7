import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { appError } from '../../../lib/errors.js';
import { BRON_MELDINGEN, BronStatusCode, bronStatus, requirePerson } from '../../../lib/graphql/index.js';
import { STANDAARD_VOORKEUREN } from '../store/store.js';
import { VoorkeurenGebruiker } from '../gebruiker.type.js';
import type { VoorkeurenContext } from '../context.js';
import { mapVoorkeuren } from './voorkeuren.mapper.js';
import { Voorkeuren, WijzigVoorkeurenInput } from './voorkeuren.type.js';

@Resolver(() => VoorkeurenGebruiker)
export class GebruikerVoorkeurenResolver {
  @FieldResolver(() => Voorkeuren, { description: 'Hoe en in welke taal u meldingen wilt krijgen.' })
  async voorkeuren(@Root() gebruiker: VoorkeurenGebruiker, @Ctx() context: VoorkeurenContext): Promise<Voorkeuren> {
    requirePerson(context);
    try {
      return mapVoorkeuren(await context.store.get(gebruiker.id), context.now());
    } catch (error) {
      context.logger.error({ err: error }, 'voorkeuren store failed');
      return Object.assign(mapVoorkeuren(null, context.now()), {
        bron: bronStatus('Voorkeuren', BronStatusCode.NIET_BESCHIKBAAR, {
          melding: BRON_MELDINGEN.nietBeschikbaar('uw voorkeuren'),
        }),
      });
    }
  }
}

@Resolver(() => Voorkeuren)
export class VoorkeurenMutationResolver {
  @Mutation(() => Voorkeuren, {
    description: 'Wijzig uw voorkeuren. Hiervoor moet u zijn ingelogd met minstens DigiD Midden.',
  })
  async wijzigVoorkeuren(
    @Arg('input', () => WijzigVoorkeurenInput) input: WijzigVoorkeurenInput,
    @Ctx() context: VoorkeurenContext,
  ): Promise<Voorkeuren> {
    const { gebruikerId } = requirePerson(context, context.wijzigNiveau);
    const kanalen = input.kanalen ?? [];
    if (new Set(kanalen.map((k) => k.kanaal)).size !== kanalen.length) {
      throw appError('BAD_USER_INPUT', { message: 'U noemt een kanaal twee keer. Noem elk kanaal één keer.' });
    }
    const current = (await context.store.get(gebruikerId)) ?? { ...STANDAARD_VOORKEUREN, gewijzigdOp: context.now() };
    const next = {
      taal: input.taal ?? current.taal,
      alleenDigitaal: input.alleenDigitaal ?? current.alleenDigitaal,
      kanalen: { ...current.kanalen, ...Object.fromEntries(kanalen.map((k) => [k.kanaal, k.aan])) },
      gewijzigdOp: context.now(),
    };
    await context.store.save(gebruikerId, next);
    return mapVoorkeuren(next, context.now());
  }
}
