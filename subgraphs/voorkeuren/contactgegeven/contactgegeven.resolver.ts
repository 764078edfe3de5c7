import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { requireSignedIn } from '../../../lib/graphql/index.js';
import { metOpslag, OPSLAG_MELDINGEN } from '../bron-fout.js';
import type { VoorkeurenContext } from '../context.js';
import { loadVoorkeuren } from '../voorkeur/voorkeuren.loader.js';
import { ContactgegevenResultaat } from '../voorkeur/voorkeuren.type.js';
import * as service from './contactgegeven.service.js';
import { VerifieerContactgegevenInput, VoegContactgegevenToeInput } from './contactgegeven.type.js';

const NIVEAU_UITLEG =
  'Hiervoor moet u zijn ingelogd met minstens het niveau dat de gemeente vraagt (meestal DigiD Midden).';

/** The detail that changed (null after deleting) and all preferences after the change, so a portal redraws from one answer. */
async function resultaat(
  context: VoorkeurenContext,
  gebruikerId: string,
  contactId: string | null,
): Promise<ContactgegevenResultaat> {
  const voorkeuren = await metOpslag(
    context,
    () => loadVoorkeuren(context, gebruikerId),
    OPSLAG_MELDINGEN.welOpgeslagen,
  );
  return Object.assign(new ContactgegevenResultaat(), {
    contactgegeven: voorkeuren.contactgegevens.find((c) => c.id === contactId) ?? null,
    voorkeuren,
  });
}

/**
 * Each change is one store transaction (a code is sent only after it is stored): with the
 * database down a change gets `BRON_NIET_BESCHIKBAAR` and nothing of it is stored or sent.
 */
@Resolver()
export class ContactgegevenMutationResolver {
  @Mutation(() => ContactgegevenResultaat, {
    description: `Voeg een e-mailadres of mobiel nummer toe. U krijgt een code om het te bevestigen. ${NIVEAU_UITLEG}`,
  })
  async voegContactgegevenToe(
    @Arg('input', () => VoegContactgegevenToeInput) input: VoegContactgegevenToeInput,
    @Ctx() context: VoorkeurenContext,
  ): Promise<ContactgegevenResultaat> {
    const { gebruikerId } = requireSignedIn(context, context.wijzigNiveau);
    const contact = await metOpslag(context, () =>
      service.voegContactgegevenToe(context, gebruikerId, input.soort, input.waarde),
    );
    return resultaat(context, gebruikerId, contact.id);
  }

  @Mutation(() => ContactgegevenResultaat, {
    description: `Bevestig een e-mailadres of mobiel nummer met de code die u kreeg. ${NIVEAU_UITLEG}`,
  })
  async verifieerContactgegeven(
    @Arg('input', () => VerifieerContactgegevenInput) input: VerifieerContactgegevenInput,
    @Ctx() context: VoorkeurenContext,
  ): Promise<ContactgegevenResultaat> {
    const { gebruikerId } = requireSignedIn(context, context.wijzigNiveau);
    const contact = await metOpslag(context, () => service.verifieer(context, gebruikerId, input.id, input.code));
    return resultaat(context, gebruikerId, contact.id);
  }

  @Mutation(() => ContactgegevenResultaat, {
    description: `Stuur een nieuwe code. De vorige code werkt dan niet meer. ${NIVEAU_UITLEG}`,
  })
  async stuurVerificatiecodeOpnieuw(
    @Arg('id', () => ID) id: string,
    @Ctx() context: VoorkeurenContext,
  ): Promise<ContactgegevenResultaat> {
    const { gebruikerId } = requireSignedIn(context, context.wijzigNiveau);
    const contact = await metOpslag(context, () => service.stuurCodeOpnieuw(context, gebruikerId, id));
    return resultaat(context, gebruikerId, contact.id);
  }

  @Mutation(() => ContactgegevenResultaat, {
    description: `Kies dit bevestigde adres of nummer voor meldingen. ${NIVEAU_UITLEG}`,
  })
  async maakContactgegevenStandaard(
    @Arg('id', () => ID) id: string,
    @Ctx() context: VoorkeurenContext,
  ): Promise<ContactgegevenResultaat> {
    const { gebruikerId } = requireSignedIn(context, context.wijzigNiveau);
    await metOpslag(context, () => service.maakStandaard(context, gebruikerId, id));
    return resultaat(context, gebruikerId, id);
  }

  @Mutation(() => ContactgegevenResultaat, {
    description: `Verwijder een e-mailadres of mobiel nummer. We bewaren het daarna niet meer. ${NIVEAU_UITLEG}`,
  })
  async verwijderContactgegeven(
    @Arg('id', () => ID) id: string,
    @Ctx() context: VoorkeurenContext,
  ): Promise<ContactgegevenResultaat> {
    const { gebruikerId } = requireSignedIn(context, context.wijzigNiveau);
    await metOpslag(context, () => service.verwijder(context, gebruikerId, id));
    return resultaat(context, gebruikerId, null);
  }
}
