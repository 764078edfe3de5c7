import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { BronStatus, Portaal, PortaalItem } from '../../../lib/graphql/index.js';

@ObjectType({ description: 'De huidige status van een zaak.' })
export class ZaakStatus {
  @Field(() => String, { description: 'Wat de status betekent, in gewone taal.' })
  statustekst!: string;

  @Field(() => Date, { nullable: true, description: 'Sinds wanneer de zaak deze status heeft.' })
  datum!: Date | null;

  @Field(() => Int, { nullable: true, description: 'Stap in de behandeling (1 is de eerste).' })
  volgnummer!: number | null;

  @Field(() => Boolean, { description: 'Of dit de laatste stap is.' })
  eindstatus!: boolean;
}

@ObjectType({ implements: PortaalItem, description: 'Een aanvraag, melding of andere zaak bij de gemeente.' })
@Directive('@key(fields: "bronorganisatie identificatie")')
export class Zaak implements PortaalItem {
  @Field(() => String, { description: 'RSIN van de organisatie die de zaak heeft aangemaakt.' })
  bronorganisatie!: string;

  @Field(() => String, { description: 'Zaaknummer.' })
  identificatie!: string;

  @Field(() => String, { description: 'Korte omschrijving van de zaak.' })
  omschrijving!: string;

  @Field(() => String, { nullable: true, description: 'Soort zaak, bijvoorbeeld "Aanvraag parkeervergunning".' })
  zaaktype!: string | null;

  @Field(() => String, { description: 'Datum waarop de zaak is gestart (JJJJ-MM-DD).' })
  startdatum!: string;

  @Field(() => String, { nullable: true, description: 'Datum waarop de zaak is afgerond (JJJJ-MM-DD).' })
  einddatum!: string | null;

  @Field(() => Boolean)
  afgerond!: boolean;

  @Field(() => ZaakStatus, { nullable: true })
  status!: ZaakStatus | null;

  @Field(() => Portaal)
  portaal!: Portaal;

  @Field(() => String, { description: 'Het zaaksysteem waar de zaak vandaan komt.' })
  bron!: string;
}

@ObjectType({ description: 'Uw zaken bij de gemeente, uit alle zaaksystemen.' })
export class Zaken {
  @Field(() => BronStatus, { description: 'Samenvatting: kwamen alle zaaksystemen door?' })
  bron!: BronStatus;

  @Field(() => [BronStatus], { description: 'De status per zaaksysteem.' })
  bronnen!: BronStatus[];

  @Field(() => [Zaak], { description: 'Nieuwste eerst.' })
  items!: Zaak[];

  @Field(() => Int)
  totaal!: number;
}
