import type { BrpAdressering, BrpNaam } from '../upstream/brp-types.js';
import { Adressering, Naam } from './persoonsgegevens.type.js';

/** Maps the BRP `naam` to the GraphQL type; absent parts stay null. */
export function mapNaam(naam: BrpNaam | undefined): Naam | null {
  if (!naam) return null;
  return Object.assign(new Naam(), {
    volledigeNaam: naam.volledigeNaam ?? null,
    voornamen: naam.voornamen ?? null,
    voorletters: naam.voorletters ?? null,
    voorvoegsel: naam.voorvoegsel ?? null,
    geslachtsnaam: naam.geslachtsnaam ?? null,
  });
}

/** Maps the BRP `adressering` (address lines as the BRP prints them on an envelope). */
export function mapAdressering(adressering: BrpAdressering | undefined): Adressering | null {
  if (!adressering) return null;
  return Object.assign(new Adressering(), {
    adresregel1: adressering.adresregel1 ?? null,
    adresregel2: adressering.adresregel2 ?? null,
    adresregel3: adressering.adresregel3 ?? null,
    land: adressering.land?.omschrijving ?? null,
    aanhef: adressering.aanhef ?? null,
  });
}
