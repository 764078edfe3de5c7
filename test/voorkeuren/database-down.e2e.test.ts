import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NOTIFY_TEMPLATES } from '../../simulators/notifynl/index.js';
import { NOTIFICATIES_PATH } from '../../subgraphs/voorkeuren/melding/notificaties.route.js';
import { createPostgresVoorkeurenStores, type VoorkeurenStores } from '../../subgraphs/voorkeuren/store/open.js';
import { startStack, type GraphQLResponse, type Stack } from '../helpers/stack.js';
import { zaaksysteem } from '../helpers/zaaksysteem.js';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy.js';
import { TEST_ZGW_NOTIFICATIES_AUTH, testCipher } from './harness.js';
import { createTestSchema, probePostgres, type TestSchema } from './postgres.js';

const postgres = await probePostgres();
if (!postgres.ok) console.warn(`[voorkeuren with PostgreSQL down] skipped: ${postgres.reason}`);

/**
 * The whole stack with the voorkeuren subgraph on real PostgreSQL, reached through a TCP proxy
 * the test switches to "reset" (the server died), "blackhole" (accepts, never answers) and back.
 * What a resident notices while the database is down: the voorkeuren section says, in plain
 * Dutch, that it cannot be shown; changes are refused with a coded error and not half made; the
 * rest of the page answers. A status change that arrives meanwhile is refused (503), so the
 * Notificaties API delivers it again; once the database is back that delivery leads to exactly
 * one e-mail.
 */
describe.skipIf(!postgres.ok)('voorkeuren and meldingen while PostgreSQL is down', () => {
  let schema: TestSchema;
  let proxy: TcpProxy;
  let stores: VoorkeurenStores;
  let stack: Stack;

  beforeAll(async () => {
    if (!postgres.ok) return;
    schema = await createTestSchema(postgres.url);
    const target = new URL(postgres.url);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const url = new URL(postgres.url);
    url.host = proxy.address;
    // Production's time-outs and breaker (2 s to connect, 5 failures, 5 s open).
    stores = await createPostgresVoorkeurenStores(
      { connectionString: url.toString(), schema: schema.name },
      { cipher: testCipher() },
    );
    stack = await startStack({ voorkeurenStores: stores });
  });
  afterAll(async () => {
    await stack?.[Symbol.asyncDispose]();
    await stores?.store[Symbol.asyncDispose]();
    await proxy?.close();
    await schema?.[Symbol.asyncDispose]();
  });

  const SUZANNE = '999993653';
  const MAIL = 'suzanne.moulin@example.nl';
  const ZAAK = 'ZAAK-2026-0000000107';
  const NIET_BESCHIKBAAR = 'We kunnen uw voorkeuren nu niet ophalen. Probeer het later opnieuw.';
  const PAGINA = `{ me { id
    voorkeuren { bron { status melding } kanalen { kanaal aan } historie(aantal: 5) { wijzigingen } }
    meldingen { zaakIdentificatie kanaal status }
    zaken { bron { status } } } }`;
  interface Pagina {
    me: {
      id: string;
      voorkeuren: {
        bron: { status: string; melding: string | null };
        kanalen: { kanaal: string; aan: boolean }[];
        historie: { wijzigingen: string[] }[] | null;
      } | null;
      meldingen: { zaakIdentificatie: string; kanaal: string; status: string }[] | null;
      zaken: { bron: { status: string } } | null;
    } | null;
  }

  let token = '';
  let statusUrl = '';
  let zaakUrl = '';
  const pagina = () => stack.query<Pagina>(PAGINA, { token });
  const codes = <T>(response: GraphQLResponse<T>) => (response.body.errors ?? []).map((e) => e.extensions?.['code']);
  const zaakMails = () =>
    stack.simulators.notifyNl
      .sent()
      .filter((n) => n.recipient === MAIL && n.template.id === NOTIFY_TEMPLATES['zaak-status-email'].id);

  /** The Notificaties API delivering the status change (again). */
  const bezorg = () =>
    fetch(stack.subgraphUrls.voorkeuren.replace(/\/graphql$/, NOTIFICATIES_PATH), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: TEST_ZGW_NOTIFICATIES_AUTH },
      body: JSON.stringify({
        kanaal: 'zaken',
        hoofdObject: zaakUrl,
        resource: 'status',
        resourceUrl: statusUrl,
        actie: 'create',
        aanmaakdatum: new Date().toISOString(),
        kenmerken: {},
      }),
    });

  it('with the database up: the resident verifies an e-mail address and chooses e-mail', async () => {
    token = await stack.login({ bsn: SUZANNE, niveau: 'midden' });
    const toegevoegd = await stack.query<{ voegContactgegevenToe: { contactgegeven: { id: string } } }>(
      `mutation { voegContactgegevenToe(input: { soort: EMAIL, waarde: "${MAIL}" }) { contactgegeven { id } } }`,
      { token },
    );
    const id = toegevoegd.body.data?.voegContactgegevenToe.contactgegeven.id ?? '';
    const code = stack.simulators.notifyNl.sent().at(-1)?.personalisation['code'] ?? '';
    const verified = await stack.query(
      `mutation { verifieerContactgegeven(input: { id: "${id}", code: "${code}" }) { contactgegeven { geverifieerd } } }`,
      { token },
    );
    expect(verified.body.errors).toBeUndefined();
    const gekozen = await stack.query(
      'mutation { wijzigVoorkeuren(input: { kanalen: [{ kanaal: EMAIL, aan: true }] }) { taal } }',
      {
        token,
      },
    );
    expect(gekozen.body.errors).toBeUndefined();
    const { body } = await pagina();
    expect(body.errors).toBeUndefined();
    expect(body.data?.me?.voorkeuren?.bron).toEqual({ status: 'OK', melding: null });
  });

  it('database black-holed: still the section status, within the page deadline; soon without waiting at all', async () => {
    proxy.setMode('blackhole');
    const durations: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const response = await pagina();
      durations.push(performance.now() - started);
      expect(response.body.data?.me?.voorkeuren?.bron).toEqual({
        status: 'NIET_BESCHIKBAAR',
        melding: NIET_BESCHIKBAAR,
      });
      expect(response.body.data?.me?.zaken?.bron.status).toBe('OK');
      expect(codes(response)).not.toContain('INTERNAL_SERVER_ERROR');
    }
    console.info(`pages with PostgreSQL black-holed: ${durations.map((d) => d.toFixed(0)).join(', ')} ms`);
    // The first page waits for the 2 s connect time-out, well inside the gateway's 4 s; once the
    // breaker is open (5 failures: two pages), the next page does not wait at all.
    expect(durations[0]).toBeGreaterThanOrEqual(1_500);
    expect(Math.max(...durations)).toBeLessThan(3_500);
    expect(durations.at(-1)).toBeLessThan(1_000);
  });

  it('database dead (connections reset): the section says so in plain Dutch, the rest of the page answers', async () => {
    proxy.setMode('reset');
    const response = await pagina();
    const me = response.body.data?.me;
    expect(me?.id).toBeTruthy();
    expect(me?.zaken?.bron.status).toBe('OK');
    expect(me?.voorkeuren?.bron).toEqual({ status: 'NIET_BESCHIKBAAR', melding: NIET_BESCHIKBAAR });
    // Not asked again for the history: the section already said it is unavailable.
    expect(me?.voorkeuren?.historie).toBeNull();
    // A list has no bron: the meldingen section is null, with its own coded error in plain Dutch.
    expect(me?.meldingen).toBeNull();
    expect(response.body.errors).toEqual([
      expect.objectContaining({
        path: ['me', 'meldingen'],
        message: 'We kunnen uw meldingen nu niet ophalen. Probeer het later opnieuw.',
        extensions: expect.objectContaining({ code: 'BRON_NIET_BESCHIKBAAR', bron: 'Meldingen' }),
      }),
    ]);
    expect(codes(response)).not.toContain('INTERNAL_SERVER_ERROR');
  });

  it('database dead: a change gets BRON_NIET_BESCHIKBAAR in plain Dutch, and no code is sent', async () => {
    const wijzig = await stack.query(
      'mutation { wijzigVoorkeuren(input: { kanalen: [{ kanaal: SMS, aan: true }] }) { taal } }',
      {
        token,
      },
    );
    expect(wijzig.body.errors?.[0]).toMatchObject({
      message: 'We kunnen uw wijziging nu niet opslaan. Probeer het later opnieuw.',
      extensions: { code: 'BRON_NIET_BESCHIKBAAR', bron: 'Voorkeuren' },
    });
    const verzonden = stack.simulators.notifyNl.sent().length;
    const toevoegen = await stack.query(
      'mutation { voegContactgegevenToe(input: { soort: TELEFOON, waarde: "0612345678" }) { contactgegeven { id } } }',
      { token },
    );
    expect(codes(toevoegen)).toEqual(['BRON_NIET_BESCHIKBAAR']);
    expect(stack.simulators.notifyNl.sent()).toHaveLength(verzonden);
  });

  it('database dead: a status change is refused with 503 and a small body, and the meldingen loop carries on', async () => {
    // The behandelaar sets a status; the zaaksysteem's own delivery of it is refused too.
    ({ statusUrl, zaakUrl } = await zaaksysteem(stack.zgwUrls.zgwA).zetStatus(ZAAK, 'Beoordeling'));

    const response = await bezorg();
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      code: 'BRON_NIET_BESCHIKBAAR',
      message: 'De notificatie is niet opgeslagen. Stuur haar later opnieuw.',
    });
    expect(text).not.toMatch(/127\.0\.0\.1|postgres|Error|at /);

    // A pass while the database is down ends quietly; nothing was sent.
    await expect(stack.meldingen.ronde()).resolves.toBeUndefined();
    expect(zaakMails()).toHaveLength(0);
  });

  it('database back: the same delivery, retried, is accepted and leads to exactly one e-mail', async () => {
    proxy.setMode('forward');
    // The Notificaties API retries; the first tries may still meet the open breaker.
    await vi.waitFor(
      async () => {
        const response = await bezorg();
        expect(response.status).toBe(204);
      },
      { timeout: 15_000, interval: 250 },
    );
    await vi.waitFor(
      async () => {
        await stack.meldingen.ronde();
        expect(zaakMails()).toHaveLength(1);
      },
      { timeout: 5_000, interval: 100 },
    );
    expect(zaakMails()[0]?.subject).toBe(`Nieuwe status voor uw zaak ${ZAAK}`);

    // Delivered once more (a retry that crossed our 204): stored once, sent once.
    expect((await bezorg()).status).toBe(204);
    await stack.meldingen.ronde();
    expect(zaakMails()).toHaveLength(1);

    const { body } = await pagina();
    expect(body.errors).toBeUndefined();
    const me = body.data?.me;
    expect(me?.voorkeuren?.bron.status).toBe('OK');
    // The change refused during the outage was not made, not even in part.
    expect(me?.voorkeuren?.kanalen).toEqual([
      { kanaal: 'EMAIL', aan: true },
      { kanaal: 'SMS', aan: false },
      { kanaal: 'MIJN_OVERHEID', aan: true },
    ]);
    expect(me?.voorkeuren?.historie?.[0]?.wijzigingen).toEqual(['Meldingen via e-mail: aan.']);
    expect(me?.meldingen).toEqual(
      expect.arrayContaining([expect.objectContaining({ zaakIdentificatie: ZAAK, kanaal: 'EMAIL' })]),
    );
  });
});
