import type { GraphQLError } from 'graphql';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BronStatus, Portaal, PortaalItem } from '../../../lib/graphql/index.js';
import type { BrpPersoon } from '../upstream/brp-types.js';
import { BrpDatum, InOnderzoek, WijzigInstructie } from './waarden.type.js';

/*
 * The parts of `Persoonsgegevens`. Every data field is nullable: the BRP leaves out what it does
 * not have, and a part is null when the BRP could not answer (then with a coded error).
 */

export enum AdellijkeTitelSoort {
  TITEL = 'TITEL',
  PREDICAAT = 'PREDICAAT',
}
registerEnumType(AdellijkeTitelSoort, {
  name: 'AdellijkeTitelSoort',
  description: 'Een adellijke titel (zoals baron) of een predicaat (zoals jonkheer).',
});

@ObjectType({ description: 'Een adellijke titel of predicaat, zoals "baron" of "jonkheer".' })
export class AdellijkeTitel {
  @Field(() => String)
  omschrijving!: string;

  @Field(() => AdellijkeTitelSoort, { nullable: true })
  soort!: AdellijkeTitelSoort | null;
}

@ObjectType({ description: 'Naam zoals die in de BRP staat.' })
export class Naam {
  @Field(() => String, { nullable: true, description: 'Voornamen, voorvoegsel en achternaam samen.' })
  volledigeNaam!: string | null;

  @Field(() => String, { nullable: true })
  voornamen!: string | null;

  @Field(() => String, { nullable: true })
  voorletters!: string | null;

  @Field(() => String, { nullable: true, description: 'Bijvoorbeeld "van" of "de".' })
  voorvoegsel!: string | null;

  @Field(() => String, { nullable: true, description: 'Achternaam.' })
  geslachtsnaam!: string | null;

  @Field(() => AdellijkeTitel, { nullable: true })
  adellijkeTitel!: AdellijkeTitel | null;

  @Field(() => InOnderzoek, { nullable: true, description: 'Gevuld als de gemeente onderzoekt of uw naam klopt.' })
  inOnderzoek!: InOnderzoek | null;
}

@ObjectType({ description: 'Hoe u wordt aangeschreven, bijvoorbeeld boven een brief.' })
export class Aanschrijfwijze {
  @Field(() => String, { nullable: true, description: 'Bijvoorbeeld "S. Moulin".' })
  naam!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Regel boven de naam, alleen bij een adellijke titel of predicaat, zoals "De hoogwelgeboren heer".',
  })
  aanspreekvorm!: string | null;
}

@ObjectType({ description: 'Hoe de gemeente u aanschrijft: adresregels voor een envelop en de aanhef.' })
export class Adressering {
  @Field(() => String, { nullable: true, description: 'Straat en huisnummer.' })
  adresregel1!: string | null;

  @Field(() => String, { nullable: true, description: 'Postcode en woonplaats.' })
  adresregel2!: string | null;

  @Field(() => String, { nullable: true, description: 'Alleen bij een adres in het buitenland.' })
  adresregel3!: string | null;

  @Field(() => String, { nullable: true, description: 'Land, alleen bij een adres in het buitenland.' })
  land!: string | null;

  @Field(() => String, { nullable: true, description: 'Bijvoorbeeld "Geachte mevrouw Moulin".' })
  aanhef!: string | null;

  @Field(() => Aanschrijfwijze, { nullable: true })
  aanschrijfwijze!: Aanschrijfwijze | null;

  @Field(() => String, { nullable: true, description: 'Uw naam in een zin, bijvoorbeeld "mevrouw Moulin".' })
  gebruikInLopendeTekst!: string | null;

  @Field(() => InOnderzoek, { nullable: true })
  inOnderzoek!: InOnderzoek | null;
}

@ObjectType({ description: 'Uw geboorte.' })
export class Geboorte {
  @Field(() => BrpDatum, { nullable: true })
  datum!: BrpDatum | null;

  @Field(() => String, { nullable: true, description: 'Geboorteplaats.' })
  plaats!: string | null;

  @Field(() => String, { nullable: true, description: 'Geboorteland.' })
  land!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Uw leeftijd in jaren. Leeg als de BRP uw geboortedag niet precies kent.',
  })
  leeftijd!: number | null;

  @Field(() => InOnderzoek, { nullable: true })
  inOnderzoek!: InOnderzoek | null;
}

export enum VerblijfplaatsSoort {
  ADRES = 'ADRES',
  LOCATIE = 'LOCATIE',
  BUITENLAND = 'BUITENLAND',
  ONBEKEND = 'ONBEKEND',
}
registerEnumType(VerblijfplaatsSoort, {
  name: 'VerblijfplaatsSoort',
  description: 'Waar u volgens de BRP woont.',
  valuesConfig: {
    ADRES: { description: 'Een adres in Nederland.' },
    LOCATIE: { description: 'Een plek in Nederland zonder adres, zoals een woonboot of woonwagen.' },
    BUITENLAND: { description: 'Een adres in het buitenland.' },
    ONBEKEND: { description: 'De gemeente weet niet waar u woont.' },
  },
});

@ObjectType({ description: 'Waar u woont volgens de BRP.' })
export class Verblijfplaats {
  @Field(() => VerblijfplaatsSoort, { nullable: true })
  soort!: VerblijfplaatsSoort | null;

  @Field(() => String, { nullable: true })
  straat!: string | null;

  @Field(() => Int, { nullable: true })
  huisnummer!: number | null;

  @Field(() => String, { nullable: true })
  huisletter!: string | null;

  @Field(() => String, { nullable: true })
  huisnummertoevoeging!: string | null;

  @Field(() => String, { nullable: true, description: 'Bijvoorbeeld "tegenover" of "bij".' })
  aanduidingBijHuisnummer!: string | null;

  @Field(() => String, { nullable: true })
  postcode!: string | null;

  @Field(() => String, { nullable: true })
  woonplaats!: string | null;

  @Field(() => String, { nullable: true, description: 'Bij een plek zonder adres: waar die ligt.' })
  locatiebeschrijving!: string | null;

  @Field(() => [String], { nullable: true, description: 'Bij een adres in het buitenland: de adresregels.' })
  regels!: string[] | null;

  @Field(() => String, { nullable: true, description: 'Bij een adres in het buitenland: het land.' })
  land!: string | null;

  @Field(() => BrpDatum, { nullable: true, description: 'Sinds wanneer u hier woont.' })
  sinds!: BrpDatum | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Waar als de gemeente heeft vastgesteld dat u niet meer op dit adres woont.',
  })
  verblijftNietOpAdres!: boolean | null;

  @Field(() => InOnderzoek, { nullable: true })
  inOnderzoek!: InOnderzoek | null;
}

export enum BurgerlijkeStaatSoort {
  ONGEHUWD = 'ONGEHUWD',
  GEHUWD = 'GEHUWD',
  GEREGISTREERD_PARTNER = 'GEREGISTREERD_PARTNER',
  HUWELIJK_ONTBONDEN = 'HUWELIJK_ONTBONDEN',
  PARTNERSCHAP_ONTBONDEN = 'PARTNERSCHAP_ONTBONDEN',
  ONBEKEND = 'ONBEKEND',
}
registerEnumType(BurgerlijkeStaatSoort, {
  name: 'BurgerlijkeStaatSoort',
  description:
    'Uw burgerlijke staat, afgeleid van uw partners in de BRP. De BRP zegt niet of een huwelijk eindigde door scheiding of door overlijden: daarom HUWELIJK_ONTBONDEN en geen "gescheiden" of "weduwe".',
  valuesConfig: {
    ONGEHUWD: { description: 'Niet getrouwd en geen geregistreerd partner.' },
    GEHUWD: { description: 'Getrouwd.' },
    GEREGISTREERD_PARTNER: { description: 'Geregistreerd partnerschap.' },
    HUWELIJK_ONTBONDEN: { description: 'Het laatste huwelijk is beëindigd (scheiding of overlijden).' },
    PARTNERSCHAP_ONTBONDEN: { description: 'Het laatste geregistreerd partnerschap is beëindigd.' },
    ONBEKEND: { description: 'De soort verbintenis staat niet in de BRP.' },
  },
});

@ObjectType({ description: 'Uw burgerlijke staat: getrouwd, geregistreerd partner of niet.' })
export class BurgerlijkeStaat {
  @Field(() => BurgerlijkeStaatSoort)
  soort!: BurgerlijkeStaatSoort;

  @Field(() => String, { description: 'In gewone taal, bijvoorbeeld "Getrouwd".' })
  omschrijving!: string;

  @Field(() => BrpDatum, {
    nullable: true,
    description: 'Sinds wanneer: de datum van het huwelijk of partnerschap, of van het einde ervan.',
  })
  sinds!: BrpDatum | null;

  @Field(() => InOnderzoek, { nullable: true })
  inOnderzoek!: InOnderzoek | null;
}

@ObjectType({ description: 'De naam van uw partner, kind of ouder.' })
export class GerelateerdeNaam {
  @Field(() => String, { nullable: true, description: 'Voornamen, voorvoegsel en achternaam samen.' })
  volledigeNaam!: string | null;

  @Field(() => String, { nullable: true })
  voornamen!: string | null;

  @Field(() => String, { nullable: true })
  voorletters!: string | null;

  @Field(() => String, { nullable: true })
  voorvoegsel!: string | null;

  @Field(() => String, { nullable: true, description: 'Achternaam.' })
  geslachtsnaam!: string | null;

  @Field(() => AdellijkeTitel, { nullable: true })
  adellijkeTitel!: AdellijkeTitel | null;
}

export enum SoortVerbintenis {
  HUWELIJK = 'HUWELIJK',
  GEREGISTREERD_PARTNERSCHAP = 'GEREGISTREERD_PARTNERSCHAP',
  ONBEKEND = 'ONBEKEND',
}
registerEnumType(SoortVerbintenis, {
  name: 'SoortVerbintenis',
  description: 'Huwelijk of geregistreerd partnerschap.',
});

/**
 * What the BRP gives of every related person: name, date of birth, investigation. Registered
 * under a name of its own only so that `Partner`, `Kind` and `Ouder` inherit its fields; no
 * schema reaches it directly.
 */
@ObjectType('GerelateerdePersoonBasis')
export abstract class GerelateerdePersoon {
  @Field(() => GerelateerdeNaam, { nullable: true })
  naam!: GerelateerdeNaam | null;

  @Field(() => BrpDatum, { nullable: true })
  geboortedatum!: BrpDatum | null;

  @Field(() => InOnderzoek, { nullable: true })
  inOnderzoek!: InOnderzoek | null;
}

@ObjectType({
  description:
    'Uw partner. Zonder huidige partner geeft de BRP de partner van het huwelijk of partnerschap dat het laatst is beëindigd.',
})
export class Partner extends GerelateerdePersoon {
  @Field(() => SoortVerbintenis, { nullable: true })
  soortVerbintenis!: SoortVerbintenis | null;

  @Field(() => BrpDatum, { nullable: true, description: 'Datum van het huwelijk of het partnerschap.' })
  aangegaanOp!: BrpDatum | null;

  @Field(() => BrpDatum, { nullable: true, description: 'Datum waarop het is beëindigd. Leeg zolang het bestaat.' })
  ontbondenOp!: BrpDatum | null;
}

@ObjectType({ description: 'Een kind van u.' })
export class Kind extends GerelateerdePersoon {}

@ObjectType({ description: 'Een ouder van u.' })
export class Ouder extends GerelateerdePersoon {}

export enum NationaliteitSoort {
  NATIONALITEIT = 'NATIONALITEIT',
  BEHANDELD_ALS_NEDERLANDER = 'BEHANDELD_ALS_NEDERLANDER',
  VASTGESTELD_NIET_NEDERLANDER = 'VASTGESTELD_NIET_NEDERLANDER',
  STAATLOOS = 'STAATLOOS',
  ONBEKEND = 'ONBEKEND',
}
registerEnumType(NationaliteitSoort, {
  name: 'NationaliteitSoort',
  description: 'Een nationaliteit, of een bijzondere situatie zoals staatloos.',
});

@ObjectType({ description: 'Een nationaliteit van u.' })
export class Nationaliteit {
  @Field(() => NationaliteitSoort, { nullable: true })
  soort!: NationaliteitSoort | null;

  @Field(() => String, { nullable: true, description: 'Bijvoorbeeld "Nederlandse", of "Staatloos".' })
  omschrijving!: string | null;

  @Field(() => BrpDatum, { nullable: true, description: 'Sinds wanneer dit in de BRP staat.' })
  sinds!: BrpDatum | null;

  @Field(() => InOnderzoek, { nullable: true })
  inOnderzoek!: InOnderzoek | null;
}

@ObjectType({ description: 'De gemeente waar u staat ingeschreven.' })
export class GemeenteVanInschrijving {
  @Field(() => String, { nullable: true, description: 'Gemeentecode, bijvoorbeeld "0599".' })
  code!: string | null;

  @Field(() => String, { nullable: true, description: 'Bijvoorbeeld "Rotterdam".' })
  naam!: string | null;

  @Field(() => BrpDatum, { nullable: true, description: 'Sinds wanneer u in deze gemeente staat ingeschreven.' })
  ingeschrevenSinds!: BrpDatum | null;

  @Field(() => InOnderzoek, { nullable: true })
  inOnderzoek!: InOnderzoek | null;
}

@ObjectType({ description: 'Overlijden, als dat in de BRP staat.' })
export class Overlijden {
  @Field(() => BrpDatum, { nullable: true })
  datum!: BrpDatum | null;

  @Field(() => String, { nullable: true })
  plaats!: string | null;

  @Field(() => String, { nullable: true })
  land!: string | null;

  @Field(() => InOnderzoek, { nullable: true })
  inOnderzoek!: InOnderzoek | null;
}

@ObjectType({ description: 'Of de gemeente uw gegevens aan anderen mag geven.' })
export class Geheimhouding {
  @Field(() => Boolean, { description: 'Waar als u de gemeente hebt gevraagd uw gegevens geheim te houden.' })
  ingesteld!: boolean;

  @Field(() => String, { description: 'Wat dit voor u betekent, in gewone taal.' })
  uitleg!: string;
}

@ObjectType({ description: 'Per onderdeel: waar en hoe u het laat aanpassen. U kunt de BRP hier niet zelf wijzigen.' })
export class PersoonsgegevensWijzigen {
  @Field(() => WijzigInstructie)
  naam!: WijzigInstructie;

  @Field(() => WijzigInstructie)
  geboorte!: WijzigInstructie;

  @Field(() => WijzigInstructie, { description: 'Verhuizen, of een adres dat niet klopt.' })
  verblijfplaats!: WijzigInstructie;

  @Field(() => WijzigInstructie, { description: 'Burgerlijke staat en partner.' })
  burgerlijkeStaat!: WijzigInstructie;

  @Field(() => WijzigInstructie)
  kinderen!: WijzigInstructie;

  @Field(() => WijzigInstructie)
  ouders!: WijzigInstructie;

  @Field(() => WijzigInstructie)
  nationaliteiten!: WijzigInstructie;
}

@ObjectType({ implements: PortaalItem, description: 'Uw gegevens uit de Basisregistratie Personen (BRP).' })
export class Persoonsgegevens implements PortaalItem {
  @Field(() => BronStatus)
  bron!: BronStatus;

  @Field(() => Portaal)
  portaal!: Portaal;

  /** The BRP answer behind the data fields; not exposed. */
  persoon!: BrpPersoon | null;

  /** Whether the section applies (a DigiD login); not exposed. */
  inwoner!: boolean;

  /** Set when the BRP could not answer: every data field then fails with this coded error. */
  fout!: GraphQLError | null;
}
