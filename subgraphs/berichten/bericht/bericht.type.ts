import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BronStatus, Portaal, PortaalItem } from '../../../lib/graphql/index.js';
import { LopendeZaak } from '../lopende-zaak/lopende-zaak.type.js';
import { BerichtenZaak } from '../zaak/zaak.type.js';

@ObjectType({ description: 'Gegevens over een bijlage bij een bericht. De bijlage zelf opent u in MijnOverheid.' })
export class Bijlage {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Bestandsnaam, bijvoorbeeld "voorlopige-aanslag-2027.pdf".' })
  naam!: string;

  /** The bericht it belongs to, to fetch the full bericht for `mimeType`. */
  berichtId!: string;
  /** Known when the bericht was read in full (the list form leaves it out). */
  bekendMimeType!: string | null;
}

@ObjectType({ implements: PortaalItem, description: 'Een bericht in uw Berichtenbox van MijnOverheid.' })
export class Bericht implements PortaalItem {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  onderwerp!: string;

  @Field(() => String, { description: 'De organisatie die het bericht stuurde.' })
  afzender!: string;

  @Field(() => Date, { description: 'Wanneer het bericht in uw Berichtenbox kwam.' })
  ontvangen!: Date;

  @Field(() => Boolean)
  gelezen!: boolean;

  @Field(() => String, { nullable: true, description: 'De map waarin u het bericht zette, bijvoorbeeld "archief".' })
  map!: string | null;

  @Field(() => Int)
  aantalBijlagen!: number;

  @Field(() => [Bijlage], { description: 'Gegevens over de bijlagen, niet de bijlagen zelf.' })
  bijlagen!: Bijlage[];

  @Field(() => BerichtenZaak, {
    nullable: true,
    description:
      'De zaak van deze gemeente waar dit bericht bij hoort. U vindt die zaak bij zaken (zelfde bronorganisatie en identificatie).',
  })
  zaak!: BerichtenZaak | null;

  @Field(() => LopendeZaak, {
    nullable: true,
    description: 'De lopende zaak van een andere organisatie waar dit bericht bij hoort.',
  })
  lopendeZaak!: LopendeZaak | null;

  @Field(() => Portaal, { description: 'MijnOverheid beheert dit; de link opent het bericht in MijnOverheid.' })
  portaal!: Portaal;
}

@ObjectType({
  description:
    'Wat u in MijnOverheid hebt: berichten uit de Berichtenbox en lopende zaken van andere organisaties. Zaken van deze gemeente staan bij zaken.',
})
export class Berichten {
  @Field(() => BronStatus, { description: 'Samenvatting: gaf MijnOverheid antwoord?' })
  bron!: BronStatus;

  @Field(() => [BronStatus], { description: 'De status per onderdeel: Berichtenbox en Lopende Zaken.' })
  bronnen!: BronStatus[];

  @Field(() => Int, { description: 'Aantal ongelezen berichten (0 als de Berichtenbox geen antwoord gaf; zie bron).' })
  ongelezen!: number;

  @Field(() => [Bericht], { description: 'Berichten in uw Berichtenbox, nieuwste eerst.' })
  items!: Bericht[];

  @Field(() => [LopendeZaak], {
    description:
      'Lopende zaken van andere organisaties, laatst bijgewerkt eerst. Zaken van deze gemeente staan één keer, bij zaken.',
  })
  lopendeZaken!: LopendeZaak[];
}
