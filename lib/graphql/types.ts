// type-graphql reads decorator metadata through the Reflect API polyfill; load it before any decorator runs.
import 'reflect-metadata';
import { Directive, Field, ID, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import type { GebruikerSoort, Middel, Niveau } from '../identity/index.js';

/**
 * GraphQL types every subgraph declares identically. They are value types (`@shareable`), so
 * the composed supergraph has one definition and any subgraph can return them.
 */

export enum BronStatusCode {
  OK = 'OK',
  ONVOLLEDIG = 'ONVOLLEDIG',
  NIET_BESCHIKBAAR = 'NIET_BESCHIKBAAR',
  NIET_GEVONDEN = 'NIET_GEVONDEN',
  NIET_VAN_TOEPASSING = 'NIET_VAN_TOEPASSING',
}
registerEnumType(BronStatusCode, {
  name: 'BronStatusCode',
  description: 'Of de gegevens van een bron volledig zijn opgehaald.',
  valuesConfig: {
    OK: { description: 'Alles is opgehaald.' },
    ONVOLLEDIG: { description: 'Een deel is opgehaald; een van de bronnen gaf geen antwoord.' },
    NIET_BESCHIKBAAR: { description: 'De bron gaf geen antwoord; er zijn geen gegevens.' },
    NIET_GEVONDEN: {
      description:
        'De bron gaf antwoord, maar kent u niet (bijvoorbeeld: uw BSN staat niet in de BRP). Opnieuw proberen helpt niet.',
    },
    NIET_VAN_TOEPASSING: { description: 'Deze gegevens horen niet bij deze manier van inloggen.' },
  },
});

export enum PortaalNaam {
  GEMEENTE = 'GEMEENTE',
  MIJN_OVERHEID = 'MIJN_OVERHEID',
}
registerEnumType(PortaalNaam, {
  name: 'PortaalNaam',
  description: 'Een portaal waar een inwoner of ondernemer gegevens kan zien.',
  valuesConfig: {
    GEMEENTE: { description: 'De Mijn-Omgeving van de gemeente.' },
    MIJN_OVERHEID: { description: 'MijnOverheid (Berichtenbox, Lopende zaken, Persoonlijke gegevens).' },
  },
});

export enum GebruikerSoortEnum {
  INWONER = 'INWONER',
  ONDERNEMER = 'ONDERNEMER',
}
registerEnumType(GebruikerSoortEnum, {
  name: 'GebruikerSoort',
  description: 'Inwoner (DigiD) of ondernemer (eHerkenning).',
});

export enum MiddelEnum {
  DIGID = 'DIGID',
  EHERKENNING = 'EHERKENNING',
}
registerEnumType(MiddelEnum, { name: 'Inlogmiddel', description: 'Waarmee de gebruiker is ingelogd.' });

export enum NiveauEnum {
  BASIS = 'BASIS',
  MIDDEN = 'MIDDEN',
  SUBSTANTIEEL = 'SUBSTANTIEEL',
  HOOG = 'HOOG',
}
registerEnumType(NiveauEnum, {
  name: 'Betrouwbaarheidsniveau',
  description: 'Betrouwbaarheidsniveau van de inlog, van laag naar hoog (eIDAS).',
});

@ObjectType({ description: 'Hoe het ophalen bij een bron ging.' })
@Directive('@shareable')
export class BronStatus {
  @Field(() => String, { description: 'Naam van de bron, bijvoorbeeld "BRP".' })
  naam!: string;

  @Field(() => BronStatusCode)
  status!: BronStatusCode;

  @Field(() => String, {
    nullable: true,
    description: 'Uitleg voor de inwoner in gewone taal, als niet alles goed ging.',
  })
  melding!: string | null;

  @Field(() => Date, { nullable: true, description: 'Wanneer de gegevens bij de bron zijn opgehaald.' })
  opgehaaldOp!: Date | null;
}

@ObjectType({ description: 'Welk portaal een gegeven beheert en waar het nog meer te zien is.' })
@Directive('@shareable')
export class Portaal {
  @Field(() => PortaalNaam, { description: 'Het portaal dat dit gegeven beheert: daar kunt u er iets mee doen.' })
  eigenaar!: PortaalNaam;

  @Field(() => [PortaalNaam], { description: 'Andere portalen waar u dit ook ziet.' })
  ookZichtbaarIn!: PortaalNaam[];

  @Field(() => String, { nullable: true, description: 'Adres van de pagina in het beherende portaal.' })
  url!: string | null;

  @Field(() => String, { description: 'Uitleg in gewone taal: waar u dit beheert en wie u berichten stuurt.' })
  uitleg!: string;
}

@InterfaceType({ description: 'Een gegeven dat bij een portaal hoort.' })
export abstract class PortaalItem {
  @Field(() => Portaal)
  portaal!: Portaal;
}

export enum MachtigingSoortEnum {
  DIGID_MACHTIGEN = 'DIGID_MACHTIGEN',
  EHERKENNING_KETENMACHTIGING = 'EHERKENNING_KETENMACHTIGING',
}
registerEnumType(MachtigingSoortEnum, {
  name: 'MachtigingSoort',
  description: 'Hoe iemand namens een ander is ingelogd.',
  valuesConfig: {
    DIGID_MACHTIGEN: { description: 'Een inwoner handelt namens een andere inwoner (DigiD Machtigen).' },
    EHERKENNING_KETENMACHTIGING: {
      description: 'Een organisatie, zoals een administratiekantoor, handelt namens een bedrijf (eHerkenning).',
    },
  },
});

@ObjectType({ description: 'Wie namens een ander handelt.' })
@Directive('@shareable')
export class Vertegenwoordiger {
  @Field(() => GebruikerSoortEnum, { description: 'Een inwoner (DigiD) of een organisatie (eHerkenning).' })
  soort!: GebruikerSoort;

  @Field(() => String, {
    nullable: true,
    description: 'Het KVK-nummer van de organisatie die namens u handelt. Leeg bij een inwoner.',
  })
  kvkNummer!: string | null;
}

@ObjectType({
  description:
    'U bent namens iemand anders ingelogd. Alle gegevens zijn dan van die persoon of dat bedrijf, en alleen de gegevens waarvoor de machtiging geldt.',
})
@Directive('@shareable')
export class Namens {
  @Field(() => MachtigingSoortEnum)
  soort!: MachtigingSoortEnum;

  @Field(() => String, { description: 'De dienst waarvoor de machtiging is gegeven.' })
  dienst!: string;

  @Field(() => Vertegenwoordiger, { description: 'Wie namens de ander handelt.' })
  vertegenwoordiger!: Vertegenwoordiger;

  @Field(() => [String], {
    description:
      'De onderdelen waarvoor de machtiging geldt: brp (persoonsgegevens), zaken, berichten, voorkeuren. Andere onderdelen zijn leeg, met de fout FORBIDDEN.',
  })
  bronnen!: string[];
}

@ObjectType({ description: 'Hoe de gebruiker is ingelogd.' })
@Directive('@shareable')
export class Authenticatie {
  @Field(() => MiddelEnum)
  middel!: Middel;

  @Field(() => NiveauEnum)
  niveau!: Niveau;

  @Field(() => Namens, {
    nullable: true,
    description: 'Ingevuld als u namens iemand anders bent ingelogd (machtiging). Leeg als u voor uzelf inlogt.',
  })
  namens!: Namens | null;
}

/**
 * The fields of `Gebruiker` every subgraph shares. Each subgraph declares its own
 * `@ObjectType('Gebruiker')` subclass with its section: type-graphql keeps field resolvers in one
 * global store, so a shared class would carry every subgraph's fields into every schema.
 * This base is registered under another name only so that its fields are inherited; no
 * schema reaches it directly.
 */
@ObjectType('GebruikerBasis')
export abstract class Gebruiker {
  @Field(() => ID, { description: 'Vaste, niet te herleiden code voor deze gebruiker. Nooit het BSN.' })
  id!: string;

  @Field(() => GebruikerSoortEnum)
  @Directive('@shareable')
  soort!: GebruikerSoort;

  @Field(() => Authenticatie)
  @Directive('@shareable')
  authenticatie!: Authenticatie;
}
