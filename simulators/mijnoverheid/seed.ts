/**
 * What MijnOverheid holds for the test persons: Berichtenbox berichten and Lopende Zaken.
 * ZAAK-2026-0000000101 of gemeente A (RSIN 002564440) is also in gemeente A's zaaksysteem
 * (simulators/zgw), so a portal sees the same zaak from two sources.
 */

/** OINs of the senders (OIN = `00000001` + RSIN + `000` for organisations with an RSIN). */
export const OIN = {
  belastingdienst: '00000001003214345000',
  gemeenteA: '00000001002564440000',
  gemeenteB: '00000001002220647000',
  rdw: '00000001804770694000',
  kvk: '00000001820646660000',
  uwv: '00000001818148007000',
} as const;

/** The names of the simulated municipal senders, for MIJNOVERHEID_AFZENDERS of the berichten subgraph. */
export const SIMULATED_AFZENDERS: Readonly<Record<string, string>> = {
  [OIN.gemeenteA]: 'Gemeente A',
  [OIN.gemeenteB]: 'Gemeente B',
};

export interface BerichtSeed {
  key: string;
  /** `<TYPE>:<WAARDE>`, as in the `X-Ontvanger` header. */
  ontvanger: string;
  afzender: string;
  onderwerp: string;
  inhoud: string;
  tijdstipOntvangst: string;
  publicatietijdstip?: string;
  /** Read status as the recipient left it; absent = never touched (implicitly unread). */
  status?: { gelezen: boolean; map?: string; gewijzigdOp: string };
  bijlagen?: { naam: string; mimeType: string }[];
  /**
   * The zaak the bericht is about, as the sender's zaaksysteem knows it. Not in FBS PoC 0.2.0:
   * an extension member (the contract allows extra members) so a client can link a bericht to
   * its zaak without reading the text.
   */
  zaakreferentie?: { bronorganisatie: string; identificatie: string };
}

export interface LopendeZaakSeed {
  ontvanger: string;
  identificatie: string;
  bronorganisatie: string;
  organisatie: { naam: string; oin: string };
  omschrijving: string;
  startdatum: string;
  einddatum?: string;
  /** Status history, oldest first. */
  statussen: { statustekst: string; datum: string }[];
  /** The dossier in the owning organisation's own portal. */
  url: string;
}

export const BERICHTEN: readonly BerichtSeed[] = [
  {
    key: 'suzanne-belastingdienst',
    ontvanger: 'BSN:999993653',
    afzender: OIN.belastingdienst,
    onderwerp: 'Voorlopige aanslag inkomstenbelasting 2027',
    inhoud:
      'U hebt een voorlopige aanslag inkomstenbelasting 2027 ontvangen. Bekijk de aanslag in Mijn Belastingdienst.',
    tijdstipOntvangst: '2026-11-20T07:00:00Z',
    bijlagen: [{ naam: 'voorlopige-aanslag-2027.pdf', mimeType: 'application/pdf' }],
  },
  {
    key: 'suzanne-gemeente-a',
    ontvanger: 'BSN:999993653',
    afzender: OIN.gemeenteA,
    onderwerp: 'Ontvangstbevestiging aanvraag parkeervergunning ZAAK-2026-0000000101',
    inhoud:
      'Wij hebben uw aanvraag voor een parkeervergunning ontvangen (zaaknummer ZAAK-2026-0000000101). U hoort binnen 8 weken van ons.',
    tijdstipOntvangst: '2026-11-02T09:20:00Z',
    status: { gelezen: true, gewijzigdOp: '2026-11-02T18:41:00Z' },
  },
  {
    key: 'suzanne-rdw',
    ontvanger: 'BSN:999993653',
    afzender: OIN.rdw,
    onderwerp: 'Herinnering APK',
    inhoud: 'De APK van uw auto met kenteken XX-123-X verloopt over 2 maanden.',
    tijdstipOntvangst: '2026-10-15T06:30:00Z',
    status: { gelezen: true, map: 'archief', gewijzigdOp: '2026-10-16T20:05:00Z' },
  },
  {
    key: 'govert-gemeente-b',
    ontvanger: 'BSN:999970008',
    afzender: OIN.gemeenteB,
    onderwerp: 'Uitnodiging gesprek over uw Wmo-aanvraag ZAAK-2026-0000000202',
    inhoud: 'Wij nodigen u uit voor een gesprek over uw aanvraag voor een traplift.',
    tijdstipOntvangst: '2026-11-15T09:00:00Z',
    zaakreferentie: { bronorganisatie: '002220647', identificatie: 'ZAAK-2026-0000000202' },
  },
  {
    key: 'maasstad-kvk',
    ontvanger: 'KVK:69599084',
    afzender: OIN.kvk,
    onderwerp: 'Wijziging inschrijving verwerkt',
    inhoud: 'De wijziging van het bezoekadres van Evenementenbureau Maasstad B.V. is verwerkt in het Handelsregister.',
    tijdstipOntvangst: '2026-11-18T10:00:00Z',
  },
];

export const LOPENDE_ZAKEN: readonly LopendeZaakSeed[] = [
  {
    ontvanger: 'BSN:999993653',
    identificatie: 'ZAAK-2026-0000000101',
    bronorganisatie: '002564440',
    organisatie: { naam: 'Gemeente A', oin: OIN.gemeenteA },
    omschrijving: 'Aanvraag parkeervergunning',
    startdatum: '2026-11-02',
    statussen: [
      { statustekst: 'Wij hebben uw aanvraag ontvangen.', datum: '2026-11-02T09:14:00Z' },
      { statustekst: 'Wij behandelen uw aanvraag. U hoort binnen 8 weken van ons.', datum: '2026-11-10T13:30:00Z' },
    ],
    url: 'https://mijn.gemeente-a.example/zaken/ZAAK-2026-0000000101',
  },
  {
    ontvanger: 'BSN:999993653',
    identificatie: 'WW-2026-118842',
    bronorganisatie: '818148007',
    organisatie: { naam: 'UWV', oin: OIN.uwv },
    omschrijving: 'Aanvraag WW-uitkering',
    startdatum: '2026-10-28',
    statussen: [
      { statustekst: 'Uw aanvraag is ontvangen.', datum: '2026-10-28T12:00:00Z' },
      { statustekst: 'Wij beoordelen uw aanvraag.', datum: '2026-11-04T08:00:00Z' },
    ],
    url: 'https://www.uwv.example/mijnuwv/aanvragen/WW-2026-118842',
  },
  {
    ontvanger: 'BSN:999970008',
    identificatie: 'ZAAK-2026-0000000202',
    bronorganisatie: '002220647',
    organisatie: { naam: 'Gemeente B', oin: OIN.gemeenteB },
    omschrijving: 'Aanvraag Wmo-voorziening',
    startdatum: '2026-11-01',
    statussen: [
      { statustekst: 'Wij hebben uw melding ontvangen.', datum: '2026-11-01T12:00:00Z' },
      { statustekst: 'Wij maken een afspraak voor een gesprek.', datum: '2026-11-15T08:45:00Z' },
    ],
    url: 'https://mijn.gemeente-b.example/zaken/ZAAK-2026-0000000202',
  },
];
