/** Wire types of the ZGW Zaken API 1.5.1 and Catalogi API 1.3.1, as far as this project reads them. */

export interface ZgwStatustype {
  url: string;
  omschrijving: string;
  omschrijvingGeneriek?: string;
  statustekst?: string;
  volgnummer: number;
  isEindstatus?: boolean;
  informeren?: boolean;
}

export interface ZgwZaaktype {
  url: string;
  identificatie: string;
  omschrijving: string;
  omschrijvingGeneriek?: string;
  indicatieInternOfExtern?: 'intern' | 'extern';
  /** Free text about the zaaktype; where a gemeente fills it, it explains the zaaktype to residents. */
  toelichting?: string;
  statustypen?: string[];
  resultaattypen?: string[];
}

export interface ZgwResultaattype {
  url: string;
  omschrijving: string;
  omschrijvingGeneriek?: string;
  zaaktype?: string;
}

export interface ZgwResultaat {
  url: string;
  resultaattype: string;
  toelichting?: string;
}

/** The link between a zaak (Zaken API) and a document (Documenten API). */
export interface ZgwZaakInformatieObject {
  url: string;
  informatieobject: string;
  zaak: string;
  titel?: string;
  registratiedatum?: string;
}

/** An `EnkelvoudigInformatieObject` of the Documenten API 1.4.2 (the fields this project reads). */
export interface ZgwInformatieObject {
  url: string;
  identificatie?: string;
  bronorganisatie?: string;
  creatiedatum: string;
  titel: string;
  vertrouwelijkheidaanduiding?: string | undefined;
  /** `in_bewerking`, `ter_vaststelling`, `definitief`, `gearchiveerd` or empty. */
  status?: string;
  formaat?: string;
  bestandsnaam?: string;
  bestandsomvang?: number | null;
  inhoud?: string | null;
}

export interface ZgwStatus {
  url: string;
  /** The zaak's URL (always present on the wire; optional here for expanded statuses). */
  zaak?: string;
  statustype: string;
  datumStatusGezet: string;
  statustoelichting?: string;
  _expand?: { statustype?: ZgwStatustype };
}

/** ZGW `vertrouwelijkheidaanduiding`, from least to most confidential. */
export const VERTROUWELIJKHEDEN = [
  'openbaar',
  'beperkt_openbaar',
  'intern',
  'zaakvertrouwelijk',
  'vertrouwelijk',
  'confidentieel',
  'geheim',
  'zeer_geheim',
] as const;
export type Vertrouwelijkheid = (typeof VERTROUWELIJKHEDEN)[number];

export interface ZgwRol {
  url: string;
  betrokkeneType: 'natuurlijk_persoon' | 'niet_natuurlijk_persoon' | 'vestiging' | string;
  omschrijvingGeneriek: string;
  betrokkeneIdentificatie?: {
    inpBsn?: string;
    innNnpId?: string;
    vestigingsNummer?: string;
    kvkNummer?: string;
  } | null;
}

export interface ZgwZaak {
  url: string;
  uuid?: string;
  identificatie: string;
  bronorganisatie: string;
  omschrijving?: string;
  toelichting?: string;
  zaaktype: string;
  startdatum: string;
  einddatum?: string | null;
  einddatumGepland?: string | null;
  uiterlijkeEinddatumAfdoening?: string | null;
  status?: string | null;
  resultaat?: string | null;
  vertrouwelijkheidaanduiding?: string | undefined;
  _expand?: {
    zaaktype?: ZgwZaaktype | null;
    status?: ZgwStatus | null;
    rollen?: ZgwRol[];
    resultaat?: ZgwResultaat | null;
    zaakinformatieobjecten?: ZgwZaakInformatieObject[];
  };
}

export interface ZgwPage<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}
