import { print, type DocumentNode } from 'graphql';
import { SignJWT, importJWK, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../lib/logging.js';
import { MijnGegevensDocument, MijnOverzichtDocument, MijnZakenDocument } from '../../schema/generated/graphql.js';
import { generateSigningJwks } from '../../simulators/idp/keys.js';
import { meOf, postGraphQL, startStack, type GraphQLResponse, type Stack } from '../helpers/stack.js';
import { zaaksysteem } from '../helpers/zaaksysteem.js';
import { AFLEVERSTATUS_PATH } from '../../subgraphs/voorkeuren/afleverstatus/afleverstatus.route.js';
import { NOTIFICATIES_PATH } from '../../subgraphs/voorkeuren/melding/notificaties.route.js';

/**
 * Logs are read by operators, shipped to log stores and kept for months: nothing in them may
 * identify a resident or let someone act as one. The whole stack runs here with the production
 * logger (its censoring included) at level debug, writing into memory; each kind of traffic the
 * suite knows runs, and then every line is searched for what must never be there. A hit names
 * the line's message and what kind of secret it holds, never the secret itself.
 */

const SMARTCARD = 'urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard';

/** DigiD test persons (README, "Test persons") whose pages are asked for. */
const INWONERS = ['999993653', '999970008', '999990123', '999970872'] as const;
/** BSNs that only appear in refused tokens, in a body that cannot be read, or as a literal argument. */
const ANDERE_BSNS = ['999971116', '999970264', '999971104', '999990160'] as const;
/** eHerkenning: a BV restricted to one vestiging, and a sole trader (whose KvK number is personal data). */
const BV = { kvk: '69599084', vestiging: '000038509504' } as const;
const EENMANSZAAK = { kvk: '68727720' } as const;
/** Contact details the resident types, and the forms in which the stack keeps or sends them. */
const EMAIL = {
  getypt: 'Scan.Bewoner@Example.nl',
  vormen: ['Scan.Bewoner@Example.nl', 'Scan.Bewoner@example.nl', 'scan.bewoner@example.nl'],
};
/** Added while NotifyNL fails, so never verified. */
const TWEEDE_EMAIL = 'scan.tweede@example.nl';
const TELEFOON = { getypt: '06 1234 5670', vormen: ['06 1234 5670', '0612345670', '+31612345670', '612345670'] };

/** What a log line must never contain, each with the kind a failure names. */
interface Geheim {
  soort: string;
  waarde: string | RegExp;
}

describe('the log scan: no BSN, KvK number, token, contact detail or request body in any log line', () => {
  const lines: string[] = [];
  const geheimen: Geheim[] = [
    ...[...INWONERS, ...ANDERE_BSNS].map((bsn) => ({ soort: 'BSN', waarde: bsn })),
    // What the BRP says about them: names and a street.
    ...['Moulin', 'de Geus', 'Boterdiep'].map((waarde) => ({ soort: 'gegeven uit de BRP', waarde })),
    { soort: 'KvK-nummer', waarde: BV.kvk },
    { soort: 'vestigingsnummer', waarde: BV.vestiging },
    { soort: 'KvK-nummer (eenmanszaak)', waarde: EENMANSZAAK.kvk },
    ...[...EMAIL.vormen, TWEEDE_EMAIL].map((waarde) => ({ soort: 'e-mailadres', waarde })),
    ...TELEFOON.vormen.map((waarde) => ({ soort: 'telefoonnummer', waarde })),
    // Access tokens, internal tokens, NotifyNL and ZGW tokens, document links: all JWTs or JWEs.
    { soort: 'token (JWT/JWE)', waarde: /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*\./ },
  ];
  /** Everything sent that a careless log line would show: tokens, query texts, bodies. */
  const verstuurd = (soort: string, waarde: string) => {
    geheimen.push({ soort, waarde });
    // A log line is JSON: the text would appear with its quotes and line breaks escaped.
    const escaped = JSON.stringify(waarde).slice(1, -1);
    if (escaped !== waarde) geheimen.push({ soort, waarde: escaped });
  };

  let stack: Stack;
  let idpKey: JWK;
  beforeAll(async () => {
    stack = await startStack({
      logger: createLogger('log-scan', 'debug', { write: (line: string) => void lines.push(line) }),
      upstreamProxies: true,
      subgraphProxies: true,
    });
    idpKey = stack.idp.keys.keys[0] as JWK;
  });
  afterAll(async () => {
    await stack?.[Symbol.asyncDispose]();
  });

  const login = async (who: Parameters<Stack['login']>[0]) => {
    const token = await stack.login(who);
    verstuurd('access token', token);
    return token;
  };
  const query = async <T = Record<string, unknown>>(
    text: string | DocumentNode,
    options: { token?: string; variables?: Record<string, unknown>; headers?: Record<string, string> } = {},
  ): Promise<GraphQLResponse<T>> => {
    const source = typeof text === 'string' ? text : print(text);
    verstuurd('vraagtekst', source);
    if (options.variables) verstuurd('variabelen', JSON.stringify(options.variables));
    return stack.query<T>(source, options);
  };
  const post = async (body: string, headers: Record<string, string> = {}) => {
    verstuurd('verzoek', body);
    return fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  };

  /** The lines that hold a secret, by their message and the kind of secret only. */
  const lekkenIn = (regels: readonly string[]) =>
    regels.flatMap((line) => {
      const soorten = geheimen
        .filter(({ waarde }) => (typeof waarde === 'string' ? line.includes(waarde) : waarde.test(line)))
        .map(({ soort }) => soort);
      if (soorten.length === 0) return [];
      let bericht = '(geen JSON)';
      try {
        bericht = String((JSON.parse(line) as { msg?: unknown }).msg);
      } catch {
        // Not JSON: something wrote around the logger. The kind still says what leaked.
      }
      return [{ bericht, soorten: [...new Set(soorten)] }];
    });
  /** {@link lekkenIn} the lines the stack wrote since `vanaf`. */
  const lekken = (vanaf = 0) => lekkenIn(lines.slice(vanaf));
  const berichten = (vanaf = 0) => lines.slice(vanaf).map((line) => (JSON.parse(line) as { msg?: string }).msg ?? '');

  /** A token like the IdP's, signed with its key unless another is given, with some claims changed. */
  const forge = async (changes: {
    claims?: Record<string, unknown>;
    key?: JWK;
    expiresIn?: number;
    audience?: string;
  }) => {
    const key = changes.key ?? idpKey;
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ acr: SMARTCARD, ...changes.claims })
      .setProtectedHeader({ alg: 'RS256', kid: key.kid ?? 'k', typ: 'at+jwt' })
      .setIssuer(stack.idp.issuer)
      .setAudience(changes.audience ?? stack.idp.audience)
      .setIssuedAt(now - 120)
      .setExpirationTime(now + (changes.expiresIn ?? 600))
      .sign(await importJWK(key, 'RS256'));
    verstuurd('vervalst token', token);
    return token;
  };

  it('the scan finds what it looks for, and names only the message and the kind', async () => {
    const geplant: string[] = [];
    const logger = createLogger('proef', 'debug', { write: (line: string) => void geplant.push(line) });
    logger.info({ reden: 'onbekend: 999970872' }, 'een bsn in een reden');
    logger.warn({ ontvanger: EMAIL.vormen[2] }, 'een adres');
    logger.error({ header: `Bearer ${await forge({ claims: { bsn: '999993653' } })}` }, 'een token');
    logger.info({ bsn: '999993653', token: 'geheim' }, 'gecensureerd');
    const gevonden = lekkenIn(geplant);
    expect(gevonden).toEqual([
      { bericht: 'een bsn in een reden', soorten: ['BSN'] },
      { bericht: 'een adres', soorten: ['e-mailadres'] },
      { bericht: 'een token', soorten: ['token (JWT/JWE)', 'vervalst token'] },
    ]);
    // What a failure prints is safe to show in a CI log.
    expect(JSON.stringify(gevonden)).not.toMatch(/999970872|scan\.bewoner|eyJ/);
  });

  it("the portal's pages of several residents", async () => {
    const vanaf = lines.length;
    for (const bsn of INWONERS) {
      const token = await login({ bsn });
      for (const document of [MijnOverzichtDocument, MijnGegevensDocument]) {
        expect((await query(document, { token })).status).toBe(200);
      }
      const zaken = await query<{ me: { zaken: { totaal: number } | null } | null }>(MijnZakenDocument, {
        token,
        variables: { eerste: 5, filter: { status: 'ALLE' } },
      });
      expect(zaken.body.data?.me?.zaken).not.toBeNull();
    }
    expect(lekken(vanaf)).toEqual([]);
  });

  it('eHerkenning logins: a BV restricted to a vestiging, and a sole trader', async () => {
    const vanaf = lines.length;
    for (const who of [BV, EENMANSZAAK]) {
      const token = await login(who);
      const overzicht = await query<{ me: { soort: string } | null }>(MijnOverzichtDocument, { token });
      expect(overzicht.body.data?.me?.soort).toBe('ONDERNEMER');
      expect((await query(MijnZakenDocument, { token, variables: { eerste: 5 } })).status).toBe(200);
    }
    expect(lekken(vanaf)).toEqual([]);
  });

  it('an e-mail address and a phone number, each with a wrong and a right code, and a melding sent to it', async () => {
    const vanaf = lines.length;
    const token = await login({ bsn: '999993653', niveau: 'midden' });
    const codeVoor = (aan: string) =>
      stack.simulators.notifyNl
        .sent()
        .filter((n) => n.recipient === aan)
        .at(-1)?.personalisation['code'] ?? '';
    for (const [soort, contact, ontvanger] of [
      ['EMAIL', EMAIL.getypt, 'Scan.Bewoner@example.nl'],
      ['TELEFOON', TELEFOON.getypt, '+31612345670'],
    ] as const) {
      const toegevoegd = await query<{ voegContactgegevenToe: { contactgegeven: { id: string } } }>(
        `mutation($soort: ContactSoort!, $waarde: String!) {
           voegContactgegevenToe(input: { soort: $soort, waarde: $waarde }) { contactgegeven { id } } }`,
        { token, variables: { soort, waarde: contact } },
      );
      const id = toegevoegd.body.data?.voegContactgegevenToe.contactgegeven.id ?? '';
      const goed = codeVoor(ontvanger);
      expect(goed).toMatch(/^\d{6}$/);
      const fout = goed === '000000' ? '111111' : '000000';
      const verifieer = `mutation($id: ID!, $code: String!) {
        verifieerContactgegeven(input: { id: $id, code: $code }) { contactgegeven { geverifieerd } } }`;
      const mis = await query(verifieer, { token, variables: { id, code: fout } });
      expect(mis.body.errors?.[0]?.extensions?.['code']).toBe('VERIFICATIECODE_ONJUIST');
      const raak = await query(verifieer, { token, variables: { id, code: goed } });
      expect(raak.body.errors).toBeUndefined();
    }
    // A code NotifyNL does not take is logged by its failure kind.
    stack.upstreamProxies.notifyNl?.setFault({ kind: 'status', status: 500, count: 2 });
    const nietVerstuurd = await query(
      `mutation { voegContactgegevenToe(input: { soort: EMAIL, waarde: "${TWEEDE_EMAIL}" }) { contactgegeven { id } } }`,
      { token },
    );
    stack.upstreamProxies.notifyNl?.setFault({ kind: 'none' });
    expect(nietVerstuurd.body.errors?.[0]?.extensions?.['code']).toBe('VERIFICATIECODE_NIET_VERSTUURD');

    // The meldingen work: a status change of her zaak goes out by e-mail and comes back as delivered.
    const gekozen = await query(
      'mutation { wijzigVoorkeuren(input: { kanalen: [{ kanaal: EMAIL, aan: true }] }) { taal } }',
      { token },
    );
    expect(gekozen.body.errors).toBeUndefined();
    const emailStatus = async () => {
      await stack.meldingen.ronde();
      const { meldingen } = meOf(
        await query<{ me: { meldingen: Array<{ kanaal: string; status: string }> } | null }>(
          '{ me { meldingen { kanaal status } } }',
          { token },
        ),
      );
      return meldingen.find((m) => m.kanaal === 'EMAIL')?.status;
    };
    const zaak = zaaksysteem(stack.zgwUrls.zgwA);
    await zaak.zetStatus('ZAAK-2026-0000000107', 'Beoordeling');
    await vi.waitFor(async () => expect(await emailStatus()).toBe('AFGELEVERD'), { timeout: 5_000, interval: 50 });
    // And one NotifyNL refuses: the dispatcher logs it.
    stack.upstreamProxies.notifyNl?.setFault({ kind: 'status', status: 400, count: 1 });
    await zaak.zetStatus('ZAAK-2026-0000000107', 'Ontvangen');
    await vi.waitFor(async () => expect(await emailStatus()).toBe('MISLUKT'), { timeout: 5_000, interval: 50 });
    stack.upstreamProxies.notifyNl?.setFault({ kind: 'none' });

    // Callers of the two webhooks that do not hold the right credentials, with personal data in the body.
    const voorkeurenBasis = stack.subgraphUrls.voorkeuren.replace(/\/graphql$/, '');
    for (const [path, body] of [
      [NOTIFICATIES_PATH, { kanaal: 'zaken', resource: 'status', kenmerken: { bsn: '999971116' } }],
      [AFLEVERSTATUS_PATH, { id: 'x', reference: 'y', to: EMAIL.vormen[2], status: 'delivered' }],
    ] as const) {
      const text = JSON.stringify(body);
      verstuurd('verzoek', text);
      const response = await fetch(`${voorkeurenBasis}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer 999993653' },
        body: text,
      });
      expect([401, 403]).toContain(response.status);
    }
    expect(berichten(vanaf)).toEqual(
      expect.arrayContaining(['verification code not sent', 'delivery receipt', 'melding not sent']),
    );
    expect(lekken(vanaf)).toEqual([]);
  });

  it('refused and expired tokens, and Authorization headers that are no bearer token', async () => {
    const vanaf = lines.length;
    const tokens = [
      await forge({ claims: { bsn: '999971116' }, expiresIn: -60 }),
      await forge({ claims: { bsn: '999970264' }, audience: 'another-api' }),
      await forge({ claims: { bsn: '999971104' }, key: generateSigningJwks().keys[0] as JWK }),
      // Signed by the IdP, but not a valid identity: a BSN with a level nobody knows.
      await forge({ claims: { bsn: '999990160', acr: 'urn:onbekend:niveau' } }),
      await forge({ claims: { 'urn:etoegang:core:LegalSubjectID': `${EENMANSZAAK.kvk}0`, acr: SMARTCARD } }),
    ];
    for (const token of tokens) {
      const response = await query(MijnOverzichtDocument, { token });
      expect(response.status).toBe(401);
    }
    for (const authorization of ['Bearer not-a-jwt', `Basic ${Buffer.from('999993653:geheim').toString('base64')}`]) {
      verstuurd('Authorization', authorization);
      const response = await query('{ me { id } }', { headers: { authorization } });
      expect(response.status).toBe(401);
    }
    expect(berichten(vanaf)).toContain('token refused');
    expect(lekken(vanaf)).toEqual([]);
  });

  it('bodies that cannot be read, and BSNs as literal argument values', async () => {
    const vanaf = lines.length;
    const token = await login({ bsn: '999970008' });
    const bearer = { authorization: `Bearer ${token}` };
    const kapot = await post(`{"query":"{ me { id } }","variables":{"bsn":"999970264","e":"${EMAIL.getypt}"`, bearer);
    expect(kapot.status).toBe(400);
    expect((await post('{"query": 999971104}', bearer)).status).toBe(400);
    expect((await post(JSON.stringify({ query: '{ me { id ', variables: { bsn: '999971116' } }), bearer)).status).toBe(
      400,
    );
    expect(
      (await post(JSON.stringify({ documentId: '999970264', variables: { e: TWEEDE_EMAIL } }), bearer)).status,
    ).toBe(400);

    const literals = [
      '{ me { zaken(na: "999971104") { totaal } } }',
      '{ me { zaken(filter: { startdatumVanaf: "999970264" }) { totaal } } }',
      'mutation { markeerBerichtGelezen(id: "999990160") { id } }',
      '{ me(bsn: "999971116") { id } }',
      '{ me { persoonsgegevens { naam(burgerservicenummer: "999970264") { volledigeNaam } } } }',
    ];
    for (const text of literals) {
      const response = await query(text, { token });
      expect(response.body.errors?.length, text).toBeGreaterThan(0);
    }
    const variabele = await query('query($n: Int!) { me { zaken(eerste: $n) { totaal } } }', {
      token,
      variables: { n: '999990160' },
    });
    expect(variabele.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(berichten(vanaf)).toContain('request body refused');
    expect(lekken(vanaf)).toEqual([]);
  });

  it('documents: a download, a tampered link, and a Documenten API that fails', async () => {
    const vanaf = lines.length;
    const token = await login({ bsn: '999993653' });
    const zaken = await query<{ me: { zaken: { items: Array<{ documenten: Array<{ link: string }> | null }> } } }>(
      '{ me { zaken(eerste: 10) { items { documenten { link } } } } }',
      { token },
    );
    const link = zaken.body.data?.me.zaken.items.flatMap((z) => z.documenten ?? [])[0]?.link ?? '';
    expect(link).toContain('/documenten/');
    verstuurd('documentlink', link);
    expect((await fetch(link)).status).toBe(200);
    expect((await fetch(`${link.slice(0, -3)}AAA`)).status).toBe(404);
    stack.upstreamProxies.zgwA?.setFault({ kind: 'status', status: 500, count: 3 });
    expect((await fetch(link)).status).toBe(503);
    stack.upstreamProxies.zgwA?.setFault({ kind: 'none' });
    expect(berichten(vanaf)).toContain('document download failed');
    expect(lekken(vanaf)).toEqual([]);
  });

  it('upstreams answering 5xx, nonsense or the wrong shape', async () => {
    const vanaf = lines.length;
    const token = await login({ bsn: '999993653' });
    const proxies = stack.upstreamProxies;
    const faults = [
      () => {
        proxies.brp?.setFault({ kind: 'status', status: 503, count: 10 });
        proxies.zgwA?.setFault({ kind: 'status', status: 500, count: 10 });
        proxies.mijnOverheid?.setFault({ kind: 'status', status: 502, count: 10 });
      },
      () => {
        proxies.brp?.setFault({ kind: 'wrongShape' });
        proxies.zgwB?.setFault({ kind: 'malformed' });
        proxies.mijnOverheid?.setFault({ kind: 'wrongShape' });
      },
    ];
    for (const fault of faults) {
      fault();
      const response = await query<{ me: { persoonsgegevens: { bron: { status: string } } | null } | null }>(
        MijnOverzichtDocument,
        { token },
      );
      expect(response.body.data?.me?.persoonsgegevens?.bron.status).toBe('NIET_BESCHIKBAAR');
      for (const proxy of Object.values(proxies)) proxy.setFault({ kind: 'none' });
    }
    expect(berichten(vanaf)).toContain('upstream call failed');
    expect(lekken(vanaf)).toEqual([]);
  });

  it('a subgraph that is down, and direct subgraph calls with a wrong internal token', async () => {
    const vanaf = lines.length;
    const token = await login({ bsn: '999970008' });
    stack.subgraphProxies.berichten?.setMode('reset');
    try {
      const response = await query<{ me: { berichten: unknown } | null }>(MijnOverzichtDocument, { token });
      expect(response.body.data?.me?.berichten).toBeNull();
    } finally {
      stack.subgraphProxies.berichten?.setMode('forward');
    }
    const person = {
      kind: 'person' as const,
      requestId: 'log-scan-1',
      gebruikerId: 'log-scan-pseudoniem',
      identity: { soort: 'INWONER' as const, middel: 'DIGID' as const, niveau: 'HOOG' as const, bsn: '999971104' },
    };
    const voorZaken = await stack.internalSigner.sign('zaken', person);
    verstuurd('intern token', voorZaken);
    const geweigerd = await postGraphQL(stack.subgraphUrls.brp, '{ me { id } }', { token: voorZaken });
    expect(geweigerd.status).toBe(401);
    const voorBrp = await stack.internalSigner.sign('brp', person);
    verstuurd('intern token', voorBrp);
    const anders = await postGraphQL(
      stack.subgraphUrls.brp,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Gebruiker { id } } }',
      { token: voorBrp, variables: { r: [{ __typename: 'Gebruiker', id: '999993653' }] } },
    );
    expect(anders.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    // Representations no subgraph resolves: an unexpected error, logged at the error boundary.
    const voorBerichten = await stack.internalSigner.sign('berichten', person);
    verstuurd('intern token', voorBerichten);
    const onbekend = await postGraphQL(
      stack.subgraphUrls.berichten,
      'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }',
      {
        token: voorBerichten,
        variables: {
          r: [
            { __typename: 'Bericht', id: '999970264', ontvanger: `BSN:999970264` },
            { __typename: 'Zaak', bronorganisatie: 999971116, identificatie: [TWEEDE_EMAIL] },
          ],
        },
      },
    );
    expect(onbekend.body.errors?.length).toBeGreaterThan(0);
    expect(berichten(vanaf)).toEqual(
      expect.arrayContaining([
        'subgraph did not answer; its sections are null',
        'request refused: no valid internal token',
      ]),
    );
    expect(lekken(vanaf)).toEqual([]);
  });

  it('every line the stack wrote, background work included, holds none of it', async () => {
    // Delivery receipts, meldingen passes and breakers log on their own time: give them a moment.
    await stack.meldingen.ronde();
    expect(lines.length).toBeGreaterThan(20);
    expect(lekken()).toEqual([]);
  });
});
