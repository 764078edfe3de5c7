import type { ZgwSeed } from '../types.js';
import { GEMEENTE_A_RSIN } from './gemeente-a.js';
import { BEHANDELAAR_B, EENMANSZAAK_KWIK, GOVERT_DE_GEUS, SUZANNE_MOULIN } from './betrokkenen.js';
import { document } from './documents.js';

/** RSIN of gemeente B (any valid RSIN other than A's). */
export const GEMEENTE_B_RSIN = '002220647';

/**
 * Zaaksysteem of gemeente B. ZAAK-2026-0000000107 is gemeente A's zaak (bronorganisatie A),
 * also registered here, so the two sources overlap on exactly one zaak. ZAAK-2026-0000000203
 * belongs to an eenmanszaak without RSIN: only KvK filters (Open Zaak) find it.
 */
export const gemeenteB: ZgwSeed = {
  name: 'gemeente-b',
  organisatie: 'Gemeente B',
  rsin: GEMEENTE_B_RSIN,
  // Open Zaak: also finds organisations by KvK number.
  kvkFilters: true,
  catalogus: { domein: 'GEMB', naam: 'Zaaktypecatalogus gemeente B' },
  zaaktypen: [
    {
      key: 'bezwaar',
      identificatie: 'BEZWAAR',
      omschrijving: 'Bezwaar',
      toelichting:
        'Bent u het niet eens met een besluit van de gemeente? Dan kunt u bezwaar maken. Wij kijken dan opnieuw naar het besluit.',
      indicatieInternOfExtern: 'extern',
      vertrouwelijkheidaanduiding: 'zaakvertrouwelijk',
      doel: 'Heroverwegen van een besluit na bezwaar.',
      aanleiding: 'Bezwaarschrift van een belanghebbende.',
      onderwerp: 'Bezwaar',
      handelingInitiator: 'Indienen',
      handelingBehandelaar: 'Heroverwegen',
      doorlooptijd: 'P12W',
      statustypen: [
        {
          key: 'ontvangen',
          omschrijving: 'Ontvangen',
          statustekst: 'Wij hebben uw bezwaarschrift ontvangen.',
          informeren: true,
        },
        {
          key: 'in-behandeling',
          omschrijving: 'In behandeling',
          statustekst: 'Wij behandelen uw bezwaar.',
          informeren: true,
        },
        {
          key: 'hoorzitting',
          omschrijving: 'Hoorzitting gepland',
          statustekst: 'Wij nodigen u uit voor een hoorzitting.',
          informeren: true,
        },
        {
          key: 'beslissing',
          omschrijving: 'Beslissing op bezwaar',
          statustekst: 'Wij hebben op uw bezwaar beslist.',
          informeren: true,
        },
      ],
      resultaattypen: [
        {
          key: 'gegrond',
          omschrijving: 'Gegrond',
          omschrijvingGeneriek: 'Gegrond',
          archiefnominatie: 'blijvend_bewaren',
        },
        {
          key: 'ongegrond',
          omschrijving: 'Ongegrond',
          omschrijvingGeneriek: 'Ongegrond',
          archiefnominatie: 'blijvend_bewaren',
        },
      ],
    },
    {
      key: 'wmo',
      identificatie: 'WMO-VOORZIENING',
      omschrijving: 'Aanvraag Wmo-voorziening',
      indicatieInternOfExtern: 'extern',
      vertrouwelijkheidaanduiding: 'vertrouwelijk',
      doel: 'Ondersteuning bieden zodat een inwoner zelfstandig kan blijven wonen.',
      aanleiding: 'Melding van een inwoner.',
      onderwerp: 'Wmo',
      handelingInitiator: 'Aanvragen',
      handelingBehandelaar: 'Beoordelen',
      doorlooptijd: 'P8W',
      statustypen: [
        {
          key: 'ontvangen',
          omschrijving: 'Ontvangen',
          statustekst: 'Wij hebben uw melding ontvangen.',
          informeren: true,
        },
        {
          key: 'gesprek',
          omschrijving: 'Gesprek gepland',
          statustekst: 'Wij maken een afspraak voor een gesprek.',
          informeren: true,
        },
        { key: 'besluit', omschrijving: 'Besluit', statustekst: 'Wij hebben een besluit genomen.', informeren: true },
      ],
      resultaattypen: [
        {
          key: 'toegekend',
          omschrijving: 'Toegekend',
          omschrijvingGeneriek: 'Toegekend',
          archiefnominatie: 'vernietigen',
        },
      ],
    },
    {
      key: 'omgevingsvergunning',
      identificatie: 'OMGEVINGSVERGUNNING',
      omschrijving: 'Aanvraag omgevingsvergunning',
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
    {
      key: 'standplaats',
      identificatie: 'STANDPLAATS',
      omschrijving: 'Aanvraag standplaatsvergunning',
      toelichting:
        'Wilt u op een vaste plek iets verkopen, zoals op de markt of op een plein? Dan heeft u een standplaatsvergunning nodig.',
      indicatieInternOfExtern: 'extern',
      vertrouwelijkheidaanduiding: 'openbaar',
      doel: 'Een ondernemer een vaste verkoopplek in de openbare ruimte geven.',
      aanleiding: 'Aanvraag van een ondernemer.',
      onderwerp: 'Standplaatsen',
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
          statustekst: 'Wij kijken of er op deze plek ruimte is.',
          informeren: false,
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
  ],
  zaken: [
    {
      key: 'bezwaar-suzanne',
      // The zaaktype defaults to a stricter level; this zaak is released for the portal.
      vertrouwelijkheidaanduiding: 'beperkt_openbaar',
      identificatie: 'ZAAK-2026-0000000201',
      zaaktype: 'bezwaar',
      omschrijving: 'Bezwaar tegen WOZ-beschikking 2026',
      registratiedatum: '2026-10-20',
      startdatum: '2026-10-20',
      einddatumGepland: '2027-01-12',
      statussen: [
        { statustype: 'ontvangen', gezet: '2026-10-20T10:00:00Z' },
        { statustype: 'in-behandeling', gezet: '2026-11-03T09:30:00Z' },
      ],
      rollen: [
        { omschrijvingGeneriek: 'initiator', natuurlijkPersoon: SUZANNE_MOULIN },
        { omschrijvingGeneriek: 'behandelaar', medewerker: BEHANDELAAR_B },
      ],
      documenten: [
        document('bezwaarschrift', 'Uw bezwaarschrift', '2026-10-20', 'beperkt_openbaar', 'definitief', 'S. Moulin'),
        document('ontvangst', 'Ontvangstbevestiging bezwaar', '2026-10-22', 'openbaar', 'definitief', 'Gemeente B'),
      ],
    },
    {
      key: 'wmo-govert',
      // The zaaktype defaults to a stricter level; this zaak is released for the portal.
      vertrouwelijkheidaanduiding: 'beperkt_openbaar',
      identificatie: 'ZAAK-2026-0000000202',
      zaaktype: 'wmo',
      omschrijving: 'Aanvraag traplift',
      registratiedatum: '2026-11-01',
      startdatum: '2026-11-01',
      einddatumGepland: '2026-12-27',
      statussen: [
        { statustype: 'ontvangen', gezet: '2026-11-01T12:00:00Z' },
        { statustype: 'gesprek', gezet: '2026-11-15T08:45:00Z' },
      ],
      rollen: [{ omschrijvingGeneriek: 'initiator', natuurlijkPersoon: GOVERT_DE_GEUS }],
    },
    {
      key: 'omgevingsvergunning-suzanne',
      identificatie: 'ZAAK-2026-0000000107',
      bronorganisatie: GEMEENTE_A_RSIN,
      zaaktype: 'omgevingsvergunning',
      omschrijving: 'Omgevingsvergunning dakkapel Boterdiep 31',
      registratiedatum: '2026-11-05',
      startdatum: '2026-11-05',
      einddatumGepland: '2026-12-31',
      statussen: [{ statustype: 'ontvangen', gezet: '2026-11-05T16:20:00Z' }],
      rollen: [{ omschrijvingGeneriek: 'initiator', natuurlijkPersoon: SUZANNE_MOULIN }],
    },
    {
      key: 'standplaats-kwik',
      identificatie: 'ZAAK-2026-0000000203',
      zaaktype: 'standplaats',
      omschrijving: 'Standplaats poffertjeskraam Grote Markt',
      registratiedatum: '2026-10-28',
      startdatum: '2026-10-28',
      einddatumGepland: '2026-12-23',
      statussen: [
        { statustype: 'ontvangen', gezet: '2026-10-28T09:00:00Z' },
        { statustype: 'beoordeling', gezet: '2026-11-04T14:00:00Z' },
      ],
      rollen: [
        { omschrijvingGeneriek: 'initiator', nietNatuurlijkPersoon: EENMANSZAAK_KWIK },
        { omschrijvingGeneriek: 'behandelaar', medewerker: BEHANDELAAR_B },
      ],
    },
  ],
};
