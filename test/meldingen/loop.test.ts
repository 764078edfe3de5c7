import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import type { OutboxDispatcher } from '../../subgraphs/voorkeuren/melding/dispatcher.js';
import { startMeldingenLoop } from '../../subgraphs/voorkeuren/melding/meldingen.js';
import type { MeldingVerwerker } from '../../subgraphs/voorkeuren/melding/verwerker.js';
import { DatabaseUnavailableError } from '../../subgraphs/voorkeuren/store/sql.js';

/** A logger that keeps its lines (level and message), to count what an outage logs. */
function capturingLogger() {
  const lines: Array<{ level: number; msg: string; reden?: string }> = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

const WARN = 40;
const ERROR = 50;

/**
 * The meldingen loop while its database is down: each pass stops at the first store call, no
 * pass is retried in a loop, the outage is logged once (and its end once), and work resumes by
 * itself once the database answers. Stores are stand-ins here; test/voorkeuren/database-down
 * runs the real loop against PostgreSQL behind a proxy.
 */
describe('meldingen loop with the database down', () => {
  function setup() {
    let down = false;
    const calls = { verwerker: 0, dispatcher: 0 };
    const verwerker: MeldingVerwerker = {
      async verwerk() {
        calls.verwerker += 1;
        if (down) throw new DatabaseUnavailableError('ECONNREFUSED');
        return 0;
      },
    };
    const dispatcher: OutboxDispatcher = {
      async verwerk() {
        calls.dispatcher += 1;
        return { verzonden: 0, teruggevonden: 0, opnieuw: 0, mislukt: 0 };
      },
    };
    const { logger, lines } = capturingLogger();
    const loop = startMeldingenLoop({ verwerker, dispatcher, intervalMs: 100, logger });
    return { loop, calls, lines, setDown: (value: boolean) => (down = value) };
  }

  it('survives, logs the outage once, does not spin, and resumes when the database answers', async () => {
    const t = setup();
    try {
      t.setDown(true);
      // New events wake the loop; while the database is down each wake-up is one short pass.
      for (let i = 0; i < 20; i++) {
        t.loop.wek();
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await t.loop.ronde();
      await new Promise((resolve) => setTimeout(resolve, 350));
      const passes = t.calls.verwerker;
      // 20 wake-ups and a few interval ticks, not a loop that retries as fast as it can.
      expect(passes).toBeGreaterThan(0);
      expect(passes).toBeLessThanOrEqual(30);
      expect(t.calls.dispatcher).toBe(0);
      const warnings = t.lines.filter((l) => l.level === WARN);
      expect(warnings).toEqual([
        expect.objectContaining({
          msg: 'meldingen paused: the database does not answer; tried again every interval',
          reden: 'ECONNREFUSED',
        }),
      ]);
      expect(t.lines.filter((l) => l.level >= ERROR)).toEqual([]);

      // Back: the next interval tick does the work again, and says so once.
      t.setDown(false);
      await vi.waitFor(() => expect(t.calls.dispatcher).toBeGreaterThan(0), { timeout: 2_000, interval: 20 });
      await t.loop.ronde();
      expect(t.lines.filter((l) => l.msg === 'meldingen resumed: the database answers again')).toHaveLength(1);

      // A second outage is logged again, once.
      t.setDown(true);
      await t.loop.ronde();
      await t.loop.ronde();
      expect(t.lines.filter((l) => l.level === WARN)).toHaveLength(2);
    } finally {
      await t.loop[Symbol.asyncDispose]();
    }
  });

  it('other failures (bugs) are still logged as errors, every time', async () => {
    const { logger, lines } = capturingLogger();
    const loop = startMeldingenLoop({
      verwerker: {
        async verwerk() {
          throw new TypeError('bug');
        },
      },
      dispatcher: {
        async verwerk() {
          return { verzonden: 0, teruggevonden: 0, opnieuw: 0, mislukt: 0 };
        },
      },
      intervalMs: 60_000,
      logger,
    });
    try {
      await loop.ronde();
      await loop.ronde();
      expect(lines.filter((l) => l.level === ERROR).map((l) => l.msg)).toEqual([
        'meldingen pass failed',
        'meldingen pass failed',
      ]);
    } finally {
      await loop[Symbol.asyncDispose]();
    }
  });
});
