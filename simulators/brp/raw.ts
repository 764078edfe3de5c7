/**
 * The shape of RvIG's personen-mock test data (`data/brp-testdata.json`): GBA-like, not the API
 * v2 response shape. Dates are `yyyymmdd` strings where `00` means unknown day/month and
 * `00000000` an unknown date; "in onderzoek" is an LO3 rubric code (`ccggee`: category, group,
 * element; `00` for a whole group or category) with a start date.
 */

export interface RawWaarde {
  code?: string;
  omschrijving?: string;
}

export interface RawAdellijkeTitelPredicaat extends RawWaarde {
  soort?: string;
}

export interface RawInOnderzoek {
  aanduidingGegevensInOnderzoek: string;
  datumIngangOnderzoek?: string;
}

export interface RawNaam {
  voornamen?: string | undefined;
  voorvoegsel?: string | undefined;
  geslachtsnaam?: string | undefined;
  adellijkeTitelPredicaat?: RawAdellijkeTitelPredicaat | undefined;
  aanduidingNaamgebruik?: RawWaarde | undefined;
}

export interface RawGeboorte {
  datum?: string;
  land?: RawWaarde;
  plaats?: RawWaarde;
}

export interface RawGerelateerde {
  burgerservicenummer?: string;
  geslacht?: RawWaarde;
  naam?: RawNaam;
  geboorte?: RawGeboorte;
  inOnderzoek?: RawInOnderzoek;
}

export interface RawOuder extends RawGerelateerde {
  ouderAanduiding?: string;
  datumIngangFamilierechtelijkeBetrekking?: string;
}

export interface RawPartner extends RawGerelateerde {
  soortVerbintenis?: RawWaarde;
  aangaanHuwelijkPartnerschap?: { datum?: string; land?: RawWaarde; plaats?: RawWaarde };
  ontbindingHuwelijkPartnerschap?: { datum?: string };
}

export interface RawNationaliteit {
  nationaliteit?: RawWaarde;
  redenOpname?: RawWaarde;
  datumIngangGeldigheid?: string;
  inOnderzoek?: RawInOnderzoek;
}

export interface RawVerblijfplaats {
  functieAdres?: RawWaarde;
  adresseerbaarObjectIdentificatie?: string;
  nummeraanduidingIdentificatie?: string;
  datumIngangGeldigheid?: string;
  datumAanvangAdreshouding?: string;
  datumAanvangAdresBuitenland?: string;
  naamOpenbareRuimte?: string;
  straat?: string;
  huisnummer?: string;
  huisletter?: string;
  huisnummertoevoeging?: string;
  aanduidingBijHuisnummer?: RawWaarde;
  postcode?: string;
  woonplaats?: string;
  locatiebeschrijving?: string;
  land?: RawWaarde;
  regel1?: string;
  regel2?: string;
  regel3?: string;
  inOnderzoek?: RawInOnderzoek;
}

export interface RawGezag {
  type: string;
  minderjarige?: { burgerservicenummer?: string };
  ouder?: { burgerservicenummer?: string };
  ouders?: { burgerservicenummer?: string }[];
  derde?: { burgerservicenummer?: string };
  derden?: { burgerservicenummer?: string }[];
}

export interface RawPersoon {
  aNummer?: string;
  burgerservicenummer: string;
  datumEersteInschrijvingGBA?: string;
  geslacht?: RawWaarde;
  naam?: RawNaam;
  nationaliteiten?: RawNationaliteit[];
  geboorte?: RawGeboorte;
  overlijden?: { datum?: string; land?: RawWaarde; plaats?: RawWaarde; inOnderzoek?: RawInOnderzoek };
  verblijfplaats?: RawVerblijfplaats;
  immigratie?: { datumVestigingInNederland?: string; landVanwaarIngeschreven?: RawWaarde };
  gemeenteVanInschrijving?: RawWaarde;
  datumInschrijvingInGemeente?: string;
  geheimhoudingPersoonsgegevens?: string;
  opschortingBijhouding?: { datum?: string; reden?: RawWaarde };
  uitsluitingKiesrecht?: { uitgeslotenVanKiesrecht?: boolean; einddatum?: string };
  europeesKiesrecht?: { aanduiding?: RawWaarde; einddatumUitsluiting?: string };
  indicatieCurateleRegister?: boolean;
  indicatieGezagMinderjarige?: RawWaarde;
  gezag?: RawGezag[];
  gezagInOnderzoek?: RawInOnderzoek;
  verblijfstitel?: { aanduiding?: RawWaarde; datumIngang?: string; datumEinde?: string };
  kinderen?: RawGerelateerde[];
  ouders?: RawOuder[];
  partners?: RawPartner[];
  persoonInOnderzoek?: RawInOnderzoek;
  rni?: { deelnemer?: RawWaarde; omschrijvingVerdrag?: string; categorie?: string }[];
  verificatie?: { datum?: string; omschrijving?: string };
}
