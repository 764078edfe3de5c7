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
  /** RSS at the end of the warm-up and at the end of the run (MiB). */
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
 * Compares the RSS at the first sample at or after the warm-up with the last sample. Flat when it
 * grew by less than FLAT_PERCENT or less than FLAT_MB. A process without both samples is not flat:
 * it was gone at one of the two moments.
 */
export function memoryTrend(
  process: string,
  samples: readonly { readonly atMs: number; readonly mb: number | null }[],
  warmupMs: number,
): MemoryTrend {
  const warmIndex = samples.findIndex((s) => s.atMs >= warmupMs);
  const warm = warmIndex === -1 ? undefined : samples[warmIndex];
  const end = samples.at(-1);
  const warmMb = warm?.mb ?? null;
  const endMb = end?.mb ?? null;
  const after = warmIndex === -1 ? [] : samples.slice(warmIndex).filter((s) => s.mb !== null);
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
