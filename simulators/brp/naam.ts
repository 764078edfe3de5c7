import type { RawNaam, RawWaarde } from './raw.js';

/**
 * Name composition rules of the BRP API v2 (voorletters, volledigeNaam and the `adressering`
 * names). The common cases are modelled: own name and the four `aanduidingNaamgebruik` values,
 * and the person's own adellijke titel or predicaat. Courtesy titles derived from a partner's
 * title are not.
 */

/** "Jean Marie" → "J.M."; a voornaam that is already an initial ("R.") stays one. */
export function voorletters(voornamen: string | undefined): string | undefined {
  const namen = voornamen?.trim().split(/\s+/).filter(Boolean) ?? [];
  if (namen.length === 0) return undefined;
  return namen.map((naam) => `${naam.charAt(0).toUpperCase()}.`).join('');
}

function join(...parts: (string | undefined)[]): string {
  return parts
    .map((part) => part?.trim())
    .filter((part): part is string => Boolean(part))
    .join(' ');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Predicaat, voornamen, adellijke titel, voorvoegsel, geslachtsnaam; never the partner's name. */
export function volledigeNaam(naam: RawNaam): string | undefined {
  const titel = naam.adellijkeTitelPredicaat;
  const isPredicaat = titel?.soort === 'predicaat';
  const result = join(
    isPredicaat ? titel.omschrijving : undefined,
    naam.voornamen,
    !isPredicaat ? titel?.omschrijving : undefined,
    naam.voorvoegsel,
    naam.geslachtsnaam,
  );
  return result === '' ? undefined : result;
}

const AANHEF_PER_TITEL: Readonly<Record<string, { man: string; vrouw: string }>> = {
  B: { man: 'Hoogwelgeboren heer', vrouw: 'Hoogwelgeboren vrouwe' },
  BS: { man: 'Hoogwelgeboren heer', vrouw: 'Hoogwelgeboren vrouwe' },
  H: { man: 'Hoogwelgeboren heer', vrouw: 'Hoogwelgeboren vrouwe' },
  HI: { man: 'Hoogwelgeboren heer', vrouw: 'Hoogwelgeboren vrouwe' },
  JH: { man: 'Hoogwelgeboren heer', vrouw: 'Hoogwelgeboren vrouwe' },
  JV: { man: 'Hoogwelgeboren heer', vrouw: 'Hoogwelgeboren vrouwe' },
  M: { man: 'Hoogwelgeboren heer', vrouw: 'Hoogwelgeboren vrouwe' },
  MI: { man: 'Hoogwelgeboren heer', vrouw: 'Hoogwelgeboren vrouwe' },
  R: { man: 'Hoogwelgeboren heer', vrouw: 'Hoogwelgeboren vrouwe' },
  G: { man: 'Hooggeboren heer', vrouw: 'Hooggeboren vrouwe' },
  GI: { man: 'Hooggeboren heer', vrouw: 'Hooggeboren vrouwe' },
  P: { man: 'Hoogheid', vrouw: 'Hoogheid' },
  PS: { man: 'Hoogheid', vrouw: 'Hoogheid' },
};

function samengesteldeAchternaam(code: string, eigen: string, partner: string): string {
  switch (code) {
    case 'P':
      return partner;
    case 'V':
      return `${partner}-${eigen}`;
    case 'N':
      return `${eigen}-${partner}`;
    default:
      return eigen;
  }
}

/** The names and forms of address in `adressering`. */
export interface Aanschrijving {
  aanhef?: string;
  aanschrijfwijze?: { naam: string; aanspreekvorm?: string };
  gebruikInLopendeTekst?: string;
}

/**
 * Composes aanhef, aanschrijfwijze and gebruikInLopendeTekst from the person's name, sex and the
 * partner whose name is used (the current partner, else the last one the relationship with
 * ended). `aanduidingNaamgebruik`: E eigen, P partner, V partner voor eigen, N eigen voor partner.
 * Without a partner surname the own name is used, as the API does.
 */
export function aanschrijving(
  naam: RawNaam,
  geslacht: RawWaarde | undefined,
  partnerNaam: RawNaam | undefined,
): Aanschrijving {
  if (!naam.geslachtsnaam) return {};
  const eigen = join(naam.voorvoegsel, naam.geslachtsnaam);
  const partner = partnerNaam?.geslachtsnaam ? join(partnerNaam.voorvoegsel, partnerNaam.geslachtsnaam) : undefined;
  const code = partner === undefined ? 'E' : (naam.aanduidingNaamgebruik?.code ?? 'E');
  const achternaam = partner === undefined ? eigen : samengesteldeAchternaam(code, eigen, partner);

  const letters = voorletters(naam.voornamen);
  const titel = naam.adellijkeTitelPredicaat;
  // The own title belongs with the own name; it is dropped when the partner's name comes first.
  const eigenTitel = titel?.code && (code === 'E' || code === 'N') ? titel : undefined;
  const vorm = eigenTitel?.code ? AANHEF_PER_TITEL[eigenTitel.code] : undefined;
  const isVrouw = geslacht?.code === 'V';
  const isMan = geslacht?.code === 'M';

  const naamInAanschrijfwijze =
    eigenTitel?.soort === 'predicaat'
      ? join(eigenTitel.omschrijving, letters, achternaam)
      : join(letters, eigenTitel?.omschrijving, achternaam);

  let aanhef: string;
  let lopendeTekst: string;
  if (vorm) {
    aanhef = isVrouw ? vorm.vrouw : vorm.man;
    lopendeTekst =
      eigenTitel?.soort === 'predicaat'
        ? join(eigenTitel.omschrijving, capitalise(achternaam))
        : join('de', eigenTitel?.omschrijving, achternaam);
  } else if (isMan) {
    aanhef = `Geachte heer ${capitalise(achternaam)}`;
    lopendeTekst = `de heer ${capitalise(achternaam)}`;
  } else if (isVrouw) {
    aanhef = `Geachte mevrouw ${capitalise(achternaam)}`;
    lopendeTekst = `mevrouw ${capitalise(achternaam)}`;
  } else {
    aanhef = join('Geachte', letters, achternaam);
    lopendeTekst = join(letters, achternaam);
  }

  return {
    aanhef,
    aanschrijfwijze: {
      naam: naamInAanschrijfwijze,
      ...(vorm ? { aanspreekvorm: `De ${(isVrouw ? vorm.vrouw : vorm.man).toLowerCase()}` } : {}),
    },
    gebruikInLopendeTekst: lopendeTekst,
  };
}
