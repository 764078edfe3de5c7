import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BronStatus, MachtigingSoortEnum } from '../../../lib/graphql/index.js';

export enum VerwerkingBron {
  BRP = 'BRP',
  ZAKEN = 'ZAKEN',
  MIJNOVERHEID = 'MIJNOVERHEID',
}
registerEnumType(VerwerkingBron, {
  name: 'VerwerkingBron',
  description: 'Waar uw gegevens zijn opgehaald.',
  valuesConfig: {
    BRP: { description: 'De Basisregistratie Personen (BRP): uw naam, adres en andere persoonsgegevens.' },
    ZAKEN: { description: 'De systemen van de gemeente met uw aanvragen en meldingen (uw zaken).' },
    MIJNOVERHEID: { description: 'MijnOverheid: uw Berichtenbox en Lopende zaken.' },
  },
});

@ObjectType({ description: 'Eén keer dat uw gegevens zijn opgehaald om ze aan u te laten zien.' })
export class Verwerking {
  @Field(() => Date, { description: 'Wanneer uw gegevens zijn opgehaald.' })
  tijdstip!: Date;

  @Field(() => VerwerkingBron, { description: 'Waar uw gegevens zijn opgehaald.' })
  bron!: VerwerkingBron;

  @Field(() => [String], {
    description: 'Welke gegevens zijn opgehaald, in gewone woorden. Bijvoorbeeld "Naam" of "Adres".',
  })
  gegevens!: string[];

  @Field(() => String, { description: 'Waarom uw gegevens zijn opgehaald.' })
  doel!: string;

  @Field(() => String, {
    description: 'Het nummer van dit verzoek. Noem dit nummer als u de gemeente iets vraagt over deze keer.',
  })
  verzoekId!: string;

  @Field(() => MachtigingSoortEnum, {
    nullable: true,
    description:
      'Leeg als u dit zelf deed. Anders keek iemand met een machtiging namens u, en staat hier hoe die was ingelogd.',
  })
  namens!: MachtigingSoortEnum | null;
}

@ObjectType({
  description:
    'Wie heeft mijn gegevens bekeken: wanneer uw gegevens zijn opgehaald, waar en waarom. Alleen u ziet dit overzicht.',
})
export class Verwerkingen {
  @Field(() => BronStatus, { description: 'Of het overzicht nu kan worden getoond.' })
  bron!: BronStatus;

  @Field(() => [Verwerking], { description: 'Deze pagina, nieuwste eerst.' })
  items!: Verwerking[];

  @Field(() => String, {
    nullable: true,
    description: 'Geef deze waarde mee als "na" voor de volgende pagina. Leeg als dit de laatste pagina is.',
  })
  volgende!: string | null;
}
