import type { JWTPayload } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  DIGID_MACHTIGEN_CLAIMS,
  EHERKENNING_KETEN_CLAIMS,
  EHERKENNING_KVK_CLAIM,
  IdentityClaimError,
  identityFromClaims,
  MachtigingNotAllowedError,
  isValidBsn,
  niveauFromAcr,
  pseudonymFor,
  type Identity,
} from '../../lib/identity/index.js';

const SMARTCARD = 'urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard';

describe('assurance level from acr (docs/architecture.md §4)', () => {
  it.each([
    ['urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport', 'BASIS'],
    ['urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract', 'MIDDEN'],
    [SMARTCARD, 'SUBSTANTIEEL'],
    ['urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI', 'HOOG'],
    ['http://eidas.europa.eu/LoA/low', 'MIDDEN'],
    ['http://eidas.europa.eu/LoA/substantial', 'SUBSTANTIEEL'],
    ['http://eidas.europa.eu/LoA/high', 'HOOG'],
    ['urn:etoegang:core:assurance-class:loa1', 'BASIS'],
    ['urn:etoegang:core:assurance-class:loa2', 'MIDDEN'],
    ['urn:etoegang:core:assurance-class:loa2plus', 'MIDDEN'],
    ['urn:etoegang:core:assurance-class:loa3', 'SUBSTANTIEEL'],
    ['urn:etoegang:core:assurance-class:loa4', 'HOOG'],
  ])('%s → %s', (acr, niveau) => {
    expect(niveauFromAcr(acr)).toBe(niveau);
  });

  it('knows no level for an unknown or missing acr', () => {
    expect(niveauFromAcr('urn:example:weird')).toBeUndefined();
    expect(niveauFromAcr(undefined)).toBeUndefined();
  });
});

describe('identity from broker claims', () => {
  it('reads a plain bsn claim', () => {
    expect(identityFromClaims({ bsn: '999993653', acr: SMARTCARD }, 'bsn')).toEqual({
      soort: 'INWONER',
      middel: 'DIGID',
      niveau: 'SUBSTANTIEEL',
      bsn: '999993653',
    });
  });

  it('reads nin with its sector prefix', () => {
    expect(identityFromClaims({ nin: 's00000000:999993653', acr: SMARTCARD }, 'nin')).toMatchObject({
      bsn: '999993653',
    });
  });

  it('reads sub only when sub_id_type says it is a BSN', () => {
    const claims = { sub: '999993653', acr: SMARTCARD };
    expect(identityFromClaims({ ...claims, sub_id_type: 'urn:nl-eid-gdi:1.0:id:BSN' }, 'sub')).toMatchObject({
      bsn: '999993653',
    });
    expect(() => identityFromClaims(claims, 'sub')).toThrow(IdentityClaimError);
  });

  it('reads an eHerkenning login with its vestiging restriction', () => {
    expect(
      identityFromClaims(
        {
          'urn:etoegang:core:LegalSubjectID': '69599084',
          'urn:etoegang:1.9:ServiceRestriction:Vestigingsnr': '000038509504',
          acr: 'urn:etoegang:core:assurance-class:loa3',
        },
        'bsn',
      ),
    ).toEqual({
      soort: 'ONDERNEMER',
      middel: 'EHERKENNING',
      niveau: 'SUBSTANTIEEL',
      kvk: '69599084',
      vestiging: '000038509504',
    });
  });

  it('refuses a BSN that fails the elfproef, a missing acr and a malformed KvK number', () => {
    expect(() => identityFromClaims({ bsn: '123456789', acr: SMARTCARD }, 'bsn')).toThrow(IdentityClaimError);
    expect(() => identityFromClaims({ bsn: '999993653' }, 'bsn')).toThrow(IdentityClaimError);
    expect(() =>
      identityFromClaims(
        { 'urn:etoegang:core:LegalSubjectID': '6959', acr: 'urn:etoegang:core:assurance-class:loa3' },
        'bsn',
      ),
    ).toThrow(IdentityClaimError);
  });

  it('reads nin only with the BSN sector prefix, exactly', () => {
    for (const nin of [
      's00000001:999993653', // the former sofinummer sector: not a BSN
      'S00000000:999993653',
      's0000000:999993653',
      's000000000:999993653',
      '00000000:999993653',
      's00000000999993653',
      's00000000:',
      's00000000:999993653 ',
      ' s00000000:999993653',
      '999993653',
    ]) {
      expect(() => identityFromClaims({ nin, acr: SMARTCARD }, 'nin'), nin).toThrow(IdentityClaimError);
    }
    expect(() => identityFromClaims({ nin: ['s00000000:999993653'], acr: SMARTCARD }, 'nin')).toThrow(
      IdentityClaimError,
    );
  });

  it('refuses sub of any other id type, and a sub that is not a string', () => {
    for (const sub_id_type of [
      'urn:nl-eid-gdi:1.0:id:Pseudo',
      'urn:nl-eid-gdi:1.0:id:legacy-BSN',
      'urn:nl-eid-gdi:1.0:id:bsn',
      ['urn:nl-eid-gdi:1.0:id:BSN'],
    ]) {
      expect(() => identityFromClaims({ sub: '999993653', sub_id_type, acr: SMARTCARD }, 'sub')).toThrow(
        IdentityClaimError,
      );
    }
    // As a decoded token gives it: the JWTPayload type promises a string, the wire does not.
    const numeric = JSON.parse(
      `{"sub":999993653,"sub_id_type":"urn:nl-eid-gdi:1.0:id:BSN","acr":"${SMARTCARD}"}`,
    ) as JWTPayload;
    expect(() => identityFromClaims(numeric, 'sub')).toThrow(IdentityClaimError);
  });

  it('reads only the claim of its own preset', () => {
    expect(() => identityFromClaims({ nin: 's00000000:999993653', acr: SMARTCARD }, 'bsn')).toThrow(IdentityClaimError);
    expect(() => identityFromClaims({ bsn: '999993653', acr: SMARTCARD }, 'nin')).toThrow(IdentityClaimError);
    expect(() => identityFromClaims({ bsn: '999993653', sub: '999993653', acr: SMARTCARD }, 'sub')).toThrow(
      IdentityClaimError,
    );
  });

  it('reads an eHerkenning login without vestiging, with its RSIN', () => {
    expect(
      identityFromClaims(
        {
          'urn:etoegang:core:LegalSubjectID': '69599084',
          'urn:etoegang:1.9:EntityConcernedID:RSIN': '857583001',
          acr: 'urn:etoegang:core:assurance-class:loa2plus',
        },
        'bsn',
      ),
    ).toEqual({ soort: 'ONDERNEMER', middel: 'EHERKENNING', niveau: 'MIDDEN', kvk: '69599084', rsin: '857583001' });
  });

  it('refuses a malformed vestigingsnummer rather than dropping the restriction', () => {
    for (const vestiging of ['38509504', '0000385095040', '00003850950a', 38509504]) {
      expect(() =>
        identityFromClaims(
          {
            'urn:etoegang:core:LegalSubjectID': '69599084',
            'urn:etoegang:1.9:ServiceRestriction:Vestigingsnr': vestiging,
            acr: 'urn:etoegang:core:assurance-class:loa3',
          },
          'bsn',
        ),
      ).toThrow(IdentityClaimError);
    }
  });

  it('refuses eHerkenning claims without a KvK number, also next to a BSN', () => {
    const loa3 = 'urn:etoegang:core:assurance-class:loa3';
    for (const claims of [
      { 'urn:etoegang:1.9:ServiceRestriction:Vestigingsnr': '000038509504', bsn: '999993653', acr: loa3 },
      { 'urn:etoegang:1.9:EntityConcernedID:RSIN': '857583001', bsn: '999993653', acr: loa3 },
    ]) {
      expect(() => identityFromClaims(claims, 'bsn')).toThrow(IdentityClaimError);
    }
  });

  it('refuses shapes it does not know', () => {
    for (const claims of [
      {},
      { acr: SMARTCARD },
      { bsn: 999993653, acr: SMARTCARD },
      { bsn: ['999993653'], acr: SMARTCARD },
      { bsn: '', acr: SMARTCARD },
      { bsn: '9999936530', acr: SMARTCARD },
      { 'urn:etoegang:core:LegalSubjectID': 69599084, acr: SMARTCARD },
      { 'urn:etoegang:core:LegalSubjectID': '69599084', acr: 'urn:example:loa-onbekend' },
    ]) {
      expect(() => identityFromClaims(claims, 'bsn'), JSON.stringify(claims)).toThrow(IdentityClaimError);
    }
  });

  it('checks the elfproef', () => {
    expect(isValidBsn('999993653')).toBe(true);
    expect(isValidBsn('999970008')).toBe(true);
    expect(isValidBsn('999993654')).toBe(false);
    expect(isValidBsn('99999365')).toBe(false);
  });
});

describe('machtigingen from broker claims', () => {
  const ACR = 'urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard';
  const diensten = { 'zaken-volgen': ['zaken'] } as const;
  const machtigen = (extra: Record<string, unknown> = {}): JWTPayload => ({
    acr: ACR,
    [DIGID_MACHTIGEN_CLAIMS.vertegenwoordigde]: '999993653',
    [DIGID_MACHTIGEN_CLAIMS.vertegenwoordiger]: '999970008',
    [DIGID_MACHTIGEN_CLAIMS.dienst]: 'zaken-volgen',
    ...extra,
  });

  it('DigiD Machtigen: the identity is the represented resident, with who acts and the scope of the dienst', () => {
    expect(identityFromClaims(machtigen(), 'bsn', diensten)).toEqual({
      soort: 'INWONER',
      middel: 'DIGID',
      niveau: 'SUBSTANTIEEL',
      bsn: '999993653',
      namens: {
        soort: 'DIGID_MACHTIGEN',
        dienst: 'zaken-volgen',
        // Checked, then dropped: the acting resident's BSN goes to no source.
        vertegenwoordiger: { soort: 'INWONER' },
        bronnen: ['zaken'],
      },
    });
  });

  it('a plain bsn claim next to a machtiging does not make it a login for oneself', () => {
    expect(identityFromClaims(machtigen({ bsn: '999970008' }), 'bsn', diensten)).toMatchObject({ bsn: '999993653' });
  });

  it('refuses a machtiging for a dienst that is not configured, with its own error', () => {
    expect(() => identityFromClaims(machtigen(), 'bsn', {})).toThrow(MachtigingNotAllowedError);
    expect(() =>
      identityFromClaims(machtigen({ [DIGID_MACHTIGEN_CLAIMS.dienst]: 'toString' }), 'bsn', diensten),
    ).toThrow(MachtigingNotAllowedError);
  });

  it('refuses machtigingen of unknown shapes', () => {
    for (const extra of [
      { [DIGID_MACHTIGEN_CLAIMS.vertegenwoordiger]: undefined },
      { [DIGID_MACHTIGEN_CLAIMS.vertegenwoordiger]: '123456789' },
      { [DIGID_MACHTIGEN_CLAIMS.vertegenwoordiger]: '999993653' },
      { [DIGID_MACHTIGEN_CLAIMS.vertegenwoordigde]: 999993653 },
      { [DIGID_MACHTIGEN_CLAIMS.dienst]: undefined },
      { [EHERKENNING_KVK_CLAIM]: '69599084' },
    ]) {
      expect(() => identityFromClaims(machtigen(extra), 'bsn', diensten)).toThrow(IdentityClaimError);
    }
  });

  it('eHerkenning ketenmachtiging: the company, with the intermediary that acts for it', () => {
    const payload = {
      acr: 'urn:etoegang:core:assurance-class:loa3',
      [EHERKENNING_KVK_CLAIM]: '69599084',
      [EHERKENNING_KETEN_CLAIMS.vertegenwoordiger]: '12345678',
      [EHERKENNING_KETEN_CLAIMS.dienst]: 'zaken-volgen',
    };
    expect(identityFromClaims(payload, 'bsn', diensten)).toMatchObject({
      soort: 'ONDERNEMER',
      kvk: '69599084',
      namens: { soort: 'EHERKENNING_KETENMACHTIGING', vertegenwoordiger: { soort: 'ONDERNEMER', kvk: '12345678' } },
    });
    expect(() =>
      identityFromClaims({ ...payload, [EHERKENNING_KETEN_CLAIMS.vertegenwoordiger]: '69599084' }, 'bsn', diensten),
    ).toThrow(IdentityClaimError);
    expect(() =>
      identityFromClaims({ ...payload, [EHERKENNING_KVK_CLAIM]: undefined, bsn: '999993653' }, 'bsn', diensten),
    ).toThrow(IdentityClaimError);
  });
});

describe('pseudonymous Gebruiker.id', () => {
  const inwoner: Identity = { soort: 'INWONER', middel: 'DIGID', niveau: 'MIDDEN', bsn: '999993653' };
  const key = 'k'.repeat(32);

  it('is the same for the same person at any level, and never contains the BSN', () => {
    const id = pseudonymFor(inwoner, key);
    expect(pseudonymFor({ ...inwoner, niveau: 'HOOG' }, key)).toBe(id);
    expect(id).not.toContain('999993653');
    expect(id).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('differs per person and per key', () => {
    expect(pseudonymFor({ ...inwoner, bsn: '999970008' }, key)).not.toBe(pseudonymFor(inwoner, key));
    expect(pseudonymFor(inwoner, 'x'.repeat(32))).not.toBe(pseudonymFor(inwoner, key));
  });
});
