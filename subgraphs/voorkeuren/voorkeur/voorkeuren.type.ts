import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { BronStatus } from '../../../lib/graphql/index.js';
import { Contactgegeven } from '../contactgegeven/contactgegeven.type.js';

export enum Kanaal {
  EMAIL = 'EMAIL',
  SMS = 'SMS',
  MIJN_OVERHEID = 'MIJN_OVERHEID',
}
registerEnumType(Kanaal, {
  name: 'Kanaal',
  description: 'Hoe u een melding over uw zaken krijgt.',
  valuesConfig: {
    EMAIL: { description: 'Een e-mail van de gemeente.' },
    SMS: { description: 'Een sms van de gemeente.' },
    MIJN_OVERHEID: { description: 'MijnOverheid laat het u weten; de gemeente stuurt dan niets extra.' },
  },
});

export enum Taal {
  NL = 'nl',
  EN = 'en',
}
registerEnumType(Taal, { name: 'Taal', description: 'De taal van meldingen.' });

export enum Onderwerp {
  ZAAK_ONTVANGEN = 'ZAAK_ONTVANGEN',
  ZAAK_STATUS = 'ZAAK_STATUS',
  ZAAK_AFGEROND = 'ZAAK_AFGEROND',
}
registerEnumType(Onderwerp, {
  name: 'Onderwerp',
  description: 'Waar een melding over gaat.',
  valuesConfig: {
    ZAAK_ONTVANGEN: { description: 'De gemeente heeft uw aanvraag of melding ontvangen.' },
    ZAAK_STATUS: { description: 'Uw zaak is een stap verder.' },
    ZAAK_AFGEROND: { description: 'Uw zaak is afgerond.' },
  },
});

@ObjectType({
  description: 'Een uitzondering op een kanaal: voor één onderwerp of één zaaktype wilt u het anders dan voor de rest.',
})
export class Uitzondering {
  @Field(() => Onderwerp, { nullable: true, description: 'Het onderwerp, als de uitzondering daarvoor geldt.' })
  onderwerp!: Onderwerp | null;

  @Field(() => String, {
    nullable: true,
    description: 'De code (identificatie) van het zaaktype, als de uitzondering daarvoor geldt.',
  })
  zaaktype!: string | null;

  @Field(() => Boolean, { description: 'Waar: wel melden via dit kanaal. Onwaar: niet melden.' })
  aan!: boolean;
}

@ObjectType({ description: 'Of u via dit kanaal meldingen wilt krijgen.' })
export class KanaalVoorkeur {
  @Field(() => Kanaal)
  kanaal!: Kanaal;

  @Field(() => Boolean)
  aan!: boolean;

  @Field(() => [Uitzondering], { description: 'Onderwerpen of zaaktypen waarvoor u het anders wilt.' })
  uitzonderingen!: Uitzondering[];

  @Field(() => String, {
    nullable: true,
    description:
      'Uitleg als dit kanaal aan staat maar wij er nu niets via kunnen sturen, bijvoorbeeld zonder bevestigd adres.',
  })
  melding!: string | null;
}

@ObjectType({ description: 'Een wijziging van uw voorkeuren of contactgegevens.' })
export class VoorkeurWijziging {
  @Field(() => Date)
  op!: Date;

  @Field(() => Boolean, { description: 'Waar als de gemeente dit veranderde (bijvoorbeeld een adres dat niet werkt).' })
  doorGemeente!: boolean;

  @Field(() => [String], { description: 'Wat er veranderde, in gewone taal.' })
  wijzigingen!: string[];
}

@ObjectType({ description: 'Uw voorkeuren: hoe en in welke taal u meldingen krijgt, en uw contactgegevens.' })
export class Voorkeuren {
  /** Whose preferences these are, for the `historie` field; not part of the schema. */
  gebruikerId!: string;

  @Field(() => BronStatus)
  bron!: BronStatus;

  @Field(() => Taal, { description: 'De taal van e-mails en sms-berichten.' })
  taal!: Taal;

  @Field(() => Boolean, { description: 'U wilt geen post op papier als het ook digitaal kan.' })
  alleenDigitaal!: boolean;

  @Field(() => [KanaalVoorkeur], { description: 'Per kanaal: aan of uit. Altijd in dezelfde volgorde.' })
  kanalen!: KanaalVoorkeur[];

  @Field(() => [Contactgegeven], {
    description:
      'Uw e-mailadressen en mobiele nummers: eerst e-mail, dan telefoon; per soort eerst het adres dat we gebruiken.',
  })
  contactgegevens!: Contactgegeven[];

  @Field(() => Boolean, { description: 'Onwaar zolang u nog niets hebt gekozen (u ziet dan de standaard).' })
  zelfGekozen!: boolean;

  @Field(() => Date, { nullable: true })
  gewijzigdOp!: Date | null;
}

@InputType({ description: 'Een uitzondering: geef een onderwerp óf een zaaktype.' })
export class UitzonderingInput {
  @Field(() => Onderwerp, { nullable: true })
  onderwerp?: Onderwerp | null;

  @Field(() => String, { nullable: true, description: 'De code (identificatie) van het zaaktype.' })
  zaaktype?: string | null;

  @Field(() => Boolean)
  aan!: boolean;
}

@InputType()
export class KanaalVoorkeurInput {
  @Field(() => Kanaal)
  kanaal!: Kanaal;

  @Field(() => Boolean)
  aan!: boolean;

  @Field(() => [UitzonderingInput], {
    nullable: true,
    description: 'De uitzonderingen voor dit kanaal; vervangt de vorige. Laat weg om ze te houden.',
  })
  uitzonderingen?: UitzonderingInput[] | null;
}

@InputType({ description: 'Wat u wilt wijzigen; wat u weglaat, blijft hetzelfde.' })
export class WijzigVoorkeurenInput {
  @Field(() => Taal, { nullable: true })
  taal?: Taal | null;

  @Field(() => Boolean, { nullable: true })
  alleenDigitaal?: boolean | null;

  @Field(() => [KanaalVoorkeurInput], { nullable: true })
  kanalen?: KanaalVoorkeurInput[] | null;
}

@ObjectType({ description: 'Het resultaat van een wijziging van een contactgegeven.' })
export class ContactgegevenResultaat {
  @Field(() => Contactgegeven, { nullable: true, description: 'Het contactgegeven; leeg na verwijderen.' })
  contactgegeven!: Contactgegeven | null;

  @Field(() => Voorkeuren, { description: 'Al uw voorkeuren en contactgegevens na de wijziging.' })
  voorkeuren!: Voorkeuren;
}
