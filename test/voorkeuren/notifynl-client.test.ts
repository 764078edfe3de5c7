import { createServer } from 'node:http';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listen, type Listening } from '../../lib/http/listen.js';
import { UpstreamError } from '../../lib/http/upstream.js';
import {
  createNotifyClient,
  isRetryableNotifyError,
  parseNotifyApiKey,
  type NotifyClientOptions,
} from '../../lib/notifynl/index.js';
import { createNotifySimulator, NOTIFY_TEMPLATES } from '../../simulators/notifynl/index.js';
import { TEST_NOTIFY_KEY } from './harness.js';

describe('NotifyNL client against the NotifyNL simulator', () => {
  const simulator = createNotifySimulator({ services: { [TEST_NOTIFY_KEY.serviceId]: TEST_NOTIFY_KEY.secret } });
  let server: Listening;
  beforeAll(async () => {
    server = await listen(createServer(simulator.app), { port: 0 });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    simulator.journal.clear();
    simulator.setFaults({});
  });

  const client = (options: Partial<NotifyClientOptions> = {}) =>
    createNotifyClient({ baseUrl: server.url, apiKey: TEST_NOTIFY_KEY, timeoutMs: 2_000, ...options });
  const email = (reference: string) => ({
    templateId: NOTIFY_TEMPLATES['verificatiecode-email'].id,
    emailAddress: 'suzanne@example.nl',
    personalisation: { code: '482913' },
    reference,
  });
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: unknown) => error,
    );

  it('sends with a fresh HS256 token per call: iss = service id, iat in whole seconds from the clock', async () => {
    // The simulator checks iat against its own (real) clock: start from the real time.
    let now = new Date();
    const notify = client({ now: () => now });
    const receipt = await notify.sendEmail(email('ref-1'));
    now = new Date(now.getTime() + 2_000);
    await notify.sendSms({
      templateId: NOTIFY_TEMPLATES['verificatiecode-sms'].id,
      phoneNumber: '+31612345678',
      personalisation: { code: '1' },
      reference: 'ref-2',
    });
    const tokens = simulator.journal
      .entries({ method: 'POST' })
      .map((e) => String(e.headers['authorization']).replace('Bearer ', ''));
    expect(tokens).toHaveLength(2);
    const [first, second] = tokens.map((t) => decodeJwt(t));
    expect(decodeProtectedHeader(tokens[0] ?? '')).toMatchObject({ alg: 'HS256', typ: 'JWT' });
    expect(first?.iss).toBe(TEST_NOTIFY_KEY.serviceId);
    expect(Number.isInteger(first?.iat)).toBe(true);
    expect((second?.iat ?? 0) - (first?.iat ?? 0)).toBe(2);
    expect(receipt.reference).toBe('ref-1');
    expect(simulator.sent().at(-2)).toMatchObject({ reference: 'ref-1', recipient: 'suzanne@example.nl' });
  });

  it('finds what was sent under a reference (NotifyNL does not deduplicate on it)', async () => {
    const notify = client();
    await notify.sendEmail(email('dubbel'));
    await notify.sendEmail(email('dubbel'));
    const found = await notify.findByReference('dubbel');
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({ reference: 'dubbel', type: 'email', status: 'delivered' });
    expect(await notify.findByReference('nooit-gebruikt')).toEqual([]);
  });

  it('maps failures to coded errors: 429 and 5xx may be retried, other 4xx never; no body or recipient kept', async () => {
    simulator.setFaults({ failNext: 1, status: 429 });
    const limited = await failure(client().sendEmail(email('a')));
    expect(limited).toMatchObject({ name: 'UpstreamError', upstream: 'NotifyNL', kind: 'RATE_LIMITED', status: 429 });
    expect(isRetryableNotifyError(limited)).toBe(true);

    simulator.setFaults({ failNext: 1, status: 500 });
    const down = await failure(client().sendEmail(email('b')));
    expect(down).toMatchObject({ kind: 'UNAVAILABLE', status: 500 });
    expect(isRetryableNotifyError(down)).toBe(true);

    const badTemplate = await failure(
      client().sendEmail({ ...email('c'), templateId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(badTemplate).toMatchObject({ kind: 'BAD_REQUEST', status: 400 });
    expect(isRetryableNotifyError(badTemplate)).toBe(false);
    expect(String((badTemplate as Error).message)).not.toMatch(/suzanne|Template not found/);

    const wrongKey = await failure(
      client({ apiKey: { ...TEST_NOTIFY_KEY, secret: '00000000-0000-4000-8000-000000000000' } }).sendEmail(email('d')),
    );
    expect(wrongKey).toMatchObject({ kind: 'UNAUTHORIZED', status: 403 });
    expect(isRetryableNotifyError(wrongKey)).toBe(false);

    const skewed = await failure(client({ now: () => new Date(Date.now() - 60_000) }).sendEmail(email('e')));
    expect(skewed).toMatchObject({ kind: 'UNAUTHORIZED', status: 403 });

    const unreachable = await failure(
      createNotifyClient({ baseUrl: 'http://127.0.0.1:9', apiKey: TEST_NOTIFY_KEY, timeoutMs: 1_000 }).sendEmail(
        email('f'),
      ),
    );
    expect(unreachable).toBeInstanceOf(UpstreamError);
    expect(isRetryableNotifyError(unreachable)).toBe(true);
    expect(isRetryableNotifyError(new Error('bug'))).toBe(false);
  });

  it('reads API keys in NotifyNL’s format', () => {
    expect(parseNotifyApiKey(`mijn_sleutel-${TEST_NOTIFY_KEY.serviceId}-${TEST_NOTIFY_KEY.secret}`)).toEqual(
      TEST_NOTIFY_KEY,
    );
    expect(parseNotifyApiKey(`${TEST_NOTIFY_KEY.serviceId}-${TEST_NOTIFY_KEY.secret}`)).toEqual(TEST_NOTIFY_KEY);
    expect(parseNotifyApiKey('geen-sleutel')).toBeUndefined();
  });
});
