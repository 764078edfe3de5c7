import type { GraphQLError } from 'graphql';
import { Field, ObjectType } from 'type-graphql';
import type { BrpPersoon } from '../upstream/brp-types.js';
import { BronStatus, Portaal, PortaalItem } from '../../../lib/graphql/index.js';

@ObjectType({ description: 'Naam zoals die in de BRP staat.' })
export class Naam {
  @Field(() => String, { nullable: true, description: 'Voornamen, voorvoegsel en achternaam samen.' })
  volledigeNaam!: string | null;

  @Field(() => String, { nullable: true })
  voornamen!: string | null;

  @Field(() => String, { nullable: true })
  voorletters!: string | null;

  @Field(() => String, { nullable: true, description: 'Bijvoorbeeld "van" of "de".' })
  voorvoegsel!: string | null;

  @Field(() => String, { nullable: true, description: 'Achternaam.' })
  geslachtsnaam!: string | null;
}

@ObjectType({ description: 'Hoe de gemeente u aanschrijft: adresregels voor een envelop en de aanhef.' })
export class Adressering {
  @Field(() => String, { nullable: true, description: 'Straat en huisnummer.' })
  adresregel1!: string | null;

  @Field(() => String, { nullable: true, description: 'Postcode en woonplaats.' })
  adresregel2!: string | null;

  @Field(() => String, { nullable: true, description: 'Alleen bij een adres in het buitenland.' })
  adresregel3!: string | null;

  @Field(() => String, { nullable: true, description: 'Land, alleen bij een adres in het buitenland.' })
  land!: string | null;

  @Field(() => String, { nullable: true, description: 'Bijvoorbeeld "Geachte mevrouw Moulin".' })
  aanhef!: string | null;
}

@ObjectType({ implements: PortaalItem, description: 'Uw gegevens uit de Basisregistratie Personen (BRP).' })
export class Persoonsgegevens implements PortaalItem {
  @Field(() => BronStatus)
  bron!: BronStatus;

  @Field(() => Portaal)
  portaal!: Portaal;

  /** The BRP answer behind the data fields; not exposed. */
  persoon!: BrpPersoon | null;

  /** Set when the BRP could not answer: every data field then fails with this coded error. */
  fout!: GraphQLError | null;
}
