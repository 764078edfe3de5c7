import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { toBronFout } from '../../../lib/graphql/index.js';
import { berichtMapping, mapBerichten } from '../bericht/bericht.mapper.js';
import { Bericht } from '../bericht/bericht.type.js';
import { BRON_BERICHTENBOX, BRON_LOPENDE_ZAKEN, lopendeZakenAlsHulp } from '../bronnen.js';
import { zaakSleutel } from '../bericht/zaak-link.js';
import type { BerichtenContext } from '../context.js';
import { mapZaakInMijnOverheid } from '../lopende-zaak/lopende-zaak.mapper.js';
import { BerichtenZaak, ZaakInMijnOverheid } from './zaak.type.js';

/** Only the caller's own MijnOverheid data is searched, so a guessed zaak key reveals nothing. */
@Resolver(() => BerichtenZaak)
export class ZaakMijnOverheidResolver {
  @FieldResolver(() => ZaakInMijnOverheid, {
    nullable: true,
    description:
      'Wat MijnOverheid bij Lopende zaken over deze zaak laat zien; null als de zaak daar niet staat. Voor een detailpagina: dit vraagt een tweede stap.',
  })
  async inMijnOverheid(
    @Root() zaak: BerichtenZaak,
    @Ctx() context: BerichtenContext,
  ): Promise<ZaakInMijnOverheid | null> {
    let lopendeZaken;
    try {
      lopendeZaken = await context.mijnOverheidData().lopendeZaken();
    } catch (error) {
      throw toBronFout(error, context, BRON_LOPENDE_ZAKEN);
    }
    const sleutel = zaakSleutel(zaak);
    const gevonden = lopendeZaken?.find((z) => zaakSleutel(z) === sleutel);
    return gevonden ? mapZaakInMijnOverheid(gevonden, context.lopendeZakenUrl) : null;
  }

  @FieldResolver(() => [Bericht], {
    nullable: true,
    description:
      'Berichten in uw Berichtenbox die bij deze zaak horen, nieuwste eerst. Voor een detailpagina: dit vraagt een tweede stap.',
  })
  async berichten(@Root() zaak: BerichtenZaak, @Ctx() context: BerichtenContext): Promise<Bericht[]> {
    let berichten;
    try {
      berichten = await context.mijnOverheidData().berichten();
    } catch (error) {
      throw toBronFout(error, context, BRON_BERICHTENBOX);
    }
    const sleutel = zaakSleutel(zaak);
    return mapBerichten(berichten, berichtMapping(context, await lopendeZakenAlsHulp(context))).filter(
      (b) => b.zaak !== null && zaakSleutel(b.zaak) === sleutel,
    );
  }
}
