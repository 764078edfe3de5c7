import type { JWTPayload } from 'jose';
import type { Bron, Identity, Namens } from './identity.js';
import { niveauFromAcr } from './niveau.js';

/**
 * Where a broker puts the identifier. Brokers differ (docs/architecture.md §4); the mapping is configuration.
 * - `bsn`: a plain `bsn` claim (e.g. Signicat, the development IdP);
 * - `nin`: `nin` with the BSN sector prefix `s00000000:` (other sectors, such as the former
 *   sofinummer's `s00000001:`, are not a BSN);
 * - `sub`: `sub` holds the BSN when `sub_id_type` is `urn:nl-eid-gdi:1.0:id:BSN` (a pseudonym
 *   or any other type is refused).
 * eHerkenning always uses `urn:etoegang:core:LegalSubjectID` (KvK number) and, when the login
 * is restricted to one branch, `urn:etoegang:1.9:ServiceRestriction:Vestigingsnr`.
 */
export const CLAIM_PRESETS = ['bsn', 'nin', 'sub'] as const;
export type ClaimPreset = (typeof CLAIM_PRESETS)[number];

export const EHERKENNING_KVK_CLAIM = 'urn:etoegang:core:LegalSubjectID';
export const EHERKENNING_VESTIGING_CLAIM = 'urn:etoegang:1.9:ServiceRestriction:Vestigingsnr';
export const EHERKENNING_RSIN_CLAIM = 'urn:etoegang:1.9:EntityConcernedID:RSIN';
const BSN_SUB_ID_TYPE = 'urn:nl-eid-gdi:1.0:id:BSN';

/**
 * Acting for someone else, in the claim names of the eToegang afsprakenstelsel that brokers pass
 * on: DigiD Machtigen puts the represented resident's BSN in `LegalSubjectID` and the acting
 * resident's in `ActingSubjectID`; eHerkenning ketenmachtiging names the intermediary's KvK
 * number in `IntermediateEntityID` next to the represented organisation's `LegalSubjectID`. Both
 * name the dienst the machtiging is for.
 */
export const DIGID_MACHTIGEN_CLAIMS = {
  vertegenwoordigde: 'urn:nl-eid-gdi:1.0:LegalSubjectID',
  vertegenwoordiger: 'urn:nl-eid-gdi:1.0:ActingSubjectID',
  dienst: 'urn:nl-eid-gdi:1.0:ServiceUUID',
} as const;
export const EHERKENNING_KETEN_CLAIMS = {
  vertegenwoordiger: 'urn:etoegang:1.9:IntermediateEntityID',
  dienst: 'urn:etoegang:core:ServiceID',
} as const;

/**
 * Which sources each dienst of a machtiging covers (`MACHTIGING_DIENSTEN` at the gateway). A
 * machtiging for a dienst that is not listed is refused: this portal does not know what it allows.
 */
export type MachtigingDiensten = Readonly<Record<string, readonly Bron[]>>;

/** Thrown for a machtiging whose dienst this portal does not serve: a valid token, but not for us. */
export class MachtigingNotAllowedError extends Error {
  override readonly name = 'MachtigingNotAllowedError';
}

function dienstOf(
  payload: JWTPayload,
  claim: string,
  diensten: MachtigingDiensten,
): { dienst: string; bronnen: readonly Bron[] } {
  const dienst = payload[claim];
  if (typeof dienst !== 'string' || dienst === '' || dienst.length > 200)
    throw new IdentityClaimError('machtiging without a dienst');
  const bronnen = Object.hasOwn(diensten, dienst) ? diensten[dienst] : undefined;
  if (!bronnen) throw new MachtigingNotAllowedError('machtiging for a dienst this portal does not serve');
  return { dienst, bronnen };
}
const BSN_SECTOR_PREFIX = 's00000000:';

/** Why a verified token still yields no identity. The reason is for logs only, never for clients. */
export class IdentityClaimError extends Error {
  override readonly name = 'IdentityClaimError';
}

/** A BSN has nine digits and passes the elfproef (weights 9..2 and -1). */
export function isValidBsn(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(value[i]) * (9 - i);
  sum -= Number(value[8]);
  return sum % 11 === 0;
}

function bsnFrom(payload: JWTPayload, preset: ClaimPreset): string | undefined {
  switch (preset) {
    case 'bsn':
      return typeof payload['bsn'] === 'string' ? payload['bsn'] : undefined;
    case 'nin': {
      const nin = payload['nin'];
      if (typeof nin !== 'string' || !nin.startsWith(BSN_SECTOR_PREFIX)) return undefined;
      return nin.slice(BSN_SECTOR_PREFIX.length);
    }
    case 'sub':
      return payload['sub_id_type'] === BSN_SUB_ID_TYPE ? payload.sub : undefined;
  }
}

/**
 * Turns the claims of a verified access token into the normalised identity. An eHerkenning
 * identifier takes precedence over a BSN claim (a broker may send both for a one-man business).
 * Throws {@link IdentityClaimError} when no usable identifier or level is present.
 */
export function identityFromClaims(
  payload: JWTPayload,
  preset: ClaimPreset,
  diensten: MachtigingDiensten = {},
): Identity {
  const niveau = niveauFromAcr(payload['acr']);
  if (!niveau) throw new IdentityClaimError('acr missing or not a known assurance level');

  // DigiD Machtigen: the sections answer for the represented resident, within the dienst's scope.
  const vertegenwoordigde = payload[DIGID_MACHTIGEN_CLAIMS.vertegenwoordigde];
  const handelende = payload[DIGID_MACHTIGEN_CLAIMS.vertegenwoordiger];
  if (vertegenwoordigde !== undefined || handelende !== undefined) {
    if (payload[EHERKENNING_KVK_CLAIM] !== undefined)
      throw new IdentityClaimError('DigiD Machtigen and eHerkenning claims together');
    if (typeof vertegenwoordigde !== 'string' || !isValidBsn(vertegenwoordigde)) {
      throw new IdentityClaimError('DigiD Machtigen without a valid BSN of the represented resident');
    }
    if (typeof handelende !== 'string' || !isValidBsn(handelende)) {
      throw new IdentityClaimError('DigiD Machtigen without a valid BSN of the acting resident');
    }
    if (handelende === vertegenwoordigde) throw new IdentityClaimError('DigiD Machtigen for oneself');
    const namens: Namens = {
      soort: 'DIGID_MACHTIGEN',
      ...dienstOf(payload, DIGID_MACHTIGEN_CLAIMS.dienst, diensten),
      vertegenwoordiger: { soort: 'INWONER' },
    };
    return { soort: 'INWONER', middel: 'DIGID', niveau, bsn: vertegenwoordigde, namens };
  }

  const kvk = payload[EHERKENNING_KVK_CLAIM];
  if (kvk !== undefined) {
    if (typeof kvk !== 'string' || !/^\d{8}$/.test(kvk)) throw new IdentityClaimError('malformed KvK number');
    const vestiging = payload[EHERKENNING_VESTIGING_CLAIM];
    if (vestiging !== undefined && (typeof vestiging !== 'string' || !/^\d{12}$/.test(vestiging))) {
      throw new IdentityClaimError('malformed vestigingsnummer');
    }
    const rsin = payload[EHERKENNING_RSIN_CLAIM];
    // Ketenmachtiging: an intermediary acts for the organisation, within the dienst's scope.
    const intermediair = payload[EHERKENNING_KETEN_CLAIMS.vertegenwoordiger];
    let namens: Namens | undefined;
    if (intermediair !== undefined) {
      if (typeof intermediair !== 'string' || !/^\d{8}$/.test(intermediair) || intermediair === kvk) {
        throw new IdentityClaimError('malformed intermediary in a ketenmachtiging');
      }
      namens = {
        soort: 'EHERKENNING_KETENMACHTIGING',
        ...dienstOf(payload, EHERKENNING_KETEN_CLAIMS.dienst, diensten),
        vertegenwoordiger: { soort: 'ONDERNEMER', kvk: intermediair },
      };
    }
    return {
      soort: 'ONDERNEMER',
      middel: 'EHERKENNING',
      niveau,
      kvk,
      ...(typeof vestiging === 'string' ? { vestiging } : {}),
      ...(typeof rsin === 'string' && /^\d{9}$/.test(rsin) ? { rsin } : {}),
      ...(namens ? { namens } : {}),
    };
  }

  // A restriction to one vestiging, or an RSIN, belongs to an eHerkenning login: without its KvK
  // number the token is of a shape we do not know, and a restriction must never be dropped.
  if (
    payload[EHERKENNING_VESTIGING_CLAIM] !== undefined ||
    payload[EHERKENNING_RSIN_CLAIM] !== undefined ||
    payload[EHERKENNING_KETEN_CLAIMS.vertegenwoordiger] !== undefined
  ) {
    throw new IdentityClaimError('eHerkenning claims without a KvK number');
  }
  const bsn = bsnFrom(payload, preset);
  if (bsn === undefined) throw new IdentityClaimError(`no identifier in the claims for preset ${preset}`);
  if (!isValidBsn(bsn)) throw new IdentityClaimError('BSN fails the elfproef');
  return { soort: 'INWONER', middel: 'DIGID', niveau, bsn };
}
