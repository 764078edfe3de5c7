import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Listening } from '../../lib/http/listen.js';
import { createNotifySimulator, NOTIFY_TEMPLATES, type NotifySimulator } from '../../simulators/notifynl/index.js';
import { call, hs256, start } from './helpers.js';

const SERVICE_ID = '3a1e2b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b';
const SECRET = 'b7c8d9e0-f1a2-4b3c-8d4e-5f6a7b8c9d0e';

interface NotifyErrors {
  status_code: number;
  errors: { error: string; message: string }[];
}
interface Created {
  id: string;
  reference: string | null;
  content: { subject?: string; body: string };
  uri: string;
  template: { id: string; version: number; uri: string };
}
interface Notification {
  id: string;
  reference: string | null;
  type: string;
  status: string;
  email_address: string | null;
  phone_number: string | null;
  body: string;
}

describe('NotifyNL simulator (Notify API v2)', () => {
  let simulator: NotifySimulator;
  let server: Listening;
  const bearer = async (iat?: number) => ({ authorization: `Bearer ${await hs256(SECRET, { iss: SERVICE_ID }, iat)}` });

  beforeAll(async () => {
    simulator = createNotifySimulator({ services: { [SERVICE_ID]: SECRET } });
    server = await start(simulator);
  });
  afterAll(() => server.close());

  const email = {
    template_id: NOTIFY_TEMPLATES['zaak-status-email'].id,
    email_address: 'suzanne.moulin@example.nl',
    personalisation: {
      naam: 'mevrouw Moulin',
      zaak: 'ZAAK-2026-0000000101',
      status: 'In behandeling',
      url: 'https://mijn.example/zaken/1',
    },
    reference: 'zaak-101-status-2-email',
  };

  it('refuses a token whose iat is more than 30 seconds off', async () => {
    const stale = await bearer(Math.floor(Date.now() / 1000) - 60);
    const { status, body } = await call<NotifyErrors>(`${server.url}/v2/notifications/email`, {
      method: 'POST',
      headers: stale,
      body: email,
    });
    expect(status).toBe(403);
    expect(body).toEqual({
      status_code: 403,
      errors: [{ error: 'AuthError', message: 'Error: Your system clock must be accurate to within 30 seconds' }],
    });
    const none = await call<NotifyErrors>(`${server.url}/v2/notifications/email`, { method: 'POST', body: email });
    expect(none.status).toBe(401);
    expect(simulator.sent()).toHaveLength(0);
  });

  it('sends an e-mail from a template and finds it again by reference and id', async () => {
    const { status, body } = await call<Created>(`${server.url}/v2/notifications/email`, {
      method: 'POST',
      headers: await bearer(),
      body: email,
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({
      reference: 'zaak-101-status-2-email',
      content: { subject: 'Nieuwe status voor uw zaak ZAAK-2026-0000000101' },
      uri: `${server.url}/v2/notifications/${body.id}`,
      template: { id: email.template_id, version: 1 },
    });
    expect(body.content.body).toContain('Beste mevrouw Moulin');

    const byReference = await call<{ notifications: Notification[] }>(
      `${server.url}/v2/notifications?reference=zaak-101-status-2-email`,
      {
        headers: await bearer(),
      },
    );
    expect(byReference.body.notifications).toEqual([
      expect.objectContaining({
        id: body.id,
        type: 'email',
        status: 'delivered',
        email_address: 'suzanne.moulin@example.nl',
      }),
    ]);
    const byId = await call<Notification>(body.uri, { headers: await bearer() });
    expect(byId.body).toMatchObject({ id: body.id, reference: 'zaak-101-status-2-email' });
    expect(simulator.sent().map((n) => n.reference)).toEqual(['zaak-101-status-2-email']);
  });

  it('sends an SMS to a Dutch mobile number', async () => {
    const { status, body } = await call<Created>(`${server.url}/v2/notifications/sms`, {
      method: 'POST',
      headers: await bearer(),
      body: {
        template_id: NOTIFY_TEMPLATES['verificatiecode-sms'].id,
        phone_number: '06 12345678',
        personalisation: { code: '482913' },
      },
    });
    expect(status).toBe(201);
    expect(body.content.body).toBe('Uw verificatiecode is 482913. De code is 15 minuten geldig.');
    expect(simulator.sent().at(-1)).toMatchObject({ type: 'sms', recipient: '+31612345678', reference: null });
  });

  it('answers validation errors in Notify format', async () => {
    const invalid = await call<NotifyErrors>(`${server.url}/v2/notifications/email`, {
      method: 'POST',
      headers: await bearer(),
      body: { template_id: 'nope', email_address: 'geen-adres' },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors).toEqual([
      { error: 'ValidationError', message: 'template_id is not a valid UUID' },
      { error: 'ValidationError', message: 'email_address Not a valid email address' },
    ]);
    const missing = await call<NotifyErrors>(`${server.url}/v2/notifications/email`, {
      method: 'POST',
      headers: await bearer(),
      body: { ...email, personalisation: { naam: 'x' } },
    });
    expect(missing.body.errors).toEqual([
      { error: 'BadRequestError', message: 'Missing personalisation: zaak, status, url' },
    ]);
  });

  it('answers 429 for the next requests when rate limiting is injected', async () => {
    simulator.setFaults({ failNext: 2, status: 429 });
    for (let i = 0; i < 2; i++) {
      const { status, body } = await call<NotifyErrors>(`${server.url}/v2/notifications/email`, {
        method: 'POST',
        headers: await bearer(),
        body: email,
      });
      expect(status).toBe(429);
      expect(body.errors[0]?.error).toBe('RateLimitError');
    }
    const recovered = await call(`${server.url}/v2/notifications/email`, {
      method: 'POST',
      headers: await bearer(),
      body: email,
    });
    expect(recovered.status).toBe(201);
  });
});
