import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import {
  BRON_MELDINGEN,
  BronStatusCode,
  bronStatus,
  portaalFrom,
  requirePerson,
  toBronFout,
} from '../../../lib/graphql/index.js';
import { BerichtenGebruiker } from '../gebruiker.type.js';
import type { BerichtenContext } from '../context.js';
import { Bericht, Berichten } from './bericht.type.js';

const BRON = 'MijnOverheid Berichtenbox';

@Resolver(() => BerichtenGebruiker)
export class GebruikerBerichtenResolver {
  @FieldResolver(() => Berichten, { description: 'Uw berichten in de Berichtenbox van MijnOverheid.' })
  async berichten(@Root() _gebruiker: BerichtenGebruiker, @Ctx() context: BerichtenContext): Promise<Berichten> {
    const { identity } = requirePerson(context);
    const regel = context.overlap.bericht();
    try {
      const berichten = await context.mijnOverheid.berichten(identity);
      const items = berichten
        .map((b) =>
          Object.assign(new Bericht(), {
            id: b.id,
            onderwerp: b.onderwerp,
            afzender: context.afzenderNaam(b.afzender),
            ontvangen: b.ontvangen,
            gelezen: b.gelezen,
            aantalBijlagen: b.aantalBijlagen,
            portaal: portaalFrom(regel, context.berichtUrl(b.id)),
          }),
        )
        .sort((a, b) => b.ontvangen.getTime() - a.ontvangen.getTime());
      return Object.assign(new Berichten(), {
        bron: bronStatus(BRON, BronStatusCode.OK, { opgehaaldOp: context.now() }),
        ongelezen: items.filter((b) => !b.gelezen).length,
        items,
      });
    } catch (error) {
      toBronFout(error, context, BRON);
      return Object.assign(new Berichten(), {
        bron: bronStatus(BRON, BronStatusCode.NIET_BESCHIKBAAR, {
          melding: BRON_MELDINGEN.nietBeschikbaar('uw berichten uit MijnOverheid'),
        }),
        ongelezen: 0,
        items: [],
      });
    }
  }
}
