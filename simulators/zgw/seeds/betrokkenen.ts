import type { MedewerkerSeed, NatuurlijkPersoonSeed, NietNatuurlijkPersoonSeed, VestigingSeed } from '../types.js';

/**
 * The people and organisations the seeded zaken are about. Natural persons are RvIG test persons
 * (simulators/brp/data), so the BRP simulator knows them too.
 */

/** Suzanne Moulin, Boterdiep 31 Rotterdam: the main test resident. */
export const SUZANNE_MOULIN: NatuurlijkPersoonSeed = {
  inpBsn: '999993653',
  geslachtsnaam: 'Moulin',
  voornamen: 'Suzanne',
  voorletters: 'S',
  geslachtsaanduiding: 'v',
};

/** Govert de Geus, 's-Gravenhage. */
export const GOVERT_DE_GEUS: NatuurlijkPersoonSeed = {
  inpBsn: '999970008',
  geslachtsnaam: 'Geus',
  voorvoegselGeslachtsnaam: 'de',
  voornamen: 'Govert',
  voorletters: 'G',
  geslachtsaanduiding: 'm',
};

/** Govert Braaksma, Rotterdam: files a handhavingsverzoek that concerns Suzanne. */
export const GOVERT_BRAAKSMA: NatuurlijkPersoonSeed = {
  inpBsn: '999970914',
  geslachtsnaam: 'Braaksma',
  voornamen: 'Govert',
  voorletters: 'G',
  geslachtsaanduiding: 'm',
};

/**
 * An events company for eHerkenning logins: KvK 69599084, RSIN 857583001 (the DigiD-simulator's
 * "Test BV Donald"). Found by RSIN, or by KvK number where the source has Open Zaak's KvK filters.
 */
export const EVENEMENTENBUREAU: NietNatuurlijkPersoonSeed = {
  innNnpId: '857583001',
  statutaireNaam: 'Evenementenbureau Maasstad B.V.',
  kvkNummer: '69599084',
  vestigingsNummer: '000038509504',
  innRechtsvorm: 'besloten_vennootschap',
};

/** The same company's establishment (vestiging) that runs a café terrace. */
export const EVENEMENTENBUREAU_VESTIGING: VestigingSeed = {
  vestigingsNummer: '000038509504',
  kvkNummer: '69599084',
  handelsnaam: ['Maasstad Events', 'Café De Kade'],
};

/**
 * An eenmanszaak without RSIN, KvK 68727720 ("Test Eenmanszaak Kwik"): only a zaaksysteem with
 * KvK filters can find its zaken.
 */
export const EENMANSZAAK_KWIK: NietNatuurlijkPersoonSeed = {
  innNnpId: '',
  statutaireNaam: 'Kwik Poffertjes',
  kvkNummer: '68727720',
  innRechtsvorm: 'eenmanszaak',
};

export const BEHANDELAAR_A: MedewerkerSeed = { identificatie: 'mdw-a-0042', achternaam: 'Jansen', voorletters: 'P.' };
export const BEHANDELAAR_B: MedewerkerSeed = {
  identificatie: 'mdw-b-0007',
  achternaam: 'Vries',
  voorvoegselAchternaam: 'de',
  voorletters: 'A.M.',
};
