/** Nearest-rank percentile of sorted values; NaN when there are none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

export interface Latencies {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

export function latencies(values: readonly number[]): Latencies {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

/**
 * What happened between two samples. The latencies of one window are kept and dropped with it,
 * so the soak's own memory does not grow with the number of requests.
 */
export class Window {
  requests = 0;
  errors = 0;
  readonly latenciesMs: number[] = [];
  /** Problem → how often, e.g. "HTTP 502" or "zaken: NIET_BESCHIKBAAR". */
  readonly problems = new Map<string, number>();

  record(latencyMs: number, problem: string | undefined): void {
    this.requests += 1;
    this.latenciesMs.push(latencyMs);
    if (problem !== undefined) {
      this.errors += 1;
      this.problems.set(problem, (this.problems.get(problem) ?? 0) + 1);
    }
  }
}

/** Counts by key, merged over windows, for the report's list of problems. */
export function mergeCounts(into: Map<string, number>, from: ReadonlyMap<string, number>): void {
  for (const [key, count] of from) into.set(key, (into.get(key) ?? 0) + count);
}

/** How a process's memory moved after warm-up. */
export interface MemoryTrend {
  readonly process: string;
  /** Highest RSS in the first and in the last window after warm-up (MiB); see {@link memoryTrend}. */
  readonly warmMb: number | null;
  readonly endMb: number | null;
  readonly growthMb: number | null;
  readonly growthPercent: number | null;
  /** Least-squares slope over the samples after warm-up (MiB per minute); informational. */
  readonly slopeMbPerMinute: number | null;
  readonly flat: boolean;
}

/** Growth under this share of the warm RSS counts as flat … */
export const FLAT_PERCENT = 10;
/** … and so does growth under this many MiB (small processes wobble by a few MiB with GC). */
export const FLAT_MB = 15;

/**
 * Compares the highest RSS in the first quarter of the samples after warm-up with the highest in
 * the last quarter. Single readings jump by tens of MiB when the garbage collector gives memory
 * back, so one low reading right after warm-up would look like growth; a leak raises the peaks.
 * Flat when the peak grew by less than FLAT_PERCENT or less than FLAT_MB. A process without
 * readings in both windows is not flat: it was gone at one of the two moments.
 */
export function memoryTrend(
  process: string,
  samples: readonly { readonly atMs: number; readonly mb: number | null }[],
  warmupMs: number,
): MemoryTrend {
  const warmIndex = samples.findIndex((s) => s.atMs >= warmupMs);
  const afterAll = warmIndex === -1 ? [] : samples.slice(warmIndex);
  const window = Math.max(1, Math.floor(afterAll.length / 4));
  const peak = (part: readonly { readonly mb: number | null }[]): number | null =>
    part.some((s) => s.mb === null) || part.length === 0 ? null : Math.max(...part.map((s) => s.mb ?? 0));
  const warmMb = peak(afterAll.slice(0, window));
  const endMb = peak(afterAll.slice(-window));
  const after = afterAll.filter((s) => s.mb !== null);
  const slope = slopePerMinute(after.map((s) => ({ x: s.atMs, y: s.mb ?? 0 })));
  if (warmMb === null || endMb === null) {
    return {
      process,
      warmMb,
      endMb,
      growthMb: null,
      growthPercent: null,
      slopeMbPerMinute: slope,
      flat: false,
    };
  }
  const growthMb = endMb - warmMb;
  const growthPercent = (growthMb / warmMb) * 100;
  return {
    process,
    warmMb,
    endMb,
    growthMb,
    growthPercent,
    slopeMbPerMinute: slope,
    flat: growthPercent < FLAT_PERCENT || growthMb < FLAT_MB,
  };
}

function slopePerMinute(points: readonly { x: number; y: number }[]): number | null {
  if (points.length < 3) return null;
  const n = points.length;
  const mx = points.reduce((sum, p) => sum + p.x, 0) / n;
  const my = points.reduce((sum, p) => sum + p.y, 0) / n;
  const sxx = points.reduce((sum, p) => sum + (p.x - mx) ** 2, 0);
  if (sxx === 0) return null;
  const sxy = points.reduce((sum, p) => sum + (p.x - mx) * (p.y - my), 0);
  return (sxy / sxx) * 60_000;
}
