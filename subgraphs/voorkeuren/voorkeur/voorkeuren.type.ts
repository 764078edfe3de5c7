import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { BronStatus } from '../../../lib/graphql/index.js';

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

@ObjectType({ description: 'Of u via dit kanaal meldingen wilt krijgen.' })
export class KanaalVoorkeur {
  @Field(() => Kanaal)
  kanaal!: Kanaal;

  @Field(() => Boolean)
  aan!: boolean;
}

@ObjectType({ description: 'Uw voorkeuren: hoe en in welke taal u meldingen krijgt.' })
export class Voorkeuren {
  @Field(() => BronStatus)
  bron!: BronStatus;

  @Field(() => Taal)
  taal!: Taal;

  @Field(() => Boolean, { description: 'U wilt geen post op papier als het ook digitaal kan.' })
  alleenDigitaal!: boolean;

  @Field(() => [KanaalVoorkeur], { description: 'Per kanaal: aan of uit. Altijd in dezelfde volgorde.' })
  kanalen!: KanaalVoorkeur[];

  @Field(() => Boolean, { description: 'Onwaar zolang u nog niets hebt gekozen (u ziet dan de standaard).' })
  zelfGekozen!: boolean;

  @Field(() => Date, { nullable: true })
  gewijzigdOp!: Date | null;
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

@InputType()
export class KanaalVoorkeurInput {
  @Field(() => Kanaal)
  kanaal!: Kanaal;

  @Field(() => Boolean)
  aan!: boolean;
}
