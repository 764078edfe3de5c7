import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { appError } from '../../../lib/errors.js';
import {
  BRON_MELDINGEN,
  BronStatusCode,
  bronStatus,
  requireSignedIn,
  SECTIE_NULL,
} from '../../../lib/graphql/index.js';
import { logOpslagFout } from '../bron-fout.js';
import type { VoorkeurenContext } from '../context.js';
import { VoorkeurenGebruiker } from '../gebruiker.type.js';
import { DatabaseUnavailableError } from '../store/sql.js';
import { cursorVan, mapVerwerking, sleutelUit } from './verwerking.mapper.js';
import { Verwerkingen } from './verwerking.type.js';

/** The source name in `bron`: the overview this project keeps itself. */
const BRON_VERWERKINGEN = 'Verwerkingen';
const WAT = 'wie uw gegevens bekeek';

/** Entries a portal may ask for per page (20 when it gives none). */
const MAX_PAGINA = 100;

/** BAD_USER_INPUT with a message a resident (and a front-end developer) can act on. */
function ongeldig(name: string, message: string): never {
  throw appError('BAD_USER_INPUT', { message, extensions: { invalidParams: [{ name, reason: message }] } });
}

@Resolver(() => VoorkeurenGebruiker)
export class GebruikerVerwerkingenResolver {
  @FieldResolver(() => Verwerkingen, {
    nullable: true,
    description: `Wie heeft mijn gegevens bekeken: elke keer dat uw gegevens uit de BRP, van de gemeente of uit MijnOverheid zijn opgehaald, nieuwste eerst. Met wanneer, welke gegevens en waarom. De gemeente bewaart dit overzicht een vaste tijd (standaard 400 dagen); oudere regels zijn verwijderd. ${SECTIE_NULL} Een ongeldige waarde bij eerste of na geeft hier null met de fout BAD_USER_INPUT.`,
  })
  async verwerkingen(
    @Root() gebruiker: VoorkeurenGebruiker,
    @Ctx() context: VoorkeurenContext,
    // Listed last to first: type-graphql prints arguments in reverse, and the SDL should read eerste, na.
    @Arg('na', () => String, {
      nullable: true,
      description: 'De waarde "volgende" van de vorige pagina. Leeg voor de eerste pagina.',
    })
    na: string | null,
    @Arg('eerste', () => Int, {
      defaultValue: 20,
      description: `Hoeveel regels per pagina (1 tot en met ${MAX_PAGINA}).`,
    })
    eerste: number,
  ): Promise<Verwerkingen> {
    const { gebruikerId } = requireSignedIn(context);
    // The overview is personal: only ever the caller's own.
    if (gebruiker.id !== gebruikerId) throw appError('FORBIDDEN');
    if (!Number.isInteger(eerste) || eerste < 1 || eerste > MAX_PAGINA) {
      ongeldig('eerste', `U kunt per keer 1 tot en met ${MAX_PAGINA} regels opvragen. U vroeg om ${eerste}.`);
    }
    const sleutel = na === null || na === undefined ? null : sleutelUit(na);
    if (na !== null && na !== undefined && sleutel === null) {
      ongeldig('na', 'Deze vervolgpagina bestaat niet. Begin opnieuw bij de eerste pagina.');
    }
    try {
      const pagina = await context.store.verwerkingen(gebruikerId, { eerste, na: sleutel });
      return Object.assign(new Verwerkingen(), {
        bron: bronStatus(BRON_VERWERKINGEN, BronStatusCode.OK, { opgehaaldOp: context.now() }),
        items: pagina.items.map(mapVerwerking),
        volgende: pagina.volgende ? cursorVan(pagina.volgende) : null,
      });
    } catch (error) {
      // The section says so in `bron`; the rest of the page is not affected.
      if (error instanceof DatabaseUnavailableError) logOpslagFout(context, error, BRON_VERWERKINGEN);
      else context.logger.error({ err: error }, 'verwerkingen store failed');
      return Object.assign(new Verwerkingen(), {
        bron: bronStatus(BRON_VERWERKINGEN, BronStatusCode.NIET_BESCHIKBAAR, {
          melding: BRON_MELDINGEN.nietBeschikbaar(WAT),
        }),
        items: [],
        volgende: null,
      });
    }
  }
}
