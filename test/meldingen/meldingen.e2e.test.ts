import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NOTIFY_TEMPLATES } from '../../simulators/notifynl/index.js';
import { NOTIFICATIES_PATH } from '../../subgraphs/voorkeuren/melding/notificaties.route.js';
import { meOf, startStack, type Stack } from '../helpers/stack.js';
import { zaaksysteem } from '../helpers/zaaksysteem.js';
import { TEST_ZGW_NOTIFICATIES_AUTH } from '../voorkeuren/harness.js';

/**
 * A status change in the simulated zaaksysteem reaches the resident: the ZGW simulator sends
 * its Notificaties message to the voorkeuren subgraph, which decides and sends through the
 * NotifyNL simulator, and the resident sees what was sent or not sent in `me.meldingen`.
 */
describe('meldingen: from a status change in the zaaksysteem to NotifyNL', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.[Symbol.asyncDispose]();
  });

  const SUZANNE = '999993653';
  const MAIL = 'suzanne.moulin@example.nl';
  const TEL = '+31612345678';
  const MELDINGEN = `{ me { meldingen { zaakIdentificatie kanaal status redenCode reden verstuurdOp } } }`;
  interface Melding {
    zaakIdentificatie: string;
    kanaal: string;
    status: string;
    redenCode: string | null;
    reden: string | null;
    verstuurdOp: string | null;
  }

  /** Sets a status on a seeded zaak, as the zaaksysteem's own user would; returns the status URL. */
  const zetStatus = async (identificatie: string, statustype: string): Promise<string> =>
    (await zaaksysteem(stack.zgwUrls.zgwA).zetStatus(identificatie, statustype)).statusUrl;
  const naar = (aan: string) => stack.simulators.notifyNl.sent().filter((n) => n.recipient === aan);
  const meldingen = async (token: string) =>
    meOf(await stack.query<{ me: { meldingen: Melding[] } | null }>(MELDINGEN, { token })).meldingen;
  /** Waits until the resident has `aantal` meldingen (the callback and the loop run on their own). */
  const wachtOpMeldingen = (token: string, aantal: number) =>
    vi.waitFor(
      async () => {
        await stack.meldingen.ronde();
        const lijst = await meldingen(token);
        expect(lijst.filter((m) => m.status !== 'GEPLAND')).toHaveLength(aantal);
        return lijst;
      },
      { timeout: 5_000, interval: 50 },
    );
  const voegToeEnVerifieer = async (token: string, soort: 'EMAIL' | 'TELEFOON', waarde: string, verifieer: boolean) => {
    const toegevoegd = await stack.query<{ voegContactgegevenToe: { contactgegeven: { id: string } } }>(
      `mutation($soort: ContactSoort!, $waarde: String!) {
         voegContactgegevenToe(input: { soort: $soort, waarde: $waarde }) { contactgegeven { id } } }`,
      { token, variables: { soort, waarde } },
    );
    const id = toegevoegd.body.data?.voegContactgegevenToe.contactgegeven.id ?? '';
    if (verifieer) await verifieerCode(token, id, waarde);
    return id;
  };
  const verifieerCode = async (token: string, id: string, waarde: string) => {
    const code = naar(waarde).at(-1)?.personalisation['code'] ?? '';
    const verified = await stack.query(
      `mutation($id: ID!, $code: String!) { verifieerContactgegeven(input: { id: $id, code: $code }) { contactgegeven { geverifieerd } } }`,
      { token, variables: { id, code } },
    );
    expect(verified.body.errors).toBeUndefined();
  };

  let token = '';
  let omgevingsStatus = '';

  it('sends one e-mail for a status change to a resident who chose e-mail', async () => {
    token = await stack.login({ bsn: SUZANNE, niveau: 'midden' });
    await voegToeEnVerifieer(token, 'EMAIL', MAIL, true);
    const gekozen = await stack.query(
      'mutation { wijzigVoorkeuren(input: { kanalen: [{ kanaal: EMAIL, aan: true }, { kanaal: SMS, aan: true }] }) { taal } }',
      { token },
    );
    expect(gekozen.body.errors).toBeUndefined();

    omgevingsStatus = await zetStatus('ZAAK-2026-0000000107', 'Beoordeling');
    await wachtOpMeldingen(token, 2);
    // The delivery receipt comes back from NotifyNL on its own.
    const lijst = await vi.waitFor(async () => {
      const nu = await meldingen(token);
      expect(nu.find((m) => m.kanaal === 'EMAIL')?.status).toBe('AFGELEVERD');
      return nu;
    });
    const mails = naar(MAIL).filter((n) => n.template.id === NOTIFY_TEMPLATES['zaak-status-email'].id);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('Nieuwe status voor uw zaak ZAAK-2026-0000000107');
    expect(mails[0]?.body).toContain('Wij beoordelen uw aanvraag.');
    expect(lijst).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ zaakIdentificatie: 'ZAAK-2026-0000000107', kanaal: 'EMAIL', status: 'AFGELEVERD' }),
        expect.objectContaining({ kanaal: 'SMS', status: 'NIET_VERSTUURD', redenCode: 'GEEN_BRUIKBAAR_CONTACT' }),
      ]),
    );
  });

  it('sends nothing more when the same event arrives again', async () => {
    const again = await fetch(stack.subgraphUrls.voorkeuren.replace(/\/graphql$/, NOTIFICATIES_PATH), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: TEST_ZGW_NOTIFICATIES_AUTH },
      body: JSON.stringify({
        kanaal: 'zaken',
        hoofdObject: `${stack.zgwUrls.zgwA}/zaken/api/v1/zaken/onbekend`,
        resource: 'status',
        resourceUrl: omgevingsStatus,
        actie: 'create',
        aanmaakdatum: new Date().toISOString(),
        kenmerken: {},
      }),
    });
    expect(again.status).toBe(204);
    await stack.meldingen.ronde();
    expect(naar(MAIL).filter((n) => n.template.id === NOTIFY_TEMPLATES['zaak-status-email'].id)).toHaveLength(1);
    expect(await meldingen(token)).toHaveLength(2);
  });

  it('refuses a notification without the abonnement’s Authorization, and answers the test message', async () => {
    const url = stack.subgraphUrls.voorkeuren.replace(/\/graphql$/, NOTIFICATIES_PATH);
    const body = JSON.stringify({
      kanaal: 'test',
      hoofdObject: 'http://some.hoofdobject.nl/',
      resource: 'some_resource',
      resourceUrl: 'http://some.resource.nl/',
      actie: 'unknown',
      aanmaakdatum: new Date().toISOString(),
      kenmerken: {},
    });
    const zonder = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(zonder.status).toBe(403);
    const test = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: TEST_ZGW_NOTIFICATIES_AUTH },
      body,
    });
    expect(test.status).toBe(204);
  });

  it('sends nothing, with the reason recorded, for a zaaktype MijnOverheid already announces', async () => {
    const voor = naar(MAIL).length;
    await zetStatus('ZAAK-2026-0000000101', 'In behandeling');
    const lijst = await wachtOpMeldingen(token, 4);
    expect(naar(MAIL)).toHaveLength(voor);
    const parkeren = lijst.filter((m) => m.zaakIdentificatie === 'ZAAK-2026-0000000101');
    expect(parkeren).toHaveLength(2);
    for (const m of parkeren) {
      expect(m).toMatchObject({
        status: 'NIET_VERSTUURD',
        redenCode: 'MIJN_OVERHEID_MELDT',
        reden: 'U kreeg hierover al bericht van MijnOverheid.',
        verstuurdOp: null,
      });
    }
  });

  it('sends an SMS only to a verified number', async () => {
    const id = await voegToeEnVerifieer(token, 'TELEFOON', TEL, false);
    await zetStatus('ZAAK-2026-0000000107', 'Beoordeling');
    let lijst = await wachtOpMeldingen(token, 6);
    expect(naar(TEL).filter((n) => n.template.id === NOTIFY_TEMPLATES['zaak-status-sms'].id)).toHaveLength(0);
    expect(lijst[0]).toBeDefined();

    await verifieerCode(token, id, TEL);
    await zetStatus('ZAAK-2026-0000000107', 'Beoordeling');
    lijst = await wachtOpMeldingen(token, 8);
    const sms = naar(TEL).filter((n) => n.template.id === NOTIFY_TEMPLATES['zaak-status-sms'].id);
    expect(sms).toHaveLength(1);
    expect(sms[0]?.body).toContain('Wij beoordelen uw aanvraag.');
    expect(lijst.filter((m) => m.kanaal === 'SMS' && m.status !== 'NIET_VERSTUURD')).toHaveLength(1);
  });
});
