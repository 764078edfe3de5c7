import { leeftijdOp, toDatum, type Datum } from './dates.js';
import { compact, isJsonObject, type Json, type JsonObject } from './json.js';
import { aanschrijving, volledigeNaam, voorletters } from './naam.js';
import { FLAGS_PER_SOORT, keepFlags, markInOnderzoek, VERBLIJFT_NIET_OP_ADRES } from './onderzoek.js';
import type {
  RawGeboorte,
  RawGerelateerde,
  RawGezag,
  RawNaam,
  RawNationaliteit,
  RawOuder,
  RawPartner,
  RawPersoon,
  RawVerblijfplaats,
  RawWaarde,
} from './raw.js';

/**
 * Pure conversion of one RvIG test person (personen-mock input shape) into the BRP API v2
 * `Persoon` of a `RaadpleegMetBurgerservicenummer` response, with every field the API can
 * deliver; `fields.ts` then selects what the client asked for.
 */

export interface TransformContext {
  /** The moment of the query: `leeftijd` depends on it. */
  now: Date;
  /** Looks up another person (for the names in `gezag`); optional. */
  lookup?: (bsn: string) => RawPersoon | undefined;
}

function datum(gba: string | undefined): Datum | undefined {
  return toDatum(gba);
}

function waarde(raw: RawWaarde | undefined): JsonObject | undefined {
  return raw ? compact({ code: raw.code, omschrijving: raw.omschrijving }) : undefined;
}

function trimmed(text: string | undefined): string | undefined {
  const value = text?.trim();
  return value === '' ? undefined : value;
}

/**
 * The GBA writes "." for an unknown geslachtsnaam (a "puntouder", a foundling's parent). The API
 * treats it as a standard value and does not deliver it (`ouder/naam/onbekendwaardes.feature`).
 */
function zonderStandaardwaarde(naam: RawNaam | undefined): RawNaam | undefined {
  if (naam?.geslachtsnaam?.trim() !== '.') return naam;
  const { geslachtsnaam: _, ...rest } = naam;
  return rest;
}

function naamGerelateerde(raw: RawNaam | undefined): JsonObject | undefined {
  const naam = zonderStandaardwaarde(raw);
  if (!naam) return undefined;
  const titel = naam.adellijkeTitelPredicaat;
  return compact({
    voornamen: trimmed(naam.voornamen),
    adellijkeTitelPredicaat: titel
      ? compact({ code: titel.code, omschrijving: titel.omschrijving, soort: titel.soort })
      : undefined,
    voorvoegsel: trimmed(naam.voorvoegsel),
    geslachtsnaam: trimmed(naam.geslachtsnaam),
    voorletters: voorletters(naam.voornamen),
  });
}

function naamPersoon(raw: RawNaam | undefined): JsonObject | undefined {
  const naam = zonderStandaardwaarde(raw);
  if (!naam) return undefined;
  return compact({
    ...naamGerelateerde(naam),
    volledigeNaam: volledigeNaam({ ...naam, voornamen: trimmed(naam.voornamen) }),
    aanduidingNaamgebruik: waarde(naam.aanduidingNaamgebruik),
  });
}

function geboorte(raw: RawGeboorte | undefined): JsonObject | undefined {
  return raw ? compact({ datum: datum(raw.datum), land: waarde(raw.land), plaats: waarde(raw.plaats) }) : undefined;
}

/** The mock stores the type implicitly: 0000 is unknown, 0499 stateless (landelijke tabel 32). */
function nationaliteit(raw: RawNationaliteit): JsonObject {
  const code = raw.nationaliteit?.code;
  const type = code === '0000' ? 'NationaliteitOnbekend' : code === '0499' ? 'Staatloos' : 'Nationaliteit';
  const result: JsonObject = {
    type,
    ...compact({
      nationaliteit: type === 'Nationaliteit' ? waarde(raw.nationaliteit) : undefined,
      redenOpname: waarde(raw.redenOpname),
      datumIngangGeldigheid: datum(raw.datumIngangGeldigheid),
    }),
  };
  markInOnderzoek(result, raw.inOnderzoek, 'nationaliteit');
  keepFlags(result, FLAGS_PER_SOORT.nationaliteit[type]);
  return result;
}

function ouder(raw: RawOuder): JsonObject {
  const result =
    compact({
      burgerservicenummer: raw.burgerservicenummer,
      geslacht: waarde(raw.geslacht),
      ouderAanduiding: raw.ouderAanduiding,
      datumIngangFamilierechtelijkeBetrekking: datum(raw.datumIngangFamilierechtelijkeBetrekking),
      naam: naamGerelateerde(raw.naam),
      geboorte: geboorte(raw.geboorte),
    }) ?? {};
  markInOnderzoek(result, raw.inOnderzoek, 'ouder');
  return result;
}

function kind(raw: RawGerelateerde): JsonObject {
  const result =
    compact({
      burgerservicenummer: raw.burgerservicenummer,
      naam: naamGerelateerde(raw.naam),
      geboorte: geboorte(raw.geboorte),
    }) ?? {};
  markInOnderzoek(result, raw.inOnderzoek, 'kind');
  return result;
}

function partner(raw: RawPartner): JsonObject {
  const aangaan = raw.aangaanHuwelijkPartnerschap;
  const result =
    compact({
      burgerservicenummer: raw.burgerservicenummer,
      geslacht: waarde(raw.geslacht),
      soortVerbintenis: waarde(raw.soortVerbintenis),
      naam: naamGerelateerde(raw.naam),
      geboorte: geboorte(raw.geboorte),
      aangaanHuwelijkPartnerschap: aangaan
        ? compact({ datum: datum(aangaan.datum), land: waarde(aangaan.land), plaats: waarde(aangaan.plaats) })
        : undefined,
      ontbindingHuwelijkPartnerschap: compact({ datum: datum(raw.ontbindingHuwelijkPartnerschap?.datum) }),
    }) ?? {};
  markInOnderzoek(result, raw.inOnderzoek, 'partner');
  return result;
}

/**
 * The API delivers only the current partners, or, when there is none, the partner of the
 * relationship that ended last; that partner's name is also the one `adressering` uses.
 */
export function actuelePartners(partners: readonly RawPartner[] | undefined): RawPartner[] {
  const all = partners ?? [];
  const current = all.filter((p) => !p.ontbindingHuwelijkPartnerschap?.datum);
  if (current.length > 0) return current;
  const ended = [...all].sort((a, b) =>
    (b.ontbindingHuwelijkPartnerschap?.datum ?? '').localeCompare(a.ontbindingHuwelijkPartnerschap?.datum ?? ''),
  );
  return ended.slice(0, 1);
}

function verblijfadresBinnenland(raw: RawVerblijfplaats, gemeente: RawWaarde | undefined): JsonObject | undefined {
  return compact({
    officieleStraatnaam: raw.naamOpenbareRuimte,
    // "." is the GBA's standard value for an unknown street.
    korteStraatnaam: raw.straat === '.' ? undefined : raw.straat,
    huisnummer: raw.huisnummer ? Number(raw.huisnummer) : undefined,
    huisletter: raw.huisletter,
    huisnummertoevoeging: raw.huisnummertoevoeging,
    aanduidingBijHuisnummer: waarde(raw.aanduidingBijHuisnummer),
    postcode: raw.postcode,
    // The API falls back to the gemeente of inschrijving when the woonplaats is not registered.
    woonplaats: raw.woonplaats ?? gemeente?.omschrijving,
  });
}

function verblijfplaats(raw: RawVerblijfplaats | undefined, gemeente: RawWaarde | undefined): JsonObject | undefined {
  if (!raw) return undefined;
  const geldigheid = datum(raw.datumIngangGeldigheid);
  const nietOpAdres = raw.inOnderzoek?.aanduidingGegevensInOnderzoek === VERBLIJFT_NIET_OP_ADRES ? true : undefined;
  if (raw.land?.code === '0000') {
    return {
      type: 'VerblijfplaatsOnbekend',
      ...compact({ datumVan: datum(raw.datumAanvangAdresBuitenland), datumIngangGeldigheid: geldigheid }),
    };
  }
  if (raw.land) {
    return {
      type: 'VerblijfplaatsBuitenland',
      ...compact({
        verblijfadres: compact({ regel1: raw.regel1, regel2: raw.regel2, regel3: raw.regel3, land: waarde(raw.land) }),
        datumVan: datum(raw.datumAanvangAdresBuitenland),
        datumIngangGeldigheid: geldigheid,
      }),
    };
  }
  if (raw.locatiebeschrijving) {
    return {
      type: 'Locatie',
      ...compact({
        verblijfadres: { locatiebeschrijving: raw.locatiebeschrijving },
        functieAdres: waarde(raw.functieAdres),
        datumVan: datum(raw.datumAanvangAdreshouding),
        datumIngangGeldigheid: geldigheid,
        indicatieVastgesteldVerblijftNietOpAdres: nietOpAdres,
      }),
    };
  }
  if (raw.straat || raw.huisnummer) {
    return {
      type: 'Adres',
      ...compact({
        verblijfadres: verblijfadresBinnenland(raw, gemeente),
        functieAdres: waarde(raw.functieAdres),
        adresseerbaarObjectIdentificatie: raw.adresseerbaarObjectIdentificatie,
        nummeraanduidingIdentificatie: raw.nummeraanduidingIdentificatie,
        datumVan: datum(raw.datumAanvangAdreshouding),
        datumIngangGeldigheid: geldigheid,
        indicatieVastgesteldVerblijftNietOpAdres: nietOpAdres,
      }),
    };
  }
  return undefined;
}

/**
 * Adresregel 1 per NEN 5825: straat, "t/o" or "bij", huisnummer, then huisletter and
 * toevoeging written together, after a hyphen when that combination starts with a digit.
 */
export function adresregel1(raw: RawVerblijfplaats): string | undefined {
  if (!raw.straat || raw.straat === '.' || !raw.huisnummer || raw.huisnummer === '0') return undefined;
  const aanduiding = { to: 't/o', by: 'bij' }[raw.aanduidingBijHuisnummer?.code ?? ''];
  const toevoeging = `${raw.huisletter ?? ''}${raw.huisnummertoevoeging ?? ''}`;
  const nummer =
    toevoeging === '' ? raw.huisnummer : `${raw.huisnummer}${/^\d/.test(toevoeging) ? '-' : ' '}${toevoeging}`;
  return [raw.straat, aanduiding, nummer].filter(Boolean).join(' ');
}

/** Adresregel 2 per NEN 5825: "3077 AW  ROTTERDAM" (two spaces, woonplaats in capitals). */
export function adresregel2(postcode: string | undefined, woonplaats: string | undefined): string | undefined {
  const plaats = woonplaats?.toUpperCase();
  const code = postcode ? postcode.replace(/^(\d{4})\s*([A-Za-z]{2})$/, '$1 $2').toUpperCase() : undefined;
  if (code && plaats) return `${code}  ${plaats}`;
  return plaats ?? code;
}

function adresregels(
  raw: RawVerblijfplaats | undefined,
  gemeente: RawWaarde | undefined,
): Record<string, Json | undefined> {
  if (!raw || raw.land?.code === '0000') return {};
  if (raw.land) {
    // Abroad: only when the land and at least one address line are known.
    if (!raw.regel1 && !raw.regel2 && !raw.regel3) return {};
    return { adresregel1: raw.regel1, adresregel2: raw.regel2, adresregel3: raw.regel3, land: waarde(raw.land) };
  }
  const woonplaats = raw.woonplaats ?? gemeente?.omschrijving;
  if (raw.locatiebeschrijving) {
    return { adresregel1: raw.locatiebeschrijving, adresregel2: adresregel2(undefined, woonplaats) };
  }
  const regel1 = adresregel1(raw);
  return regel1 ? { adresregel1: regel1, adresregel2: adresregel2(raw.postcode, woonplaats) } : {};
}

function adressering(persoon: RawPersoon, partnerNaam: RawNaam | undefined): JsonObject | undefined {
  const eigenNaam = zonderStandaardwaarde(persoon.naam);
  const names = eigenNaam ? aanschrijving(eigenNaam, persoon.geslacht, zonderStandaardwaarde(partnerNaam)) : {};
  const nietOpAdres =
    persoon.verblijfplaats?.inOnderzoek?.aanduidingGegevensInOnderzoek === VERBLIJFT_NIET_OP_ADRES ? true : undefined;
  // Undefined when no part can be composed: the API then delivers no `adressering` at all
  // (adressering features: "Dan heeft de response een persoon zonder 'adressering' gegevens").
  return compact({
    ...adresregels(persoon.verblijfplaats, persoon.gemeenteVanInschrijving),
    indicatieVastgesteldVerblijftNietOpAdres: nietOpAdres,
    aanhef: names.aanhef,
    aanschrijfwijze: names.aanschrijfwijze ? compact(names.aanschrijfwijze) : undefined,
    gebruikInLopendeTekst: names.gebruikInLopendeTekst,
  });
}

/** The mock uses the 2023 gezag type names; v2 renamed "Tweehoofdig" to "Gezamenlijk". */
function gezagsrelatie(raw: RawGezag, subject: string, context: TransformContext): JsonObject {
  const persoonRef = (ref: { burgerservicenummer?: string } | undefined): JsonObject | undefined => {
    if (!ref?.burgerservicenummer) return undefined;
    const naam = zonderStandaardwaarde(context.lookup?.(ref.burgerservicenummer)?.naam);
    const volledig = naam ? volledigeNaam({ ...naam, voornamen: trimmed(naam.voornamen) }) : undefined;
    // `naam` is required for an ouder in a gezagsrelatie, also when the name is not known.
    return { burgerservicenummer: ref.burgerservicenummer, naam: compact({ volledigeNaam: volledig }) ?? {} };
  };
  const type = raw.type === 'TweehoofdigOuderlijkGezag' ? 'GezamenlijkOuderlijkGezag' : raw.type;
  const needsToelichting = type === 'GezagNietTeBepalen' || type === 'TijdelijkGeenGezag';
  return {
    type,
    ...compact({
      // The mock leaves out the minor when it is the person asked for; the contract requires it.
      minderjarige: persoonRef(raw.minderjarige ?? { burgerservicenummer: subject }),
      ouders: raw.ouders?.map((o) => persoonRef(o)).filter((o): o is JsonObject => o !== undefined),
      ouder: persoonRef(raw.ouder),
      derde: raw.derde ? { type: 'BekendeDerde', ...persoonRef(raw.derde) } : undefined,
      derden: raw.derden?.map((d) => ({ type: 'BekendeDerde', ...persoonRef(d) })),
      toelichting: needsToelichting ? 'Gezag kan niet worden bepaald op basis van de gegevens in de BRP.' : undefined,
    }),
  };
}

/** Drops the `inOnderzoek` flags a verblijfplaats of this kind cannot carry. */
function keepVerblijfplaatsFlags(value: Json | undefined): void {
  if (!isJsonObject(value)) return;
  const soort = value['type'];
  if (typeof soort !== 'string' || !Object.hasOwn(FLAGS_PER_SOORT.verblijfplaats, soort)) return;
  const key = soort as keyof typeof FLAGS_PER_SOORT.verblijfplaats;
  keepFlags(value, FLAGS_PER_SOORT.verblijfplaats[key]);
  const adres = value['verblijfadres'];
  if (isJsonObject(adres)) keepFlags(adres, FLAGS_PER_SOORT.verblijfadres[key]);
}

/** Converts one test person to the v2 `Persoon` with every deliverable field. */
export function toPersoon(raw: RawPersoon, context: TransformContext): JsonObject {
  const partners = actuelePartners(raw.partners);
  const geboortedatum = datum(raw.geboorte?.datum);
  const overleden = raw.overlijden?.datum !== undefined;
  const geheim = raw.geheimhoudingPersoonsgegevens !== undefined && raw.geheimhoudingPersoonsgegevens !== '0';

  const persoon: JsonObject =
    compact({
      aNummer: raw.aNummer,
      burgerservicenummer: raw.burgerservicenummer,
      datumEersteInschrijvingGBA: datum(raw.datumEersteInschrijvingGBA),
      geheimhoudingPersoonsgegevens: geheim ? true : undefined,
      geslacht: waarde(raw.geslacht),
      uitsluitingKiesrecht: raw.uitsluitingKiesrecht
        ? compact({
            uitgeslotenVanKiesrecht: raw.uitsluitingKiesrecht.uitgeslotenVanKiesrecht,
            einddatum: datum(raw.uitsluitingKiesrecht.einddatum),
          })
        : undefined,
      europeesKiesrecht: raw.europeesKiesrecht
        ? compact({
            aanduiding: waarde(raw.europeesKiesrecht.aanduiding),
            einddatumUitsluiting: datum(raw.europeesKiesrecht.einddatumUitsluiting),
          })
        : undefined,
      // A deceased person has no age.
      leeftijd: overleden ? undefined : leeftijdOp(geboortedatum, context.now),
      naam: naamPersoon(raw.naam),
      nationaliteiten: raw.nationaliteiten?.map(nationaliteit),
      geboorte: geboorte(raw.geboorte),
      opschortingBijhouding: raw.opschortingBijhouding
        ? compact({ reden: waarde(raw.opschortingBijhouding.reden), datum: datum(raw.opschortingBijhouding.datum) })
        : undefined,
      overlijden: raw.overlijden
        ? compact({
            datum: datum(raw.overlijden.datum),
            land: waarde(raw.overlijden.land),
            plaats: waarde(raw.overlijden.plaats),
          })
        : undefined,
      verblijfplaats: verblijfplaats(raw.verblijfplaats, raw.gemeenteVanInschrijving),
      immigratie: raw.immigratie
        ? compact({
            datumVestigingInNederland: datum(raw.immigratie.datumVestigingInNederland),
            landVanwaarIngeschreven: waarde(raw.immigratie.landVanwaarIngeschreven),
          })
        : undefined,
      gemeenteVanInschrijving: waarde(raw.gemeenteVanInschrijving),
      datumInschrijvingInGemeente: datum(raw.datumInschrijvingInGemeente),
      indicatieCurateleRegister: raw.indicatieCurateleRegister,
      indicatieGezagMinderjarige: waarde(raw.indicatieGezagMinderjarige),
      gezag: raw.gezag?.map((g) => gezagsrelatie(g, raw.burgerservicenummer, context)),
      verblijfstitel: raw.verblijfstitel
        ? compact({
            aanduiding: waarde(raw.verblijfstitel.aanduiding),
            datumIngang: datum(raw.verblijfstitel.datumIngang),
            datumEinde: datum(raw.verblijfstitel.datumEinde),
          })
        : undefined,
      kinderen: raw.kinderen?.map(kind),
      ouders: raw.ouders?.map(ouder),
      partners: partners.map(partner),
      rni: raw.rni?.map(
        (r) =>
          compact({
            deelnemer: waarde(r.deelnemer),
            omschrijvingVerdrag: r.omschrijvingVerdrag,
            categorie: r.categorie,
          }) ?? {},
      ),
      verificatie: raw.verificatie
        ? compact({ datum: datum(raw.verificatie.datum), omschrijving: raw.verificatie.omschrijving })
        : undefined,
    }) ?? {};
  const aanschrijving = adressering(raw, partners[0]?.naam);
  if (aanschrijving) persoon['adressering'] = aanschrijving;

  markInOnderzoek(persoon, raw.persoonInOnderzoek, 'persoon');
  markInOnderzoek(persoon, raw.verblijfplaats?.inOnderzoek, 'verblijfplaats');
  keepVerblijfplaatsFlags(persoon['verblijfplaats']);
  markInOnderzoek(persoon, raw.overlijden?.inOnderzoek, 'overlijden');
  markInOnderzoek(persoon, raw.gezagInOnderzoek, 'gezag');
  return persoon;
}
