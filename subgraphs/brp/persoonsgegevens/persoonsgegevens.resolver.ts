import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import {
  BronStatusCode,
  bronMelding,
  bronStatus,
  portaalFrom,
  requireSignedIn,
  toBronFout,
  SECTIE_NULL,
} from '../../../lib/graphql/index.js';
import { BrpGebruiker } from '../gebruiker.type.js';
import type { BrpContext } from '../context.js';
import type { BrpPersoon } from '../upstream/brp-types.js';
import { brpVraag } from './persoonsgegevens.fields.js';
import {
  mapAdressering,
  mapBurgerlijkeStaat,
  mapGeboorte,
  mapGeheimhouding,
  mapGemeenteVanInschrijving,
  mapKind,
  mapNaam,
  mapNationaliteit,
  mapOuder,
  mapOverlijden,
  mapPartner,
  mapVerblijfplaats,
} from './persoonsgegevens.mapper.js';
import {
  Adressering,
  BurgerlijkeStaat,
  Geboorte,
  Geheimhouding,
  GemeenteVanInschrijving,
  Kind,
  Naam,
  Nationaliteit,
  Ouder,
  Overlijden,
  Partner,
  Persoonsgegevens,
  PersoonsgegevensWijzigen,
  Verblijfplaats,
} from './persoonsgegevens.type.js';

const BRON = 'BRP';
const WAT = 'uw persoonsgegevens';

/** The person's BRP data, or the section's coded error when the BRP did not answer. */
function persoonOf(section: Persoonsgegevens): BrpPersoon | null {
  if (section.fout) throw section.fout;
  return section.persoon;
}

/** Maps a part when there is BRP data; null otherwise (not an inwoner, unknown BSN). */
function deel<T>(section: Persoonsgegevens, map: (persoon: BrpPersoon) => T): T | null {
  const persoon = persoonOf(section);
  return persoon ? map(persoon) : null;
}

@Resolver(() => BrpGebruiker)
export class GebruikerPersoonsgegevensResolver {
  @FieldResolver(() => Persoonsgegevens, {
    nullable: true,
    description: `Uw gegevens uit de BRP. Alleen voor inwoners; bij eHerkenning is de bron NIET_VAN_TOEPASSING. ${SECTIE_NULL}`,
  })
  async persoonsgegevens(
    @Root() _gebruiker: BrpGebruiker,
    @Ctx() context: BrpContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Persoonsgegevens> {
    const { identity } = requireSignedIn(context);
    const section = new Persoonsgegevens();
    section.portaal = portaalFrom(context.overlap.persoonsgegevens());
    section.persoon = null;
    section.fout = null;
    section.inwoner = identity.soort === 'INWONER';
    if (identity.soort !== 'INWONER') {
      section.bron = bronStatus(BRON, BronStatusCode.NIET_VAN_TOEPASSING, {
        melding: 'U bent ingelogd met eHerkenning. Persoonsgegevens uit de BRP horen bij inloggen met DigiD.',
      });
      return section;
    }
    const vraag = brpVraag(info);
    if (!vraag.nodig) {
      // Only static fields (portaal, wijzigen) were selected: the BRP is not asked at all.
      section.bron = bronStatus(BRON, BronStatusCode.OK);
      return section;
    }
    try {
      section.persoon = await context.personen.load(identity.bsn, vraag.fields);
    } catch (error) {
      section.fout = toBronFout(error, context, BRON);
      section.bron = bronStatus(BRON, BronStatusCode.NIET_BESCHIKBAAR, { melding: bronMelding(error, WAT) });
      return section;
    }
    section.bron = section.persoon
      ? bronStatus(BRON, BronStatusCode.OK, { opgehaaldOp: context.now() })
      : // The BRP answered and does not know this BSN: not an outage, and asking again will not help.
        bronStatus(BRON, BronStatusCode.NIET_GEVONDEN, {
          melding: 'We hebben uw gegevens niet gevonden in de BRP. Neem contact op met de gemeente.',
          opgehaaldOp: context.now(),
        });
    return section;
  }
}

@Resolver(() => Persoonsgegevens)
export class PersoonsgegevensResolver {
  @FieldResolver(() => Naam, { nullable: true, description: 'Uw naam zoals die in de BRP staat.' })
  naam(@Root() section: Persoonsgegevens): Naam | null {
    return deel(section, (p) => mapNaam(p.naam));
  }

  @FieldResolver(() => Adressering, {
    nullable: true,
    description: 'Hoe de gemeente u aanschrijft: adresregels, aanhef en uw naam in een brief.',
  })
  adressering(@Root() section: Persoonsgegevens): Adressering | null {
    return deel(section, (p) => mapAdressering(p.adressering));
  }

  @FieldResolver(() => Geboorte, { nullable: true, description: 'Geboortedatum, -plaats en -land, en uw leeftijd.' })
  geboorte(@Root() section: Persoonsgegevens): Geboorte | null {
    return deel(section, mapGeboorte);
  }

  @FieldResolver(() => Verblijfplaats, { nullable: true, description: 'Uw woonadres volgens de BRP.' })
  verblijfplaats(@Root() section: Persoonsgegevens): Verblijfplaats | null {
    return deel(section, (p) => mapVerblijfplaats(p.verblijfplaats));
  }

  @FieldResolver(() => BurgerlijkeStaat, {
    nullable: true,
    description: 'Getrouwd, geregistreerd partner of niet; afgeleid van uw partners in de BRP.',
  })
  burgerlijkeStaat(@Root() section: Persoonsgegevens): BurgerlijkeStaat | null {
    return deel(section, (p) => mapBurgerlijkeStaat(p.partners));
  }

  @FieldResolver(() => [Partner], {
    nullable: true,
    description: 'Uw huidige partner(s), of anders de partner van het laatst beëindigde huwelijk of partnerschap.',
  })
  partners(@Root() section: Persoonsgegevens): Partner[] | null {
    return deel(section, (p) => (p.partners ?? []).map(mapPartner));
  }

  @FieldResolver(() => [Kind], { nullable: true, description: 'Uw kinderen. Een lege lijst als er geen zijn.' })
  kinderen(@Root() section: Persoonsgegevens): Kind[] | null {
    return deel(section, (p) => (p.kinderen ?? []).map(mapKind));
  }

  @FieldResolver(() => [Ouder], { nullable: true, description: 'Uw ouders, zoals ze op uw persoonslijst staan.' })
  ouders(@Root() section: Persoonsgegevens): Ouder[] | null {
    return deel(section, (p) => (p.ouders ?? []).map(mapOuder));
  }

  @FieldResolver(() => [Nationaliteit], { nullable: true, description: 'Uw nationaliteit of nationaliteiten.' })
  nationaliteiten(@Root() section: Persoonsgegevens): Nationaliteit[] | null {
    return deel(section, (p) => (p.nationaliteiten ?? []).map(mapNationaliteit));
  }

  @FieldResolver(() => GemeenteVanInschrijving, {
    nullable: true,
    description: 'De gemeente waar u staat ingeschreven, en sinds wanneer.',
  })
  gemeenteVanInschrijving(@Root() section: Persoonsgegevens): GemeenteVanInschrijving | null {
    return deel(section, mapGemeenteVanInschrijving);
  }

  @FieldResolver(() => Overlijden, { nullable: true, description: 'Alleen als een overlijden in de BRP staat.' })
  overlijden(@Root() section: Persoonsgegevens): Overlijden | null {
    return deel(section, mapOverlijden);
  }

  @FieldResolver(() => Geheimhouding, {
    nullable: true,
    description: 'Of de gemeente uw gegevens aan organisaties zoals kerken of goede doelen mag geven.',
  })
  geheimhouding(@Root() section: Persoonsgegevens): Geheimhouding | null {
    return deel(section, mapGeheimhouding);
  }

  @FieldResolver(() => PersoonsgegevensWijzigen, {
    nullable: true,
    description: 'Hoe u elk onderdeel laat aanpassen. U kunt de BRP hier niet zelf wijzigen. Leeg bij eHerkenning.',
  })
  wijzigen(@Root() section: Persoonsgegevens, @Ctx() context: BrpContext): PersoonsgegevensWijzigen | null {
    return section.inwoner ? context.wijzigen : null;
  }
}
