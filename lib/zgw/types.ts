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
  toelichting?: string;
}

export interface ZgwStatus {
  url: string;
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
  vertrouwelijkheidaanduiding?: string;
  _expand?: { zaaktype?: ZgwZaaktype | null; status?: ZgwStatus | null; rollen?: ZgwRol[] };
}

export interface ZgwPage<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}
