import { createServer } from 'node:http';
import { Writable } from 'node:stream';
import type { JSONWebKeySet } from 'jose';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SubgraphServer } from '../../lib/graphql/index.js';
import { listen, type Listening } from '../../lib/http/listen.js';
import {
  createInternalTokenSigner,
  createInternalTokenVerifier,
  generateInternalKeyPair,
  type InternalTokenSigner,
} from '../../lib/internal-token.js';
import type { NotifySimulator } from '../../simulators/notifynl/index.js';
import { AFLEVERSTATUS_PATH } from '../../subgraphs/voorkeuren/afleverstatus/afleverstatus.route.js';
import { createVoorkeurenServer, VOORKEUREN_SUBGRAPH } from '../../subgraphs/voorkeuren/server.js';
import { createSqliteVoorkeurenStore } from '../../subgraphs/voorkeuren/store/open.js';
import type { VoorkeurenStore } from '../../subgraphs/voorkeuren/store/store.js';
import { postGraphQL } from '../helpers/stack.js';
import { TEST_CALLBACK_TOKEN, createTestNotifySimulator, testCipher, testContactgegevensDeps } from './harness.js';

/**
 * The voorkeuren subgraph on its own, with NotifyNL's delivery-status callback and a logger we
 * read: what NotifyNL may post, and what never reaches a log.
 */
describe('voorkeuren subgraph: delivery receipts and logs', () => {
  let logs = '';
  const logger = pino(
    { level: 'debug' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs += chunk.toString();
        done();
      },
    }),
  );
  let store: VoorkeurenStore;
  let notifyNl: NotifySimulator;
  let notifyL: Listening;
  let server: SubgraphServer;
  let serverL: Listening;
  let signer: InternalTokenSigner;

  beforeAll(async () => {
    const { privateJwk, publicJwks } = await generateInternalKeyPair('test');
    signer = await createInternalTokenSigner(privateJwk);
    store = await createSqliteVoorkeurenStore(':memory:', { cipher: testCipher(), logger });
    notifyNl = createTestNotifySimulator(() => `${serverL.url}/graphql`);
    notifyL = await listen(createServer(notifyNl.app), { port: 0 });
    server = await createVoorkeurenServer({
      store,
      wijzigNiveau: 'MIDDEN',
      contactgegevens: testContactgegevensDeps(notifyL.url),
      afleverstatusToken: TEST_CALLBACK_TOKEN,
      verifier: createInternalTokenVerifier(publicJwks as JSONWebKeySet, VOORKEUREN_SUBGRAPH),
      logger,
    });
    serverL = await listen(server.httpServer, { port: 0 });
  });
  afterAll(async () => {
    await serverL?.close();
    await server?.[Symbol.asyncDispose]();
    await notifyL?.close();
    await store?.[Symbol.asyncDispose]();
  });

  const receipt = (overrides: Record<string, unknown> = {}) => ({
    id: '7c3a1f0e-2b4d-4e6f-8a9b-0c1d2e3f4a5b',
    reference: 'onbekende-referentie',
    to: 'iemand@example.nl',
    status: 'permanent-failure',
    created_at: '2026-11-28T10:00:00.000000Z',
    completed_at: '2026-11-28T10:00:01.000000Z',
    sent_at: '2026-11-28T10:00:00.500000Z',
    notification_type: 'email',
    template_id: '7c3a1f0e-2b4d-4e6f-8a9b-0c1d2e3f4a5c',
    template_version: 1,
    ...overrides,
  });
  const post = (body: unknown, authorization?: string) =>
    fetch(`${serverL.url}${AFLEVERSTATUS_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(body),
    });

  it('accepts receipts only with NotifyNL’s bearer token, and answers 204 for ones it has nothing to do with', async () => {
    expect((await post(receipt())).status).toBe(401);
    expect((await post(receipt(), `Bearer ${TEST_CALLBACK_TOKEN}x`)).status).toBe(401);
    expect((await post({ status: 'delivered' }, `Bearer ${TEST_CALLBACK_TOKEN}`)).status).toBe(400);
    expect((await post(receipt(), `Bearer ${TEST_CALLBACK_TOKEN}`)).status).toBe(204);
    expect((await post(receipt({ status: 'sending' }), `Bearer ${TEST_CALLBACK_TOKEN}`)).status).toBe(204);
    expect((await fetch(`${serverL.url}${AFLEVERSTATUS_PATH}`)).status).toBe(404);
  });

  it('still refuses /graphql without an internal token and still answers /health', async () => {
    expect((await postGraphQL(`${serverL.url}/graphql`, '{ me { id } }')).status).toBe(401);
    expect((await fetch(`${serverL.url}/health`)).status).toBe(200);
  });

  it('marks a bounce from NotifyNL, and logs neither the address, the code nor the BSN', async () => {
    const token = await signer.sign(VOORKEUREN_SUBGRAPH, {
      kind: 'person',
      requestId: 'logtest',
      gebruikerId: 'pseudo-1',
      identity: { soort: 'INWONER', middel: 'DIGID', niveau: 'MIDDEN', bsn: '999993653' },
    });
    const toevoegen = (waarde: string) =>
      postGraphQL(
        `${serverL.url}/graphql`,
        `mutation($w: String!) { voegContactgegevenToe(input: { soort: EMAIL, waarde: $w }) { contactgegeven { id } } }`,
        { token, variables: { w: waarde } },
      );
    expect((await toevoegen('perm-fail@simulator.notify')).body.errors).toBeUndefined();
    await vi.waitFor(async () => {
      expect((await store.contactgegevens('pseudo-1'))[0]?.onbestelbaarSinds).not.toBeNull();
    });
    notifyNl.setFaults({ failNext: 1, status: 500 });
    const mislukt = await toevoegen('geheim.adres@example.nl');
    expect(mislukt.body.errors?.[0]?.extensions?.['code']).toBe('VERIFICATIECODE_NIET_VERSTUURD');
    const [code] = notifyNl.sent().map((n) => n.personalisation['code']);

    expect(logs).toContain('delivery receipt');
    expect(logs).toContain('verification code not sent');
    expect(code).toMatch(/^\d{6}$/);
    for (const geheim of ['perm-fail', 'geheim.adres', 'example.nl', '999993653', code ?? 'geen-code']) {
      expect(logs).not.toContain(geheim);
    }
  });
});
