import { describe, expect, it } from 'vitest';
import { metricsText, registerOutboxMetrics } from '../../lib/observability/metrics.js';

describe('outbox metrics', () => {
  it('report the depth per status and how long the oldest due melding has waited', async () => {
    const now = new Date('2026-12-04T10:00:00Z');
    registerOutboxMetrics(
      async () => ({ WACHTEND: 3, VERZENDEN: 1, VERZONDEN: 40, MISLUKT: 0 }),
      async () => new Date('2026-12-04T09:58:30Z'),
      () => now,
    );
    const { body } = await metricsText();
    expect(body).toMatch(/^profielservice_outbox_messages\{status="WACHTEND"\} 3$/m);
    expect(body).toMatch(/^profielservice_outbox_messages\{status="VERZENDEN"\} 1$/m);
    expect(body).toMatch(/^profielservice_outbox_oldest_due_age_seconds 90$/m);

    registerOutboxMetrics(
      async () => ({ WACHTEND: 0, VERZENDEN: 0, VERZONDEN: 44, MISLUKT: 0 }),
      async () => null,
      () => now,
    );
    expect((await metricsText()).body).toMatch(/^profielservice_outbox_oldest_due_age_seconds 0$/m);
  });
});
