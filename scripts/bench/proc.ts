import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * CPU time and core pinning of processes, read from /proc and set with `taskset` (Linux only;
 * elsewhere every reading is null and nothing is pinned, and the report says so).
 */

/** Clock ticks per second of the `utime`/`stime` fields; 100 on every Linux this runs on. */
export const CLOCK_TICKS = (() => {
  try {
    const value = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isInteger(value) && value > 0 ? value : 100;
  } catch {
    return 100;
  }
})();

/**
 * User plus system CPU time a process has used so far, in ms, all its threads together; null
 * when it is gone. Fields 14 and 15 of /proc/PID/stat, counted after the command in brackets
 * (which may itself hold spaces).
 */
export function cpuMs(pid: number): number | null {
  const times = cpuTimesMs(pid);
  return times === null ? null : times.userMs + times.systemMs;
}

/**
 * {@link cpuMs} in its two parts: time in the process's own code (V8's helper threads included)
 * and time the kernel spent for it (system calls, the loopback network a write sets off).
 */
export function cpuTimesMs(pid: number): { userMs: number; systemMs: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state), so utime (14) and stime (15) are at 11 and 12.
    const user = Number(fields[11]);
    const system = Number(fields[12]);
    if (!Number.isFinite(user) || !Number.isFinite(system)) return null;
    return { userMs: (user * 1_000) / CLOCK_TICKS, systemMs: (system * 1_000) / CLOCK_TICKS };
  } catch {
    return null;
  }
}

/** Busy and total time of each core so far (ticks), from /proc/stat; empty when unreadable. */
export function coreTimes(): Map<number, { busy: number; total: number }> {
  const cores = new Map<number, { busy: number; total: number }>();
  let text: string;
  try {
    text = readFileSync('/proc/stat', 'utf8');
  } catch {
    return cores;
  }
  for (const line of text.split('\n')) {
    const match = /^cpu(\d+) (.*)$/.exec(line);
    if (!match) continue;
    const values = (match[2] ?? '').trim().split(/\s+/).map(Number);
    const total = values.slice(0, 8).reduce((sum, v) => sum + (Number.isFinite(v) ? v : 0), 0);
    // idle and iowait are the 4th and 5th values: the rest is work, whoever did it.
    const idle = (values[3] ?? 0) + (values[4] ?? 0);
    cores.set(Number(match[1]), { busy: total - idle, total });
  }
  return cores;
}

/** Share of each core that was busy between two readings of {@link coreTimes}, 0..1. */
export function coreBusy(
  before: ReadonlyMap<number, { busy: number; total: number }>,
  after: ReadonlyMap<number, { busy: number; total: number }>,
): Record<number, number> {
  const busy: Record<number, number> = {};
  for (const [core, end] of after) {
    const start = before.get(core);
    if (!start || end.total <= start.total) continue;
    busy[core] = (end.busy - start.busy) / (end.total - start.total);
  }
  return busy;
}

/** Whether `taskset` can be used here (util-linux); checked once. */
export const CAN_PIN = (() => {
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/**
 * Binds every thread of a process (`-a`: V8's and libuv's helper threads too, not only the
 * main thread) to the given cores. False when that did not work (gone, or no taskset).
 */
export function pin(pid: number, cores: readonly number[]): boolean {
  if (!CAN_PIN || cores.length === 0) return false;
  try {
    execFileSync('taskset', ['-a', '-p', '-c', cores.join(','), String(pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
