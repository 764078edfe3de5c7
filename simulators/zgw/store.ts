import { stableUuid } from '../shared/ids.js';
import { minimalPdf } from './pdf.js';
import type {
  BetrokkeneSeed,
  DocumentStatus,
  BetrokkeneType,
  ResultaattypeSeed,
  RolOmschrijvingGeneriek,
  StatustypeSeed,
  Vertrouwelijkheid,
  ZaakSeed,
  ZaaktypeSeed,
  ZgwSeed,
} from './types.js';

/** In-memory records of one zaaksysteem. References are UUIDs; URLs are made when rendering. */

export interface CatalogusRecord {
  uuid: string;
  domein: string;
  naam: string;
  rsin: string;
}

export interface ZaaktypeRecord extends Omit<ZaaktypeSeed, 'statustypen' | 'resultaattypen'> {
  uuid: string;
  statustypen: StatustypeRecord[];
  resultaattypen: ResultaattypeRecord[];
  roltypen: RoltypeRecord[];
}

export interface StatustypeRecord extends StatustypeSeed {
  uuid: string;
  zaaktype: string;
  volgnummer: number;
  isEindstatus: boolean;
}

export interface ResultaattypeRecord extends ResultaattypeSeed {
  uuid: string;
  zaaktype: string;
}

export interface RoltypeRecord {
  uuid: string;
  zaaktype: string;
  omschrijving: string;
  omschrijvingGeneriek: RolOmschrijvingGeneriek;
}

export interface ZaakRecord {
  uuid: string;
  identificatie: string;
  bronorganisatie: string;
  verantwoordelijkeOrganisatie: string;
  zaaktype: string;
  omschrijving: string;
  toelichting: string;
  registratiedatum: string;
  startdatum: string;
  einddatum: string | null;
  einddatumGepland: string | null;
  uiterlijkeEinddatumAfdoening: string | null;
  vertrouwelijkheidaanduiding: Vertrouwelijkheid;
}

export interface StatusRecord {
  uuid: string;
  zaak: string;
  statustype: string;
  datumStatusGezet: string;
  statustoelichting: string;
}

export interface ResultaatRecord {
  uuid: string;
  zaak: string;
  resultaattype: string;
  toelichting: string;
}

/** An `EnkelvoudigInformatieObject` (Documenten API), one version, with its content. */
export interface InformatieObjectRecord {
  uuid: string;
  identificatie: string;
  bronorganisatie: string;
  creatiedatum: string;
  titel: string;
  vertrouwelijkheidaanduiding: Vertrouwelijkheid;
  auteur: string;
  status: DocumentStatus;
  formaat: string;
  bestandsnaam: string;
  beschrijving: string;
  inhoud: Buffer;
  beginRegistratie: string;
}

/** The link of a zaak to an informatieobject (Zaken API `zaakinformatieobjecten`). */
export interface ZaakInformatieObjectRecord {
  uuid: string;
  zaak: string;
  informatieobject: string;
  titel: string;
  registratiedatum: string;
}

export interface RolRecord {
  uuid: string;
  zaak: string;
  roltype: string;
  omschrijving: string;
  omschrijvingGeneriek: RolOmschrijvingGeneriek;
  roltoelichting: string;
  registratiedatum: string;
  betrokkeneType: BetrokkeneType;
  /** The identification object exactly as rendered (`betrokkeneIdentificatie`). */
  betrokkeneIdentificatie: Record<string, unknown>;
}

const ROLTYPEN: readonly { omschrijving: string; omschrijvingGeneriek: RolOmschrijvingGeneriek }[] = [
  { omschrijving: 'Aanvrager', omschrijvingGeneriek: 'initiator' },
  { omschrijving: 'Belanghebbende', omschrijvingGeneriek: 'belanghebbende' },
  { omschrijving: 'Behandelaar', omschrijvingGeneriek: 'behandelaar' },
];

/** Converts a seeded betrokkene into the Zaken API's type and identification object. */
function betrokkene(seed: BetrokkeneSeed): { type: BetrokkeneType; identificatie: Record<string, unknown> } {
  if ('natuurlijkPersoon' in seed) {
    const p = seed.natuurlijkPersoon;
    return {
      type: 'natuurlijk_persoon',
      identificatie: {
        inpBsn: p.inpBsn,
        anpIdentificatie: '',
        inpA_nummer: '',
        geslachtsnaam: p.geslachtsnaam,
        voorvoegselGeslachtsnaam: p.voorvoegselGeslachtsnaam ?? '',
        voorletters: p.voorletters,
        voornamen: p.voornamen,
        geslachtsaanduiding: p.geslachtsaanduiding,
        geboortedatum: '',
        verblijfsadres: null,
        subVerblijfBuitenland: null,
      },
    };
  }
  if ('nietNatuurlijkPersoon' in seed) {
    const o = seed.nietNatuurlijkPersoon;
    return {
      type: 'niet_natuurlijk_persoon',
      identificatie: {
        innNnpId: o.innNnpId,
        annIdentificatie: '',
        kvkNummer: o.kvkNummer ?? '',
        vestigingsNummer: o.vestigingsNummer ?? '',
        statutaireNaam: o.statutaireNaam,
        innRechtsvorm: o.innRechtsvorm ?? '',
        bezoekadres: '',
        verblijfsadres: null,
        subVerblijfBuitenland: null,
      },
    };
  }
  if ('vestiging' in seed) {
    const v = seed.vestiging;
    return {
      type: 'vestiging',
      identificatie: {
        vestigingsNummer: v.vestigingsNummer,
        handelsnaam: v.handelsnaam,
        kvkNummer: v.kvkNummer,
        verblijfsadres: null,
        subVerblijfBuitenland: null,
      },
    };
  }
  const m = seed.medewerker;
  return {
    type: 'medewerker',
    identificatie: {
      identificatie: m.identificatie,
      achternaam: m.achternaam,
      voorletters: m.voorletters,
      voorvoegselAchternaam: m.voorvoegselAchternaam ?? '',
    },
  };
}

/** Thrown when a seed refers to a key it does not define: a programming error in the seed. */
class SeedError extends Error {
  override readonly name = 'SeedError';
}

/**
 * The data of one simulated zaaksysteem (Zaken + Catalogi), built from a seed. UUIDs derive from
 * the seed name and keys, so they are the same in every run. Statuses can be added at run time.
 */
export class ZgwStore {
  readonly catalogus: CatalogusRecord;
  readonly zaaktypen: ZaaktypeRecord[] = [];
  readonly zaken: ZaakRecord[] = [];
  readonly statussen: StatusRecord[] = [];
  readonly resultaten: ResultaatRecord[] = [];
  readonly rollen: RolRecord[] = [];
  readonly informatieobjecten: InformatieObjectRecord[] = [];
  readonly zaakinformatieobjecten: ZaakInformatieObjectRecord[] = [];

  constructor(readonly seed: ZgwSeed) {
    const id = (...parts: string[]): string => stableUuid([seed.name, ...parts].join(':'));
    this.catalogus = { uuid: id('catalogus'), rsin: seed.rsin, ...seed.catalogus };
    for (const zaaktype of seed.zaaktypen) this.zaaktypen.push(this.#zaaktype(zaaktype, id));
    for (const zaak of seed.zaken) this.#zaak(zaak, id);
  }

  #zaaktype(seed: ZaaktypeSeed, id: (...parts: string[]) => string): ZaaktypeRecord {
    const uuid = id('zaaktype', seed.key);
    const last = seed.statustypen.length;
    return {
      ...seed,
      uuid,
      statustypen: seed.statustypen.map((s, index) => ({
        ...s,
        uuid: id('statustype', seed.key, s.key),
        zaaktype: uuid,
        volgnummer: index + 1,
        isEindstatus: index + 1 === last,
      })),
      resultaattypen: seed.resultaattypen.map((r) => ({
        ...r,
        uuid: id('resultaattype', seed.key, r.key),
        zaaktype: uuid,
      })),
      roltypen: ROLTYPEN.map((r) => ({ ...r, uuid: id('roltype', seed.key, r.omschrijvingGeneriek), zaaktype: uuid })),
    };
  }

  #zaak(seed: ZaakSeed, id: (...parts: string[]) => string): void {
    const zaaktype = this.zaaktypen.find((z) => z.key === seed.zaaktype);
    if (!zaaktype) throw new SeedError(`zaak ${seed.key}: unknown zaaktype ${seed.zaaktype}`);
    const uuid = id('zaak', seed.key);
    const statustype = (key: string): StatustypeRecord => {
      const found = zaaktype.statustypen.find((s) => s.key === key);
      if (!found) throw new SeedError(`zaak ${seed.key}: unknown statustype ${key}`);
      return found;
    };
    const laatste = seed.statussen.at(-1);
    const afgerond = laatste !== undefined && statustype(laatste.statustype).isEindstatus;
    this.zaken.push({
      uuid,
      identificatie: seed.identificatie,
      bronorganisatie: seed.bronorganisatie ?? this.seed.rsin,
      verantwoordelijkeOrganisatie: seed.bronorganisatie ?? this.seed.rsin,
      zaaktype: zaaktype.uuid,
      omschrijving: seed.omschrijving,
      toelichting: seed.toelichting ?? '',
      registratiedatum: seed.registratiedatum,
      startdatum: seed.startdatum,
      einddatum: afgerond ? laatste.gezet.slice(0, 10) : null,
      einddatumGepland: seed.einddatumGepland ?? null,
      uiterlijkeEinddatumAfdoening: seed.uiterlijkeEinddatumAfdoening ?? null,
      vertrouwelijkheidaanduiding: seed.vertrouwelijkheidaanduiding ?? zaaktype.vertrouwelijkheidaanduiding,
    });
    seed.statussen.forEach((s, index) =>
      this.statussen.push({
        uuid: id('status', seed.key, String(index + 1)),
        zaak: uuid,
        statustype: statustype(s.statustype).uuid,
        datumStatusGezet: s.gezet,
        statustoelichting: s.toelichting ?? '',
      }),
    );
    if (seed.resultaat) {
      const resultaattype = zaaktype.resultaattypen.find((r) => r.key === seed.resultaat?.resultaattype);
      if (!resultaattype)
        throw new SeedError(`zaak ${seed.key}: unknown resultaattype ${seed.resultaat.resultaattype}`);
      this.resultaten.push({
        uuid: id('resultaat', seed.key),
        zaak: uuid,
        resultaattype: resultaattype.uuid,
        toelichting: seed.resultaat.toelichting,
      });
    }
    seed.rollen.forEach((rol, index) => {
      const roltype = zaaktype.roltypen.find((r) => r.omschrijvingGeneriek === rol.omschrijvingGeneriek);
      if (!roltype) throw new SeedError(`zaak ${seed.key}: no roltype for ${rol.omschrijvingGeneriek}`);
      const { type, identificatie } = betrokkene(rol);
      this.rollen.push({
        uuid: id('rol', seed.key, String(index + 1)),
        zaak: uuid,
        roltype: roltype.uuid,
        omschrijving: roltype.omschrijving,
        omschrijvingGeneriek: rol.omschrijvingGeneriek,
        roltoelichting: rol.roltoelichting ?? roltype.omschrijving,
        registratiedatum: `${seed.registratiedatum}T00:00:00Z`,
        betrokkeneType: type,
        betrokkeneIdentificatie: identificatie,
      });
    });
    for (const document of seed.documenten ?? []) {
      const documentUuid = id('informatieobject', seed.key, document.key);
      const text = Buffer.from(document.inhoud, 'utf8');
      this.informatieobjecten.push({
        uuid: documentUuid,
        identificatie: `DOC-${seed.identificatie.slice(5)}-${document.key}`.slice(0, 40),
        bronorganisatie: seed.bronorganisatie ?? this.seed.rsin,
        creatiedatum: document.creatiedatum,
        titel: document.titel,
        vertrouwelijkheidaanduiding: document.vertrouwelijkheidaanduiding,
        auteur: document.auteur,
        status: document.status,
        formaat: document.formaat,
        bestandsnaam: document.bestandsnaam,
        beschrijving: document.beschrijving ?? '',
        inhoud: document.formaat === 'application/pdf' ? minimalPdf(document.titel, document.inhoud) : text,
        beginRegistratie: `${document.creatiedatum}T12:00:00Z`,
      });
      this.zaakinformatieobjecten.push({
        uuid: id('zaakinformatieobject', seed.key, document.key),
        zaak: uuid,
        informatieobject: documentUuid,
        titel: document.titel,
        registratiedatum: `${document.creatiedatum}T12:00:00Z`,
      });
    }
  }

  zaak(uuid: string): ZaakRecord | undefined {
    return this.zaken.find((z) => z.uuid === uuid);
  }

  zaaktype(uuid: string): ZaaktypeRecord | undefined {
    return this.zaaktypen.find((z) => z.uuid === uuid);
  }

  statustype(uuid: string): StatustypeRecord | undefined {
    return this.zaaktypen.flatMap((z) => z.statustypen).find((s) => s.uuid === uuid);
  }

  resultaattype(uuid: string): ResultaattypeRecord | undefined {
    return this.zaaktypen.flatMap((z) => z.resultaattypen).find((r) => r.uuid === uuid);
  }

  roltype(uuid: string): RoltypeRecord | undefined {
    return this.zaaktypen.flatMap((z) => z.roltypen).find((r) => r.uuid === uuid);
  }

  /** Statuses of a zaak, oldest first. */
  statussenVan(zaak: string): StatusRecord[] {
    return this.statussen
      .filter((s) => s.zaak === zaak)
      .sort((a, b) => a.datumStatusGezet.localeCompare(b.datumStatusGezet));
  }

  /** The current status: the one set last (`indicatieLaatstGezetteStatus`). */
  huidigeStatus(zaak: string): StatusRecord | undefined {
    return this.statussenVan(zaak).at(-1);
  }

  resultaatVan(zaak: string): ResultaatRecord | undefined {
    return this.resultaten.find((r) => r.zaak === zaak);
  }

  informatieobject(uuid: string): InformatieObjectRecord | undefined {
    return this.informatieobjecten.find((d) => d.uuid === uuid);
  }

  zaakinformatieobjectenVan(zaak: string): ZaakInformatieObjectRecord[] {
    return this.zaakinformatieobjecten.filter((z) => z.zaak === zaak);
  }

  rollenVan(zaak: string): RolRecord[] {
    return this.rollen.filter((r) => r.zaak === zaak);
  }

  /** Records the outcome of a zaak (at most one; the route checks). */
  addResultaat(resultaat: ResultaatRecord): void {
    this.resultaten.push(resultaat);
  }

  /** Records a new status; an eindstatus closes the zaak on the date it was set. */
  addStatus(status: StatusRecord): void {
    this.statussen.push(status);
    const zaak = this.zaak(status.zaak);
    if (zaak && this.statustype(status.statustype)?.isEindstatus) zaak.einddatum = status.datumStatusGezet.slice(0, 10);
  }
}
