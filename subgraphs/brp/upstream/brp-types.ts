/**
 * The parts of the BRP Personen v2 response (RaadpleegMetBurgerservicenummer) this subgraph
 * reads. Field names follow the contract (`brp-personen-v2.openapi.yaml`).
 */
export interface BrpNaam {
  voornamen?: string;
  voorvoegsel?: string;
  geslachtsnaam?: string;
  voorletters?: string;
  volledigeNaam?: string;
  adellijkeTitelPredicaat?: { code?: string; omschrijving?: string };
}

export interface BrpAdressering {
  adresregel1?: string;
  adresregel2?: string;
  adresregel3?: string;
  land?: { code?: string; omschrijving?: string };
  aanhef?: string;
  aanschrijfwijze?: { naam?: string; aanspreekvorm?: string };
  gebruikInLopendeTekst?: string;
}

export interface BrpPersoon {
  burgerservicenummer?: string;
  naam?: BrpNaam;
  adressering?: BrpAdressering;
}

export interface BrpRaadpleegResponse {
  type: 'RaadpleegMetBurgerservicenummer';
  personen: BrpPersoon[];
}
