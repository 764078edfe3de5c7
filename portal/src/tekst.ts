import type { Niveau, PortaalNaam } from './operations/index.js';

/** Level names as DigiD uses them, with how a resident logs in at each. */
export const NIVEAU: Readonly<Record<Niveau, { naam: string; hoe: string }>> = {
  BASIS: { naam: 'Basis', hoe: 'met uw gebruikersnaam en wachtwoord' },
  MIDDEN: { naam: 'Midden', hoe: 'met de DigiD app of met een sms-code' },
  SUBSTANTIEEL: { naam: 'Substantieel', hoe: 'met de DigiD app en uw identiteitsbewijs' },
  HOOG: { naam: 'Hoog', hoe: 'met uw identiteitskaart met chip' },
};

/** The words every item carries, so a resident knows where to go. */
export const EIGENAAR: Readonly<Record<PortaalNaam, { kop: string; link: string }>> = {
  GEMEENTE: { kop: 'Dit regelt u bij de gemeente.', link: 'Bekijk dit bij de gemeente' },
  MIJN_OVERHEID: { kop: 'Dit staat in MijnOverheid.', link: 'Bekijk dit in MijnOverheid' },
};

const DATUM = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' });

/** "3 maart 2025" for a date (JJJJ-MM-DD) or a moment (ISO 8601); the text itself if unreadable. */
export function datum(waarde: string): string {
  const moment = new Date(/^\d{4}-\d{2}-\d{2}$/.test(waarde) ? `${waarde}T12:00:00` : waarde);
  return Number.isNaN(moment.getTime()) ? waarde : DATUM.format(moment);
}
