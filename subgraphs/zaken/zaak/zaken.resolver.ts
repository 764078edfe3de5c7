import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import {
  BronStatusCode,
  bronStatus,
  combineBronnen,
  requirePerson,
  toBronFout,
  type BronStatus,
} from '../../../lib/graphql/index.js';
import { NotApplicableError } from '../../../lib/zgw/client.js';
import { ZakenGebruiker } from '../gebruiker.type.js';
import type { ZakenContext } from '../context.js';
import { mapZaak, mergeZaken } from './zaak.mapper.js';
import { Zaken, type Zaak } from './zaak.type.js';

@Resolver(() => ZakenGebruiker)
export class GebruikerZakenResolver {
  @FieldResolver(() => Zaken, { description: 'Uw zaken uit alle zaaksystemen van de gemeente.' })
  async zaken(@Root() gebruiker: ZakenGebruiker, @Ctx() context: ZakenContext): Promise<Zaken> {
    const { identity } = requirePerson(context);
    const actor = { userId: gebruiker.id, userRepresentation: 'Inwoner via Mijn-Omgeving' };
    // Every source is asked at once; one that fails leaves the others' zaken visible.
    const results = await Promise.all(
      context.sources.map(async (client): Promise<{ bron: BronStatus; zaken: Zaak[] }> => {
        const naam = client.source.naam;
        try {
          const zaken = await client.zakenVan(identity, actor);
          return {
            bron: bronStatus(naam, BronStatusCode.OK, { opgehaaldOp: context.now() }),
            zaken: zaken.map((zaak) => mapZaak(zaak, naam, context.overlap)),
          };
        } catch (error) {
          if (error instanceof NotApplicableError) {
            return {
              bron: bronStatus(naam, BronStatusCode.NIET_VAN_TOEPASSING, {
                melding: `${naam} kan geen zaken van uw organisatie zoeken met deze manier van inloggen.`,
              }),
              zaken: [],
            };
          }
          toBronFout(error, context, naam);
          return {
            bron: bronStatus(naam, BronStatusCode.NIET_BESCHIKBAAR, {
              melding: `We kunnen de zaken uit ${naam} nu niet ophalen. Probeer het later opnieuw.`,
            }),
            zaken: [],
          };
        }
      }),
    );
    const bronnen = results.map((r) => r.bron);
    const items = mergeZaken(results.map((r) => r.zaken));
    return Object.assign(new Zaken(), {
      bron: combineBronnen('Zaaksystemen', bronnen, 'uw zaken', context.now()),
      bronnen,
      items,
      totaal: items.length,
    });
  }
}
