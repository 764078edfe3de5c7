import { Directive, Field, ObjectType } from 'type-graphql';
import { LopendeZaakStatus } from '../lopende-zaak/lopende-zaak.type.js';

/**
 * The zaken subgraph owns `Zaak`; this subgraph only adds what MijnOverheid knows about it
 * (`inMijnOverheid`, `berichten`). A stub with the key fields: for a zaak detail page, at the cost
 * of a second stage, so the front page (MijnOverzicht) does not select these fields.
 */
@ObjectType('Zaak')
@Directive('@key(fields: "bronorganisatie identificatie")')
export class BerichtenZaak {
  @Field(() => String)
  bronorganisatie!: string;

  @Field(() => String)
  identificatie!: string;
}

@ObjectType({
  description: 'Wat MijnOverheid bij Lopende zaken over deze zaak laat zien. De gemeente zette de zaak daar zelf neer.',
})
export class ZaakInMijnOverheid {
  @Field(() => String, { description: 'De omschrijving zoals MijnOverheid die toont.' })
  omschrijving!: string;

  @Field(() => String, { description: 'De organisatie zoals MijnOverheid die noemt.' })
  organisatie!: string;

  @Field(() => LopendeZaakStatus, { nullable: true, description: 'De laatste stap die MijnOverheid toont.' })
  status!: LopendeZaakStatus | null;

  @Field(() => [LopendeZaakStatus], { description: 'De stappen die MijnOverheid toont, oudste eerst.' })
  statussen!: LopendeZaakStatus[];

  @Field(() => String, { description: 'Lopende zaken in MijnOverheid.' })
  url!: string;

  @Field(() => String, { description: 'Het dossier waar MijnOverheid naar verwijst.' })
  dossierUrl!: string;
}
