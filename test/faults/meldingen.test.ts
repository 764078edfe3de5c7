import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NOTIFY_TEMPLATES } from '../../simulators/notifynl/index.js';
import type { HttpFault } from '../helpers/fault-proxy.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { zaaksysteem } from '../helpers/zaaksysteem.js';

/**
 * Meldingen while NotifyNL fails: each status change still leads to exactly one e-mail, never
 * none and never two, whatever NotifyNL did with the request the dispatcher could not confirm
 * (refused it, never saw it, accepted it and then did not answer, or answered half).
 */
const FAULTS: Array<[string, HttpFault]> = [
  ['connection reset', { kind: 'reset' }],
  ['black hole (never answers)', { kind: 'blackhole' }],
  ['503 burst', { kind: 'status', status: 503, count: 1_000 }],
  ['429 burst', { kind: 'status', status: 429, count: 1_000 }],
  ['accepted, then answers too late', { kind: 'latency', ms: 10_000 }],
  ['accepted, answer cut off', { kind: 'truncate' }],
  ['answers 200 with a body that is not JSON', { kind: 'malformed' }],
  ['answers 200 with JSON of another shape', { kind: 'wrongShape' }],
];

describe('meldingen through a failing NotifyNL: one e-mail per status change, none lost, none doubled', () => {
  let stack: Stack;
  let token: string;
  const MAIL = 'suzanne.moulin@example.nl';
  const ZAAK = 'ZAAK-2026-0000000107';

  /** Sets a status on the seeded zaak, as the zaaksysteem's own user would. */
  const zetStatus = () => zaaksysteem(stack.zgwUrls.zgwA).zetStatus(ZAAK, 'Beoordeling');
  const mails = () =>
    stack.simulators.notifyNl
      .sent()
      .filter((n) => n.recipient === MAIL && n.template.id === NOTIFY_TEMPLATES['zaak-status-email'].id);

  beforeAll(async () => {
    stack = await startStack({ upstreamProxies: true });
    token = await stack.login({ bsn: '999993653', niveau: 'midden' });
    const added = await stack.query<{ voegContactgegevenToe: { contactgegeven: { id: string } } }>(
      `mutation($waarde: String!) { voegContactgegevenToe(input: { soort: EMAIL, waarde: $waarde }) { contactgegeven { id } } }`,
      { token, variables: { waarde: MAIL } },
    );
    const id = added.body.data?.voegContactgegevenToe.contactgegeven.id ?? '';
    const code = stack.simulators.notifyNl.sent().find((n) => n.recipient === MAIL)?.personalisation['code'] ?? '';
    const verified = await stack.query(
      `mutation($id: ID!, $code: String!) { verifieerContactgegeven(input: { id: $id, code: $code }) { contactgegeven { geverifieerd } } }`,
      { token, variables: { id, code } },
    );
    expect(verified.body.errors).toBeUndefined();
    const chosen = await stack.query(
      'mutation { wijzigVoorkeuren(input: { kanalen: [{ kanaal: EMAIL, aan: true }] }) { taal } }',
      {
        token,
      },
    );
    expect(chosen.body.errors).toBeUndefined();
  });
  afterAll(async () => {
    await stack?.[Symbol.asyncDispose]();
  });

  for (const [what, fault] of FAULTS) {
    it(`NotifyNL ${what}`, async () => {
      const before = mails().length;
      stack.upstreamProxies.notifyNl?.setFault(structuredClone(fault));
      try {
        await zetStatus();
        // The dispatcher tries while NotifyNL fails; nothing may be lost in the meantime.
        await vi.waitFor(
          async () => {
            await stack.meldingen.ronde();
            expect(stack.upstreamProxies.notifyNl?.requests).toBeGreaterThan(0);
          },
          { timeout: 10_000, interval: 100 },
        );
      } finally {
        stack.upstreamProxies.notifyNl?.setFault({ kind: 'none' });
      }
      // Once NotifyNL is back (and the backoff and breaker allow), exactly one e-mail is there.
      await vi.waitFor(
        async () => {
          await stack.meldingen.ronde();
          expect(mails()).toHaveLength(before + 1);
        },
        { timeout: 25_000, interval: 250 },
      );
      // And it stays one: later passes find it by reference instead of sending again.
      for (let i = 0; i < 3; i++) await stack.meldingen.ronde();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(mails()).toHaveLength(before + 1);
    }, 60_000);
  }
});
