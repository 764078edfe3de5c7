import { createServer } from 'node:http';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listen, type Listening } from '../../lib/http/listen.js';
import { createNotifyClient } from '../../lib/notifynl/index.js';
import { createNotifySimulator, NOTIFY_TEMPLATES } from '../../simulators/notifynl/index.js';
import { createOutboxDispatcher, type DispatcherOptions } from '../../subgraphs/voorkeuren/melding/dispatcher.js';
import type { MeldingenStore, NieuweBeslissing } from '../../subgraphs/voorkeuren/melding/meldingen-store.js';
import { createSqlMeldingenStore } from '../../subgraphs/voorkeuren/store/meldingen.sql.js';
import type { SqlDatabase } from '../../subgraphs/voorkeuren/store/sql.js';
import { createSqlVoorkeurenStore } from '../../subgraphs/voorkeuren/store/voorkeuren-store.js';
import { TEST_BELEID, TEST_NOTIFY_KEY, testCipher } from '../voorkeuren/harness.js';
import { sqlBackends } from '../voorkeuren/backends.js';

const BACKENDS = await sqlBackends('meldingen contract', { migrated: true });

/**
 * Exactly one message per (zaak, status, channel): duplicate events, two dispatchers at once and
 * a crash between NotifyNL accepting and us recording it. Every test runs on SQLite and PostgreSQL.
 */
const T0 = new Date('2026-11-28T10:00:00.000Z');
const ADRESSEN: Record<string, string> = { 'c-mail': 'suzanne@example.nl', 'c-tel': '+31612345678' };

function email(gebruikerId: string, statusUrl: string): NieuweBeslissing {
  return {
    gebruikerId,
    zaakSleutel: '002220647|ZAAK-2026-0001',
    zaakIdentificatie: 'ZAAK-2026-0001',
    zaaktype: 'PARKEERVERGUNNING',
    statusUrl,
    onderwerp: 'ZAAK_STATUS',
    kanaal: 'EMAIL',
    versturen: true,
    contactId: 'c-mail',
    template: NOTIFY_TEMPLATES['zaak-status-email'].id,
    taal: 'nl',
    personalisatie: { naam: 'inwoner', zaak: 'ZAAK-2026-0001', status: 'In behandeling', url: 'https://example.nl' },
  };
}

describe('meldingen outbox against the NotifyNL simulator', () => {
  const simulator = createNotifySimulator({ services: { [TEST_NOTIFY_KEY.serviceId]: TEST_NOTIFY_KEY.secret } });
  let server: Listening;
  beforeAll(async () => {
    server = await listen(createServer(simulator.app), { port: 0 });
  });
  afterAll(() => server.close());

  describe.each(BACKENDS)('on $name', (backend) => {
    let db: SqlDatabase;
    let drop: () => Promise<void>;
    let store: MeldingenStore;
    let now: Date;
    const sentBefore = { n: 0 };
    const sentSince = () => simulator.sent().slice(sentBefore.n);

    beforeEach(async (context) => {
      if (backend.skip) context.skip();
      ({ db, drop } = await backend.open());
      store = createSqlMeldingenStore(db);
      now = T0;
      simulator.setFaults({});
      sentBefore.n = simulator.sent().length;
    });
    afterEach(async () => {
      if (!backend.skip) await drop();
    });

    const dispatcher = (options: Partial<DispatcherOptions> = {}) =>
      createOutboxDispatcher({
        store,
        notify: createNotifyClient({ baseUrl: server.url, apiKey: TEST_NOTIFY_KEY, timeoutMs: 2_000 }),
        contactWaarde: async (_gebruiker, contactId) => ADRESSEN[contactId] ?? null,
        now: () => now,
        claimMs: 60_000,
        ...options,
      });

    it('stores an event once under its key and a decision once: a repeated event sends nothing more', async () => {
      expect(await store.ontvangEvent('k1', { kanaal: 'zaken' }, T0)).toBe(true);
      expect(await store.ontvangEvent('k1', { kanaal: 'zaken' }, T0)).toBe(false);
      expect(await store.besluit([email('p1', 'https://zgw/statussen/1')], T0)).toBe(1);
      expect(await store.besluit([email('p1', 'https://zgw/statussen/1')], T0)).toBe(0);
      expect(await dispatcher().verwerk()).toMatchObject({ verzonden: 1 });
      expect(await dispatcher().verwerk()).toMatchObject({ verzonden: 0 });
      const sent = sentSince();
      expect(sent).toHaveLength(1);
      expect(sent[0]?.recipient).toBe('suzanne@example.nl');
      expect(sent[0]?.subject).toBe('Nieuwe status voor uw zaak ZAAK-2026-0001');
    });

    it('knows since when its oldest message is due (the outbox lag operators watch), and nothing once all is sent', async () => {
      expect(await store.oudsteTeDoen()).toBeNull();
      await store.besluit([email('p1', 'https://zgw/statussen/1')], T0);
      await store.besluit([email('p2', 'https://zgw/statussen/2')], new Date(T0.getTime() + 60_000));
      expect((await store.oudsteTeDoen())?.toISOString()).toBe(T0.toISOString());
      now = new Date(T0.getTime() + 120_000);
      expect(await dispatcher().verwerk()).toMatchObject({ verzonden: 2 });
      expect(await store.oudsteTeDoen()).toBeNull();
    });

    it('two dispatchers at once on the same store send every message exactly once', async () => {
      const beslissingen = Array.from({ length: 30 }, (_, i) => email(`p${i % 3}`, `https://zgw/statussen/${i}`));
      expect(await store.besluit(beslissingen, T0)).toBe(30);
      const [a, b] = await Promise.all([dispatcher({ houder: 'a' }).verwerk(), dispatcher({ houder: 'b' }).verwerk()]);
      expect((a?.verzonden ?? 0) + (b?.verzonden ?? 0)).toBe(30);
      const references = sentSince().map((s) => s.reference);
      expect(references).toHaveLength(30);
      expect(new Set(references).size).toBe(30);
      expect(await store.tellingen()).toMatchObject({ VERZONDEN: 30, WACHTEND: 0, VERZENDEN: 0 });
    });

    it('after a crash between NotifyNL accepting and recording it, recovery finds it by reference and does not resend', async () => {
      await store.besluit([email('p1', 'https://zgw/statussen/1')], T0);
      const crashing: MeldingenStore = {
        ...store,
        markeerVerzonden: () => Promise.reject(new Error('process died')),
      };
      await expect(dispatcher({ store: crashing, houder: 'a' }).verwerk()).rejects.toThrow('process died');
      expect(sentSince()).toHaveLength(1);
      expect(await store.tellingen()).toMatchObject({ VERZENDEN: 1 });

      // While the crashed dispatcher's claim holds, nobody touches the row.
      expect(await dispatcher({ houder: 'b' }).verwerk()).toMatchObject({ verzonden: 0, teruggevonden: 0 });
      now = new Date(T0.getTime() + 61_000);
      expect(await dispatcher({ houder: 'b' }).verwerk()).toMatchObject({ verzonden: 0, teruggevonden: 1 });
      expect(sentSince()).toHaveLength(1);
      expect(await store.tellingen()).toMatchObject({ VERZONDEN: 1 });
      const [melding] = await store.meldingen('p1', 10);
      expect(melding).toMatchObject({ versturen: true, status: 'VERZONDEN', kanaal: 'EMAIL' });
    });

    it('sends when an interrupted attempt never reached NotifyNL', async () => {
      await store.besluit([email('p1', 'https://zgw/statussen/1')], T0);
      const claimed = await store.claim('a', T0, 60_000);
      expect(claimed && (await store.markeerVerzenden(claimed.id, 'a'))).toBe(true);
      now = new Date(T0.getTime() + 61_000);
      expect(await dispatcher({ houder: 'b' }).verwerk()).toMatchObject({ verzonden: 1, teruggevonden: 0 });
      expect(sentSince()).toHaveLength(1);
    });

    it('tries again with backoff on 429 and 5xx, never on another 4xx', async () => {
      await store.besluit([email('p1', 'https://zgw/statussen/1')], T0);
      simulator.setFaults({ failNext: 1, status: 429 });
      expect(await dispatcher().verwerk()).toMatchObject({ opnieuw: 1 });
      // Not due yet: the backoff holds it.
      expect(await dispatcher().verwerk()).toMatchObject({ verzonden: 0, opnieuw: 0 });
      now = new Date(T0.getTime() + 2_000);
      // The retry looks the message up by reference first; that read is itself tried twice on a 5xx.
      simulator.setFaults({ failNext: 2, status: 503 });
      expect(await dispatcher().verwerk()).toMatchObject({ opnieuw: 1 });
      now = new Date(T0.getTime() + 10_000);
      expect(await dispatcher().verwerk()).toMatchObject({ verzonden: 1 });
      expect(sentSince()).toHaveLength(1);

      await store.besluit([email('p1', 'https://zgw/statussen/2')], now);
      simulator.setFaults({ failNext: 1, status: 400 });
      expect(await dispatcher().verwerk()).toMatchObject({ mislukt: 1 });
      now = new Date(now.getTime() + 3_600_000);
      expect(await dispatcher().verwerk()).toMatchObject({ verzonden: 0, mislukt: 0 });
      expect(sentSince()).toHaveLength(1);
      expect(await store.tellingen()).toMatchObject({ VERZONDEN: 1, MISLUKT: 1 });
    });

    it('records suppressed decisions with their reason, delivery receipts by reference, and purges old ones', async () => {
      await store.besluit(
        [
          email('p1', 'https://zgw/statussen/1'),
          { ...email('p1', 'https://zgw/statussen/1'), kanaal: 'SMS', versturen: false, reden: 'MIJN_OVERHEID_MELDT' },
        ],
        T0,
      );
      await dispatcher().verwerk();
      const reference = sentSince()[0]?.reference ?? '';
      expect(await store.registreerAfleverstatus(reference, 'AFGELEVERD', T0)).toEqual({
        gebruikerId: 'p1',
        contactId: 'c-mail',
        verzondenOp: T0,
      });
      expect(await store.registreerAfleverstatus('onbekend', 'AFGELEVERD', T0)).toBeNull();
      const meldingen = await store.meldingen('p1', 10);
      expect(meldingen).toHaveLength(2);
      expect(meldingen.find((m) => m.kanaal === 'SMS')).toMatchObject({
        versturen: false,
        reden: 'MIJN_OVERHEID_MELDT',
      });
      expect(meldingen.find((m) => m.kanaal === 'EMAIL')).toMatchObject({ afleverstatus: 'AFGELEVERD' });
      expect(await store.meldingen('p2', 10)).toEqual([]);

      await store.ontvangEvent('k1', {}, T0);
      await store.eventVerwerkt('k1', T0);
      const later = new Date(T0.getTime() + 91 * 86_400_000);
      expect(await store.schoonOp(later, 90 * 86_400_000)).toEqual({ events: 1, beslissingen: 2 });
      expect(await store.meldingen('p1', 10)).toEqual([]);
    });

    it('a bounce of a melding marks the contact detail, so later meldingen do not use it', async () => {
      // The voorkeuren store on the same database (not disposed here: `drop` closes the database).
      const voorkeuren = createSqlVoorkeurenStore(db, { cipher: testCipher() });
      const toegevoegd = await voorkeuren.voegContactgegevenToe(
        'p1',
        'EMAIL',
        'x@example.nl',
        '123456',
        TEST_BELEID,
        T0,
      );
      if (!toegevoegd.ok) throw new Error(toegevoegd.reden);
      const contactId = toegevoegd.verzending.contact.id;
      await voorkeuren.verifieer('p1', contactId, '123456', TEST_BELEID, T0);
      expect(await voorkeuren.bruikbareContactgegevens('p1')).toEqual({
        EMAIL: { id: contactId, waarde: 'x@example.nl' },
      });
      expect(await voorkeuren.registreerMeldingAfleverstatus(contactId, T0, 'ONBESTELBAAR', T0)).toBe(
        'ONBESTELBAAR_GEMARKEERD',
      );
      expect(await voorkeuren.bruikbareContactgegevens('p1')).toEqual({});
      expect(await voorkeuren.registreerMeldingAfleverstatus('weg', T0, 'ONBESTELBAAR', T0)).toBe('ONBEKEND');
    });
  });
});
