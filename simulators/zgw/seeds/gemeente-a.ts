import type { ZgwSeed } from '../types.js';
import { document } from './documents.js';
import {
  BEHANDELAAR_A,
  EVENEMENTENBUREAU,
  EVENEMENTENBUREAU_VESTIGING,
  GOVERT_BRAAKSMA,
  SUZANNE_MOULIN,
} from './betrokkenen.js';

/** RSIN of gemeente A (a Rotterdam-like municipality). */
export const GEMEENTE_A_RSIN = '002564440';

/**
 * Zaaksysteem of gemeente A. Besides what a resident should see, it holds zaken a portal must
 * NOT show Suzanne: one where she is only belanghebbende, one of an internal zaaktype, and one
 * marked geheim. ZAAK-2026-0000000107 is also registered in gemeente B's zaaksysteem. It behaves as a
 * standard Zaken API 1.5.1 (no KvK filters); gemeente B's is Open Zaak.
 */
export const gemeenteA: ZgwSeed = {
  name: 'gemeente-a',
  organisatie: 'Gemeente A',
  rsin: GEMEENTE_A_RSIN,
  // A standard Zaken API 1.5.1: organisations only by RSIN or vestigingsnummer.
  kvkFilters: false,
  catalogus: { domein: 'GEMA', naam: 'Zaaktypecatalogus gemeente A' },
  zaaktypen: [
    {
      key: 'parkeervergunning',
      identificatie: 'PARKEERVERGUNNING',
      omschrijving: 'Aanvraag parkeervergunning',
      toelichting:
        'Met een parkeervergunning voor bewoners parkeert u in uw eigen wijk. Wij kijken of u in de wijk woont en of de auto op uw naam staat.',
      indicatieInternOfExtern: 'extern',
      vertrouwelijkheidaanduiding: 'openbaar',
      doel: 'Een bewoner een parkeervergunning verlenen.',
      aanleiding: 'Aanvraag van een bewoner.',
      onderwerp: 'Parkeervergunning',
      handelingInitiator: 'Aanvragen',
      handelingBehandelaar: 'Behandelen',
      doorlooptijd: 'P8W',
      productenOfDiensten: ['https://producten.gemeente-a.example/parkeervergunning-bewoners'],
      statustypen: [
        {
          key: 'ontvangen',
          omschrijving: 'Ontvangen',
          statustekst: 'Wij hebben uw aanvraag ontvangen.',
          informeren: true,
        },
        {
          key: 'in-behandeling',
          omschrijving: 'In behandeling',
          statustekst: 'Wij behandelen uw aanvraag. U hoort binnen 8 weken van ons.',
          informeren: true,
        },
        {
          key: 'afgerond',
          omschrijving: 'Afgerond',
          statustekst: 'Wij hebben een besluit genomen over uw aanvraag.',
          informeren: true,
        },
      ],
      resultaattypen: [
        {
          key: 'verleend',
          omschrijving: 'Verleend',
          omschrijvingGeneriek: 'Toegekend',
          archiefnominatie: 'vernietigen',
        },
        {
          key: 'geweigerd',
          omschrijving: 'Geweigerd',
          omschrijvingGeneriek: 'Geweigerd',
          archiefnominatie: 'vernietigen',
        },
      ],
    },
    {
      key: 'melding-openbare-ruimte',
      identificatie: 'MOR',
      omschrijving: 'Melding openbare ruimte',
      toelichting: 'Ziet u iets kapot of vies op straat? Dan meldt u dat bij ons. Wij zorgen dat het wordt opgelost.',
      indicatieInternOfExtern: 'extern',
      vertrouwelijkheidaanduiding: 'openbaar',
      doel: 'Gebreken in de openbare ruimte verhelpen.',
      aanleiding: 'Melding van een bewoner.',
      onderwerp: 'Openbare ruimte',
      handelingInitiator: 'Melden',
      handelingBehandelaar: 'Afhandelen',
      doorlooptijd: 'P2W',
      statustypen: [
        { key: 'gemeld', omschrijving: 'Gemeld', statustekst: 'Wij hebben uw melding ontvangen.', informeren: false },
        {
          key: 'ingepland',
          omschrijving: 'Ingepland',
          statustekst: 'Wij hebben het werk ingepland.',
          informeren: false,
        },
        {
          key: 'afgehandeld',
          omschrijving: 'Afgehandeld',
          statustekst: 'Wij hebben uw melding afgehandeld.',
          informeren: true,
        },
      ],
      resultaattypen: [
        {
          key: 'opgelost',
          omschrijving: 'Opgelost',
          omschrijvingGeneriek: 'Afgehandeld',
          archiefnominatie: 'vernietigen',
        },
      ],
    },
    {
      key: 'handhaving',
      identificatie: 'HANDHAVING',
      omschrijving: 'Handhavingsverzoek',
      indicatieInternOfExtern: 'extern',
      vertrouwelijkheidaanduiding: 'zaakvertrouwelijk',
      doel: 'Toezien op naleving van regels in de fysieke leefomgeving.',
      aanleiding: 'Verzoek om handhaving.',
      onderwerp: 'Handhaving',
      handelingInitiator: 'Verzoeken',
      handelingBehandelaar: 'Onderzoeken',
      doorlooptijd: 'P8W',
      statustypen: [
        {
          key: 'ontvangen',
          omschrijving: 'Ontvangen',
          statustekst: 'Wij hebben het verzoek ontvangen.',
          informeren: true,
        },
        { key: 'onderzoek', omschrijving: 'Onderzoek', statustekst: 'Wij onderzoeken de situatie.', informeren: false },
        { key: 'besluit', omschrijving: 'Besluit', statustekst: 'Wij hebben een besluit genomen.', informeren: true },
      ],
      resultaattypen: [
        {
          key: 'gegrond',
          omschrijving: 'Gegrond',
          omschrijvingGeneriek: 'Gegrond',
          archiefnominatie: 'blijvend_bewaren',
        },
      ],
    },
    {
      key: 'adresonderzoek',
      identificatie: 'ADRESONDERZOEK',
      omschrijving: 'Adresonderzoek',
      indicatieInternOfExtern: 'intern',
      vertrouwelijkheidaanduiding: 'vertrouwelijk',
      doel: 'Vaststellen of de inschrijving in de BRP juist is.',
      aanleiding: 'Signaal over een onjuiste inschrijving.',
      onderwerp: 'BRP-adresonderzoek',
      handelingInitiator: 'Melden',
      handelingBehandelaar: 'Onderzoeken',
      doorlooptijd: 'P12W',
      statustypen: [
        { key: 'gestart', omschrijving: 'Gestart', statustekst: 'Het onderzoek is gestart.', informeren: false },
        { key: 'afgerond', omschrijving: 'Afgerond', statustekst: 'Het onderzoek is afgerond.', informeren: false },
      ],
      resultaattypen: [
        {
          key: 'vastgesteld',
          omschrijving: 'Vastgesteld',
          omschrijvingGeneriek: 'Vastgesteld',
          archiefnominatie: 'blijvend_bewaren',
        },
      ],
    },
    {
      key: 'schuldhulpverlening',
      identificatie: 'SCHULDHULP',
      omschrijving: 'Aanvraag schuldhulpverlening',
      indicatieInternOfExtern: 'extern',
      vertrouwelijkheidaanduiding: 'vertrouwelijk',
      doel: 'Een inwoner helpen met problematische schulden.',
      aanleiding: 'Aanvraag van een inwoner.',
      onderwerp: 'Schuldhulpverlening',
      handelingInitiator: 'Aanvragen',
      handelingBehandelaar: 'Begeleiden',
      doorlooptijd: 'P8W',
      statustypen: [
        {
          key: 'aangemeld',
          omschrijving: 'Aangemeld',
          statustekst: 'Wij hebben uw aanmelding ontvangen.',
          informeren: true,
        },
        { key: 'traject', omschrijving: 'Traject gestart', statustekst: 'Uw traject is gestart.', informeren: true },
        { key: 'beeindigd', omschrijving: 'Beëindigd', statustekst: 'Uw traject is beëindigd.', informeren: true },
      ],
      resultaattypen: [
        {
          key: 'afgerond',
          omschrijving: 'Afgerond',
          omschrijvingGeneriek: 'Afgehandeld',
          archiefnominatie: 'vernietigen',
        },
      ],
    },
    {
      key: 'evenementenvergunning',
      identificatie: 'EVENEMENT',
      omschrijving: 'Aanvraag evenementenvergunning',
      indicatieInternOfExtern: 'extern',
      vertrouwelijkheidaanduiding: 'openbaar',
      doel: 'Een evenement toestaan onder voorwaarden.',
      aanleiding: 'Aanvraag van een organisator.',
      onderwerp: 'Evenementen',
      handelingInitiator: 'Aanvragen',
      handelingBehandelaar: 'Behandelen',
      doorlooptijd: 'P10W',
      statustypen: [
        {
          key: 'ontvangen',
          omschrijving: 'Ontvangen',
          statustekst: 'Wij hebben uw aanvraag ontvangen.',
          informeren: true,
        },
        {
          key: 'advies',
          omschrijving: 'Advies hulpdiensten',
          statustekst: 'Wij vragen advies aan politie en brandweer.',
          informeren: true,
        },
        { key: 'besluit', omschrijving: 'Besluit', statustekst: 'Wij hebben een besluit genomen.', informeren: true },
      ],
      resultaattypen: [
        {
          key: 'verleend',
          omschrijving: 'Verleend',
          omschrijvingGeneriek: 'Toegekend',
          archiefnominatie: 'vernietigen',
        },
      ],
    },
    {
      key: 'terrasvergunning',
      identificatie: 'TERRAS',
      omschrijving: 'Aanvraag terrasvergunning',
      indicatieInternOfExtern: 'extern',
      vertrouwelijkheidaanduiding: 'openbaar',
      doel: 'Een horecaterras toestaan.',
      aanleiding: 'Aanvraag van een ondernemer.',
      onderwerp: 'Horeca',
      handelingInitiator: 'Aanvragen',
      handelingBehandelaar: 'Behandelen',
      doorlooptijd: 'P8W',
      statustypen: [
        {
          key: 'ontvangen',
          omschrijving: 'Ontvangen',
          statustekst: 'Wij hebben uw aanvraag ontvangen.',
          informeren: true,
        },
        { key: 'besluit', omschrijving: 'Besluit', statustekst: 'Wij hebben een besluit genomen.', informeren: true },
      ],
      resultaattypen: [
        {
          key: 'verleend',
          omschrijving: 'Verleend',
          omschrijvingGeneriek: 'Toegekend',
          archiefnominatie: 'vernietigen',
        },
      ],
    },
    {
      key: 'omgevingsvergunning',
      identificatie: 'OMGEVINGSVERGUNNING',
      omschrijving: 'Aanvraag omgevingsvergunning',
      toelichting:
        'Wilt u iets bouwen of verbouwen, zoals een dakkapel? Dan heeft u soms een omgevingsvergunning nodig. Wij kijken of uw plan mag.',
      indicatieInternOfExtern: 'extern',
      vertrouwelijkheidaanduiding: 'openbaar',
      doel: 'Beslissen over een activiteit in de fysieke leefomgeving.',
      aanleiding: 'Aanvraag via het Omgevingsloket.',
      onderwerp: 'Omgevingsvergunning',
      handelingInitiator: 'Aanvragen',
      handelingBehandelaar: 'Behandelen',
      doorlooptijd: 'P8W',
      statustypen: [
        {
          key: 'ontvangen',
          omschrijving: 'Ontvangen',
          statustekst: 'Wij hebben uw aanvraag ontvangen.',
          informeren: true,
        },
        {
          key: 'beoordeling',
          omschrijving: 'Beoordeling',
          statustekst: 'Wij beoordelen uw aanvraag.',
          informeren: true,
        },
        { key: 'besluit', omschrijving: 'Besluit', statustekst: 'Wij hebben een besluit genomen.', informeren: true },
      ],
      resultaattypen: [
        {
          key: 'verleend',
          omschrijving: 'Verleend',
          omschrijvingGeneriek: 'Toegekend',
          archiefnominatie: 'blijvend_bewaren',
        },
      ],
    },
  ],
  zaken: [
    {
      key: 'parkeervergunning-suzanne',
      identificatie: 'ZAAK-2026-0000000101',
      zaaktype: 'parkeervergunning',
      omschrijving: 'Parkeervergunning bewoners Boterdiep',
      registratiedatum: '2026-11-02',
      startdatum: '2026-11-02',
      einddatumGepland: '2026-12-28',
      uiterlijkeEinddatumAfdoening: '2026-12-28',
      statussen: [
        { statustype: 'ontvangen', gezet: '2026-11-02T09:14:00Z' },
        {
          statustype: 'in-behandeling',
          gezet: '2026-11-10T13:30:00Z',
          toelichting: 'Kenteken gecontroleerd bij de RDW.',
        },
      ],
      rollen: [
        { omschrijvingGeneriek: 'initiator', natuurlijkPersoon: SUZANNE_MOULIN },
        { omschrijvingGeneriek: 'behandelaar', medewerker: BEHANDELAAR_A },
      ],
      documenten: [
        document('aanvraag', 'Aanvraag parkeervergunning', '2026-11-02', 'openbaar', 'definitief', 'S. Moulin'),
        document('kenteken', 'Kopie kentekenbewijs', '2026-11-02', 'beperkt_openbaar', 'definitief', 'S. Moulin'),
        // Not for the resident: more confidential than the portal's maximum, and still a draft.
        document('advies', 'Advies parkeerbeheer', '2026-11-09', 'vertrouwelijk', 'definitief', 'Team Parkeren'),
        document('concept', 'Concept besluit parkeervergunning', '2026-11-12', 'openbaar', 'in_bewerking', 'P. Jansen'),
      ],
    },
    {
      key: 'mor-suzanne',
      identificatie: 'ZAAK-2026-0000000102',
      zaaktype: 'melding-openbare-ruimte',
      omschrijving: 'Losliggende stoeptegels Boterdiep',
      registratiedatum: '2026-09-01',
      startdatum: '2026-09-01',
      einddatumGepland: '2026-09-15',
      statussen: [
        { statustype: 'gemeld', gezet: '2026-09-01T08:02:00Z' },
        { statustype: 'ingepland', gezet: '2026-09-03T10:00:00Z' },
        { statustype: 'afgehandeld', gezet: '2026-09-10T15:45:00Z', toelichting: 'De tegels zijn opnieuw gelegd.' },
      ],
      resultaat: { resultaattype: 'opgelost', toelichting: 'Stoeptegels hersteld.' },
      rollen: [{ omschrijvingGeneriek: 'initiator', natuurlijkPersoon: SUZANNE_MOULIN }],
      documenten: [
        document('afhandeling', 'Afhandeling van uw melding', '2026-09-10', 'openbaar', 'definitief', 'Gemeente A'),
      ],
    },
    {
      // Suzanne is only belanghebbende: the neighbour asked for enforcement against her shed.
      key: 'handhaving-schuur',
      identificatie: 'ZAAK-2026-0000000103',
      zaaktype: 'handhaving',
      omschrijving: 'Handhavingsverzoek schuur achtertuin Boterdiep 31',
      registratiedatum: '2026-10-05',
      startdatum: '2026-10-05',
      statussen: [
        { statustype: 'ontvangen', gezet: '2026-10-05T11:00:00Z' },
        { statustype: 'onderzoek', gezet: '2026-10-20T09:00:00Z' },
      ],
      rollen: [
        { omschrijvingGeneriek: 'initiator', natuurlijkPersoon: GOVERT_BRAAKSMA },
        { omschrijvingGeneriek: 'belanghebbende', natuurlijkPersoon: SUZANNE_MOULIN },
        { omschrijvingGeneriek: 'behandelaar', medewerker: BEHANDELAAR_A },
      ],
      // Openbaar, but its zaak is not Suzanne's to see: it must not reach her either.
      documenten: [
        document('verzoek', 'Handhavingsverzoek schuur', '2026-10-05', 'openbaar', 'definitief', 'G. Braaksma'),
      ],
    },
    {
      // Internal zaaktype: never shown to the resident even though she is initiator.
      key: 'adresonderzoek-suzanne',
      identificatie: 'ZAAK-2026-0000000104',
      zaaktype: 'adresonderzoek',
      omschrijving: 'Adresonderzoek Boterdiep 31 na melding bewoner',
      registratiedatum: '2026-10-12',
      startdatum: '2026-10-12',
      statussen: [{ statustype: 'gestart', gezet: '2026-10-12T10:00:00Z' }],
      rollen: [{ omschrijvingGeneriek: 'initiator', natuurlijkPersoon: SUZANNE_MOULIN }],
    },
    {
      // Marked geheim on the zaak itself (stricter than its zaaktype).
      key: 'schuldhulp-suzanne',
      identificatie: 'ZAAK-2026-0000000105',
      zaaktype: 'schuldhulpverlening',
      omschrijving: 'Aanmelding schuldhulpverlening',
      vertrouwelijkheidaanduiding: 'geheim',
      registratiedatum: '2026-08-18',
      startdatum: '2026-08-18',
      statussen: [
        { statustype: 'aangemeld', gezet: '2026-08-18T14:00:00Z' },
        { statustype: 'traject', gezet: '2026-09-01T09:00:00Z' },
      ],
      rollen: [{ omschrijvingGeneriek: 'initiator', natuurlijkPersoon: SUZANNE_MOULIN }],
    },
    {
      key: 'evenement-maasstad',
      identificatie: 'ZAAK-2026-0000000106',
      zaaktype: 'evenementenvergunning',
      omschrijving: 'Evenementenvergunning Kadefestival 2027',
      registratiedatum: '2026-10-01',
      startdatum: '2026-10-01',
      einddatumGepland: '2026-12-10',
      statussen: [
        { statustype: 'ontvangen', gezet: '2026-10-01T08:30:00Z' },
        { statustype: 'advies', gezet: '2026-10-15T12:00:00Z' },
      ],
      rollen: [
        { omschrijvingGeneriek: 'initiator', nietNatuurlijkPersoon: EVENEMENTENBUREAU },
        { omschrijvingGeneriek: 'behandelaar', medewerker: BEHANDELAAR_A },
      ],
    },
    {
      // Also registered in gemeente B's zaaksysteem (same bronorganisatie + identificatie).
      key: 'omgevingsvergunning-suzanne',
      identificatie: 'ZAAK-2026-0000000107',
      zaaktype: 'omgevingsvergunning',
      omschrijving: 'Omgevingsvergunning dakkapel Boterdiep 31',
      registratiedatum: '2026-11-05',
      startdatum: '2026-11-05',
      einddatumGepland: '2026-12-31',
      statussen: [{ statustype: 'ontvangen', gezet: '2026-11-05T16:20:00Z' }],
      rollen: [{ omschrijvingGeneriek: 'initiator', natuurlijkPersoon: SUZANNE_MOULIN }],
    },
    {
      key: 'terras-cafe-de-kade',
      identificatie: 'ZAAK-2026-0000000108',
      zaaktype: 'terrasvergunning',
      omschrijving: 'Terrasvergunning Café De Kade',
      registratiedatum: '2026-11-12',
      startdatum: '2026-11-12',
      statussen: [{ statustype: 'ontvangen', gezet: '2026-11-12T10:10:00Z' }],
      rollen: [{ omschrijvingGeneriek: 'initiator', vestiging: EVENEMENTENBUREAU_VESTIGING }],
    },
  ],
};
