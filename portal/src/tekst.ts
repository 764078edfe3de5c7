import type { Niveau, PortaalNaam } from './operations/index.js';

/** Level names as DigiD uses them, with how a resident logs in at each. */
export const NIVEAU: Readonly<Record<Niveau, { naam: string; hoe: string }>> = {
  BASIS: { naam: 'Basis', hoe: 'met uw gebruikersnaam en wachtwoord' },
  MIDDEN: { naam: 'Midden', hoe: 'met de DigiD app of met een sms-code' },
  SUBSTANTIEEL: { naam: 'Substantieel', hoe: 'met de DigiD app en uw identiteitsbewijs' },
  HOOG: { naam: 'Hoog', hoe: 'met uw identiteitskaart met chip' },
};

/**
 * Levels by the names eHerkenning uses (lib/identity/niveau.ts maps them). A login at MIDDEN asks
 * for EH2+, so that is the name of the level to log in at.
 */
const EHERKENNING_NIVEAU: Readonly<Record<Niveau, string>> = {
  BASIS: 'EH1',
  MIDDEN: 'EH2+',
  SUBSTANTIEEL: 'EH3',
  HOOG: 'EH4',
};
/** The gateway reads EH2 and EH2+ both as MIDDEN, so for a login that was made it names both. */
const EHERKENNING_HUIDIG: Readonly<Record<Niveau, string>> = { ...EHERKENNING_NIVEAU, MIDDEN: 'EH2 of EH2+' };

/**
 * A login means and level as a resident knows them: "DigiD Midden", "eHerkenning EH2+".
 * `huidig`: the login the resident made (EH2 and EH2+ cannot be told apart there).
 */
export function inlogNaam(middel: 'DIGID' | 'EHERKENNING', niveau: Niveau, huidig = false): string {
  return `${middel === 'DIGID' ? 'DigiD' : 'eHerkenning'} ${niveauNaam(middel, niveau, huidig)}`;
}

/** The level alone, by the name of the means: "Midden" for DigiD, "EH2+" for eHerkenning. */
export function niveauNaam(middel: 'DIGID' | 'EHERKENNING', niveau: Niveau, huidig = false): string {
  if (middel === 'DIGID') return NIVEAU[niveau].naam;
  return (huidig ? EHERKENNING_HUIDIG : EHERKENNING_NIVEAU)[niveau];
}

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

// Hoe beschermen wij uw gegevens

const TIJDSTIP = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Amsterdam',
});

/** "3 maart 2025 om 14:05" for a moment (ISO 8601), in Dutch time; the text itself if unreadable. */
export function tijdstip(waarde: string): string {
  const moment = new Date(waarde);
  if (Number.isNaN(moment.getTime())) return waarde;
  const delen = Object.fromEntries(TIJDSTIP.formatToParts(moment).map((deel) => [deel.type, deel.value]));
  return `${delen['day']} ${delen['month']} ${delen['year']} om ${delen['hour']}:${delen['minute']}`;
}

/**
 * How long the gemeente keeps the overview of who read a resident's data, in days. Keep it in
 * step with the voorkeuren subgraph's VERWERKINGEN_BEWAARTERMIJN_DAGEN (default 400).
 */
export const VERWERKINGEN_BEWAARDAGEN = 400;

// Zaak

/** Kinds of file by the name a resident knows them by; other kinds go by their file extension. */
const BESTANDSSOORT: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'application/msword': 'Word',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.oasis.opendocument.text': 'OpenDocument',
  'application/vnd.ms-excel': 'Excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
  'text/plain': 'Tekst',
};

const KOMMAGETAL = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

/** "PDF, 120 kB": the kind of file and its size in words. What is not known is left out. */
export function bestand(formaat: string | null, bestandsnaam: string | null, grootte: number | null): string {
  const extensie = /\.([a-z0-9]{1,5})$/i.exec(bestandsnaam ?? '')?.[1];
  const soort =
    BESTANDSSOORT[(formaat ?? '').split(';')[0]?.trim().toLowerCase() ?? ''] ??
    (extensie ? extensie.toUpperCase() : 'Bestand');
  if (grootte === null || grootte < 0) return soort;
  const maat =
    grootte < 1000
      ? `${grootte} ${grootte === 1 ? 'byte' : 'bytes'}`
      : grootte < 999_500
        ? `${Math.round(grootte / 1000)} kB`
        : `${KOMMAGETAL.format(grootte / 1_000_000)} MB`;
  return `${soort}, ${maat}`;
}
