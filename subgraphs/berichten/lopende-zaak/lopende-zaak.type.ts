import { Field, ObjectType } from 'type-graphql';
import { Portaal, PortaalItem } from '../../../lib/graphql/index.js';

@ObjectType({ description: 'Een stap in de behandeling van een zaak, zoals MijnOverheid die laat zien.' })
export class LopendeZaakStatus {
  @Field(() => String, { description: 'Wat er gebeurde, in de woorden van de organisatie.' })
  statustekst!: string;

  @Field(() => Date)
  datum!: Date;
}

@ObjectType({
  implements: PortaalItem,
  description:
    'Een zaak van een andere organisatie (bijvoorbeeld UWV) die u in MijnOverheid ziet bij Lopende zaken. Zaken van deze gemeente staan bij zaken, niet hier.',
})
export class LopendeZaak implements PortaalItem {
  @Field(() => String, { description: 'RSIN van de organisatie die de zaak behandelt.' })
  bronorganisatie!: string;

  @Field(() => String, { description: 'Zaaknummer bij die organisatie.' })
  identificatie!: string;

  @Field(() => String, { description: 'Naam van de organisatie die de zaak behandelt.' })
  organisatie!: string;

  @Field(() => String, { description: 'Korte omschrijving van de zaak.' })
  omschrijving!: string;

  @Field(() => String, { description: 'Datum waarop de zaak is gestart (JJJJ-MM-DD).' })
  startdatum!: string;

  @Field(() => String, { nullable: true, description: 'Datum waarop de zaak is afgerond (JJJJ-MM-DD).' })
  einddatum!: string | null;

  @Field(() => Boolean)
  afgerond!: boolean;

  @Field(() => LopendeZaakStatus, { nullable: true, description: 'De laatste stap.' })
  status!: LopendeZaakStatus | null;

  @Field(() => [LopendeZaakStatus], { description: 'Alle stappen, oudste eerst.' })
  statussen!: LopendeZaakStatus[];

  @Field(() => String, { description: 'Het dossier bij de organisatie zelf, in haar eigen portaal.' })
  dossierUrl!: string;

  @Field(() => Portaal, { description: 'MijnOverheid beheert dit; de link gaat naar Lopende zaken in MijnOverheid.' })
  portaal!: Portaal;
}
