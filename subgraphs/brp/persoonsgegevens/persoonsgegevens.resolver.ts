import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import {
  BRON_MELDINGEN,
  BronStatusCode,
  bronStatus,
  portaalFrom,
  requirePerson,
  toBronFout,
} from '../../../lib/graphql/index.js';
import { BrpGebruiker } from '../gebruiker.type.js';
import type { BrpContext } from '../context.js';
import type { BrpPersoon } from '../upstream/brp-types.js';
import { Adressering, Naam, Persoonsgegevens } from './persoonsgegevens.type.js';
import { mapAdressering, mapNaam } from './persoonsgegevens.mapper.js';

const BRON = 'BRP';

/** The person's BRP data, or the section's coded error when the BRP did not answer. */
function persoonOf(section: Persoonsgegevens): BrpPersoon | null {
  if (section.fout) throw section.fout;
  return section.persoon;
}

@Resolver(() => BrpGebruiker)
export class GebruikerPersoonsgegevensResolver {
  @FieldResolver(() => Persoonsgegevens, {
    description: 'Uw gegevens uit de BRP. Alleen voor inwoners; bij eHerkenning is de bron NIET_VAN_TOEPASSING.',
  })
  async persoonsgegevens(@Root() _gebruiker: BrpGebruiker, @Ctx() context: BrpContext): Promise<Persoonsgegevens> {
    const { identity } = requirePerson(context);
    const section = new Persoonsgegevens();
    section.portaal = portaalFrom(context.overlap.persoonsgegevens());
    section.persoon = null;
    section.fout = null;
    if (identity.soort !== 'INWONER') {
      section.bron = bronStatus(BRON, BronStatusCode.NIET_VAN_TOEPASSING, {
        melding: 'U bent ingelogd met eHerkenning. Persoonsgegevens uit de BRP horen bij inloggen met DigiD.',
      });
      return section;
    }
    try {
      section.persoon = await context.personen.load(identity.bsn);
    } catch (error) {
      section.fout = toBronFout(error, context, BRON);
      section.bron = bronStatus(BRON, BronStatusCode.NIET_BESCHIKBAAR, {
        melding: BRON_MELDINGEN.nietBeschikbaar('uw persoonsgegevens'),
      });
      return section;
    }
    section.bron = section.persoon
      ? bronStatus(BRON, BronStatusCode.OK, { opgehaaldOp: context.now() })
      : bronStatus(BRON, BronStatusCode.NIET_BESCHIKBAAR, {
          melding: 'We hebben uw gegevens niet gevonden in de BRP. Neem contact op met de gemeente.',
          opgehaaldOp: context.now(),
        });
    return section;
  }
}

@Resolver(() => Persoonsgegevens)
export class PersoonsgegevensResolver {
  @FieldResolver(() => Naam, { nullable: true })
  naam(@Root() section: Persoonsgegevens): Naam | null {
    return mapNaam(persoonOf(section)?.naam);
  }

  @FieldResolver(() => Adressering, { nullable: true })
  adressering(@Root() section: Persoonsgegevens): Adressering | null {
    return mapAdressering(persoonOf(section)?.adressering);
  }
}
