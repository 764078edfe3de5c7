import type { OverlapMap } from '../../../lib/overlap/index.js';
import type { MoBericht, MoLopendeZaak, MoZaakReferentie } from '../upstream/mijnoverheid.js';

/** `bronorganisatie/identificatie`: the key of a zaak in every system (docs/architecture.md §5). */
export const zaakSleutel = (zaak: MoZaakReferentie): string => `${zaak.bronorganisatie}/${zaak.identificatie}`;

/** The OIN of an organisation with an RSIN, as Logius assigns it. */
const oinVanRsin = (rsin: string) => `00000001${rsin}000`;

/** True when `token` occurs in `text` as a whole word (zaaknummers contain letters, digits and dashes). */
function bevatNummer(text: string, token: string): boolean {
  const deel = /[\p{L}\p{N}-]/u;
  for (let at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
    const voor = text[at - 1];
    const na = text[at + token.length];
    if ((voor === undefined || !deel.test(voor)) && (na === undefined || !deel.test(na))) return true;
  }
  return false;
}

/** The one candidate, or null when there is none or more than one (a wrong link is worse than none). */
function enige(kandidaten: readonly MoZaakReferentie[]): MoZaakReferentie | null {
  const uniek = new Map(kandidaten.map((k) => [zaakSleutel(k), k]));
  return uniek.size === 1 ? ([...uniek.values()][0] ?? null) : null;
}

/**
 * The zaak a bericht is about, where a reference allows it, in order of reliability:
 * 1. a structured reference from the sender (`zaakreferentie`);
 * 2. the zaaknummer of one of the resident's Lopende Zaken of the same sender, in the subject or text;
 * 3. for a sender of this gemeente, one zaaknummer in the gemeente's format (`zaaknummerPatroon`).
 * A text naming two zaken links to neither.
 */
export function zaakVanBericht(
  bericht: MoBericht,
  lopendeZaken: readonly MoLopendeZaak[],
  overlap: OverlapMap,
): MoZaakReferentie | null {
  if (bericht.zaak) return bericht.zaak;
  const tekst = `${bericht.onderwerp}\n${bericht.inhoud}`;
  const vanAfzender = lopendeZaken.filter(
    (zaak) => (zaak.organisatie.oin ?? oinVanRsin(zaak.bronorganisatie)) === bericht.afzender,
  );
  const genoemd = enige(vanAfzender.filter((zaak) => bevatNummer(tekst, zaak.identificatie)));
  if (genoemd) return { bronorganisatie: genoemd.bronorganisatie, identificatie: genoemd.identificatie };
  const organisatie = overlap.organisatie({ oin: bericht.afzender });
  if (!organisatie) return null;
  return enige(
    overlap.zaaknummersIn(tekst).map((identificatie) => ({ bronorganisatie: organisatie.rsin, identificatie })),
  );
}
