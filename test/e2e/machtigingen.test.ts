import { SignJWT, importJWK, type JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { DIGID_MACHTIGEN_CLAIMS, EHERKENNING_KETEN_CLAIMS, EHERKENNING_KVK_CLAIM } from '../../lib/identity/index.js';
import { MijnOverzichtDocument } from '../../schema/generated/graphql.js';
import { stackForTests } from '../helpers/stack.js';

const SMARTCARD = 'urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard';
const EH_LOA3 = 'urn:etoegang:core:assurance-class:loa3';
const SUZANNE = '999993653';
const GOVERT = '999970008';

/**
 * Acting for someone else. A broker's token names the represented resident or organisation, who
 * acts, and the dienst of the machtiging; the gateway's MACHTIGING_DIENSTEN says which sources
 * each dienst covers. Every section answers for the represented one, only within that scope, and
 * `authenticatie.namens` says so.
 */
describe('machtigingen', () => {
  const world = stackForTests({
    gateway: {
      machtigingDiensten: {
        'zaken-volgen': ['zaken', 'voorkeuren'],
        'administratie-bedrijf': ['zaken'],
      },
    },
  });

  async function token(claims: Record<string, unknown>): Promise<string> {
    const key = world.stack.idp.keys.keys[0] as JWK;
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: key.kid ?? 'k', typ: 'at+jwt' })
      .setIssuer(world.stack.idp.issuer)
      .setAudience(world.stack.idp.audience)
      .setIssuedAt(now - 60)
      .setExpirationTime(now + 600)
      .sign(await importJWK(key, 'RS256'));
  }

  const digidMachtigen = (dienst: string) =>
    token({
      acr: SMARTCARD,
      [DIGID_MACHTIGEN_CLAIMS.vertegenwoordigde]: SUZANNE,
      [DIGID_MACHTIGEN_CLAIMS.vertegenwoordiger]: GOVERT,
      [DIGID_MACHTIGEN_CLAIMS.dienst]: dienst,
    });

  it('DigiD Machtigen: the sections answer for the represented resident, only those the dienst covers', async () => {
    const own = await world.stack.query(MijnOverzichtDocument, {
      token: await token({ bsn: SUZANNE, acr: SMARTCARD }),
    });
    const { status, body } = await world.stack.query(
      `{ me { id soort authenticatie { middel niveau namens { soort dienst bronnen vertegenwoordiger { soort kvkNummer } } }
          zaken { items { identificatie } } persoonsgegevens { naam { volledigeNaam } } berichten { ongelezen } } }`,
      { token: await digidMachtigen('zaken-volgen') },
    );
    expect(status).toBe(200);
    const me = body.data?.['me'] as Record<string, unknown>;
    // The same resident, the same zaken as when Suzanne logs in herself.
    expect(me['id']).toBe(own.body.data?.me?.id);
    expect(me['authenticatie']).toEqual({
      middel: 'DIGID',
      niveau: 'SUBSTANTIEEL',
      namens: {
        soort: 'DIGID_MACHTIGEN',
        dienst: 'zaken-volgen',
        bronnen: ['zaken', 'voorkeuren'],
        // Who acts is shown by kind: never their BSN.
        vertegenwoordiger: { soort: 'INWONER', kvkNummer: null },
      },
    });
    expect((me['zaken'] as { items: unknown[] }).items).toEqual(
      own.body.data?.me?.zaken?.items?.map((zaak) => ({ identificatie: zaak.identificatie })),
    );
    expect(me['persoonsgegevens']).toBeNull();
    expect(me['berichten']).toBeNull();
    const forbidden = (body.errors ?? []).filter((e) => e.extensions?.['code'] === 'FORBIDDEN');
    expect(forbidden.map((e) => e.path?.join('.')).sort()).toEqual(['me.berichten', 'me.persoonsgegevens']);
    expect(forbidden[0]?.message).toBe('Uw machtiging geldt niet voor deze gegevens.');
    expect(JSON.stringify(body)).not.toContain(GOVERT);

    // Suzanne sees in her verwerkingenlog that someone acting for her read her zaken, and nothing else.
    await world.stack.verwerkingen.flush();
    const log = await world.stack.query('{ me { verwerkingen { items { bron namens } } } }', {
      token: await token({ bsn: SUZANNE, acr: SMARTCARD }),
    });
    const items = (log.body.data?.['me'] as { verwerkingen: { items: { bron: string; namens: string | null }[] } })
      .verwerkingen.items;
    expect(items.filter((item) => item.namens === 'DIGID_MACHTIGEN')).toEqual([
      { bron: 'ZAKEN', namens: 'DIGID_MACHTIGEN' },
    ]);
    // Her own MijnOverzicht at the start of this test: read by herself.
    expect(items.filter((item) => item.namens === null).map((item) => item.bron)).toEqual(
      expect.arrayContaining(['BRP', 'ZAKEN', 'MIJNOVERHEID']),
    );
  });

  it('a machtiging for a dienst this portal does not serve is refused with 403', async () => {
    const { status, body } = await world.stack.query('{ me { id } }', { token: await digidMachtigen('iets-anders') });
    expect(status).toBe(403);
    expect(body.errors).toEqual([
      { message: 'U kunt hier niet namens deze persoon of dit bedrijf inloggen.', extensions: { code: 'FORBIDDEN' } },
    ]);
  });

  it('a machtiging of an unknown shape is refused with 401: no acting resident, acting for oneself', async () => {
    for (const claims of [
      { [DIGID_MACHTIGEN_CLAIMS.vertegenwoordigde]: SUZANNE, [DIGID_MACHTIGEN_CLAIMS.dienst]: 'zaken-volgen' },
      {
        [DIGID_MACHTIGEN_CLAIMS.vertegenwoordigde]: SUZANNE,
        [DIGID_MACHTIGEN_CLAIMS.vertegenwoordiger]: SUZANNE,
        [DIGID_MACHTIGEN_CLAIMS.dienst]: 'zaken-volgen',
      },
    ]) {
      const { status, body } = await world.stack.query('{ me { id } }', {
        token: await token({ acr: SMARTCARD, ...claims }),
      });
      expect(status).toBe(401);
      expect(body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    }
  });

  it('eHerkenning ketenmachtiging: the intermediary acts for the company, within the dienst', async () => {
    const { status, body } = await world.stack.query(
      '{ me { soort authenticatie { namens { soort dienst vertegenwoordiger { soort kvkNummer } } } zaken { bron { status } } berichten { ongelezen } } }',
      {
        token: await token({
          acr: EH_LOA3,
          [EHERKENNING_KVK_CLAIM]: '69599084',
          [EHERKENNING_KETEN_CLAIMS.vertegenwoordiger]: '12345678',
          [EHERKENNING_KETEN_CLAIMS.dienst]: 'administratie-bedrijf',
        }),
      },
    );
    expect(status).toBe(200);
    expect(body.data?.['me']).toMatchObject({
      soort: 'ONDERNEMER',
      authenticatie: {
        namens: {
          soort: 'EHERKENNING_KETENMACHTIGING',
          dienst: 'administratie-bedrijf',
          vertegenwoordiger: { soort: 'ONDERNEMER', kvkNummer: '12345678' },
        },
      },
      zaken: { bron: { status: expect.any(String) } },
      berichten: null,
    });
  });
});
