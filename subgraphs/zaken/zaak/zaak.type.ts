import { Directive, Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BronStatus, Portaal, PortaalItem } from '../../../lib/graphql/index.js';
import type { ZgwZaak } from '../../../lib/zgw/types.js';

export enum ZaakStatusFilter {
  OPEN = 'OPEN',
  AFGEROND = 'AFGEROND',
  ALLE = 'ALLE',
}
registerEnumType(ZaakStatusFilter, {
  name: 'ZaakStatusFilter',
  description: 'Welke zaken u wilt zien: lopende, afgeronde of alle.',
  valuesConfig: {
    OPEN: { description: 'Zaken die nog lopen.' },
    AFGEROND: { description: 'Zaken die klaar zijn.' },
    ALLE: { description: 'Alle zaken.' },
  },
});

export enum ZaakStapStand {
  GEDAAN = 'GEDAAN',
  HUIDIG = 'HUIDIG',
  KOMT_NOG = 'KOMT_NOG',
}
registerEnumType(ZaakStapStand, {
  name: 'ZaakStapStand',
  description: 'Hoe ver een stap in de behandeling is.',
  valuesConfig: {
    GEDAAN: { description: 'Deze stap is klaar. Bij een afgeronde zaak zijn alle bereikte stappen klaar.' },
    HUIDIG: { description: 'Hier is de zaak nu.' },
    KOMT_NOG: { description: 'Deze stap komt nog.' },
  },
});

@InputType({ description: 'Welke zaken u wilt zien. Alle velden mogen leeg blijven.' })
export class ZaakFilter {
  @Field(() => ZaakStatusFilter, { defaultValue: ZaakStatusFilter.ALLE, description: 'Lopend, afgerond of alles.' })
  status!: ZaakStatusFilter;

  @Field(() => String, {
    nullable: true,
    description: 'Alleen zaken die op of na deze datum zijn gestart (JJJJ-MM-DD).',
  })
  startdatumVanaf?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Alleen zaken die op of voor deze datum zijn gestart (JJJJ-MM-DD).',
  })
  startdatumTotEnMet?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Alleen de zaak met dit zaaknummer, bijvoorbeeld "ZAAK-2026-0000000101". Zo vindt u één zaak, hoe oud die ook is.',
  })
  identificatie?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Alleen zaken van deze organisatie: het RSIN (9 cijfers) uit het veld bronorganisatie van de zaak. Samen met identificatie wijst dit precies één zaak aan.',
  })
  bronorganisatie?: string | null;
}

@ObjectType({ description: 'De soort zaak, zoals de gemeente die in haar catalogus beschrijft.' })
export class Zaaktype {
  @Field(() => String, { description: 'Code van de soort zaak in de catalogus van de gemeente.' })
  identificatie!: string;

  @Field(() => String, { description: 'Naam van de soort zaak, bijvoorbeeld "Aanvraag parkeervergunning".' })
  omschrijving!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Uitleg in gewone taal over deze soort zaak, als de gemeente die geeft.',
  })
  uitleg!: string | null;
}

@ObjectType({ description: 'De huidige status van een zaak.' })
export class ZaakStatus {
  @Field(() => String, { description: 'Wat de status betekent, in gewone taal.' })
  statustekst!: string;

  @Field(() => String, { description: 'Korte naam van de status, bijvoorbeeld "In behandeling".' })
  omschrijving!: string;

  @Field(() => Date, { nullable: true, description: 'Sinds wanneer de zaak deze status heeft.' })
  datum!: Date | null;

  @Field(() => Int, { nullable: true, description: 'Stap in de behandeling (1 is de eerste).' })
  volgnummer!: number | null;

  @Field(() => Boolean, { description: 'Of dit de laatste stap is.' })
  eindstatus!: boolean;
}

@ObjectType({ description: 'De uitkomst van een afgeronde zaak.' })
export class ZaakResultaat {
  @Field(() => String, { description: 'De uitkomst, bijvoorbeeld "Verleend" of "Afgewezen".' })
  omschrijving!: string;
}

@ObjectType({ description: 'Een stap in de behandeling van een zaak.' })
export class ZaakStap {
  @Field(() => Int, { description: 'Plaats van de stap (1 is de eerste).' })
  volgnummer!: number;

  @Field(() => String, { description: 'Naam van de stap, bijvoorbeeld "In behandeling".' })
  omschrijving!: string;

  @Field(() => ZaakStapStand)
  stand!: ZaakStapStand;

  @Field(() => Boolean, { description: 'Of dit de laatste stap is.' })
  eindstatus!: boolean;
}

@ObjectType({ description: 'Een document bij een zaak dat u mag inzien.' })
export class ZaakDocument {
  @Field(() => String)
  titel!: string;

  @Field(() => String, { description: 'Datum van het document (JJJJ-MM-DD).' })
  datum!: string;

  @Field(() => String, { nullable: true, description: 'Soort bestand (media type), bijvoorbeeld "application/pdf".' })
  formaat!: string | null;

  @Field(() => String, { nullable: true, description: 'Naam van het bestand, bijvoorbeeld "besluit.pdf".' })
  bestandsnaam!: string | null;

  @Field(() => Int, { nullable: true, description: 'Grootte van het bestand in bytes.' })
  grootte!: number | null;

  @Field(() => String, {
    description:
      'Adres waar het portaal het bestand ophaalt. De link werkt korte tijd (zie linkGeldigTot) en alleen voor dit document.',
  })
  link!: string;

  @Field(() => Date, { description: 'Tot wanneer de link werkt.' })
  linkGeldigTot!: Date;
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

  @Field(() => Zaaktype, { nullable: true, description: 'Soort zaak, met uitleg als de gemeente die geeft.' })
  zaaktype!: Zaaktype | null;

  @Field(() => String, { description: 'Datum waarop de zaak is gestart (JJJJ-MM-DD).' })
  startdatum!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Wanneer de gemeente verwacht klaar te zijn (JJJJ-MM-DD).',
  })
  einddatumGepland!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Uiterlijke datum waarop de gemeente moet beslissen, volgens de wet (JJJJ-MM-DD).',
  })
  uiterlijkeEinddatumAfdoening!: string | null;

  @Field(() => String, { nullable: true, description: 'Datum waarop de zaak is afgerond (JJJJ-MM-DD).' })
  einddatum!: string | null;

  @Field(() => Boolean, { description: 'Of de zaak klaar is.' })
  afgerond!: boolean;

  @Field(() => ZaakStatus, { nullable: true })
  status!: ZaakStatus | null;

  @Field(() => Portaal)
  portaal!: Portaal;

  @Field(() => String, { description: 'Het zaaksysteem waar de zaak vandaan komt.' })
  bron!: string;

  /** The zaak as the source sent it (with `_expand`), for the field resolvers; not in the schema. */
  zgw!: ZgwZaak;

  /** Index of the source in the context's `bronnen`; not in the schema. */
  bronIndex!: number;
}

@ObjectType({ description: 'Uw zaken bij de gemeente, uit alle zaaksystemen.' })
export class Zaken {
  @Field(() => BronStatus, { description: 'Samenvatting: kwamen alle zaaksystemen door?' })
  bron!: BronStatus;

  @Field(() => [BronStatus], { description: 'De status per zaaksysteem.' })
  bronnen!: BronStatus[];

  @Field(() => [Zaak], { description: 'Deze pagina, nieuwste eerst (op startdatum).' })
  items!: Zaak[];

  @Field(() => Int, { description: 'Aantal zaken dat bij het filter past, op alle pagina’s samen.' })
  totaal!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Geef deze waarde mee als "na" voor de volgende pagina. Leeg als dit de laatste pagina is.',
  })
  volgende!: string | null;
}
