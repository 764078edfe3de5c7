import type { Niveau } from './identity.js';

/**
 * The level a resident needs to read BRP data, zaken, berichten and their own contact details
 * unless a subgraph is configured otherwise (`LEES_NIVEAU`): DigiD Midden (the app or an SMS
 * code besides the password), as MijnOverheid asks for its Berichtenbox. With a password alone,
 * anyone who learned it could read where someone lives and what they applied for.
 */
export const DEFAULT_LEES_NIVEAU: Niveau = 'MIDDEN';

/**
 * `acr` values of DigiD (SAML authentication context classes), eIDAS and eHerkenning, mapped to
 * the normalised level (docs/architecture.md §4). Brokers sometimes send the short class name only, so both
 * forms are listed.
 */
const ACR_TO_NIVEAU: ReadonlyMap<string, Niveau> = new Map([
  ['urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport', 'BASIS'],
  ['urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract', 'MIDDEN'],
  ['urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard', 'SUBSTANTIEEL'],
  ['urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI', 'HOOG'],
  ['PasswordProtectedTransport', 'BASIS'],
  ['MobileTwoFactorContract', 'MIDDEN'],
  ['Smartcard', 'SUBSTANTIEEL'],
  ['SmartcardPKI', 'HOOG'],
  ['http://eidas.europa.eu/LoA/low', 'MIDDEN'],
  ['http://eidas.europa.eu/LoA/substantial', 'SUBSTANTIEEL'],
  ['http://eidas.europa.eu/LoA/high', 'HOOG'],
  ['urn:etoegang:core:assurance-class:loa1', 'BASIS'],
  ['urn:etoegang:core:assurance-class:loa2', 'MIDDEN'],
  ['urn:etoegang:core:assurance-class:loa2plus', 'MIDDEN'],
  ['urn:etoegang:core:assurance-class:loa3', 'SUBSTANTIEEL'],
  ['urn:etoegang:core:assurance-class:loa4', 'HOOG'],
]);

/** The normalised level for an `acr` claim, or undefined when the value is unknown. */
export function niveauFromAcr(acr: unknown): Niveau | undefined {
  return typeof acr === 'string' ? ACR_TO_NIVEAU.get(acr.trim()) : undefined;
}

/** The `acr` value a DigiD or eHerkenning login at `niveau` carries (used by the development IdP). */
export function acrForNiveau(middel: 'DIGID' | 'EHERKENNING', niveau: Niveau): string {
  const digid: Record<Niveau, string> = {
    BASIS: 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport',
    MIDDEN: 'urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract',
    SUBSTANTIEEL: 'urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard',
    HOOG: 'urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI',
  };
  const eherkenning: Record<Niveau, string> = {
    BASIS: 'urn:etoegang:core:assurance-class:loa1',
    MIDDEN: 'urn:etoegang:core:assurance-class:loa2plus',
    SUBSTANTIEEL: 'urn:etoegang:core:assurance-class:loa3',
    HOOG: 'urn:etoegang:core:assurance-class:loa4',
  };
  return middel === 'DIGID' ? digid[niveau] : eherkenning[niveau];
}
