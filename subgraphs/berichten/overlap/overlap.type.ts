import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PortaalNaam } from '../../../lib/graphql/index.js';

export enum OverlapCategorie {
  PERSOONSGEGEVENS = 'PERSOONSGEGEVENS',
  ZAKEN = 'ZAKEN',
  LOPENDE_ZAKEN = 'LOPENDE_ZAKEN',
  BERICHTEN = 'BERICHTEN',
}
registerEnumType(OverlapCategorie, {
  name: 'OverlapCategorie',
  description: 'Over welke soort gegevens een regel van de overlapkaart gaat.',
  valuesConfig: {
    PERSOONSGEGEVENS: { description: 'Persoonsgegevens uit de BRP.' },
    ZAKEN: { description: 'Zaken van deze gemeente, uit haar zaaksystemen.' },
    LOPENDE_ZAKEN: { description: 'Lopende zaken van andere organisaties in MijnOverheid.' },
    BERICHTEN: { description: 'Berichten in de Berichtenbox van MijnOverheid.' },
  },
});

export enum OverlapAfzender {
  GEMEENTE = 'GEMEENTE',
  ANDERE_ORGANISATIE = 'ANDERE_ORGANISATIE',
}
registerEnumType(OverlapAfzender, {
  name: 'OverlapAfzender',
  description: 'Wie een bericht stuurde: een organisatie van deze gemeente of een andere.',
});

@ObjectType({ description: 'Een organisatie van deze gemeente. Haar zaken staan één keer, bij zaken.' })
export class OverlapOrganisatie {
  @Field(() => String)
  naam!: string;

  @Field(() => String, { description: 'RSIN: de bronorganisatie van haar zaken.' })
  rsin!: string;

  @Field(() => String, { description: 'OIN: de afzender van haar berichten in de Berichtenbox.' })
  oin!: string;
}

@ObjectType({ description: 'Eén regel van de overlapkaart: wie beheert een soort gegeven en wie stuurt berichten.' })
export class OverlapRegel {
  @Field(() => String, {
    description:
      'Soort gegeven, als vaste code: "persoonsgegevens", "zaken", "zaken/<groep>", "lopende-zaken", "berichten" of "berichten/<berichttype>".',
  })
  soort!: string;

  @Field(() => OverlapCategorie)
  categorie!: OverlapCategorie;

  @Field(() => String, {
    description: 'Soort gegeven in woorden, bijvoorbeeld "Zaken die de gemeente ook in MijnOverheid zet".',
  })
  naam!: string;

  @Field(() => [String], {
    description: 'Bij zaken: de zaaktypen (identificatie in de catalogus) waarvoor de regel geldt.',
  })
  zaaktypen!: string[];

  @Field(() => OverlapAfzender, {
    nullable: true,
    description: 'Bij berichten: van welke afzender; leeg is elke afzender.',
  })
  afzender!: OverlapAfzender | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Bij berichten: of het bericht bij een zaak hoort; leeg is allebei.',
  })
  overZaak!: boolean | null;

  @Field(() => String, { description: 'Het bronsysteem.' })
  bron!: string;

  @Field(() => PortaalNaam, { description: 'Het portaal waar de inwoner dit beheert.' })
  eigenaar!: PortaalNaam;

  @Field(() => [PortaalNaam], { description: 'Andere portalen die dit ook laten zien.' })
  ookZichtbaarIn!: PortaalNaam[];

  @Field(() => [PortaalNaam], { description: 'Welke portalen de inwoner hierover berichten sturen.' })
  meldingenDoor!: PortaalNaam[];

  @Field(() => String, { nullable: true, description: 'De pagina in het portaal dat dit beheert.' })
  url!: string | null;

  @Field(() => String, { description: 'Uitleg voor inwoners in gewone taal.' })
  uitleg!: string;
}

@ObjectType({ description: 'De overlapkaart: welk portaal welke gegevens beheert. Openbaar, voor architecten.' })
export class OverlapKaart {
  @Field(() => Int, { description: 'Versie van het formaat.' })
  versie!: number;

  @Field(() => String, { description: 'Naam van de gemeente.' })
  gemeente!: string;

  @Field(() => String, { description: 'Adres van de Mijn-Omgeving van de gemeente.' })
  portaalUrl!: string;

  @Field(() => [OverlapOrganisatie], { description: 'De organisaties van deze gemeente.' })
  organisaties!: OverlapOrganisatie[];

  @Field(() => [OverlapRegel], { description: 'Alle regels, in de volgorde van het bestand.' })
  regels!: OverlapRegel[];

  @Field(() => [String], {
    description:
      'Zaaktypen die MijnOverheid ook laat zien (Lopende zaken). Voor meldingen: MijnOverheid meldt die zelf.',
  })
  zaaktypenInMijnOverheid!: string[];

  @Field(() => String, {
    nullable: true,
    description: 'Hoe zaaknummers van deze gemeente eruitzien (reguliere expressie).',
  })
  zaaknummerPatroon!: string | null;

  @Field(() => String, { description: 'De kaart als diagram in Mermaid-notatie, zoals in docs/overlap.md.' })
  mermaid!: string;
}
