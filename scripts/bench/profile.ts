import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One function's share of a CPU profile. */
export interface HotFunction {
  readonly name: string;
  /** Where: a project file (`dist/lib/…:line`) or `package/file:line`, or V8's own `(garbage collector)`. */
  readonly where: string;
  readonly selfMs: number;
  /** Share of the profile's busy time (idle left out), %. */
  readonly selfPercent: number;
}

export interface ProfileSummary {
  readonly file: string;
  /** Sampled time the process was not idle, ms. */
  readonly busyMs: number;
  /** Whether only the samples within the given window were counted (else the whole profile). */
  readonly windowed: boolean;
  readonly top: readonly HotFunction[];
}

/**
 * A stretch of time on the monotonic clock, in µs: what `process.hrtime` reads and what V8 stamps
 * its samples with (both CLOCK_MONOTONIC on Linux), so the load's start and end can select the
 * samples of the load and leave start-up out.
 */
export interface SampleWindow {
  readonly fromUs: number;
  readonly toUs: number;
}

/** Now on the clock of {@link SampleWindow}. */
export function monotonicUs(): number {
  return Number(process.hrtime.bigint() / 1_000n);
}

interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: {
      readonly functionName: string;
      readonly url: string;
      readonly lineNumber: number;
    };
  }[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/**
 * The profile `--cpu-prof` wrote for `pid` in `dir`: V8 names it
 * `CPU.<date>.<time>.<pid>.<thread>.<sequence>.cpuprofile`.
 */
export function profileFileOf(dir: string, pid: number): string | undefined {
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    return undefined;
  }
  const mine = files.filter((name) => name.endsWith('.cpuprofile') && name.split('.')[3] === String(pid));
  return mine.length > 0 ? join(dir, mine.sort().at(-1) ?? '') : undefined;
}

/** Shortens a frame's URL: the project's own files relative to the root, packages by name. */
function whereOf(url: string, line: number, root: string): string {
  if (url === '') return '';
  const path = url.startsWith('file://') ? new URL(url).pathname : url;
  const packageAt = path.lastIndexOf('/node_modules/');
  const short =
    packageAt >= 0
      ? path.slice(packageAt + '/node_modules/'.length)
      : path.startsWith(root)
        ? relative(root, path)
        : path;
  // V8 counts lines from 0.
  return `${short}:${line + 1}`;
}

/**
 * The functions with the most self time (time on top of the stack), summed over every place
 * V8 saw the same function, the `(idle)` node left out. `(program)` is native work V8 does not
 * attribute, `(garbage collector)` is GC. With a window that lies within the profile, only the
 * samples taken in it count; otherwise (clocks that do not agree) the whole profile does.
 */
export function summariseProfile(file: string, root: string, window?: SampleWindow, limit = 20): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const windowed =
    window !== undefined && window.fromUs >= profile.startTime && window.toUs <= profile.endTime + 1_000_000;
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, index) => {
    // timeDeltas[i] is the time between sample i-1 and i: it belongs to sample i's node.
    const delta = profile.timeDeltas[index] ?? 0;
    at += delta;
    if (windowed && (at < window.fromUs || at > window.toUs)) return;
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  });
  const byFunction = new Map<string, { name: string; where: string; us: number }>();
  let busyUs = 0;
  for (const [id, us] of selfUs) {
    const frame = byNode.get(id)?.callFrame;
    if (!frame || frame.functionName === '(idle)') continue;
    busyUs += us;
    const name = frame.functionName || '(anonymous)';
    const where = whereOf(frame.url, frame.lineNumber, root);
    const key = `${name}\u0000${where}`;
    const entry = byFunction.get(key) ?? { name, where, us: 0 };
    entry.us += us;
    byFunction.set(key, entry);
  }
  const top = [...byFunction.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, limit)
    .map((f) => ({
      name: f.name,
      where: f.where,
      selfMs: f.us / 1_000,
      selfPercent: busyUs === 0 ? 0 : (f.us / busyUs) * 100,
    }));
  return { file, busyMs: busyUs / 1_000, windowed, top };
}
