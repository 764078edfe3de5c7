import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ContactSoort {
  EMAIL = 'EMAIL',
  TELEFOON = 'TELEFOON',
}
registerEnumType(ContactSoort, {
  name: 'ContactSoort',
  description: 'Een e-mailadres of een mobiel telefoonnummer.',
  valuesConfig: {
    EMAIL: { description: 'Een e-mailadres.' },
    TELEFOON: { description: 'Een mobiel telefoonnummer (voor sms).' },
  },
});

@ObjectType({ description: 'De code die we stuurden om een adres of nummer te bevestigen.' })
export class Verificatie {
  @Field(() => Date, { description: 'Tot wanneer de code geldig is.' })
  verlooptOp!: Date;

  @Field(() => Boolean, { description: 'Waar als de code niet meer geldig is: vraag dan een nieuwe aan.' })
  verlopen!: boolean;

  @Field(() => Int, { description: 'Hoe vaak u de code nog kunt proberen.' })
  pogingenOver!: number;
}

@ObjectType({ description: 'Een e-mailadres of mobiel nummer waarop u meldingen kunt krijgen.' })
export class Contactgegeven {
  @Field(() => ID)
  id!: string;

  @Field(() => ContactSoort)
  soort!: ContactSoort;

  @Field(() => String, { description: 'Het e-mailadres, of het nummer in internationale vorm (+316…).' })
  waarde!: string;

  @Field(() => Boolean, { description: 'Waar als we meldingen naar dit adres of nummer sturen (één per soort).' })
  standaard!: boolean;

  @Field(() => Boolean, {
    description: 'Waar als u het hebt bevestigd met de code. Naar een onbevestigd adres sturen we nooit meldingen.',
  })
  geverifieerd!: boolean;

  @Field(() => Date, { nullable: true })
  geverifieerdOp!: Date | null;

  @Field(() => Boolean, { description: 'Waar als ons bericht niet aankwam: het adres of nummer werkt niet.' })
  onbestelbaar!: boolean;

  @Field(() => String, { nullable: true, description: 'Wat u nog moet doen of wat er mis is, in gewone taal.' })
  melding!: string | null;

  @Field(() => Date)
  toegevoegdOp!: Date;

  @Field(() => Verificatie, { nullable: true, description: 'De code die op bevestiging wacht, als die er is.' })
  verificatie!: Verificatie | null;
}

@InputType({ description: 'Een nieuw e-mailadres of mobiel nummer. U krijgt een code om het te bevestigen.' })
export class VoegContactgegevenToeInput {
  @Field(() => ContactSoort)
  soort!: ContactSoort;

  @Field(() => String, { description: 'Het e-mailadres of mobiele nummer, zoals u het schrijft.' })
  waarde!: string;
}

@InputType({ description: 'De code die u kreeg, om een adres of nummer te bevestigen.' })
export class VerifieerContactgegevenInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'De code van 6 cijfers.' })
  code!: string;
}
