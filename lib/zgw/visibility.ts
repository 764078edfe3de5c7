import type { Identity } from '../identity/index.js';
import {
  VERTROUWELIJKHEDEN,
  type Vertrouwelijkheid,
  type ZgwInformatieObject,
  type ZgwRol,
  type ZgwZaak,
} from './types.js';

/**
 * Which zaken a resident may see in the portal. Being named in a zaak is not enough: someone
 * named in a handhaving or klacht zaak must not see it. The defaults are the safe ones.
 */
export interface VisibilityRules {
  /**
   * `omschrijvingGeneriek` of the roles that make a zaak the resident's (default: initiator).
   * Add `belanghebbende` where a gemeente wants residents to follow zaken about them too.
   */
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
  if (identity.vestiging) {
    // A vestigingsnummer is unique on its own; a KvK number on the rol must still be the caller's.
    return (
      rol.betrokkeneType === 'vestiging' &&
      id.vestigingsNummer === identity.vestiging &&
      (!id.kvkNummer || id.kvkNummer === identity.kvk)
    );
  }
  return (
    rol.betrokkeneType === 'niet_natuurlijk_persoon' &&
    ((identity.rsin !== undefined && id.innNnpId === identity.rsin) || id.kvkNummer === identity.kvk)
  );
}

/** True when `aanduiding` is known and not more confidential than `max`; unknown is never shown. */
function withinMax(aanduiding: string | undefined, max: Vertrouwelijkheid): boolean {
  const level = VERTROUWELIJKHEDEN.indexOf((aanduiding || 'zeer_geheim') as Vertrouwelijkheid);
  return level >= 0 && level <= VERTROUWELIJKHEDEN.indexOf(max);
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
  return withinMax(zaak.vertrouwelijkheidaanduiding, rules.maxVertrouwelijkheid);
}

/** Document states that are not finished: a draft besluit is not the resident's yet. */
const UNFINISHED = new Set(['in_bewerking', 'ter_vaststelling']);

/**
 * Whether the caller may see a document of a zaak. Only ask for documents of zaken that passed
 * {@link isZaakVisible}: a document inherits nothing from its zaak here. Its own
 * `vertrouwelijkheidaanduiding` must be within the maximum (unknown: not shown), and a document
 * still being written or awaiting approval is not shown.
 */
export function isDocumentVisible(document: ZgwInformatieObject, rules: VisibilityRules): boolean {
  if (document.status && UNFINISHED.has(document.status)) return false;
  return withinMax(document.vertrouwelijkheidaanduiding, rules.maxVertrouwelijkheid);
}
