import type { OverlapKaartDefinitie } from './schema.js';

/**
 * The built-in overlap map for a typical gemeente, used when no OVERLAP_MAP_FILE is configured.
 * MijnOverheid shows BRP data and the Lopende Zaken a gemeente publishes there, and e-mails the
 * resident itself about those; Berichtenbox berichten live only in MijnOverheid.
 */
export const DEFAULT_OVERLAP_MAP: OverlapKaartDefinitie = {
  versie: 1,
  gemeente: { naam: 'Gemeente Voorbeeld', portaalUrl: 'https://mijn.gemeente.example' },
  persoonsgegevens: {
    bron: 'BRP',
    eigenaar: 'GEMEENTE',
    ookZichtbaarIn: ['MIJN_OVERHEID'],
    meldingenDoor: [],
    url: null,
    uitleg:
      'Uw persoonsgegevens staan in de Basisregistratie Personen (BRP). De gemeente beheert ze. U ziet ze ook in MijnOverheid.',
  },
  zaken: {
    standaard: {
      bron: 'Zaaksysteem van de gemeente',
      eigenaar: 'GEMEENTE',
      ookZichtbaarIn: [],
      meldingenDoor: ['GEMEENTE'],
      url: null,
      uitleg: 'Deze zaak behandelt de gemeente. U volgt hem hier en krijgt berichten van de gemeente.',
    },
    zaaktypen: [],
  },
  berichten: {
    standaard: {
      bron: 'MijnOverheid Berichtenbox',
      eigenaar: 'MIJN_OVERHEID',
      ookZichtbaarIn: ['GEMEENTE'],
      meldingenDoor: ['MIJN_OVERHEID'],
      url: 'https://mijn.overheid.nl/berichtenbox/',
      uitleg:
        'Dit bericht staat in uw Berichtenbox van MijnOverheid. MijnOverheid stuurt u een e-mail als er een nieuw bericht is.',
    },
  },
};
