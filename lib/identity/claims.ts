import type { JWTPayload } from 'jose';
import type { Identity } from './identity.js';
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
export function identityFromClaims(payload: JWTPayload, preset: ClaimPreset): Identity {
  const niveau = niveauFromAcr(payload['acr']);
  if (!niveau) throw new IdentityClaimError('acr missing or not a known assurance level');

  const kvk = payload[EHERKENNING_KVK_CLAIM];
  if (kvk !== undefined) {
    if (typeof kvk !== 'string' || !/^\d{8}$/.test(kvk)) throw new IdentityClaimError('malformed KvK number');
    const vestiging = payload[EHERKENNING_VESTIGING_CLAIM];
    if (vestiging !== undefined && (typeof vestiging !== 'string' || !/^\d{12}$/.test(vestiging))) {
      throw new IdentityClaimError('malformed vestigingsnummer');
    }
    const rsin = payload[EHERKENNING_RSIN_CLAIM];
    return {
      soort: 'ONDERNEMER',
      middel: 'EHERKENNING',
      niveau,
      kvk,
      ...(typeof vestiging === 'string' ? { vestiging } : {}),
      ...(typeof rsin === 'string' && /^\d{9}$/.test(rsin) ? { rsin } : {}),
    };
  }

  // A restriction to one vestiging, or an RSIN, belongs to an eHerkenning login: without its KvK
  // number the token is of a shape we do not know, and a restriction must never be dropped.
  if (payload[EHERKENNING_VESTIGING_CLAIM] !== undefined || payload[EHERKENNING_RSIN_CLAIM] !== undefined) {
    throw new IdentityClaimError('eHerkenning claims without a KvK number');
  }
  const bsn = bsnFrom(payload, preset);
  if (bsn === undefined) throw new IdentityClaimError(`no identifier in the claims for preset ${preset}`);
  if (!isValidBsn(bsn)) throw new IdentityClaimError('BSN fails the elfproef');
  return { soort: 'INWONER', middel: 'DIGID', niveau, bsn };
}
