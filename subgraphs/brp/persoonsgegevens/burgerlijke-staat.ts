import type { BrpDatum, BrpPartner } from '../upstream/brp-types.js';
import { BurgerlijkeStaatSoort } from './persoonsgegevens.type.js';

/**
 * Burgerlijke staat, derived from the partners the BRP delivers (the BRP has no such field).
 *
 * The BRP delivers the current marriages and registered partnerships, or, when there is none, only
 * the one that ended last. A partner without an `ontbindingHuwelijkPartnerschap.datum` (the object
 * absent or empty) is current; a date of any kind, also "onbekend", means it ended.
 *
 * BRP Personen v2 does not say why a relationship ended (the GBA's "reden ontbinding" is not in
 * the API), so a divorce and the death of a partner look the same: the result is "huwelijk
 * beëindigd", never "gescheiden" or "weduwe/weduwnaar", which could be wrong and hurtful. Finding
 * out would mean consulting the former partner's own record: another BRP call, under another
 * doelbinding, logged against that person. Not done.
 */

export interface AfgeleideBurgerlijkeStaat {
  soort: BurgerlijkeStaatSoort;
  /** In plain Dutch (B1), for display. */
  omschrijving: string;
  /** The date of the marriage or partnership, or of its end. */
  sinds: BrpDatum | undefined;
}

export const BURGERLIJKE_STAAT_OMSCHRIJVING: Readonly<Record<BurgerlijkeStaatSoort, string>> = {
  [BurgerlijkeStaatSoort.ONGEHUWD]: 'Niet getrouwd en geen geregistreerd partner',
  [BurgerlijkeStaatSoort.GEHUWD]: 'Getrouwd',
  [BurgerlijkeStaatSoort.GEREGISTREERD_PARTNER]: 'Geregistreerd partner',
  [BurgerlijkeStaatSoort.HUWELIJK_ONTBONDEN]: 'Huwelijk beëindigd',
  [BurgerlijkeStaatSoort.PARTNERSCHAP_ONTBONDEN]: 'Geregistreerd partnerschap beëindigd',
  [BurgerlijkeStaatSoort.ONBEKEND]: 'Onbekend',
};

/** True when the relationship has ended: a dissolution date of any kind (also "onbekend"). */
export function isOntbonden(partner: BrpPartner): boolean {
  return partner.ontbindingHuwelijkPartnerschap?.datum !== undefined;
}

/** Sortable form of a BRP date; an unknown date sorts first. */
function sorteerbaar(datum: BrpDatum | undefined): string {
  if (!datum) return '';
  if (datum.datum) return datum.datum;
  if (datum.jaar === undefined) return '';
  return `${String(datum.jaar).padStart(4, '0')}-${String(datum.maand ?? 0).padStart(2, '0')}-00`;
}

function laatste(partners: readonly BrpPartner[], datum: (p: BrpPartner) => BrpDatum | undefined): BrpPartner {
  return [...partners].sort((a, b) => sorteerbaar(datum(b)).localeCompare(sorteerbaar(datum(a))))[0] as BrpPartner;
}

function staat(soort: BurgerlijkeStaatSoort, sinds: BrpDatum | undefined): AfgeleideBurgerlijkeStaat {
  return { soort, omschrijving: BURGERLIJKE_STAAT_OMSCHRIJVING[soort], sinds };
}

export function bepaalBurgerlijkeStaat(partners: readonly BrpPartner[]): AfgeleideBurgerlijkeStaat {
  if (partners.length === 0) return staat(BurgerlijkeStaatSoort.ONGEHUWD, undefined);
  const actueel = partners.filter((p) => !isOntbonden(p));
  if (actueel.length > 0) {
    // More than one current relationship exists (polygamous marriages registered abroad): the latest counts.
    const partner = laatste(actueel, (p) => p.aangaanHuwelijkPartnerschap?.datum);
    const code = partner.soortVerbintenis?.code;
    const soort =
      code === 'H'
        ? BurgerlijkeStaatSoort.GEHUWD
        : code === 'P'
          ? BurgerlijkeStaatSoort.GEREGISTREERD_PARTNER
          : BurgerlijkeStaatSoort.ONBEKEND;
    return staat(soort, partner.aangaanHuwelijkPartnerschap?.datum);
  }
  const partner = laatste(partners, (p) => p.ontbindingHuwelijkPartnerschap?.datum);
  const code = partner.soortVerbintenis?.code;
  const soort =
    code === 'H'
      ? BurgerlijkeStaatSoort.HUWELIJK_ONTBONDEN
      : code === 'P'
        ? BurgerlijkeStaatSoort.PARTNERSCHAP_ONTBONDEN
        : BurgerlijkeStaatSoort.ONBEKEND;
  return staat(soort, partner.ontbindingHuwelijkPartnerschap?.datum);
}
