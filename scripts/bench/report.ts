import { latencies, type Latencies } from '../soak/stats.js';
import type { BenchOptions, Mode } from './options.js';
import { PRODUCT_ENV, PRODUCT_NODE_FLAGS } from '../product-runtime.js';
import type { ProfileSummary } from './profile.js';
import { SLOWEST_SOURCE_MS, SUBGRAPHS, type SubgraphName } from './upstream.js';
import { LOOP_PROCESSES, type LoopDelay, type LoopProcess } from './loop-delay.js';

/** The gateways compared, in the order they are measured within a round. */
export const GATEWAYS = {
  ours: 'ours (project gateway)',
  apollo: 'stock Apollo Gateway',
  hive: 'Hive Gateway',
  'hive-rust': 'Hive Gateway, Rust query planner',
} as const;
export type GatewayKey = keyof typeof GATEWAYS;

/** The processes whose CPU is read per run; `gateway` is whichever gateway is measured. */
export const MEASURED = [
  'gateway',
  'brp',
  'zaken',
  'berichten',
  'voorkeuren',
  'simulators',
  'idp',
  'launcher',
  'load generator',
] as const;
export type MeasuredProcess = (typeof MEASURED)[number];
/** The product's own processes: what the issue's 5 ms target adds up. */
const PRODUCT: readonly MeasuredProcess[] = ['gateway', 'brp', 'zaken', 'berichten', 'voorkeuren'];

/** One measured run: one gateway, one latency mode, one round. */
export interface Measurement {
  readonly mode: Mode;
  readonly round: number;
  readonly gateway: GatewayKey;
  readonly wallMs: number;
  readonly requests: number;
  readonly errors: number;
  readonly problems: Readonly<Record<string, number>>;
  readonly requestsPerSecond: number;
  readonly latency: Latencies;
  /** CPU time per answered request, ms, per process (null: not readable). */
  readonly cpuMsPerRequest: Readonly<Record<MeasuredProcess, number | null>>;
  /** Share of each core that was busy, whoever used it (other users of the machine too), 0..1. */
  readonly coreBusy: Readonly<Record<number, number>>;
  /** RSS of the measured gateway right after the run, MiB. */
  readonly gatewayRssMb: number | null;
  /** Requests each upstream API received per request sent (simulator journals). */
  readonly upstreamPerRequest: Readonly<Record<string, number>>;
  /** `/graphql` requests each subgraph served per request sent (its /metrics). */
  readonly subgraphCallsPerRequest: Readonly<Record<SubgraphName, number | null>>;
  /** How long each product process's event loop kept ready work waiting (its /metrics); our gateway only when it is measured. */
  readonly loopDelay: Readonly<Partial<Record<LoopProcess, LoopDelay | null>>>;
  /** Kept for the pooled percentiles; left out of the JSON report. */
  readonly latenciesMs: readonly number[];
}

/** One gateway in one mode over all rounds, pooled. */
export interface Summary {
  readonly mode: Mode;
  readonly gateway: GatewayKey;
  readonly rounds: number;
  readonly requests: number;
  readonly errors: number;
  readonly requestsPerSecond: number;
  readonly requestsPerSecondRange: readonly [number, number];
  readonly latency: Latencies;
  /** Total CPU over total requests, per process. */
  readonly cpuMsPerRequest: Readonly<Record<MeasuredProcess, number | null>>;
  readonly gatewayCpuRange: readonly [number, number] | null;
  /** Gateway plus the four subgraphs. */
  readonly productCpuMsPerRequest: number | null;
  readonly upstreamPerRequest: Readonly<Record<string, number>>;
  readonly subgraphCallsPerRequest: Readonly<Record<SubgraphName, number | null>>;
  /**
   * Per process over the rounds: the mean of the rounds' delay p99 (weighted by their length),
   * the largest delay of any round, and the GC share of all rounds' time together.
   */
  readonly loopDelay: Readonly<Partial<Record<LoopProcess, LoopDelay | null>>>;
  readonly gatewayCoreBusy: number | null;
  readonly otherCoresBusy: number | null;
  /** What the cores every process but the gateway shares allowed this run: see {@link SharedCores}. */
  readonly sharedCores: SharedCores | null;
}

/**
 * The cores the subgraphs, simulators and load generator share (all cores, gateway included, when
 * nothing is pinned), and the latency floor they set. Every answer costs those cores `msPerAnswer`
 * of CPU, so they serve at most `cores × 1000 / msPerAnswer` answers a second; with `connections`
 * requests always in flight, Little's law (in flight = rate × time in the system) then puts the
 * mean latency at no less than `connections × msPerAnswer / cores`, however fast the upstreams.
 */
export interface SharedCores {
  readonly cores: number;
  /** CPU per answer of the processes on those cores, ms. */
  readonly msPerAnswer: number;
  /** The most answers per second those cores can give at that cost. */
  readonly maxPerSecond: number;
  /** The lowest mean latency possible with this run's requests in flight, ms. */
  readonly latencyFloorMs: number;
}

/**
 * {@link SharedCores} of a pooled run: the processes on the cores other than the gateway's (when
 * it was pinned) and those cores, counted from the runs' `/proc/stat` readings.
 */
export function sharedCores(
  cpuMsPerRequest: Readonly<Record<MeasuredProcess, number | null>>,
  coreIds: readonly number[],
  gatewayCore: number | null,
  connections: number,
): SharedCores | null {
  const cores = gatewayCore === null ? coreIds.length : coreIds.filter((core) => core !== gatewayCore).length;
  const processes = MEASURED.filter((p) => gatewayCore === null || p !== 'gateway');
  const costs = processes.map((p) => cpuMsPerRequest[p]);
  if (cores === 0 || costs.some((v) => v === null)) return null;
  const msPerAnswer = sum(costs as number[]);
  if (msPerAnswer <= 0) return null;
  return {
    cores,
    msPerAnswer,
    maxPerSecond: (cores * 1_000) / msPerAnswer,
    latencyFloorMs: (connections * msPerAnswer) / cores,
  };
}

/** One gateway measured once at a load below the rounds' (`--lower-loads`), realistic latencies. */
export interface LowerLoad {
  readonly gateway: GatewayKey;
  /** Requests in flight. */
  readonly connections: number;
  readonly requests: number;
  readonly errors: number;
  readonly requestsPerSecond: number;
  readonly latency: Latencies;
  /** {@link sharedCoresBusy} during the run. */
  readonly sharedCoresBusy: number | null;
}

/** Issue 14's latency targets with realistic latencies: the slowest source + 15 ms (p50) and + 60 ms (p99). */
const P50_TARGET_MS = SLOWEST_SOURCE_MS + 15;
const P99_TARGET_MS = SLOWEST_SOURCE_MS + 60;

/** Whether a realistic-mode latency meets both of issue 14's latency targets (p50 and p99). */
export function withinLatencyTargets(latency: Latencies): boolean {
  return latency.p50 <= P50_TARGET_MS && latency.p99 <= P99_TARGET_MS;
}

export interface Ratio {
  readonly mode: Mode;
  readonly peer: GatewayKey;
  /** Ours divided by the peer's: below 1 is less CPU. */
  readonly gatewayCpu: number | null;
  /** Ours divided by the peer's: above 1 is more throughput. */
  readonly throughput: number | null;
  readonly p50: number | null;
}

export interface Target {
  readonly target: string;
  readonly result: string;
  /** null: not measured in this run (e.g. a mode left out). */
  readonly met: boolean | null;
}

export interface Availability {
  readonly gateway: GatewayKey;
  readonly available: boolean;
  readonly detail: string;
}

export interface AnswerCheck {
  readonly gateway: GatewayKey;
  readonly same: boolean;
  readonly detail: string;
}

export interface ProfileResult {
  readonly requests: number;
  readonly seconds: number;
  readonly processes: readonly {
    readonly process: string;
    readonly summary: ProfileSummary | null;
    readonly detail: string;
  }[];
}

export interface BenchReport {
  readonly date: string;
  readonly machine: string;
  readonly loadAverage: { readonly start: readonly number[]; readonly end: readonly number[] };
  readonly options: BenchOptions;
  readonly pinning: string;
  readonly gatewayCore: number | null;
  readonly residents: readonly string[];
  readonly skipped: readonly string[];
  readonly availability: readonly Availability[];
  readonly answers: readonly AnswerCheck[];
  readonly rustPlanner: string;
  readonly measurements: readonly Measurement[];
  readonly summaries: readonly Summary[];
  /** Realistic mode at the lower loads, after the rounds; empty when none were asked for. */
  readonly lowerLoads: readonly LowerLoad[];
  readonly ratios: readonly Ratio[];
  /** RSS of every process at the end of the measurements, MiB. */
  readonly rssEndMb: Readonly<Record<string, number | null>>;
  readonly targets: readonly Target[];
  readonly profile: ProfileResult | null;
  readonly notes: readonly string[];
}

const sum = (values: readonly number[]) => values.reduce((total, v) => total + v, 0);

/** Pools the rounds of each gateway in each mode. */
export function summarise(
  measurements: readonly Measurement[],
  gatewayCore: number | null,
  connections: number,
): Summary[] {
  const summaries: Summary[] = [];
  const keys = [...new Set(measurements.map((m) => `${m.mode}\u0000${m.gateway}`))];
  for (const key of keys) {
    const [mode, gateway] = key.split('\u0000') as [Mode, GatewayKey];
    const runs = measurements.filter((m) => m.mode === mode && m.gateway === gateway);
    const requests = sum(runs.map((m) => m.requests));
    const wallMs = sum(runs.map((m) => m.wallMs));
    const perRequest = (pick: (m: Measurement) => number | null): number | null => {
      if (requests === 0 || runs.some((m) => pick(m) === null)) return null;
      return sum(runs.map((m) => (pick(m) ?? 0) * m.requests)) / requests;
    };
    const cpu = Object.fromEntries(MEASURED.map((p) => [p, perRequest((m) => m.cpuMsPerRequest[p])])) as Record<
      MeasuredProcess,
      number | null
    >;
    const product = PRODUCT.map((p) => cpu[p]);
    const apis = [...new Set(runs.flatMap((m) => Object.keys(m.upstreamPerRequest)))].sort();
    const gatewayCpu = runs.map((m) => m.cpuMsPerRequest.gateway).filter((v): v is number => v !== null);
    const rates = runs.map((m) => m.requestsPerSecond);
    const busy = (pick: (m: Measurement) => number | null): number | null => {
      const values = runs.map(pick);
      return values.some((v) => v === null) || wallMs === 0
        ? null
        : sum(runs.map((m, i) => (values[i] ?? 0) * m.wallMs)) / wallMs;
    };
    summaries.push({
      mode,
      gateway,
      rounds: runs.length,
      requests,
      errors: sum(runs.map((m) => m.errors)),
      requestsPerSecond: wallMs === 0 ? 0 : requests / (wallMs / 1_000),
      requestsPerSecondRange: [Math.min(...rates), Math.max(...rates)],
      latency: latencies(runs.flatMap((m) => m.latenciesMs)),
      cpuMsPerRequest: cpu,
      gatewayCpuRange: gatewayCpu.length === runs.length ? [Math.min(...gatewayCpu), Math.max(...gatewayCpu)] : null,
      productCpuMsPerRequest: product.some((v) => v === null) ? null : sum(product as number[]),
      upstreamPerRequest: Object.fromEntries(
        apis.map((api) => [api, perRequest((m) => m.upstreamPerRequest[api] ?? 0) ?? 0]),
      ),
      subgraphCallsPerRequest: Object.fromEntries(
        SUBGRAPHS.map((name) => [name, perRequest((m) => m.subgraphCallsPerRequest[name])]),
      ) as Record<SubgraphName, number | null>,
      loopDelay: pooledLoopDelay(runs),
      gatewayCoreBusy: gatewayCore === null ? null : busy((m) => m.coreBusy[gatewayCore] ?? null),
      otherCoresBusy: busy((m) => sharedCoresBusy(m.coreBusy, gatewayCore)),
      sharedCores: sharedCores(cpu, Object.keys(runs[0]?.coreBusy ?? {}).map(Number), gatewayCore, connections),
    });
  }
  return summaries;
}

/**
 * How busy the cores the gateway is not pinned to were, their mean (0..1); null when the gateway
 * was not pinned or no other core was read.
 */
export function sharedCoresBusy(coreBusy: Readonly<Record<number, number>>, gatewayCore: number | null): number | null {
  if (gatewayCore === null) return null;
  const others = Object.entries(coreBusy).filter(([core]) => Number(core) !== gatewayCore);
  return others.length === 0 ? null : sum(others.map(([, v]) => v)) / others.length;
}

/** The rounds' loop delays of each process pooled; null for a process any round could not read. */
function pooledLoopDelay(runs: readonly Measurement[]): Partial<Record<LoopProcess, LoopDelay | null>> {
  const pooled: Partial<Record<LoopProcess, LoopDelay | null>> = {};
  const wallMs = sum(runs.map((m) => m.wallMs));
  for (const name of LOOP_PROCESSES) {
    const readings = runs.map((m) => m.loopDelay[name]);
    if (readings.every((r) => r === undefined)) continue;
    if (readings.some((r) => r == null) || wallMs === 0) {
      pooled[name] = null;
      continue;
    }
    const weighted = (pick: (d: LoopDelay) => number) =>
      sum(runs.map((m, i) => pick(readings[i] as LoopDelay) * m.wallMs)) / wallMs;
    pooled[name] = {
      p99Ms: weighted((d) => d.p99Ms),
      maxMs: Math.max(...readings.map((r) => (r as LoopDelay).maxMs)),
      gcPercent: weighted((d) => d.gcPercent),
    };
  }
  return pooled;
}

const divide = (a: number | null | undefined, b: number | null | undefined): number | null =>
  a === null || a === undefined || b === null || b === undefined || b === 0 ? null : a / b;

export function ratios(summaries: readonly Summary[]): Ratio[] {
  const result: Ratio[] = [];
  for (const ours of summaries.filter((s) => s.gateway === 'ours')) {
    for (const peer of summaries.filter((s) => s.mode === ours.mode && s.gateway !== 'ours')) {
      result.push({
        mode: ours.mode,
        peer: peer.gateway,
        gatewayCpu: divide(ours.cpuMsPerRequest.gateway, peer.cpuMsPerRequest.gateway),
        throughput: divide(ours.requestsPerSecond, peer.requestsPerSecond),
        p50: divide(ours.latency.p50, peer.latency.p50),
      });
    }
  }
  return result;
}

const f1 = (v: number | null | undefined) => (v === null || v === undefined || Number.isNaN(v) ? '–' : v.toFixed(1));
const f2 = (v: number | null | undefined) => (v === null || v === undefined || Number.isNaN(v) ? '–' : v.toFixed(2));
const f0 = (v: number | null | undefined) => (v === null || v === undefined || Number.isNaN(v) ? '–' : v.toFixed(0));
const x = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${v.toFixed(2)}×`);
/** A ratio judged against a target, to three places: 1.496 is not 1.5, which two places would hide. */
const x3 = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${v.toFixed(3)}×`);
const pct = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${Math.round(v * 100)} %`);
const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
/** A Markdown table. */
export const table = (header: readonly string[], rows: readonly (readonly string[])[]): string =>
  [row(header), row(header.map(() => '---')), ...rows.map(row)].join('\n');

/** The issue's targets, judged on this run (null where it did not measure what they need). */
export function judgeTargets(
  summaries: readonly Summary[],
  rssEndMb: Readonly<Record<string, number | null>>,
  connections: number,
  lowerLoads: readonly LowerLoad[] = [],
): Target[] {
  const find = (mode: Mode, gateway: GatewayKey) => summaries.find((s) => s.mode === mode && s.gateway === gateway);
  // CPU and throughput targets are about the CPU-bound case: instant upstreams, when measured.
  const mode: Mode = summaries.some((s) => s.mode === 'instant') ? 'instant' : 'realistic';
  const ours = find(mode, 'ours');
  const apollo = find(mode, 'apollo');
  const hive = find(mode, 'hive');
  const targets: Target[] = [];
  const cpuRatio = divide(ours?.cpuMsPerRequest.gateway, apollo?.cpuMsPerRequest.gateway);
  targets.push({
    target: `gateway CPU per MijnOverzicht ≤ 0.67× stock Apollo's (${mode})`,
    result: `${f2(ours?.cpuMsPerRequest.gateway)} vs ${f2(apollo?.cpuMsPerRequest.gateway)} ms = ${x3(cpuRatio)}`,
    met: cpuRatio === null ? null : cpuRatio <= 0.67,
  });
  const rateRatio = divide(ours?.requestsPerSecond, apollo?.requestsPerSecond);
  targets.push({
    target: `throughput, gateways pinned to one core, ≥ 1.5× stock Apollo's (${mode})`,
    result: `${f0(ours?.requestsPerSecond)} vs ${f0(apollo?.requestsPerSecond)} req/s = ${x3(rateRatio)}`,
    met: rateRatio === null ? null : rateRatio >= 1.5,
  });
  targets.push({
    target: `gateway CPU per MijnOverzicht ≤ Hive Gateway's (${mode})`,
    result: `${f2(ours?.cpuMsPerRequest.gateway)} vs ${f2(hive?.cpuMsPerRequest.gateway)} ms`,
    met:
      ours?.cpuMsPerRequest.gateway == null || hive?.cpuMsPerRequest.gateway == null
        ? null
        : ours.cpuMsPerRequest.gateway <= hive.cpuMsPerRequest.gateway,
  });
  targets.push({
    target: `gateway + four subgraphs ≤ 5 ms CPU per MijnOverzicht (${mode})`,
    result: `${f2(ours?.productCpuMsPerRequest)} ms`,
    met: ours?.productCpuMsPerRequest == null ? null : ours.productCpuMsPerRequest <= 5,
  });
  const gatewayRss = rssEndMb['gateway'] ?? null;
  targets.push({
    target: 'gateway RSS < 250 MB (at the end of the run)',
    result: `${f0(gatewayRss)} MB`,
    met: gatewayRss === null ? null : gatewayRss < 250,
  });
  const subgraphRss = SUBGRAPHS.map((name) => [name, rssEndMb[name] ?? null] as const);
  targets.push({
    target: 'each subgraph RSS < 150 MB (at the end of the run)',
    result: subgraphRss.map(([name, mb]) => `${name} ${f0(mb)}`).join(', ') + ' MB',
    met: subgraphRss.some(([, mb]) => mb === null) ? null : subgraphRss.every(([, mb]) => (mb ?? 0) < 150),
  });
  const realistic = find('realistic', 'ours');
  const floor = realistic?.sharedCores;
  const at = `${connections} connections${floor ? `; the shared core's floor ${f0(floor.latencyFloorMs)} ms` : ''}`;
  // Ours at lighter loads, for the reader: the targets are judged at 50 alone.
  const lighter = (pick: (l: Latencies) => number) =>
    lowerLoads
      .filter((l) => l.gateway === 'ours')
      .map((l) => `; ${f0(pick(l.latency))} ms at ${l.connections}`)
      .join('');
  targets.push({
    target: `realistic latencies, 50 concurrent residents: p50 ≤ slowest source + 15 ms (${P50_TARGET_MS} ms)`,
    result: realistic ? `${f0(realistic.latency.p50)} ms at ${at}${lighter((l) => l.p50)}` : 'not measured',
    met: realistic && connections >= 50 ? realistic.latency.p50 <= P50_TARGET_MS : null,
  });
  targets.push({
    target: `realistic latencies, 50 concurrent residents: p99 ≤ slowest source + 60 ms (${P99_TARGET_MS} ms)`,
    result: realistic ? `${f0(realistic.latency.p99)} ms at ${at}${lighter((l) => l.p99)}` : 'not measured',
    met: realistic && connections >= 50 ? realistic.latency.p99 <= P99_TARGET_MS : null,
  });
  const upstream = ours?.upstreamPerRequest ?? {};
  // Counted per request sent, after the last answers came in: a hair of slack for rounding.
  const overOne = Object.entries(upstream).filter(([, n]) => n > 1.005);
  targets.push({
    target: 'upstream calls per MijnOverzicht: at most one per source API (warm catalogus caches)',
    result: Object.entries(upstream)
      .map(([api, n]) => `${api} ${f2(n)}`)
      .join(', '),
    met: ours ? overOne.length === 0 : null,
  });
  return targets;
}

function summaryTable(summaries: readonly Summary[], mode: Mode, rssEndMb: Readonly<Record<string, number | null>>) {
  return table(
    [
      'gateway',
      'req/s (range over rounds)',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'errors',
      'gateway CPU ms/req (range)',
      'gateway + subgraphs CPU ms/req',
      'gateway core busy',
      'other core busy',
      'gateway RSS at end MB',
    ],
    summaries
      .filter((s) => s.mode === mode)
      .map((s) => [
        GATEWAYS[s.gateway],
        `${f0(s.requestsPerSecond)} (${f0(s.requestsPerSecondRange[0])}–${f0(s.requestsPerSecondRange[1])})`,
        f0(s.latency.p50),
        f0(s.latency.p95),
        f0(s.latency.p99),
        `${s.errors} of ${s.requests}`,
        `${f2(s.cpuMsPerRequest.gateway)} (${s.gatewayCpuRange ? `${f2(s.gatewayCpuRange[0])}–${f2(s.gatewayCpuRange[1])}` : '–'})`,
        f2(s.productCpuMsPerRequest),
        pct(s.gatewayCoreBusy),
        pct(s.otherCoresBusy),
        f0(rssEndMb[s.gateway === 'ours' ? 'gateway' : s.gateway]),
      ]),
  );
}

function ratioTable(report: BenchReport): string {
  const rss = (peer: GatewayKey) => divide(report.rssEndMb['gateway'], report.rssEndMb[peer]);
  return table(
    ['mode', 'compared with', 'gateway CPU per request', 'throughput (pinned)', 'p50', 'gateway RSS at end'],
    report.ratios.map((r) => [r.mode, GATEWAYS[r.peer], x(r.gatewayCpu), x(r.throughput), x(r.p50), x(rss(r.peer))]),
  );
}

function cpuTable(summaries: readonly Summary[]): string {
  return table(
    ['mode', 'gateway', ...MEASURED.map((p) => (p === 'gateway' ? 'the gateway' : p)), 'gateway + subgraphs'],
    summaries.map((s) => [
      s.mode,
      GATEWAYS[s.gateway],
      ...MEASURED.map((p) => f2(s.cpuMsPerRequest[p])),
      f2(s.productCpuMsPerRequest),
    ]),
  );
}

function loopTable(summaries: readonly Summary[]): string {
  const cell = (d: LoopDelay | null | undefined) =>
    d === undefined ? '–' : d === null ? 'not read' : `${f0(d.p99Ms)} / ${f0(d.maxMs)} · ${f1(d.gcPercent)} %`;
  return table(
    ['mode', 'gateway', ...LOOP_PROCESSES.map((p) => (p === 'gateway' ? 'our gateway' : p))],
    summaries.map((s) => [s.mode, GATEWAYS[s.gateway], ...LOOP_PROCESSES.map((p) => cell(s.loopDelay[p]))]),
  );
}

function sharedCoreTable(summaries: readonly Summary[], connections: number): string {
  return table(
    [
      'mode',
      'gateway',
      'CPU per answer on the shared core, ms',
      'most answers per second it allows',
      'answers per second measured',
      'shared core busy',
      `lowest mean latency at ${connections} in flight, ms`,
      'p50 measured, ms',
    ],
    summaries.map((s) => [
      s.mode,
      GATEWAYS[s.gateway],
      f2(s.sharedCores?.msPerAnswer),
      f0(s.sharedCores?.maxPerSecond),
      f0(s.requestsPerSecond),
      pct(s.otherCoresBusy),
      f0(s.sharedCores?.latencyFloorMs),
      f0(s.latency.p50),
    ]),
  );
}

/** Every gateway at the lower loads and then at the rounds' load (pooled), realistic latencies. */
function lowerLoadTable(report: BenchReport): string {
  interface Row {
    readonly load: string;
    readonly gateway: GatewayKey;
    readonly run: Pick<LowerLoad, 'requests' | 'errors' | 'requestsPerSecond' | 'latency'>;
    readonly busy: number | null;
  }
  const rows = report.availability
    .filter((a) => a.available)
    .flatMap(({ gateway }): Row[] => {
      const pooled = report.summaries.find((s) => s.mode === 'realistic' && s.gateway === gateway);
      return [
        ...report.lowerLoads
          .filter((l) => l.gateway === gateway)
          .map((l) => ({ load: String(l.connections), gateway, run: l, busy: l.sharedCoresBusy })),
        ...(pooled
          ? [{ load: `${report.options.connections} (the rounds)`, gateway, run: pooled, busy: pooled.otherCoresBusy }]
          : []),
      ];
    });
  return table(
    [
      'in flight',
      'gateway',
      'req/s',
      'shared core busy',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'errors',
      `p50 ≤ ${P50_TARGET_MS} and p99 ≤ ${P99_TARGET_MS}`,
    ],
    rows.map(({ load, gateway, run, busy }) => [
      load,
      GATEWAYS[gateway],
      f0(run.requestsPerSecond),
      pct(busy),
      f0(run.latency.p50),
      f0(run.latency.p95),
      f0(run.latency.p99),
      `${run.errors} of ${run.requests}`,
      withinLatencyTargets(run.latency) ? 'yes' : 'no',
    ]),
  );
}

function lowerLoadSection(report: BenchReport): string {
  if (report.lowerLoads.length === 0) return '';
  const loads = [...new Set(report.lowerLoads.map((l) => l.connections))].join(', ');
  return `
## Realistic latencies at lower loads

The latency targets are judged at ${report.options.connections} requests in flight; "What the shared core allows" shows how full
that leaves the core the subgraphs, simulators and load generator share. After the rounds, each gateway ran once more
with realistic latencies at ${loads} requests in flight (\`--lower-loads\`), with the same warm-up and length as a round,
to show what the same stack does with more room on that core. One run each, so a single slow moment of the machine
shows; the last row of each gateway is its rounds above, pooled.

${lowerLoadTable(report)}
`;
}

function upstreamTable(summaries: readonly Summary[]): string {
  const apis = [...new Set(summaries.flatMap((s) => Object.keys(s.upstreamPerRequest)))].sort();
  return table(
    ['mode', 'gateway', ...SUBGRAPHS.map((n) => `→ ${n}`), ...apis],
    summaries.map((s) => [
      s.mode,
      GATEWAYS[s.gateway],
      ...SUBGRAPHS.map((n) => f2(s.subgraphCallsPerRequest[n])),
      ...apis.map((api) => f2(s.upstreamPerRequest[api] ?? 0)),
    ]),
  );
}

function runTable(measurements: readonly Measurement[]): string {
  return table(
    [
      'mode',
      'round',
      'gateway',
      's',
      'requests',
      'req/s',
      'p50',
      'p95',
      'p99',
      'errors',
      'gateway CPU ms/req',
      'cores busy',
      'gateway RSS MB',
    ],
    measurements.map((m) => [
      m.mode,
      String(m.round),
      GATEWAYS[m.gateway],
      f1(m.wallMs / 1_000),
      String(m.requests),
      f1(m.requestsPerSecond),
      f0(m.latency.p50),
      f0(m.latency.p95),
      f0(m.latency.p99),
      String(m.errors) +
        (Object.keys(m.problems).length > 0
          ? ` (${Object.entries(m.problems)
              .map(([p, n]) => `${p} ×${n}`)
              .join(', ')})`
          : ''),
      f2(m.cpuMsPerRequest.gateway),
      Object.entries(m.coreBusy)
        .map(([core, busy]) => `${core}: ${pct(busy)}`)
        .join(', '),
      f0(m.gatewayRssMb),
    ]),
  );
}

/** The product's Node flags, processes with the same flags together, and their environment, as report text. */
export function productRuntime(): string {
  const byFlags = new Map<string, string[]>();
  for (const [name, flags] of Object.entries(PRODUCT_NODE_FLAGS)) {
    const key = flags.join(' ');
    byFlags.set(key, [...(byFlags.get(key) ?? []), name]);
  }
  const flags = [...byFlags].map(([key, names]) => `${names.join(', ')} \`${key}\``);
  const env = Object.entries(PRODUCT_ENV).map(([name, value]) => `${name}=${value}`);
  return `${flags.join('; ')}; all with \`${env.join(' ')}\``;
}

function profileSection(profile: ProfileResult): string {
  const parts = profile.processes.map(({ process, summary, detail }) => {
    if (!summary) return `### ${process}\n\n${detail}`;
    return `### ${process}\n\n${detail} ${f0(summary.busyMs)} ms sampled busy time.\n\n${table(
      ['#', 'function', 'where', 'self ms', 'self %'],
      summary.top.map((f, i) => [String(i + 1), `\`${f.name}\``, `\`${f.where}\``, f0(f.selfMs), f1(f.selfPercent)]),
    )}`;
  });
  return `## CPU profile (--profile)

A second stack, started with \`NODE_OPTIONS="--cpu-prof --cpu-prof-dir=…"\` (the launcher hands its environment to
every child), under ${profile.requests} MijnOverzicht requests in ${f0(profile.seconds)} s with instant upstreams, through
our gateway. Self time is time a function was on top of the stack; \`(program)\` is native work V8 does not attribute
to a function, \`(garbage collector)\` is GC. Only the samples taken while the measured load ran are counted (start-up
and warm-up left out), unless a process's line says otherwise. A sample stands for the wall time since the previous
one, so on a shared, busy core the milliseconds include time spent waiting for the CPU: compare the percentages.

${parts.join('\n\n')}`;
}

/** docs/bench.md */
export function renderMarkdown(report: BenchReport): string {
  const { options } = report;
  const modes = [...new Set(report.summaries.map((s) => s.mode))];
  const unavailable = report.availability.filter((a) => !a.available);
  const loadAverage = (values: readonly number[]) => values.map((v) => v.toFixed(2)).join(' / ');
  return `# Benchmark: MijnOverzicht through our gateway, stock Apollo Gateway and Hive Gateway

${options.quick ? '**A quick smoke run (`--quick`): too short to draw conclusions from.** Run `npm run bench` for the real figures.\n\n' : ''}Written by \`npm run bench\` (scripts/bench.ts) on ${report.date.slice(0, 16).replace('T', ' ')} UTC, ${report.machine}.
Load average (1 / 5 / 15 min) ${loadAverage(report.loadAverage.start)} at the start, ${loadAverage(report.loadAverage.end)} at the end:
other work on the machine shows in "cores busy" and in every figure.

Before the first run, ${options.stackWarmupSeconds} s of unmeasured load through each gateway in turn, so no gateway pays for the shared
subgraphs' JIT compilation and cold caches. Per mode, ${options.rounds} round${options.rounds === 1 ? '' : 's'} of ${report.availability
    .filter((a) => a.available)
    .map((a) => GATEWAYS[a.gateway])
    .join(', ')} in turn; each run ${options.warmupSeconds} s of unmeasured warm-up, then ${options.seconds} s measured,
${options.connections} requests in flight (autocannon), each request with the next of ${report.residents.length} residents' own access tokens.
${report.pinning}

## Summary

${modes
  .map(
    (mode) =>
      `### ${mode === 'instant' ? 'Instant upstreams' : 'Realistic upstream latencies (BRP 80 ms, zaken 120 ms, MijnOverheid 150 ms)'}\n\n${summaryTable(report.summaries, mode, report.rssEndMb)}`,
  )
  .join('\n\n')}

Requests per second, CPU and upstream calls are totals over all rounds divided by the totals of time or answers;
p50/p95/p99 are over every answer of every round. "Gateway CPU" is user + system time of the measured gateway's
process (\`/proc/PID/stat\`) per answered request; "core busy" is from \`/proc/stat\`, whoever used the core.

## Ours as a ratio to the peers

${ratioTable(report)}

Below 1× is less CPU, lower latency or less memory than the peer; above 1× is more throughput.

## Targets of issue 14

${table(
  ['target', 'this run', 'met'],
  report.targets.map((t) => [t.target, t.result, t.met === null ? 'not judged' : t.met ? 'yes' : '**no**']),
)}

Memory "flat over a 10-minute run" is the soak's to judge (\`npm run soak\`, docs/soak.md); this run is shorter.

## CPU per request, every process (ms)

${cpuTable(report.summaries)}

"the gateway" is the measured gateway; the subgraphs, simulators, IdP and launcher serve every gateway alike. The load
generator is this benchmark's own process (autocannon), on the same core as the subgraphs.

## Where the tail grows: event-loop delay and GC pauses

Per product process: how long work that was ready to run waited for its event loop, p99 / largest in ms, and the
share of the run's time the process was paused for garbage collection (from each process's \`/metrics\`:
prom-client's event-loop delay, read right before and right after each run, beyond its 10 ms sampling interval; and
\`nodejs_gc_duration_seconds\`). Every request that is in flight in a process when its loop is held up is answered
that much later, whatever held it up: its own work, a collection, or the other processes on its core.
The peers and the simulators serve no such metrics ("–").

${loopTable(report.summaries)}

## What the shared core allows

With ${options.connections} requests always in flight, the load is whatever the stack can take: the next request goes
out the moment an answer comes in. Each answer costs the core that the subgraphs, simulators and load generator share
(the one the gateway is not pinned to) the CPU in the third column, so that core can give at most 1 000 ms divided by it
answers a second, and by Little's law (in flight = answers per second × time per answer) no answer can then take less on
average than ${options.connections} × that CPU. The slowest upstream's latency is a floor of its own; the higher of the two holds.
A latency target below the floor needs less CPU per answer on the shared core, whichever process spends it; one near the
floor leaves the core no room, and the tail grows with the queue (see "Where the tail grows").

${sharedCoreTable(report.summaries, options.connections)}
${lowerLoadSection(report)}
## Calls per MijnOverzicht

Subgraph calls (\`/graphql\` requests each subgraph served, from its \`/metrics\`) and upstream calls per API (the
simulators' request journals), per request sent: requests still in flight when a run stops are served all the same, and
the calls are counted once the slowest of them had time to finish.

${upstreamTable(report.summaries)}

## Memory at the end (RSS, MB)

${table(
  ['process', 'RSS MB'],
  Object.entries(report.rssEndMb).map(([name, mb]) => [name, f0(mb)]),
)}

The simulators keep a journal of every request (emptied after each run), so their RSS follows the load.

## Same answer

Before the load, each gateway answered MijnOverzicht for the first three residents, one request at a time; the
answers are compared with ours without \`opgehaaldOp\` (a time stamp). Under load, every answer must carry the
\`me.id\` of the resident whose token asked for it (else it counts as an error, "antwoord voor een ander").

${table(
  ['gateway', 'same data as ours', 'detail'],
  report.answers.map((a) => [GATEWAYS[a.gateway], a.same ? 'yes' : '**no**', a.detail]),
)}
${unavailable.length > 0 ? `\n## Not measured\n\n${unavailable.map((a) => `- ${GATEWAYS[a.gateway]}: ${a.detail}`).join('\n')}\n` : ''}
Rust query planner on its own: ${report.rustPlanner}

## Every run

${runTable(report.measurements)}
${report.profile ? `\n${profileSection(report.profile)}\n` : ''}
## How it was measured

- The stack runs as \`npm start\` runs it (\`node dist/scripts/start.js\`: simulators, DigiD-simulator, four subgraphs
  and the gateway, each its own process) on free loopback ports with a throw-away data folder, rate limits lifted.
- Stock Apollo: \`@apollo/gateway\` in \`@apollo/server\`'s \`startStandaloneServer\`, default settings. Hive Gateway:
  \`createGatewayRuntime\` of \`@graphql-hive/gateway-runtime\` on node:http, default settings. Both read the committed
  \`schema/supergraph.graphql\` with the subgraph URLs pointed at this stack's ports, and do the same token work as ours:
  the resident's access token verified with jose (\`createRemoteJWKSet\` on the IdP's JWKS, same issuer, audience and
  \`typ\`), the identity normalised by \`lib/identity\`, and a fresh internal token per subgraph call from
  \`lib/internal-token.ts\` with the launcher's key (scripts/bench/peers/). They have none of our breaker, deadlines,
  section fallback, limits, metrics or logging.
- Every gateway gets the same request body: the text of \`schema/operations/MijnOverzicht.graphql\`.
- An error is an answer that is not 200, carries GraphQL errors, has no \`me\`, has the \`me.id\` of another resident
  than the one whose token asked, or has a section whose \`bron.status\` is not OK.
- No process runs with \`--enable-source-maps\` (its source-map cache cost memory and start-up time, and no stack
  trace reaches a log or a client). Our gateway and subgraphs run with the launcher's V8 heap limits and malloc
  settings, as production should (\`scripts/product-runtime.ts\`, Dockerfile, docker-compose.yml): ${productRuntime()};
  the peers run with Node's defaults, as shipped. Heap
  snapshots after load show what that sizing rests on: about 70 MB alive in our gateway (mostly module code and the
  supergraph) and 40 MB in the zaken subgraph.
- With 40 residents on 50 connections a resident often has two requests in flight at once. Hive Gateway (by
  default) and our gateway then send the subgraph one call for both; stock Apollo Gateway sends two. The subgraph
  calls per request in "Calls per MijnOverzicht" show how much this saved in each run. In a gemeente's morning
  peak, with thousands of residents each loading a page, such pairs are rarer (a page loaded twice, two tabs, a
  retry), so there the gain is smaller than here.
- Realistic mode: \`PUT /_simulator/faults {"latencyMs": …}\` on each simulator; every call to it waits that long.
${report.notes.length > 0 ? `\n## Notes\n\n${report.notes.map((n) => `- ${n}`).join('\n')}\n` : ''}${
    report.skipped.length > 0
      ? `\nResidents skipped (login refused, or not every section OK): ${report.skipped.join(', ')}.\n`
      : ''
  }`;
}

/**
 * docs/bench.json: the same figures, without the raw latencies, laid out as the repository's
 * Prettier does (\`npm run lint\` checks every JSON file), so a fresh report passes the lint.
 */
export async function renderJson(report: BenchReport, file: string): Promise<string> {
  const text = JSON.stringify({
    ...report,
    measurements: report.measurements.map(({ latenciesMs: _latencies, ...rest }) => rest),
  });
  const prettier = await import('prettier');
  const config = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(text, { ...config, filepath: file });
}
