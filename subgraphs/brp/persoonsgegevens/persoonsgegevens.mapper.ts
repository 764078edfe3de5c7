import type {
  BrpAdellijkeTitel,
  BrpAdressering,
  BrpDatum as BrpDatumWire,
  BrpGerelateerde,
  BrpInOnderzoek,
  BrpNaam,
  BrpNationaliteit,
  BrpOuder,
  BrpPartner,
  BrpPersoon,
  BrpVerblijfplaats,
  BrpWaarde,
} from '../upstream/brp-types.js';
import { bepaalBurgerlijkeStaat } from './burgerlijke-staat.js';
import {
  Aanschrijfwijze,
  AdellijkeTitel,
  AdellijkeTitelSoort,
  Adressering,
  BurgerlijkeStaat,
  Geboorte,
  Geheimhouding,
  GemeenteVanInschrijving,
  GerelateerdeNaam,
  Kind,
  Naam,
  Nationaliteit,
  NationaliteitSoort,
  Ouder,
  Overlijden,
  Partner,
  SoortVerbintenis,
  Verblijfplaats,
  VerblijfplaatsSoort,
} from './persoonsgegevens.type.js';
import { BrpDatum, DatumSoort, InOnderzoek } from './waarden.type.js';

/**
 * From the BRP's answer to the GraphQL types. Pure functions: each GraphQL field depends only on
 * the BRP paths its rule in `persoonsgegevens.fields.ts` asks for, so a field is right whatever
 * else was selected. What the BRP left out becomes null.
 */

const DATUM_SOORT: Readonly<Record<string, DatumSoort>> = {
  Datum: DatumSoort.VOLLEDIG,
  JaarMaandDatum: DatumSoort.JAAR_MAAND,
  JaarDatum: DatumSoort.JAAR,
  DatumOnbekend: DatumSoort.ONBEKEND,
};

/** A BRP date; an unknown `type` is read as an unknown date rather than failing the page. */
export function mapDatum(datum: BrpDatumWire | undefined): BrpDatum | null {
  if (!datum) return null;
  const soort = DATUM_SOORT[datum.type ?? ''] ?? DatumSoort.ONBEKEND;
  return Object.assign(new BrpDatum(), {
    soort,
    datum: soort === DatumSoort.VOLLEDIG ? (datum.datum ?? null) : null,
    jaar: datum.jaar ?? (datum.datum ? Number(datum.datum.slice(0, 4)) : null),
    maand: datum.maand ?? (datum.datum ? Number(datum.datum.slice(5, 7)) : null),
    langFormaat: datum.langFormaat ?? 'onbekend',
  });
}

const omschrijving = (waarde: BrpWaarde | undefined): string | null => waarde?.omschrijving ?? null;

// ---------------------------------------------------------------------------------------------
// inOnderzoek

/** BRP flag → the GraphQL field(s) of the part it concerns; null: the part, no field of its own. */
type Velden = Readonly<Record<string, string | readonly string[] | null>>;

interface Markering {
  markers: BrpInOnderzoek | undefined;
  velden: Velden;
  /** Where the start date is; the person and `adressering` have one per theme. */
  datums?: readonly string[];
}

const DATUM_INGANG = ['datumIngangOnderzoek'] as const;

/** B1 notice for a part under investigation (the wording the issue asks for). */
export function onderzoekMelding(aantalVelden: number): string {
  return aantalVelden === 1
    ? 'De gemeente onderzoekt of dit gegeven klopt.'
    : 'De gemeente onderzoekt of deze gegevens kloppen.';
}

/** The `inOnderzoek` of a part from the markers of the BRP objects it is made of; null when none. */
export function mapInOnderzoek(...markeringen: readonly Markering[]): InOnderzoek | null {
  const velden = new Set<string>();
  let gevonden = false;
  let sinds: BrpDatumWire | undefined;
  for (const { markers, velden: perFlag, datums = DATUM_INGANG } of markeringen) {
    if (!markers) continue;
    let hier = false;
    for (const [flag, veld] of Object.entries(perFlag)) {
      if (markers[flag] !== true) continue;
      hier = true;
      if (veld !== null) [veld].flat().forEach((v) => velden.add(v));
    }
    if (!hier) continue;
    gevonden = true;
    if (!sinds) {
      const datum = datums.map((key) => markers[key]).find((value) => typeof value === 'object');
      if (typeof datum === 'object') sinds = datum;
    }
  }
  if (!gevonden) return null;
  return Object.assign(new InOnderzoek(), {
    melding: onderzoekMelding(velden.size),
    velden: [...velden],
    sinds: mapDatum(sinds),
  });
}

const NAAM_VELDEN: Velden = {
  volledigeNaam: 'volledigeNaam',
  voornamen: 'voornamen',
  voorletters: 'voorletters',
  voorvoegsel: 'voorvoegsel',
  geslachtsnaam: 'geslachtsnaam',
  adellijkeTitelPredicaat: 'adellijkeTitel',
  aanduidingNaamgebruik: null,
};

/** For a partner, child or parent every name flag concerns its one `naam` field. */
const GERELATEERDE_NAAM_VELDEN: Velden = {
  voornamen: 'naam',
  voorletters: 'naam',
  voorvoegsel: 'naam',
  geslachtsnaam: 'naam',
  adellijkeTitelPredicaat: 'naam',
};

// ---------------------------------------------------------------------------------------------
// Names

function mapAdellijkeTitel(titel: BrpAdellijkeTitel | undefined): AdellijkeTitel | null {
  if (!titel?.omschrijving) return null;
  const soort =
    titel.soort === 'predicaat'
      ? AdellijkeTitelSoort.PREDICAAT
      : titel.soort === 'titel'
        ? AdellijkeTitelSoort.TITEL
        : null;
  return Object.assign(new AdellijkeTitel(), { omschrijving: titel.omschrijving, soort });
}

/** Maps the BRP `naam` to the GraphQL type; absent parts stay null. */
export function mapNaam(naam: BrpNaam | undefined): Naam | null {
  if (!naam) return null;
  return Object.assign(new Naam(), {
    volledigeNaam: naam.volledigeNaam ?? null,
    voornamen: naam.voornamen ?? null,
    voorletters: naam.voorletters ?? null,
    voorvoegsel: naam.voorvoegsel ?? null,
    geslachtsnaam: naam.geslachtsnaam ?? null,
    adellijkeTitel: mapAdellijkeTitel(naam.adellijkeTitelPredicaat),
    inOnderzoek: mapInOnderzoek({ markers: naam.inOnderzoek, velden: NAAM_VELDEN }),
  });
}

/**
 * The BRP composes `volledigeNaam` only for the person asked for. For a partner, child or parent
 * it is composed here the same way: predicaat, voornamen, adellijke titel, voorvoegsel, achternaam.
 */
export function volledigeNaamVan(naam: BrpNaam): string | null {
  const titel = naam.adellijkeTitelPredicaat;
  const predicaat = titel?.soort === 'predicaat' ? titel.omschrijving : undefined;
  const adellijk = titel?.soort !== 'predicaat' ? titel?.omschrijving : undefined;
  const delen = [predicaat, naam.voornamen, adellijk, naam.voorvoegsel, naam.geslachtsnaam]
    .map((deel) => deel?.trim())
    .filter((deel): deel is string => Boolean(deel));
  return delen.length > 0 ? delen.join(' ') : null;
}

function mapGerelateerdeNaam(naam: BrpNaam | undefined): GerelateerdeNaam | null {
  if (!naam) return null;
  return Object.assign(new GerelateerdeNaam(), {
    volledigeNaam: volledigeNaamVan(naam),
    voornamen: naam.voornamen ?? null,
    voorletters: naam.voorletters ?? null,
    voorvoegsel: naam.voorvoegsel ?? null,
    geslachtsnaam: naam.geslachtsnaam ?? null,
    adellijkeTitel: mapAdellijkeTitel(naam.adellijkeTitelPredicaat),
  });
}

// ---------------------------------------------------------------------------------------------
// The parts

/** Maps the BRP `adressering` (address lines as the BRP prints them on an envelope). */
export function mapAdressering(adressering: BrpAdressering | undefined): Adressering | null {
  if (!adressering) return null;
  const aanschrijfwijze = adressering.aanschrijfwijze
    ? Object.assign(new Aanschrijfwijze(), {
        naam: adressering.aanschrijfwijze.naam ?? null,
        aanspreekvorm: adressering.aanschrijfwijze.aanspreekvorm ?? null,
      })
    : null;
  return Object.assign(new Adressering(), {
    adresregel1: adressering.adresregel1 ?? null,
    adresregel2: adressering.adresregel2 ?? null,
    adresregel3: adressering.adresregel3 ?? null,
    land: omschrijving(adressering.land),
    aanhef: adressering.aanhef ?? null,
    aanschrijfwijze,
    gebruikInLopendeTekst: adressering.gebruikInLopendeTekst ?? null,
    inOnderzoek: mapInOnderzoek({
      markers: adressering.inOnderzoek,
      velden: {
        adresregel1: 'adresregel1',
        adresregel2: 'adresregel2',
        adresregel3: 'adresregel3',
        land: 'land',
        aanhef: 'aanhef',
        aanschrijfwijze: 'aanschrijfwijze',
        gebruikInLopendeTekst: 'gebruikInLopendeTekst',
      },
      datums: ['datumIngangOnderzoekVerblijfplaats', 'datumIngangOnderzoekPersoon', 'datumIngangOnderzoekPartner'],
    }),
  });
}

/** Geboorte: the BRP's `geboorte` group plus the person's `leeftijd`. */
export function mapGeboorte(persoon: BrpPersoon): Geboorte | null {
  const { geboorte, leeftijd } = persoon;
  if (!geboorte && leeftijd === undefined) return null;
  return Object.assign(new Geboorte(), {
    datum: mapDatum(geboorte?.datum),
    plaats: omschrijving(geboorte?.plaats),
    land: omschrijving(geboorte?.land),
    leeftijd: leeftijd ?? null,
    inOnderzoek: mapInOnderzoek(
      { markers: geboorte?.inOnderzoek, velden: { datum: 'datum', plaats: 'plaats', land: 'land' } },
      { markers: persoon.inOnderzoek, velden: { leeftijd: 'leeftijd' }, datums: ['datumIngangOnderzoekPersoon'] },
    ),
  });
}

const VERBLIJFPLAATS_SOORT: Readonly<Record<string, VerblijfplaatsSoort>> = {
  Adres: VerblijfplaatsSoort.ADRES,
  Locatie: VerblijfplaatsSoort.LOCATIE,
  VerblijfplaatsBuitenland: VerblijfplaatsSoort.BUITENLAND,
  VerblijfplaatsOnbekend: VerblijfplaatsSoort.ONBEKEND,
};

export function mapVerblijfplaats(verblijfplaats: BrpVerblijfplaats | undefined): Verblijfplaats | null {
  if (!verblijfplaats) return null;
  const adres = verblijfplaats.verblijfadres;
  const regels = [adres?.regel1, adres?.regel2, adres?.regel3].filter((r): r is string => Boolean(r));
  return Object.assign(new Verblijfplaats(), {
    soort: VERBLIJFPLAATS_SOORT[verblijfplaats.type ?? ''] ?? null,
    straat: adres?.officieleStraatnaam ?? adres?.korteStraatnaam ?? null,
    huisnummer: adres?.huisnummer ?? null,
    huisletter: adres?.huisletter ?? null,
    huisnummertoevoeging: adres?.huisnummertoevoeging ?? null,
    aanduidingBijHuisnummer: omschrijving(adres?.aanduidingBijHuisnummer),
    postcode: adres?.postcode ?? null,
    woonplaats: adres?.woonplaats ?? null,
    locatiebeschrijving: adres?.locatiebeschrijving ?? null,
    regels: regels.length > 0 ? regels : null,
    land: omschrijving(adres?.land),
    sinds: mapDatum(verblijfplaats.datumVan),
    // The BRP delivers the indication only when it is set.
    verblijftNietOpAdres: verblijfplaats.indicatieVastgesteldVerblijftNietOpAdres === true,
    inOnderzoek: mapInOnderzoek(
      {
        markers: verblijfplaats.inOnderzoek,
        velden: {
          type: 'soort',
          datumVan: 'sinds',
          datumIngangGeldigheid: 'sinds',
          functieAdres: null,
          nummeraanduidingIdentificatie: null,
          adresseerbaarObjectIdentificatie: null,
        },
      },
      {
        markers: adres?.inOnderzoek,
        velden: {
          officieleStraatnaam: 'straat',
          korteStraatnaam: 'straat',
          huisnummer: 'huisnummer',
          huisletter: 'huisletter',
          huisnummertoevoeging: 'huisnummertoevoeging',
          aanduidingBijHuisnummer: 'aanduidingBijHuisnummer',
          postcode: 'postcode',
          woonplaats: 'woonplaats',
          locatiebeschrijving: 'locatiebeschrijving',
          regel1: 'regels',
          regel2: 'regels',
          regel3: 'regels',
          land: 'land',
        },
      },
    ),
  });
}

const VERBINTENIS: Readonly<Record<string, SoortVerbintenis>> = {
  H: SoortVerbintenis.HUWELIJK,
  P: SoortVerbintenis.GEREGISTREERD_PARTNERSCHAP,
};

/** The kind of relationship from `soortVerbintenis.code` (H or P); null when not delivered. */
export function soortVerbintenis(partner: BrpPartner): SoortVerbintenis | null {
  const code = partner.soortVerbintenis?.code;
  if (code === undefined) return null;
  return VERBINTENIS[code] ?? SoortVerbintenis.ONBEKEND;
}

function partnerMarkeringen(
  partner: BrpPartner,
  velden: { soort: string; aangegaan: string; ontbonden: string },
): Markering[] {
  return [
    {
      markers: partner.inOnderzoek,
      velden: { soortVerbintenis: velden.soort, burgerservicenummer: null, geslacht: null },
    },
    {
      markers: partner.aangaanHuwelijkPartnerschap?.inOnderzoek,
      velden: { datum: velden.aangegaan, plaats: null, land: null },
    },
    { markers: partner.ontbindingHuwelijkPartnerschap?.inOnderzoek, velden: { datum: velden.ontbonden } },
  ];
}

export function mapBurgerlijkeStaat(partners: readonly BrpPartner[] | undefined): BurgerlijkeStaat {
  const staat = bepaalBurgerlijkeStaat(partners ?? []);
  return Object.assign(new BurgerlijkeStaat(), {
    soort: staat.soort,
    omschrijving: staat.omschrijving,
    sinds: mapDatum(staat.sinds),
    inOnderzoek: mapInOnderzoek(
      ...(partners ?? []).flatMap((p) =>
        partnerMarkeringen(p, { soort: 'soort', aangegaan: 'sinds', ontbonden: 'sinds' }),
      ),
    ),
  });
}

function gerelateerdeMarkeringen(persoon: BrpGerelateerde, eigen: Velden): Markering[] {
  return [
    { markers: persoon.inOnderzoek, velden: eigen },
    { markers: persoon.naam?.inOnderzoek, velden: GERELATEERDE_NAAM_VELDEN },
    { markers: persoon.geboorte?.inOnderzoek, velden: { datum: 'geboortedatum', plaats: null, land: null } },
  ];
}

export function mapPartner(partner: BrpPartner): Partner {
  return Object.assign(new Partner(), {
    naam: mapGerelateerdeNaam(partner.naam),
    geboortedatum: mapDatum(partner.geboorte?.datum),
    soortVerbintenis: soortVerbintenis(partner),
    aangegaanOp: mapDatum(partner.aangaanHuwelijkPartnerschap?.datum),
    // An empty dissolution object means the relationship still stands.
    ontbondenOp: mapDatum(partner.ontbindingHuwelijkPartnerschap?.datum),
    inOnderzoek: mapInOnderzoek(
      ...gerelateerdeMarkeringen(partner, {}),
      ...partnerMarkeringen(partner, {
        soort: 'soortVerbintenis',
        aangegaan: 'aangegaanOp',
        ontbonden: 'ontbondenOp',
      }),
    ),
  });
}

export function mapKind(kind: BrpGerelateerde): Kind {
  return Object.assign(new Kind(), {
    naam: mapGerelateerdeNaam(kind.naam),
    geboortedatum: mapDatum(kind.geboorte?.datum),
    inOnderzoek: mapInOnderzoek(...gerelateerdeMarkeringen(kind, { burgerservicenummer: null })),
  });
}

export function mapOuder(ouder: BrpOuder): Ouder {
  return Object.assign(new Ouder(), {
    naam: mapGerelateerdeNaam(ouder.naam),
    geboortedatum: mapDatum(ouder.geboorte?.datum),
    inOnderzoek: mapInOnderzoek(
      ...gerelateerdeMarkeringen(ouder, {
        burgerservicenummer: null,
        geslacht: null,
        datumIngangFamilierechtelijkeBetrekking: null,
      }),
    ),
  });
}

const NATIONALITEIT_SOORT: Readonly<Record<string, { soort: NationaliteitSoort; omschrijving: string | null }>> = {
  Nationaliteit: { soort: NationaliteitSoort.NATIONALITEIT, omschrijving: null },
  BehandeldAlsNederlander: {
    soort: NationaliteitSoort.BEHANDELD_ALS_NEDERLANDER,
    omschrijving: 'Behandeld als Nederlander',
  },
  VastgesteldNietNederlander: {
    soort: NationaliteitSoort.VASTGESTELD_NIET_NEDERLANDER,
    omschrijving: 'Vastgesteld: geen Nederlander',
  },
  Staatloos: { soort: NationaliteitSoort.STAATLOOS, omschrijving: 'Staatloos' },
  NationaliteitOnbekend: { soort: NationaliteitSoort.ONBEKEND, omschrijving: 'Nationaliteit onbekend' },
};

export function mapNationaliteit(nationaliteit: BrpNationaliteit): Nationaliteit {
  const bekend = NATIONALITEIT_SOORT[nationaliteit.type ?? ''];
  return Object.assign(new Nationaliteit(), {
    soort: bekend?.soort ?? null,
    omschrijving: omschrijving(nationaliteit.nationaliteit) ?? bekend?.omschrijving ?? null,
    sinds: mapDatum(nationaliteit.datumIngangGeldigheid),
    inOnderzoek: mapInOnderzoek({
      markers: nationaliteit.inOnderzoek,
      velden: { type: ['soort', 'omschrijving'], nationaliteit: 'omschrijving', redenOpname: null },
    }),
  });
}

export function mapGemeenteVanInschrijving(persoon: BrpPersoon): GemeenteVanInschrijving | null {
  const { gemeenteVanInschrijving: gemeente, datumInschrijvingInGemeente: sinds } = persoon;
  if (!gemeente && !sinds) return null;
  return Object.assign(new GemeenteVanInschrijving(), {
    code: gemeente?.code ?? null,
    naam: gemeente?.omschrijving ?? null,
    ingeschrevenSinds: mapDatum(sinds),
    inOnderzoek: mapInOnderzoek({
      markers: persoon.inOnderzoek,
      velden: { gemeenteVanInschrijving: ['code', 'naam'], datumInschrijvingInGemeente: 'ingeschrevenSinds' },
      datums: ['datumIngangOnderzoekGemeente'],
    }),
  });
}

export function mapOverlijden(persoon: BrpPersoon): Overlijden | null {
  const { overlijden } = persoon;
  if (!overlijden) return null;
  return Object.assign(new Overlijden(), {
    datum: mapDatum(overlijden.datum),
    plaats: omschrijving(overlijden.plaats),
    land: omschrijving(overlijden.land),
    inOnderzoek: mapInOnderzoek({
      markers: overlijden.inOnderzoek,
      velden: { datum: 'datum', plaats: 'plaats', land: 'land' },
    }),
  });
}

/** B1 texts for geheimhouding: with it, the gemeente gives no data to "derden" such as churches and charities. */
export const GEHEIMHOUDING_UITLEG = {
  ingesteld:
    'U hebt de gemeente gevraagd uw gegevens geheim te houden. De gemeente geeft uw gegevens daarom niet aan organisaties zoals kerken, goede doelen of verenigingen. Overheidsorganisaties die uw gegevens nodig hebben voor hun werk, krijgen ze wel. U ziet hier al uw eigen gegevens.',
  nietIngesteld:
    'De gemeente mag sommige gegevens geven aan organisaties zoals kerken, goede doelen of verenigingen. Wilt u dat niet? Vraag de gemeente dan om geheimhouding van uw gegevens.',
} as const;

export function mapGeheimhouding(persoon: BrpPersoon): Geheimhouding {
  const ingesteld = persoon.geheimhoudingPersoonsgegevens === true;
  return Object.assign(new Geheimhouding(), {
    ingesteld,
    uitleg: ingesteld ? GEHEIMHOUDING_UITLEG.ingesteld : GEHEIMHOUDING_UITLEG.nietIngesteld,
  });
}
