import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

/**
 * Value types used by several parts of the persoonsgegevens: a BRP date, an investigation notice
 * and how to change a part.
 */

export enum DatumSoort {
  VOLLEDIG = 'VOLLEDIG',
  JAAR_MAAND = 'JAAR_MAAND',
  JAAR = 'JAAR',
  ONBEKEND = 'ONBEKEND',
}
registerEnumType(DatumSoort, {
  name: 'DatumSoort',
  description: 'Hoeveel de BRP van een datum weet.',
  valuesConfig: {
    VOLLEDIG: { description: 'Dag, maand en jaar zijn bekend.' },
    JAAR_MAAND: { description: 'Alleen maand en jaar zijn bekend.' },
    JAAR: { description: 'Alleen het jaar is bekend.' },
    ONBEKEND: { description: 'De datum is niet bekend.' },
  },
});

@ObjectType({
  description:
    'Een datum uit de BRP. Soms kent de BRP alleen het jaar, of het jaar en de maand. Toon `langFormaat` aan de inwoner.',
})
export class BrpDatum {
  @Field(() => DatumSoort)
  soort!: DatumSoort;

  @Field(() => String, { nullable: true, description: 'De datum als JJJJ-MM-DD. Alleen als de datum VOLLEDIG is.' })
  datum!: string | null;

  @Field(() => Int, { nullable: true, description: 'Het jaar, als dat bekend is.' })
  jaar!: number | null;

  @Field(() => Int, { nullable: true, description: 'De maand (1 tot en met 12), als die bekend is.' })
  maand!: number | null;

  @Field(() => String, {
    description: 'De datum in woorden, bijvoorbeeld "1 december 1985", "december 1985", "1985" of "onbekend".',
  })
  langFormaat!: string;
}

@ObjectType({
  description:
    'De gemeente onderzoekt of een gegeven klopt. Toon de melding bij het onderdeel. Het gegeven kan daarna nog veranderen.',
})
export class InOnderzoek {
  @Field(() => String, { description: 'Bijvoorbeeld "De gemeente onderzoekt of dit gegeven klopt."' })
  melding!: string;

  @Field(() => [String], {
    description: 'De velden van dit onderdeel die worden onderzocht, bijvoorbeeld ["datum"]. Kan leeg zijn.',
  })
  velden!: string[];

  @Field(() => BrpDatum, { nullable: true, description: 'Sinds wanneer het onderzoek loopt.' })
  sinds!: BrpDatum | null;
}

export enum WijzigManier {
  VERHUIZING_DOORGEVEN = 'VERHUIZING_DOORGEVEN',
  CORRECTIE_VRAGEN = 'CORRECTIE_VRAGEN',
}
registerEnumType(WijzigManier, {
  name: 'WijzigManier',
  description: 'Hoe u een gegeven uit de BRP laat aanpassen. U kunt de BRP hier niet zelf wijzigen.',
  valuesConfig: {
    VERHUIZING_DOORGEVEN: { description: 'Geef uw verhuizing door aan de gemeente.' },
    CORRECTIE_VRAGEN: { description: 'Vraag de gemeente om een fout te verbeteren.' },
  },
});

@ObjectType({
  description: 'Waar en hoe u een onderdeel van uw persoonsgegevens laat aanpassen. De gemeente past de BRP aan.',
})
export class WijzigInstructie {
  @Field(() => WijzigManier)
  manier!: WijzigManier;

  @Field(() => String, { description: 'Uitleg in gewone taal: wat u moet doen.' })
  uitleg!: string;

  @Field(() => String, { nullable: true, description: 'De pagina van de gemeente waar u dit regelt, als die er is.' })
  url!: string | null;
}
