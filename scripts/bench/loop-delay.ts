import { request } from 'undici';
import { METRICS_PORTS, type PortVariable } from '../soak/stack.js';

/**
 * How long each of the product's processes kept a request waiting that was ready to run, and how
 * much of that was garbage collection: from the Node metrics each process serves at `/metrics`
 * (prom-client's default collectors, `profielservice_process_nodejs_…`). Latency percentiles say
 * that the tail is long; these say where it grows. A process whose event loop is held up (by its
 * own work, by a collection, or because its core is busy with other processes) answers every
 * request in flight that much later.
 */

/** The processes read: our gateway and the four subgraphs (the peers and the simulators serve no metrics). */
export const LOOP_PROCESSES = ['gateway', 'brp', 'zaken', 'berichten', 'voorkeuren'] as const;
export type LoopProcess = (typeof LOOP_PROCESSES)[number];

/**
 * prom-client times a timer that should fire every 10 ms (its default monitoring precision) and
 * records the whole interval, so a loop that is never held up reads 10 ms. The report gives what
 * comes on top of that: the time a ready callback waited.
 */
const SAMPLING_INTERVAL_MS = 10;

/** One `/metrics` reading. The delay figures cover the time since the previous reading (prom-client resets them). */
export interface LoopReading {
  readonly delayP99Ms: number;
  readonly delayMaxMs: number;
  /** Time the main thread was paused by garbage collection since the process started (every kind). */
  readonly gcPauseMs: number;
}

/** One process during one measured run. */
export interface LoopDelay {
  /** 99th percentile of the loop's delay beyond its sampling interval, ms. */
  readonly p99Ms: number;
  readonly maxMs: number;
  /** Share of the run's wall time the process was paused for garbage collection, %. */
  readonly gcPercent: number;
}

const gauge = (text: string, name: string): number | undefined => {
  const match = new RegExp(
    `^profielservice_process_nodejs_eventloop_lag_${name}_seconds(?:\\{[^}]*\\})? (\\S+)$`,
    'm',
  ).exec(text);
  return match ? Number(match[1]) : undefined;
};

/** The reading in a `/metrics` body, or null when it lacks the figures (another exporter, an older build). */
export function parseLoopReading(text: string): LoopReading | null {
  const p99 = gauge(text, 'p99');
  const max = gauge(text, 'max');
  const gcSums = [...text.matchAll(/^profielservice_process_nodejs_gc_duration_seconds_sum\{[^}]*\} (\S+)$/gm)];
  if (p99 === undefined || max === undefined || gcSums.length === 0) return null;
  const beyond = (seconds: number) => Math.max(0, seconds * 1_000 - SAMPLING_INTERVAL_MS);
  return {
    delayP99Ms: beyond(p99),
    delayMaxMs: beyond(max),
    gcPauseMs: gcSums.reduce((total, match) => total + Number(match[1]) * 1_000, 0),
  };
}

type Url = (port: PortVariable, path?: string) => string;

/**
 * Reads every process in `processes` (a null where one does not answer). Read once right before a
 * run, to start its delay figures afresh, and once right after it.
 */
export async function readLoops(
  url: Url,
  processes: readonly LoopProcess[],
): Promise<Partial<Record<LoopProcess, LoopReading | null>>> {
  const entries = await Promise.all(
    processes.map(async (name) => {
      const port = METRICS_PORTS[name];
      if (port === undefined) return [name, null] as const;
      try {
        const response = await request(url(port, '/metrics'), { headersTimeout: 10_000 });
        const text = await response.body.text();
        return [name, response.statusCode === 200 ? parseLoopReading(text) : null] as const;
      } catch {
        return [name, null] as const;
      }
    }),
  );
  return Object.fromEntries(entries);
}

/** A run's figures from the readings before and after it; null where either is missing. */
export function loopDelays(
  before: Partial<Record<LoopProcess, LoopReading | null>>,
  after: Partial<Record<LoopProcess, LoopReading | null>>,
  wallMs: number,
): Partial<Record<LoopProcess, LoopDelay | null>> {
  return Object.fromEntries(
    Object.entries(after).map(([name, end]) => {
      const start = before[name as LoopProcess];
      if (!end || !start || wallMs <= 0) return [name, null];
      return [
        name,
        {
          p99Ms: end.delayP99Ms,
          maxMs: end.delayMaxMs,
          gcPercent: (100 * Math.max(0, end.gcPauseMs - start.gcPauseMs)) / wallMs,
        },
      ];
    }),
  );
}
