import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { requireSignedIn, toBronFout } from '../../../lib/graphql/index.js';
import type { ZgwInformatieObject } from '../../../lib/zgw/types.js';
import { DEFAULT_VISIBILITY, isDocumentVisible } from '../../../lib/zgw/visibility.js';
import type { ZakenContext } from '../context.js';
import type { ZaakBron } from './zaak.loader.js';
import { mapResultaat, mapVoortgang } from './zaak.mapper.js';
import { Zaak, ZaakDocument, ZaakResultaat, ZaakStap } from './zaak.type.js';

/** The source of a zaak in this request (set by the mapper; always present). */
function bronVan(zaak: Zaak, context: ZakenContext): ZaakBron {
  const bron = context.bronnen[zaak.bronIndex];
  if (!bron) throw new Error(`zaak refers to unknown source ${zaak.bronIndex}`);
  return bron;
}

/**
 * The fields of a zaak that need more than the zaken list: catalogus data (cached) and documents.
 * A failure here makes that one field null with BRON_NIET_BESCHIKBAAR; the zaak itself stays.
 */
@Resolver(() => Zaak)
export class ZaakResolver {
  @FieldResolver(() => [ZaakStap], {
    nullable: true,
    description:
      'De stappen in de behandeling, in volgorde, met wat klaar is en wat nog komt. Null als het zaaksysteem de stappen nu niet kan geven.',
  })
  async voortgang(@Root() zaak: Zaak, @Ctx() context: ZakenContext): Promise<ZaakStap[] | null> {
    const bron = bronVan(zaak, context);
    try {
      return mapVoortgang(zaak, await bron.statustypen.load(zaak.zgw.zaaktype));
    } catch (error) {
      throw toBronFout(error, context, bron.naam);
    }
  }

  @FieldResolver(() => ZaakResultaat, {
    nullable: true,
    description: 'De uitkomst, als de zaak er een heeft. Meestal pas als de zaak is afgerond.',
  })
  async resultaat(@Root() zaak: Zaak, @Ctx() context: ZakenContext): Promise<ZaakResultaat | null> {
    if (!zaak.zgw._expand?.resultaat) return null;
    const bron = bronVan(zaak, context);
    try {
      return mapResultaat(zaak, await bron.resultaattypen.load(zaak.zgw.zaaktype));
    } catch (error) {
      throw toBronFout(error, context, bron.naam);
    }
  }

  @FieldResolver(() => [ZaakDocument], {
    nullable: true,
    description:
      'Documenten bij de zaak die u mag inzien, nieuwste eerst. Null als het zaaksysteem geen documenten deelt of ze nu niet kan geven.',
  })
  async documenten(@Root() zaak: Zaak, @Ctx() context: ZakenContext): Promise<ZaakDocument[] | null> {
    const { gebruikerId } = requireSignedIn(context);
    const bron = bronVan(zaak, context);
    const links = context.documentLinks;
    const koppelingen = zaak.zgw._expand?.zaakinformatieobjecten;
    if (!bron.documenten || !links || !koppelingen) return null;
    let gevonden: (ZgwInformatieObject | null | Error)[];
    try {
      gevonden = await bron.documenten.loadMany(koppelingen.map((k) => k.informatieobject));
    } catch (error) {
      throw toBronFout(error, context, bron.naam);
    }
    const fout = gevonden.find((d): d is Error => d instanceof Error);
    if (fout) throw toBronFout(fout, context, bron.naam);
    // The zaak passed isZaakVisible already (it is in the caller's list); each document must
    // pass on its own as well.
    const rules = bron.client.source.zichtbaarheid ?? DEFAULT_VISIBILITY;
    const zichtbaar = gevonden
      .filter((d): d is ZgwInformatieObject => d !== null && !(d instanceof Error) && isDocumentVisible(d, rules))
      .sort((a, b) => b.creatiedatum.localeCompare(a.creatiedatum) || a.titel.localeCompare(b.titel));
    return Promise.all(
      zichtbaar.map(async (document) => {
        const link = await links.mint({ bron: bron.naam, document: document.url, gebruiker: gebruikerId });
        return Object.assign(new ZaakDocument(), {
          titel: document.titel,
          datum: document.creatiedatum,
          formaat: document.formaat || null,
          bestandsnaam: document.bestandsnaam || null,
          grootte: typeof document.bestandsomvang === 'number' ? document.bestandsomvang : null,
          link: link.url,
          linkGeldigTot: link.geldigTot,
        });
      }),
    );
  }
}
