import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { appError } from '../../../lib/errors.js';
import {
  BronStatusCode,
  bronMelding,
  bronStatus,
  combineBronnen,
  requireSignedIn,
  logBronFout,
  type BronStatus,
  SECTIE_NULL,
} from '../../../lib/graphql/index.js';
import type { BerichtenContext } from '../context.js';
import { BerichtenGebruiker } from '../gebruiker.type.js';
import { BRON_BERICHTENBOX, BRON_LOPENDE_ZAKEN, lopendeZakenAlsHulp } from '../bronnen.js';
import type { MoLopendeZaak } from '../upstream/mijnoverheid.js';
import { toBerichtFout } from './bericht.errors.js';
import { berichtMapping, mapBericht, mapBerichten } from './bericht.mapper.js';
import { Bericht, Berichten } from './bericht.type.js';

/** Ids the Berichtenbox could know: FBS uses UUIDs, a Digikoppeling adapter may use other tokens. */
const BERICHT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

@Resolver(() => BerichtenGebruiker)
export class GebruikerBerichtenResolver {
  @FieldResolver(() => Berichten, {
    nullable: true,
    description: `Wat u in MijnOverheid hebt: berichten uit de Berichtenbox en lopende zaken van andere organisaties. ${SECTIE_NULL}`,
  })
  async berichten(@Root() _gebruiker: BerichtenGebruiker, @Ctx() context: BerichtenContext): Promise<Berichten> {
    const data = context.mijnOverheidData();
    // Both lists at once: the section's latency is the slower of the two, and linking a bericht
    // to its zaak uses the Lopende Zaken.
    const [berichten, lopendeZaken] = await Promise.allSettled([data.berichten(), data.lopendeZaken()]);
    const bronnen: BronStatus[] = [];
    const opgehaald = { opgehaaldOp: context.now() };

    if (berichten.status === 'fulfilled') bronnen.push(bronStatus(BRON_BERICHTENBOX, BronStatusCode.OK, opgehaald));
    else {
      logBronFout(berichten.reason, context, BRON_BERICHTENBOX);
      bronnen.push(
        bronStatus(BRON_BERICHTENBOX, BronStatusCode.NIET_BESCHIKBAAR, {
          melding: bronMelding(berichten.reason, 'uw berichten uit de Berichtenbox van MijnOverheid'),
        }),
      );
    }
    let alleLopendeZaken: MoLopendeZaak[] = [];
    if (lopendeZaken.status === 'rejected') {
      logBronFout(lopendeZaken.reason, context, BRON_LOPENDE_ZAKEN);
      bronnen.push(
        bronStatus(BRON_LOPENDE_ZAKEN, BronStatusCode.NIET_BESCHIKBAAR, {
          melding: bronMelding(lopendeZaken.reason, 'uw lopende zaken uit MijnOverheid'),
        }),
      );
    } else if (lopendeZaken.value !== null) {
      alleLopendeZaken = lopendeZaken.value;
      bronnen.push(bronStatus(BRON_LOPENDE_ZAKEN, BronStatusCode.OK, opgehaald));
    }
    // else: not connected to Lopende Zaken, so no source to report on.

    const mapping = berichtMapping(context, alleLopendeZaken);
    const items = berichten.status === 'fulfilled' ? mapBerichten(berichten.value, mapping) : [];
    const wat = bronnen.length > 1 ? 'uw berichten en lopende zaken uit MijnOverheid' : 'uw berichten uit MijnOverheid';
    return Object.assign(new Berichten(), {
      bron: combineBronnen('MijnOverheid', bronnen, wat, context.now()),
      bronnen,
      ongelezen: items.filter((b) => !b.gelezen).length,
      items,
      lopendeZaken: [...mapping.getoond.values()],
    });
  }
}

@Resolver(() => Bericht)
export class BerichtMutationResolver {
  @Mutation(() => Bericht, {
    description:
      'Zet een bericht in uw Berichtenbox op gelezen (of met gelezen: false weer op ongelezen). Dat ziet u daarna ook in MijnOverheid.',
  })
  async markeerBerichtGelezen(
    @Arg('id', () => ID) id: string,
    @Arg('gelezen', () => Boolean, { defaultValue: true }) gelezen: boolean,
    @Ctx() context: BerichtenContext,
  ): Promise<Bericht> {
    const { identity } = requireSignedIn(context);
    if (!BERICHT_ID.test(id)) throw appError('BAD_USER_INPUT', { message: 'Dit is geen geldig berichtnummer.' });
    let bericht;
    try {
      bericht = await context.mijnOverheid.berichtenbox.markeerGelezen(identity, id, gelezen);
    } catch (error) {
      throw toBerichtFout(error, context, BRON_BERICHTENBOX);
    }
    return mapBericht(bericht, berichtMapping(context, await lopendeZakenAlsHulp(context)));
  }
}
