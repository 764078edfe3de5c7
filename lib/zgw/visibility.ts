import type { Identity } from '../identity/index.js';
import { VERTROUWELIJKHEDEN, type Vertrouwelijkheid, type ZgwRol, type ZgwZaak } from './types.js';

/**
 * Which zaken a resident may see in the portal. Being named in a zaak is not enough: someone
 * named in a handhaving or klacht zaak must not see it. The defaults are the safe ones.
 */
export interface VisibilityRules {
  /** `omschrijvingGeneriek` of the roles that make a zaak the resident's (default: initiator). */
  rollen: readonly string[];
  /** The most confidential `vertrouwelijkheidaanduiding` shown (default: beperkt_openbaar). */
  maxVertrouwelijkheid: Vertrouwelijkheid;
  /** Zaaktype `identificatie`s never shown, whatever their other properties. */
  uitgeslotenZaaktypen: readonly string[];
}

export const DEFAULT_VISIBILITY: VisibilityRules = {
  rollen: ['initiator'],
  maxVertrouwelijkheid: 'beperkt_openbaar',
  uitgeslotenZaaktypen: [],
};

/** True when `rol` names the logged-in person or organisation (and its vestiging, if restricted). */
function rolIsCaller(rol: ZgwRol, identity: Identity): boolean {
  const id = rol.betrokkeneIdentificatie;
  if (!id) return false;
  if (identity.soort === 'INWONER') return rol.betrokkeneType === 'natuurlijk_persoon' && id.inpBsn === identity.bsn;
  if (identity.vestiging) return rol.betrokkeneType === 'vestiging' && id.vestigingsNummer === identity.vestiging;
  return (
    rol.betrokkeneType === 'niet_natuurlijk_persoon' &&
    ((identity.rsin !== undefined && id.innNnpId === identity.rsin) || id.kvkNummer === identity.kvk)
  );
}

/**
 * Whether the caller may see `zaak`. Needs the zaak with `_expand.rollen` and `_expand.zaaktype`;
 * a zaak whose roles or zaaktype are unknown is not shown (fail closed).
 */
export function isZaakVisible(zaak: ZgwZaak, identity: Identity, rules: VisibilityRules): boolean {
  const rollen = zaak._expand?.rollen;
  const zaaktype = zaak._expand?.zaaktype;
  if (!rollen || !zaaktype) return false;
  if (!rollen.some((rol) => rules.rollen.includes(rol.omschrijvingGeneriek) && rolIsCaller(rol, identity)))
    return false;
  if (zaaktype.indicatieInternOfExtern !== 'extern') return false;
  if (rules.uitgeslotenZaaktypen.includes(zaaktype.identificatie)) return false;
  const level = VERTROUWELIJKHEDEN.indexOf((zaak.vertrouwelijkheidaanduiding ?? 'zeer_geheim') as Vertrouwelijkheid);
  return level >= 0 && level <= VERTROUWELIJKHEDEN.indexOf(rules.maxVertrouwelijkheid);
}
