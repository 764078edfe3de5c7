/**
 * The parts of the BRP Personen v2 response (`RaadpleegMetBurgerservicenummer`) this subgraph
 * reads. Names follow the contract (`contract/brp-personen-v2.openapi.yaml`). Every member is
 * optional: the BRP leaves out what it does not have and what was not asked for in `fields`.
 */

/** A value from a landelijke tabel (`Waardetabel`). */
export interface BrpWaarde {
  code?: string;
  omschrijving?: string;
}

/** `AbstractDatum`: a full, partial or unknown date with its Dutch long form. */
export interface BrpDatum {
  type?: string; // Datum | JaarMaandDatum | JaarDatum | DatumOnbekend
  datum?: string;
  jaar?: number;
  maand?: number;
  onbekend?: boolean;
  langFormaat?: string;
}

/**
 * The `inOnderzoek` of an object: `true` per member under investigation, and the date the
 * investigation started (`datumIngangOnderzoek`, or one per theme on the person and on
 * `adressering`: `datumIngangOnderzoekPersoon`, `...Gemeente`, `...Verblijfplaats`, ...).
 */
export type BrpInOnderzoek = Record<string, boolean | BrpDatum | undefined>;

export interface BrpAdellijkeTitel extends BrpWaarde {
  soort?: string; // titel | predicaat
}

export interface BrpNaam {
  voornamen?: string;
  voorvoegsel?: string;
  geslachtsnaam?: string;
  voorletters?: string;
  volledigeNaam?: string;
  adellijkeTitelPredicaat?: BrpAdellijkeTitel;
  aanduidingNaamgebruik?: BrpWaarde;
  inOnderzoek?: BrpInOnderzoek;
}

export interface BrpAdressering {
  adresregel1?: string;
  adresregel2?: string;
  adresregel3?: string;
  land?: BrpWaarde;
  aanhef?: string;
  aanschrijfwijze?: { naam?: string; aanspreekvorm?: string };
  gebruikInLopendeTekst?: string;
  indicatieVastgesteldVerblijftNietOpAdres?: boolean;
  inOnderzoek?: BrpInOnderzoek;
}

export interface BrpGeboorte {
  datum?: BrpDatum;
  land?: BrpWaarde;
  plaats?: BrpWaarde;
  inOnderzoek?: BrpInOnderzoek;
}

export type BrpOverlijden = BrpGeboorte;

export interface BrpVerblijfadres {
  officieleStraatnaam?: string;
  korteStraatnaam?: string;
  huisnummer?: number;
  huisletter?: string;
  huisnummertoevoeging?: string;
  aanduidingBijHuisnummer?: BrpWaarde;
  postcode?: string;
  woonplaats?: string;
  locatiebeschrijving?: string;
  regel1?: string;
  regel2?: string;
  regel3?: string;
  land?: BrpWaarde;
  inOnderzoek?: BrpInOnderzoek;
}

export interface BrpVerblijfplaats {
  type?: string; // Adres | Locatie | VerblijfplaatsBuitenland | VerblijfplaatsOnbekend
  verblijfadres?: BrpVerblijfadres;
  datumVan?: BrpDatum;
  datumIngangGeldigheid?: BrpDatum;
  functieAdres?: BrpWaarde;
  indicatieVastgesteldVerblijftNietOpAdres?: boolean;
  inOnderzoek?: BrpInOnderzoek;
}

/** A partner, child or parent: name and birth as the BRP gives them for a related person. */
export interface BrpGerelateerde {
  burgerservicenummer?: string;
  naam?: BrpNaam;
  geboorte?: BrpGeboorte;
  inOnderzoek?: BrpInOnderzoek;
}

export interface BrpPartner extends BrpGerelateerde {
  geslacht?: BrpWaarde;
  soortVerbintenis?: BrpWaarde;
  aangaanHuwelijkPartnerschap?: BrpGeboorte;
  /** Absent (or `{}`) while the marriage or partnership stands. */
  ontbindingHuwelijkPartnerschap?: { datum?: BrpDatum; inOnderzoek?: BrpInOnderzoek };
}

export interface BrpOuder extends BrpGerelateerde {
  geslacht?: BrpWaarde;
  ouderAanduiding?: string;
}

export interface BrpNationaliteit {
  type?: string; // Nationaliteit | BehandeldAlsNederlander | VastgesteldNietNederlander | Staatloos | NationaliteitOnbekend
  nationaliteit?: BrpWaarde;
  redenOpname?: BrpWaarde;
  datumIngangGeldigheid?: BrpDatum;
  inOnderzoek?: BrpInOnderzoek;
}

export interface BrpPersoon {
  burgerservicenummer?: string;
  naam?: BrpNaam;
  adressering?: BrpAdressering;
  geboorte?: BrpGeboorte;
  leeftijd?: number;
  overlijden?: BrpOverlijden;
  verblijfplaats?: BrpVerblijfplaats;
  gemeenteVanInschrijving?: BrpWaarde;
  datumInschrijvingInGemeente?: BrpDatum;
  nationaliteiten?: BrpNationaliteit[];
  partners?: BrpPartner[];
  kinderen?: BrpGerelateerde[];
  ouders?: BrpOuder[];
  /** Delivered without being asked for, only when set. */
  geheimhoudingPersoonsgegevens?: boolean;
  inOnderzoek?: BrpInOnderzoek;
}

export interface BrpRaadpleegResponse {
  type: 'RaadpleegMetBurgerservicenummer';
  personen?: BrpPersoon[];
}
