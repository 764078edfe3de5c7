import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Kanaal, Onderwerp } from '../voorkeur/voorkeuren.type.js';

export enum MeldingStatus {
  GEPLAND = 'GEPLAND',
  VERSTUURD = 'VERSTUURD',
  AFGELEVERD = 'AFGELEVERD',
  NIET_AFGELEVERD = 'NIET_AFGELEVERD',
  MISLUKT = 'MISLUKT',
  NIET_VERSTUURD = 'NIET_VERSTUURD',
}
registerEnumType(MeldingStatus, {
  name: 'MeldingStatus',
  description: 'Wat er met een melding gebeurde.',
  valuesConfig: {
    GEPLAND: { description: 'Wij gaan het bericht zo versturen.' },
    VERSTUURD: { description: 'Wij hebben het bericht verstuurd.' },
    AFGELEVERD: { description: 'Het bericht is aangekomen.' },
    NIET_AFGELEVERD: { description: 'Het bericht kon niet worden afgeleverd.' },
    MISLUKT: { description: 'Het versturen is niet gelukt.' },
    NIET_VERSTUURD: { description: 'Wij hebben bewust geen bericht gestuurd. In `reden` staat waarom.' },
  },
});

export enum MeldingReden {
  STATUS_NIET_INFORMEREN = 'STATUS_NIET_INFORMEREN',
  KANAAL_UIT = 'KANAAL_UIT',
  MIJN_OVERHEID_MELDT = 'MIJN_OVERHEID_MELDT',
  GEEN_BRUIKBAAR_CONTACT = 'GEEN_BRUIKBAAR_CONTACT',
}
registerEnumType(MeldingReden, {
  name: 'MeldingReden',
  description: 'Waarom wij geen bericht stuurden.',
  valuesConfig: {
    STATUS_NIET_INFORMEREN: { description: 'Bij deze stap van de zaak sturen wij geen bericht.' },
    KANAAL_UIT: { description: 'U heeft niet gekozen voor berichten via dit kanaal.' },
    MIJN_OVERHEID_MELDT: { description: 'MijnOverheid heeft u hierover al een bericht gestuurd.' },
    GEEN_BRUIKBAAR_CONTACT: { description: 'Er is geen gecontroleerd e-mailadres of telefoonnummer.' },
  },
});

@ObjectType({ description: 'Een bericht over een stap in uw zaak: verstuurd, of bewust niet verstuurd.' })
export class Melding {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Het zaaknummer.' })
  zaakIdentificatie!: string;

  @Field(() => String, { nullable: true, description: 'De code (identificatie) van het zaaktype.' })
  zaaktype!: string | null;

  @Field(() => Onderwerp)
  onderwerp!: Onderwerp;

  @Field(() => Kanaal)
  kanaal!: Kanaal;

  @Field(() => Date, { description: 'Wanneer wij besloten dit bericht wel of niet te sturen.' })
  beslotenOp!: Date;

  @Field(() => MeldingStatus)
  status!: MeldingStatus;

  @Field(() => Date, { nullable: true, description: 'Wanneer het bericht is verstuurd.' })
  verstuurdOp!: Date | null;

  @Field(() => MeldingReden, { nullable: true, description: 'Waarom er geen bericht is gestuurd.' })
  redenCode!: MeldingReden | null;

  @Field(() => String, { nullable: true, description: 'Waarom er geen bericht is gestuurd, in gewone taal.' })
  reden!: string | null;
}
