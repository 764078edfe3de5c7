import type {
  CatalogusRecord,
  InformatieObjectRecord,
  ZaakInformatieObjectRecord,
  ResultaatRecord,
  ResultaattypeRecord,
  RolRecord,
  RoltypeRecord,
  StatusRecord,
  StatustypeRecord,
  ZaakRecord,
  ZaaktypeRecord,
  ZgwStore,
} from './store.js';

/** API roots under the simulator's base URL, as Open Zaak serves them. */
export const ZAKEN_ROOT = '/zaken/api/v1';
export const CATALOGI_ROOT = '/catalogi/api/v1';
export const DOCUMENTEN_ROOT = '/documenten/api/v1';

/** Absolute resource URLs: ZGW resources refer to each other by URL, never by bare id. */
export class Urls {
  constructor(readonly base: string) {}
  zaak = (uuid: string): string => `${this.base}${ZAKEN_ROOT}/zaken/${uuid}`;
  status = (uuid: string): string => `${this.base}${ZAKEN_ROOT}/statussen/${uuid}`;
  resultaat = (uuid: string): string => `${this.base}${ZAKEN_ROOT}/resultaten/${uuid}`;
  rol = (uuid: string): string => `${this.base}${ZAKEN_ROOT}/rollen/${uuid}`;
  catalogus = (uuid: string): string => `${this.base}${CATALOGI_ROOT}/catalogussen/${uuid}`;
  zaaktype = (uuid: string): string => `${this.base}${CATALOGI_ROOT}/zaaktypen/${uuid}`;
  statustype = (uuid: string): string => `${this.base}${CATALOGI_ROOT}/statustypen/${uuid}`;
  resultaattype = (uuid: string): string => `${this.base}${CATALOGI_ROOT}/resultaattypen/${uuid}`;
  roltype = (uuid: string): string => `${this.base}${CATALOGI_ROOT}/roltypen/${uuid}`;
  zaakinformatieobject = (uuid: string): string => `${this.base}${ZAKEN_ROOT}/zaakinformatieobjecten/${uuid}`;
  informatieobject = (uuid: string): string => `${this.base}${DOCUMENTEN_ROOT}/enkelvoudiginformatieobjecten/${uuid}`;
  objectinformatieobject = (uuid: string): string => `${this.base}${DOCUMENTEN_ROOT}/objectinformatieobjecten/${uuid}`;
}

/** The UUID at the end of a resource URL of the given collection, if it is one. */
export function uuidFromUrl(url: string, collection: string): string | undefined {
  const match = new RegExp(`/${collection}/([0-9a-f-]{36})/?$`, 'i').exec(url);
  return match?.[1]?.toLowerCase();
}

type JsonRecord = Record<string, unknown>;

export function renderCatalogus(store: ZgwStore, c: CatalogusRecord, urls: Urls): JsonRecord {
  return {
    url: urls.catalogus(c.uuid),
    domein: c.domein,
    rsin: c.rsin,
    contactpersoonBeheerNaam: 'Team Zaakgericht Werken',
    contactpersoonBeheerTelefoonnummer: '',
    contactpersoonBeheerEmailadres: '',
    zaaktypen: store.zaaktypen.map((z) => urls.zaaktype(z.uuid)),
    besluittypen: [],
    informatieobjecttypen: [],
    naam: c.naam,
    versie: '1',
    begindatumVersie: '2024-01-01',
  };
}

export function renderZaaktype(store: ZgwStore, z: ZaaktypeRecord, urls: Urls): JsonRecord {
  return {
    url: urls.zaaktype(z.uuid),
    identificatie: z.identificatie,
    omschrijving: z.omschrijving,
    omschrijvingGeneriek: '',
    vertrouwelijkheidaanduiding: z.vertrouwelijkheidaanduiding,
    doel: z.doel,
    aanleiding: z.aanleiding,
    toelichting: z.toelichting ?? '',
    indicatieInternOfExtern: z.indicatieInternOfExtern,
    handelingInitiator: z.handelingInitiator,
    onderwerp: z.onderwerp,
    handelingBehandelaar: z.handelingBehandelaar,
    doorlooptijd: z.doorlooptijd,
    servicenorm: null,
    opschortingEnAanhoudingMogelijk: false,
    verlengingMogelijk: false,
    verlengingstermijn: null,
    trefwoorden: [],
    publicatieIndicatie: false,
    publicatietekst: '',
    verantwoordingsrelatie: [],
    productenOfDiensten: z.productenOfDiensten ?? [],
    selectielijstProcestype: '',
    referentieproces: { naam: z.omschrijving, link: '' },
    verantwoordelijke: store.seed.organisatie,
    broncatalogus: null,
    bronzaaktype: null,
    catalogus: urls.catalogus(store.catalogus.uuid),
    statustypen: z.statustypen.map((s) => urls.statustype(s.uuid)),
    resultaattypen: z.resultaattypen.map((r) => urls.resultaattype(r.uuid)),
    eigenschappen: [],
    informatieobjecttypen: [],
    roltypen: z.roltypen.map((r) => urls.roltype(r.uuid)),
    besluittypen: [],
    deelzaaktypen: [],
    gerelateerdeZaaktypen: [],
    zaakobjecttypen: [],
    beginGeldigheid: '2024-01-01',
    eindeGeldigheid: null,
    beginObject: '2024-01-01',
    eindeObject: null,
    versiedatum: '2024-01-01',
    concept: false,
  };
}

export function renderStatustype(store: ZgwStore, s: StatustypeRecord, urls: Urls): JsonRecord {
  return {
    url: urls.statustype(s.uuid),
    omschrijving: s.omschrijving,
    omschrijvingGeneriek: '',
    statustekst: s.statustekst,
    zaaktype: urls.zaaktype(s.zaaktype),
    zaaktypeIdentificatie: store.zaaktype(s.zaaktype)?.identificatie ?? '',
    volgnummer: s.volgnummer,
    isEindstatus: s.isEindstatus,
    informeren: s.informeren,
    doorlooptijd: null,
    toelichting: '',
    checklistitemStatustype: [],
    catalogus: urls.catalogus(store.catalogus.uuid),
    eigenschappen: [],
    zaakobjecttypen: [],
    beginGeldigheid: '2024-01-01',
    eindeGeldigheid: null,
    beginObject: '2024-01-01',
    eindeObject: null,
  };
}

export function renderResultaattype(store: ZgwStore, r: ResultaattypeRecord, urls: Urls): JsonRecord {
  return {
    url: urls.resultaattype(r.uuid),
    zaaktype: urls.zaaktype(r.zaaktype),
    zaaktypeIdentificatie: store.zaaktype(r.zaaktype)?.identificatie ?? '',
    omschrijving: r.omschrijving,
    resultaattypeomschrijving: '',
    omschrijvingGeneriek: r.omschrijvingGeneriek,
    selectielijstklasse: '',
    toelichting: '',
    archiefnominatie: r.archiefnominatie,
    archiefactietermijn: r.archiefnominatie === 'vernietigen' ? 'P5Y' : null,
    brondatumArchiefprocedure: null,
    procesobjectaard: '',
    catalogus: urls.catalogus(store.catalogus.uuid),
    beginGeldigheid: '2024-01-01',
    eindeGeldigheid: null,
    beginObject: '2024-01-01',
    eindeObject: null,
    indicatieSpecifiek: null,
    procestermijn: null,
    besluittypen: [],
    besluittypeOmschrijving: [],
    informatieobjecttypen: [],
    informatieobjecttypeOmschrijving: [],
    zaakobjecttypen: [],
  };
}

export function renderRoltype(store: ZgwStore, r: RoltypeRecord, urls: Urls): JsonRecord {
  return {
    url: urls.roltype(r.uuid),
    zaaktype: urls.zaaktype(r.zaaktype),
    zaaktypeIdentificatie: store.zaaktype(r.zaaktype)?.identificatie ?? '',
    omschrijving: r.omschrijving,
    omschrijvingGeneriek: r.omschrijvingGeneriek,
    catalogus: urls.catalogus(store.catalogus.uuid),
    beginGeldigheid: '2024-01-01',
    eindeGeldigheid: null,
    beginObject: '2024-01-01',
    eindeObject: null,
  };
}

export function renderStatus(store: ZgwStore, s: StatusRecord, urls: Urls): JsonRecord {
  return {
    url: urls.status(s.uuid),
    uuid: s.uuid,
    zaak: urls.zaak(s.zaak),
    statustype: urls.statustype(s.statustype),
    datumStatusGezet: s.datumStatusGezet,
    statustoelichting: s.statustoelichting,
    indicatieLaatstGezetteStatus: store.huidigeStatus(s.zaak)?.uuid === s.uuid,
    gezetdoor: null,
    zaakinformatieobjecten: [],
  };
}

export function renderResultaat(r: ResultaatRecord, urls: Urls): JsonRecord {
  return {
    url: urls.resultaat(r.uuid),
    uuid: r.uuid,
    zaak: urls.zaak(r.zaak),
    resultaattype: urls.resultaattype(r.resultaattype),
    toelichting: r.toelichting,
  };
}

export function renderRol(r: RolRecord, urls: Urls): JsonRecord {
  return {
    url: urls.rol(r.uuid),
    uuid: r.uuid,
    zaak: urls.zaak(r.zaak),
    betrokkene: '',
    betrokkeneType: r.betrokkeneType,
    afwijkendeNaamBetrokkene: '',
    roltype: urls.roltype(r.roltype),
    omschrijving: r.omschrijving,
    omschrijvingGeneriek: r.omschrijvingGeneriek,
    roltoelichting: r.roltoelichting,
    registratiedatum: r.registratiedatum,
    indicatieMachtiging: '',
    contactpersoonRol: null,
    statussen: [],
    betrokkeneIdentificatie: r.betrokkeneIdentificatie,
  };
}

export function renderZaakInformatieObject(zio: ZaakInformatieObjectRecord, urls: Urls): JsonRecord {
  return {
    url: urls.zaakinformatieobject(zio.uuid),
    uuid: zio.uuid,
    informatieobject: urls.informatieobject(zio.informatieobject),
    zaak: urls.zaak(zio.zaak),
    aardRelatieWeergave: 'Hoort bij, omgekeerd: kent',
    titel: zio.titel,
    beschrijving: '',
    registratiedatum: zio.registratiedatum,
    vernietigingsdatum: null,
    status: null,
  };
}

/** A zaakinformatieobject as the Documenten API mirrors it (`objectinformatieobjecten`). */
export function renderObjectInformatieObject(zio: ZaakInformatieObjectRecord, urls: Urls): JsonRecord {
  return {
    url: urls.objectinformatieobject(zio.uuid),
    informatieobject: urls.informatieobject(zio.informatieobject),
    object: urls.zaak(zio.zaak),
    objectType: 'zaak',
  };
}

/** The latest (and only) version of an `EnkelvoudigInformatieObject`, as Open Zaak renders it. */
export function renderInformatieObject(d: InformatieObjectRecord, urls: Urls): JsonRecord {
  const url = urls.informatieobject(d.uuid);
  return {
    url,
    identificatie: d.identificatie,
    bronorganisatie: d.bronorganisatie,
    creatiedatum: d.creatiedatum,
    titel: d.titel,
    vertrouwelijkheidaanduiding: d.vertrouwelijkheidaanduiding,
    auteur: d.auteur,
    status: d.status,
    formaat: d.formaat,
    taal: 'dut',
    versie: 1,
    beginRegistratie: d.beginRegistratie,
    bestandsnaam: d.bestandsnaam,
    inhoud: `${url}/download?versie=1`,
    bestandsomvang: d.inhoud.length,
    link: '',
    beschrijving: d.beschrijving,
    ontvangstdatum: null,
    verzenddatum: null,
    indicatieGebruiksrecht: false,
    verschijningsvorm: '',
    ondertekening: null,
    integriteit: null,
    informatieobjecttype: '',
    locked: false,
    bestandsdelen: [],
    trefwoorden: [],
  };
}

export function renderZaak(store: ZgwStore, z: ZaakRecord, urls: Urls): JsonRecord {
  const status = store.huidigeStatus(z.uuid);
  const resultaat = store.resultaatVan(z.uuid);
  return {
    url: urls.zaak(z.uuid),
    uuid: z.uuid,
    identificatie: z.identificatie,
    bronorganisatie: z.bronorganisatie,
    omschrijving: z.omschrijving,
    toelichting: z.toelichting,
    zaaktype: urls.zaaktype(z.zaaktype),
    registratiedatum: z.registratiedatum,
    verantwoordelijkeOrganisatie: z.verantwoordelijkeOrganisatie,
    startdatum: z.startdatum,
    einddatum: z.einddatum,
    einddatumGepland: z.einddatumGepland,
    uiterlijkeEinddatumAfdoening: z.uiterlijkeEinddatumAfdoening,
    publicatiedatum: null,
    communicatiekanaal: '',
    communicatiekanaalNaam: '',
    productenOfDiensten: [],
    vertrouwelijkheidaanduiding: z.vertrouwelijkheidaanduiding,
    betalingsindicatie: '',
    betalingsindicatieWeergave: '',
    laatsteBetaaldatum: null,
    zaakgeometrie: null,
    verlenging: null,
    opschorting: { indicatie: false, reden: '' },
    selectielijstklasse: '',
    hoofdzaak: null,
    deelzaken: [],
    relevanteAndereZaken: [],
    eigenschappen: [],
    rollen: store.rollenVan(z.uuid).map((r) => urls.rol(r.uuid)),
    status: status ? urls.status(status.uuid) : null,
    zaakinformatieobjecten: store.zaakinformatieobjectenVan(z.uuid).map((zio) => urls.zaakinformatieobject(zio.uuid)),
    zaakobjecten: [],
    kenmerken: [],
    archiefnominatie: null,
    archiefstatus: 'nog_te_archiveren',
    archiefactiedatum: null,
    resultaat: resultaat ? urls.resultaat(resultaat.uuid) : null,
    opdrachtgevendeOrganisatie: '',
    processobjectaard: '',
    startdatumBewaartermijn: null,
    processobject: null,
  };
}

/** The `expand` values of Open Zaak's `GET /zaken` (its OpenAPI enum). */
export const EXPAND_CHOICES = [
  'zaaktype',
  'status',
  'status.statustype',
  'resultaat',
  'resultaat.resultaattype',
  'rollen',
  'rollen.roltype',
  'eigenschappen',
  'eigenschappen.eigenschap',
  'zaakinformatieobjecten',
  'zaakobjecten',
  'hoofdzaak',
  'deelzaken',
  ...['hoofdzaak', 'deelzaken'].flatMap((parent) =>
    [
      'resultaat',
      'resultaat.resultaattype',
      'rollen',
      'rollen.roltype',
      'status',
      'status.statustype',
      'zaakinformatieobjecten',
      'zaakobjecten',
      'zaaktype',
    ].map((child) => `${parent}.${child}`),
  ),
] as const;

/**
 * Open Zaak's `expand`: the requested related resources go into `_expand`, nested ones into the
 * `_expand` of their parent (`_expand.status._expand.statustype`). A missing single resource is
 * `null`. The seeds have no hoofd-/deelzaken, eigenschappen or objecten, so those expand to
 * `null` or `[]`.
 */
export function expandZaak(store: ZgwStore, z: ZaakRecord, urls: Urls, expand: ReadonlySet<string>): JsonRecord {
  const zaak = renderZaak(store, z, urls);
  if (expand.size === 0) return zaak;
  const _expand: JsonRecord = {};
  if (expand.has('zaaktype')) {
    const zaaktype = store.zaaktype(z.zaaktype);
    _expand['zaaktype'] = zaaktype ? renderZaaktype(store, zaaktype, urls) : null;
  }
  if (expand.has('status') || expand.has('status.statustype')) {
    const status = store.huidigeStatus(z.uuid);
    const statustype = status ? store.statustype(status.statustype) : undefined;
    _expand['status'] = status
      ? {
          ...renderStatus(store, status, urls),
          ...(expand.has('status.statustype') && statustype
            ? { _expand: { statustype: renderStatustype(store, statustype, urls) } }
            : {}),
        }
      : null;
  }
  if (expand.has('resultaat') || expand.has('resultaat.resultaattype')) {
    const resultaat = store.resultaatVan(z.uuid);
    const resultaattype = resultaat ? store.resultaattype(resultaat.resultaattype) : undefined;
    _expand['resultaat'] = resultaat
      ? {
          ...renderResultaat(resultaat, urls),
          ...(expand.has('resultaat.resultaattype') && resultaattype
            ? { _expand: { resultaattype: renderResultaattype(store, resultaattype, urls) } }
            : {}),
        }
      : null;
  }
  if (expand.has('rollen') || expand.has('rollen.roltype')) {
    _expand['rollen'] = store.rollenVan(z.uuid).map((rol) => {
      const roltype = store.roltype(rol.roltype);
      return {
        ...renderRol(rol, urls),
        ...(expand.has('rollen.roltype') && roltype
          ? { _expand: { roltype: renderRoltype(store, roltype, urls) } }
          : {}),
      };
    });
  }
  if (expand.has('zaakinformatieobjecten')) {
    _expand['zaakinformatieobjecten'] = store
      .zaakinformatieobjectenVan(z.uuid)
      .map((zio) => renderZaakInformatieObject(zio, urls));
  }
  for (const many of ['eigenschappen', 'zaakobjecten', 'deelzaken']) {
    if ([...expand].some((e) => e === many || e.startsWith(`${many}.`))) _expand[many] = [];
  }
  if ([...expand].some((e) => e === 'hoofdzaak' || e.startsWith('hoofdzaak.'))) _expand['hoofdzaak'] = null;
  return { ...zaak, _expand };
}
