import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BronStatus, Portaal, PortaalItem } from '../../../lib/graphql/index.js';

@ObjectType({ implements: PortaalItem, description: 'Een bericht in uw Berichtenbox van MijnOverheid.' })
export class Bericht implements PortaalItem {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  onderwerp!: string;

  @Field(() => String, { description: 'De organisatie die het bericht stuurde.' })
  afzender!: string;

  @Field(() => Date)
  ontvangen!: Date;

  @Field(() => Boolean)
  gelezen!: boolean;

  @Field(() => Int)
  aantalBijlagen!: number;

  @Field(() => Portaal)
  portaal!: Portaal;
}

@ObjectType({ description: 'Uw berichten uit MijnOverheid.' })
export class Berichten {
  @Field(() => BronStatus)
  bron!: BronStatus;

  @Field(() => Int, { description: 'Aantal ongelezen berichten.' })
  ongelezen!: number;

  @Field(() => [Bericht], { description: 'Nieuwste eerst.' })
  items!: Bericht[];
}
