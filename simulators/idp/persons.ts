/**
 * Who can log in at the DigiD-simulator: fictitious test persons and companies.
 *
 * The persons come from RvIG's BRP test set (`specs/brp-testdata.json`), so the BRP simulator
 * knows each of them; the names are copied from that file. Each is picked for a situation a
 * Mijn-Omgeving page must handle. Any other BSN that passes the elfproef can be typed in too.
 * The companies and their numbers are invented for development (KvK test-style numbers).
 */

/** A resident who logs in with DigiD. */
export interface TestPersoon {
  readonly bsn: string;
  readonly naam: string;
  /** Why this person is on the list, shown on the login page. */
  readonly kenmerk: string;
}

/** An organisation whose employee logs in with eHerkenning. */
export interface TestBedrijf {
  readonly kvk: string;
  readonly naam: string;
  readonly rsin?: string;
  /** Branch numbers (vestigingsnummers) a login can be restricted to. */
  readonly vestigingen: readonly string[];
  readonly kenmerk: string;
}

export const TEST_PERSONEN: readonly TestPersoon[] = [
  { bsn: '999993653', naam: 'Suzanne Moulin', kenmerk: 'met partner, Franse nationaliteit' },
  {
    bsn: '999970008',
    naam: 'Govert de Geus',
    kenmerk: 'partner en 3 kinderen, woont niet meer op zijn adres, geboorte in onderzoek',
  },
  { bsn: '999971116', naam: 'Carolien Hélène van Kooijmans', kenmerk: 'partner en 4 kinderen, naam van partner' },
  { bsn: '999990123', naam: 'Maxima in de Hand', kenmerk: 'woont in België, geheimhouding' },
  { bsn: '999971104', naam: 'Jeroen Verstraten', kenmerk: 'geheimhouding persoonsgegevens' },
  { bsn: '999970872', naam: 'Deepak Sankrityayan', kenmerk: 'Indiase nationaliteit, verblijfstitel' },
  { bsn: '999970264', naam: 'Thurayya Taher', kenmerk: 'minderjarig, persoon in onderzoek' },
  { bsn: '999990160', naam: 'Hendrik Jan Coenraad Maurits den Brinck', kenmerk: 'onder curatele' },
];

export const TEST_BEDRIJVEN: readonly TestBedrijf[] = [
  {
    kvk: '69599084',
    naam: 'Test BV Donald',
    rsin: '857583001',
    // The zaaksystemen know this BV by RSIN and this vestiging (simulators/zgw/seeds).
    vestigingen: ['000038509504'],
    kenmerk: 'besloten vennootschap met een vestiging',
  },
  {
    kvk: '68750110',
    naam: 'Test Stichting Bolderbast',
    rsin: '820374830',
    vestigingen: ['000038509490'],
    kenmerk: 'stichting zonder zaken',
  },
  { kvk: '68727720', naam: 'Test Eenmanszaak Kwik', vestigingen: [], kenmerk: 'eenmanszaak, zonder RSIN' },
];
