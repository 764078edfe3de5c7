import { Field, ObjectType } from 'type-graphql';
import { PortaalNaam } from '../../../lib/graphql/index.js';

@ObjectType({ description: 'Eén regel van de overlapkaart: wie beheert een soort gegeven en wie stuurt berichten.' })
export class OverlapRegel {
  @Field(() => String, { description: 'Soort gegeven, bijvoorbeeld "persoonsgegevens" of "zaaktype PARKEER-01".' })
  soort!: string;

  @Field(() => String, { description: 'Het bronsysteem.' })
  bron!: string;

  @Field(() => PortaalNaam)
  eigenaar!: PortaalNaam;

  @Field(() => [PortaalNaam])
  ookZichtbaarIn!: PortaalNaam[];

  @Field(() => [PortaalNaam], { description: 'Welke portalen de inwoner hierover berichten sturen.' })
  meldingenDoor!: PortaalNaam[];

  @Field(() => String, { description: 'Uitleg voor inwoners in gewone taal.' })
  uitleg!: string;
}

@ObjectType({ description: 'De overlapkaart: welk portaal welke gegevens beheert. Openbaar, voor architecten.' })
export class OverlapKaart {
  @Field(() => String)
  gemeente!: string;

  @Field(() => [OverlapRegel])
  regels!: OverlapRegel[];
}
