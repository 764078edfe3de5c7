import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { breakers, type BreakerState } from '../resilience/breaker.js';

/**
 * The Prometheus metrics of a process (prom-client), served at `/metrics`. One registry per
 * process: what an operator needs to see which source is failing (calls and errors per source,
 * breaker states), how the resident's requests fare (count, latency, error codes), and whether
 * caches and the meldingen outbox keep up. Label values are source and route names, never a
 * person, a URL with an identifier or a token.
 */
export const registry = new Registry();

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Requests a process served, by route and HTTP status. */
export const httpRequests = new Counter({
  name: 'profielservice_http_requests_total',
  help: 'HTTP requests served, by route and status.',
  labelNames: ['route', 'status'] as const,
  registers: [registry],
});

/** Time to answer a request, by route. */
export const httpDuration = new Histogram({
  name: 'profielservice_http_request_duration_seconds',
  help: 'Time to answer an HTTP request, by route.',
  labelNames: ['route'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});

/** Errors in GraphQL answers, by `extensions.code`. */
export const graphqlErrors = new Counter({
  name: 'profielservice_graphql_errors_total',
  help: 'Errors in GraphQL answers, by extensions.code.',
  labelNames: ['code'] as const,
  registers: [registry],
});

/** Calls to an upstream API or a subgraph, by source and outcome (`ok` or the failure kind). */
export const sourceCalls = new Counter({
  name: 'profielservice_source_calls_total',
  help: 'Calls to an upstream API or subgraph, by source and outcome (ok, or the kind of failure).',
  labelNames: ['source', 'outcome'] as const,
  registers: [registry],
});

/** Time a call to an upstream API or a subgraph took (failures included), by source. */
export const sourceDuration = new Histogram({
  name: 'profielservice_source_call_duration_seconds',
  help: 'Time a call to an upstream API or subgraph took, by source.',
  labelNames: ['source'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});

const BREAKER_VALUES: Record<BreakerState, number> = { closed: 0, 'half-open': 1, open: 2 };

/** The state of every circuit breaker of the process: 0 closed, 1 half-open (probing), 2 open. */
export const breakerState = new Gauge({
  name: 'profielservice_breaker_state',
  help: 'Circuit breaker per source: 0 closed, 1 half-open (probing), 2 open (failing fast).',
  labelNames: ['source'] as const,
  registers: [registry],
  collect() {
    for (const [name, breaker] of breakers()) this.set({ source: name }, BREAKER_VALUES[breaker.state()]);
  },
});

/** Cache lookups, by cache and result (`hit`, `stale`, `miss`, `error`). */
export const cacheLookups = new Counter({
  name: 'profielservice_cache_lookups_total',
  help: 'Cache lookups, by cache and result (hit, stale, miss, error).',
  labelNames: ['cache', 'result'] as const,
  registers: [registry],
});

let processMetrics = false;

/**
 * Adds Node's own metrics (memory, CPU, event-loop lag, garbage collection) under
 * `profielservice_process_*`; once per process, from its `index.ts`.
 */
export function collectProcessMetrics(processName: string): void {
  if (processMetrics) return;
  processMetrics = true;
  registry.setDefaultLabels({ process: processName });
  collectDefaultMetrics({ register: registry, prefix: 'profielservice_process_' });
}

/** The `/metrics` body in Prometheus text format. */
export async function metricsText(): Promise<{ contentType: string; body: string }> {
  return { contentType: registry.contentType, body: await registry.metrics() };
}

/** Starts a timer for one call to `source`; the returned function records its outcome. */
export function timeSourceCall(source: string): (outcome: string) => void {
  const stop = sourceDuration.startTimer({ source });
  return (outcome) => {
    stop();
    sourceCalls.inc({ source, outcome });
  };
}

/**
 * The meldingen outbox, counted when `/metrics` is read: messages per status (WACHTEND and
 * VERZENDEN are the depth still to send), and how long the oldest due message has waited (the
 * age an operator alerts on). Both come from the store when `/metrics` is read.
 */
export function registerOutboxMetrics(
  count: () => Promise<Readonly<Record<string, number>>>,
  oldestDue: () => Promise<Date | null>,
  now: () => Date = () => new Date(),
): void {
  registry.removeSingleMetric('profielservice_outbox_messages');
  registry.removeSingleMetric('profielservice_outbox_oldest_due_age_seconds');
  new Gauge({
    name: 'profielservice_outbox_oldest_due_age_seconds',
    help: 'How long the oldest melding still to send has been due (0 when none is due): the outbox lag.',
    registers: [registry],
    async collect() {
      try {
        const due = await oldestDue();
        this.set(due ? Math.max(0, (now().getTime() - due.getTime()) / 1_000) : 0);
      } catch {
        // The store is down: leave the last value; the voorkeuren section reports the outage.
      }
    },
  });
  new Gauge({
    name: 'profielservice_outbox_messages',
    help: 'Meldingen in the outbox, by status (WACHTEND and VERZENDEN: still to send).',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      try {
        for (const [status, n] of Object.entries(await count())) this.set({ status }, n);
      } catch {
        // The store is down: leave the last values; the voorkeuren section reports the outage.
      }
    },
  });
}
