import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';
import { combineBronnen, requireSignedIn, SECTIE_NULL } from '../../../lib/graphql/index.js';
import type { ZaakExpansion } from '../../../lib/zgw/client.js';
import { ZakenGebruiker } from '../gebruiker.type.js';
import type { ZakenContext } from '../context.js';
import { selectedFields } from './selection.js';
import { fetchZaken, zoekSleutel } from './zaken.fetch.js';
import { MAX_PAGINA, STANDAARD_PAGINA, pagina, parseZakenVraag } from './zaken.paging.js';
import { ZaakFilter, Zaken } from './zaak.type.js';

@Resolver(() => ZakenGebruiker)
export class GebruikerZakenResolver {
  @FieldResolver(() => Zaken, {
    nullable: true,
    description: `Uw zaken uit alle zaaksystemen van de gemeente, nieuwste eerst. Dezelfde zaak uit twee zaaksystemen staat er één keer in. ${SECTIE_NULL} Een ongeldige waarde bij filter, eerste of na geeft hier null met de fout BAD_USER_INPUT; de andere onderdelen van me antwoorden gewoon.`,
  })
  async zaken(
    @Root() _gebruiker: ZakenGebruiker,
    @Ctx() context: ZakenContext,
    @Info() info: GraphQLResolveInfo,
    // Listed last to first: type-graphql prints arguments in reverse, and the SDL should read
    // filter, eerste, na.
    @Arg('na', () => String, {
      nullable: true,
      description: 'De waarde "volgende" van de vorige pagina. Leeg voor de eerste pagina.',
    })
    na: string | null,
    @Arg('eerste', () => Int, {
      defaultValue: STANDAARD_PAGINA,
      description: `Hoeveel zaken per pagina (1 tot en met ${MAX_PAGINA}).`,
    })
    eerste: number,
    @Arg('filter', () => ZaakFilter, { nullable: true, description: 'Welke zaken. Zonder filter: alle zaken.' })
    filter: ZaakFilter | null,
  ): Promise<Zaken> {
    requireSignedIn(context);
    // Checked before any zaaksysteem is asked: a request that makes no sense costs no upstream call.
    const vraag = parseZakenVraag(filter, eerste, na);
    // Only expand what the selection needs; status, zaaktype and rollen are always there.
    const velden = selectedFields(info, ['items']);
    const expand: ZaakExpansion[] = [];
    if (velden.has('resultaat')) expand.push('resultaat');
    if (velden.has('documenten')) expand.push('zaakinformatieobjecten');

    // A zaaknummer or organisation goes to the zaaksystemen: one zaak is found however old it is.
    const { bronnen, zaken } = await fetchZaken(context, zoekSleutel(expand, vraag));
    const { items, totaal, volgende } = pagina(zaken, vraag);
    return Object.assign(new Zaken(), {
      bron: combineBronnen('Zaaksystemen', bronnen, 'uw zaken', context.now()),
      bronnen,
      items,
      totaal,
      volgende,
    });
  }
}
