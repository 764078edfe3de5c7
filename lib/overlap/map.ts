import type { Berichttype, Organisatie, OverlapKaartDefinitie, OverlapRegel, PortaalNaamValue } from './schema.js';

/** What kind of data a rule is about; the order is the order of the docs and the API. */
export type OverlapCategorie = 'PERSOONSGEGEVENS' | 'ZAKEN' | 'LOPENDE_ZAKEN' | 'BERICHTEN';

/** One rule of the map with where it applies, as the API (`Query.overlap`) and the docs list it. */
export interface OverlapRegelInfo {
  /** Stable id: `persoonsgegevens`, `zaken`, `zaken/<groep>`, `lopende-zaken`, `berichten`, `berichten/<type>`. */
  readonly id: string;
  readonly categorie: OverlapCategorie;
  /** What the rule is about, in words ("Overige zaken", "Berichten van de gemeente over een zaak"). */
  readonly naam: string;
  /** For a zaken rule from a group: the zaaktypen (catalogus `identificatie`) it covers. */
  readonly zaaktypen: readonly string[];
  /** For a berichttype: the sender it matches, or null for any sender. */
  readonly afzender: 'GEMEENTE' | 'ANDERE_ORGANISATIE' | null;
  /** For a berichttype: whether it matches berichten about a zaak, or null for both. */
  readonly overZaak: boolean | null;
  readonly regel: OverlapRegel;
}

/** What the map needs to know about a bericht to pick its berichttype. */
export interface BerichtKenmerken {
  /** OIN of the sender. */
  readonly afzenderOin: string;
  /** True when the bericht is linked to a zaak. */
  readonly overZaak: boolean;
}

/**
 * The ownership map (docs/architecture.md §2.5): which portal owns each kind of data, where else it shows
 * and who sends notifications. Every subgraph reads it through this one interface, so that the
 * `portaal` of every item, the deduplication between the zaaksystemen and MijnOverheid, and the
 * notification decisions all follow the one file architects edit.
 */
export interface OverlapMap {
  /** The validated file, as written (with defaults filled in). */
  readonly definitie: OverlapKaartDefinitie;
  /** The rule for the BRP persoonsgegevens. */
  persoonsgegevens(): OverlapRegel;
  /** The rule for a zaak of this gemeente, by the `identificatie` of its zaaktype; the default rule when unknown. */
  zaak(zaaktypeIdentificatie: string | null): OverlapRegel;
  /** The rule for a Berichtenbox bericht: without `kenmerken` the default rule, else the first matching berichttype. */
  bericht(kenmerken?: BerichtKenmerken): OverlapRegel;
  /** The berichttype that applies to a bericht, or null when the default rule applies. */
  berichttype(kenmerken: BerichtKenmerken): Berichttype | null;
  /** The rule for a Lopende Zaak of another organisation (those of this gemeente are zaken). */
  lopendeZaak(): OverlapRegel;
  /** This gemeente's organisations: their zaken are listed under zaken, never twice. */
  organisaties(): readonly Organisatie[];
  /** The organisation of this gemeente with this RSIN or OIN, if it is one. */
  organisatie(id: { rsin?: string | null; oin?: string | null }): Organisatie | undefined;
  /** True when a zaak with this bronorganisatie (RSIN) belongs to this gemeente. */
  isZaakVanGemeente(bronorganisatie: string): boolean;
  /** The zaaktypen whose zaken MijnOverheid also shows (Lopende Zaken), sorted. */
  zaaktypenInMijnOverheid(): readonly string[];
  /** True when MijnOverheid itself notifies the resident about zaken of this zaaktype. */
  mijnOverheidMeldt(zaaktypeIdentificatie: string | null): boolean;
  /** Zaaknummers of this gemeente in a text, by `gemeente.zaaknummerPatroon` (none without one). */
  zaaknummersIn(text: string): string[];
  /** Every rule, in the order of the file, for the API and the docs. */
  regels(): readonly OverlapRegelInfo[];
}

const MIJN_OVERHEID: PortaalNaamValue = 'MIJN_OVERHEID';

/** Builds the {@link OverlapMap} of a validated definition. */
export function createOverlapMap(definitie: OverlapKaartDefinitie): OverlapMap {
  const perZaaktype = new Map(definitie.zaken.groepen.flatMap((groep) => groep.zaaktypen.map((zt) => [zt, groep])));
  const perRsin = new Map(definitie.gemeente.organisaties.map((o) => [o.rsin, o]));
  const perOin = new Map(definitie.gemeente.organisaties.map((o) => [o.oin, o]));
  const patroon = definitie.gemeente.zaaknummerPatroon;
  const zaaknummer = patroon === null ? null : new RegExp(patroon, 'gu');

  const zaak = (zaaktype: string | null): OverlapRegel =>
    (zaaktype !== null && perZaaktype.get(zaaktype)) || definitie.zaken.standaard;

  const berichttype = ({ afzenderOin, overZaak }: BerichtKenmerken): Berichttype | null => {
    const afzender = perOin.has(afzenderOin) ? 'GEMEENTE' : 'ANDERE_ORGANISATIE';
    return (
      definitie.berichten.berichttypen.find(
        (type) =>
          (type.afzender === undefined || type.afzender === afzender) &&
          (type.overZaak === undefined || type.overZaak === overZaak),
      ) ?? null
    );
  };

  const regels: OverlapRegelInfo[] = [
    info('persoonsgegevens', 'PERSOONSGEGEVENS', 'Persoonsgegevens', definitie.persoonsgegevens),
    ...definitie.zaken.groepen.map((groep) =>
      info(`zaken/${groep.id}`, 'ZAKEN', groep.naam, groep, { zaaktypen: groep.zaaktypen }),
    ),
    info(
      'zaken',
      'ZAKEN',
      definitie.zaken.groepen.length > 0 ? 'Zaken van andere zaaktypen' : 'Zaken',
      definitie.zaken.standaard,
    ),
    info('lopende-zaken', 'LOPENDE_ZAKEN', 'Lopende zaken van andere organisaties', definitie.lopendeZaken),
    ...definitie.berichten.berichttypen.map((type) =>
      info(`berichten/${type.id}`, 'BERICHTEN', type.naam, type, {
        afzender: type.afzender ?? null,
        overZaak: type.overZaak ?? null,
      }),
    ),
    info(
      'berichten',
      'BERICHTEN',
      definitie.berichten.berichttypen.length > 0 ? 'Andere berichten' : 'Berichten',
      definitie.berichten.standaard,
    ),
  ];

  return {
    definitie,
    persoonsgegevens: () => definitie.persoonsgegevens,
    zaak,
    bericht: (kenmerken) => (kenmerken && berichttype(kenmerken)) || definitie.berichten.standaard,
    berichttype,
    lopendeZaak: () => definitie.lopendeZaken,
    organisaties: () => definitie.gemeente.organisaties,
    organisatie: ({ rsin, oin }) => (rsin ? perRsin.get(rsin) : undefined) ?? (oin ? perOin.get(oin) : undefined),
    isZaakVanGemeente: (bronorganisatie) => perRsin.has(bronorganisatie),
    zaaktypenInMijnOverheid: () =>
      [...perZaaktype.entries()]
        .filter(([, groep]) => groep.ookZichtbaarIn.includes(MIJN_OVERHEID) || groep.eigenaar === MIJN_OVERHEID)
        .map(([zaaktype]) => zaaktype)
        .sort(),
    mijnOverheidMeldt: (zaaktype) => zaak(zaaktype).meldingenDoor.includes(MIJN_OVERHEID),
    zaaknummersIn: (text) => (zaaknummer ? [...new Set(text.match(zaaknummer) ?? [])] : []),
    regels: () => regels,
  };
}

function info(
  id: string,
  categorie: OverlapCategorie,
  naam: string,
  regel: OverlapRegel,
  extra: Partial<Pick<OverlapRegelInfo, 'zaaktypen' | 'afzender' | 'overZaak'>> = {},
): OverlapRegelInfo {
  const { bron, eigenaar, ookZichtbaarIn, meldingenDoor, url, uitleg } = regel;
  return {
    id,
    categorie,
    naam,
    zaaktypen: extra.zaaktypen ?? [],
    afzender: extra.afzender ?? null,
    overZaak: extra.overZaak ?? null,
    regel: { bron, eigenaar, ookZichtbaarIn, meldingenDoor, url, uitleg },
  };
}
