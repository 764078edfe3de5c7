import { PersoonsgegevensWijzigen } from './persoonsgegevens.type.js';
import { WijzigInstructie, WijzigManier } from './waarden.type.js';

/**
 * How a resident gets each part of their BRP data changed. The BRP is read-only here: a move is
 * reported to the gemeente (the new one, when moving between gemeenten), anything else that is
 * wrong is a correction request at the gemeente, usually with a document as proof. The links are
 * the gemeente's own pages, from configuration.
 */
export interface WijzigLinks {
  /** The gemeente's page for "verhuizing doorgeven". */
  verhuizingUrl: string | null;
  /** The gemeente's page or form for correcting BRP data. */
  correctieUrl: string | null;
}

/** B1 texts per part. */
export const WIJZIG_UITLEG = {
  naam: 'Klopt uw naam niet? Vraag de gemeente om dit te verbeteren. Wilt u de achternaam van uw partner gebruiken? Dat geeft u ook door aan de gemeente.',
  geboorte:
    'Klopt uw geboortedatum, geboorteplaats of geboorteland niet? Vraag de gemeente om dit te verbeteren. Neem een bewijs mee, zoals uw geboorteakte.',
  verblijfplaats:
    'Gaat u verhuizen? Geef uw nieuwe adres door aan de gemeente waar u gaat wonen. Dat kan vanaf 4 weken vóór tot 5 dagen na de verhuizing. Klopt uw adres niet, maar bent u niet verhuisd? Neem dan contact op met de gemeente.',
  burgerlijkeStaat:
    'Klopt dit niet? Vraag de gemeente om dit te verbeteren. Bent u in het buitenland getrouwd of gescheiden? Laat dit dan registreren bij de gemeente. Neem de akte mee.',
  kinderen:
    'Staat een kind er niet of niet goed bij? Vraag de gemeente om dit te verbeteren. Neem een bewijs mee, zoals de geboorteakte.',
  ouders: 'Klopt een gegeven van uw ouders niet? Vraag de gemeente om dit te verbeteren.',
  nationaliteiten:
    'Klopt uw nationaliteit niet, of hebt u een nieuwe nationaliteit? Vraag de gemeente om dit aan te passen. Neem een bewijs mee, zoals uw paspoort.',
} as const;

function instructie(manier: WijzigManier, uitleg: string, url: string | null): WijzigInstructie {
  return Object.assign(new WijzigInstructie(), { manier, uitleg, url });
}

/** The instructions for every part; the same for every resident, so built once per process. */
export function wijzigInstructies(links: WijzigLinks): PersoonsgegevensWijzigen {
  const correctie = (uitleg: string) => instructie(WijzigManier.CORRECTIE_VRAGEN, uitleg, links.correctieUrl);
  return Object.assign(new PersoonsgegevensWijzigen(), {
    naam: correctie(WIJZIG_UITLEG.naam),
    geboorte: correctie(WIJZIG_UITLEG.geboorte),
    verblijfplaats: instructie(WijzigManier.VERHUIZING_DOORGEVEN, WIJZIG_UITLEG.verblijfplaats, links.verhuizingUrl),
    burgerlijkeStaat: correctie(WIJZIG_UITLEG.burgerlijkeStaat),
    kinderen: correctie(WIJZIG_UITLEG.kinderen),
    ouders: correctie(WIJZIG_UITLEG.ouders),
    nationaliteiten: correctie(WIJZIG_UITLEG.nationaliteiten),
  });
}
