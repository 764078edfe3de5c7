import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { readRunningStack } from '../stack-file.js';

export { PORT_VARIABLES, type PortVariable } from '../ports.js';
import { PORT_VARIABLES, type PortVariable } from '../ports.js';
export type Ports = Readonly<Record<PortVariable, number>>;

/** The launcher's children by the script each runs (names as in its stack.json), in start order. */
const SCRIPTS = {
  simulators: 'simulators/index.js',
  idp: 'simulators/idp/index.js',
  brp: 'subgraphs/brp/index.js',
  zaken: 'subgraphs/zaken/index.js',
  berichten: 'subgraphs/berichten/index.js',
  voorkeuren: 'subgraphs/voorkeuren/index.js',
  gateway: 'gateway/index.js',
  portal: 'portal/bff/index.js',
} as const;
export type ChildName = keyof typeof SCRIPTS;
export const CHILD_NAMES = Object.keys(SCRIPTS) as ChildName[];

/** How long the whole stack may take to say it is ready (a busy 2-core machine is slow). */
const READY_TIMEOUT_MS = 120_000;
/** The launcher gives its children 5 s after SIGTERM and then kills them; a little more for it. */
const STOP_TIMEOUT_MS = 10_000;

export interface StackStart {
  readonly root: string;
  readonly dataDir: string;
  /** Everything the launcher (and through it each child) prints goes here. */
  readonly logFile: string;
  /** Variables for the launcher on top of the ports and the data folder; those already set win. */
  readonly defaults: Readonly<Record<string, string>>;
  readonly signal: AbortSignal;
}

/** Where each process runs now, and where that was read from. */
export interface ProcessTable {
  readonly pids: Readonly<Record<ChildName, number | null>>;
  readonly source: 'stack.json' | '/proc';
}

/** `node dist/scripts/start.js` running on free ports, in a data folder of its own. */
export class LaunchedStack {
  readonly #child: ChildProcess;
  readonly #lines: string[] = [];
  /** Every child pid ever seen: all of them are killed if the launcher does not stop by itself. */
  readonly #seen = new Set<number>();
  readonly #exit: Promise<void>;

  private constructor(
    child: ChildProcess,
    readonly ports: Ports,
    readonly dataDir: string,
    private readonly root: string,
    logFile: string,
  ) {
    this.#child = child;
    const log = createWriteStream(logFile, { flags: 'a' });
    const keep = (chunk: Buffer) => {
      log.write(chunk);
      // The last lines, for an error message; the full text is in the log file.
      this.#lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      this.#lines.splice(0, Math.max(0, this.#lines.length - 40));
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.#exit = new Promise((resolve) => child.once('exit', () => resolve()));
    void this.#exit.then(() => log.end());
  }

  /** Starts the launcher and waits until the gateway's `/ready` answers 200. */
  static async start(options: StackStart): Promise<LaunchedStack> {
    const ports = await freePorts();
    const portEnv = Object.fromEntries(PORT_VARIABLES.map((name) => [name, String(ports[name])]));
    const env: NodeJS.ProcessEnv = {
      ...options.defaults,
      ...process.env,
      // Ours, whatever the shell says: a second stack must not collide with a running `npm start`.
      ...portEnv,
      PROFIELSERVICE_DATA_DIR: options.dataDir,
      // The simulators refuse production; a shell that says so must not end the soak.
      NODE_ENV: 'development',
      OIDC_ISSUER: `http://127.0.0.1:${ports.IDP_PORT}`,
      // Every simulated resident comes from this one address, many times a second: the run
      // measures the stack under load, not its rate limits.
      RATE_LIMIT_ADDRESS: '1000000/60',
      RATE_LIMIT_RESIDENT: '1000000/60',
    };
    const child = spawn(process.execPath, [join(options.root, 'dist/scripts/start.js')], {
      cwd: options.root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stack = new LaunchedStack(child, ports, options.dataDir, options.root, options.logFile);
    try {
      await stack.#waitUntilReady(options.signal);
      await stack.#waitForStackFile(options.signal);
    } catch (error) {
      await stack.stop();
      throw error;
    }
    return stack;
  }

  get launcherPid(): number {
    return this.#child.pid ?? 0;
  }

  get running(): boolean {
    return this.#child.exitCode === null && this.#child.signalCode === null;
  }

  url(port: PortVariable, path = ''): string {
    return `http://127.0.0.1:${this.ports[port]}${path}`;
  }

  /** The last lines the launcher and its children printed. */
  tail(): string {
    return this.#lines.join('\n');
  }

  /**
   * The pid of each child: from stack.json, which the launcher rewrites when it restarts one; when
   * that file is missing or unreadable, from /proc, by parent pid and command line.
   */
  processes(): ProcessTable {
    const file = readRunningStack(this.dataDir);
    const fromFile = file?.launcherPid === this.launcherPid ? file.processes : undefined;
    let table: ProcessTable;
    if (fromFile && CHILD_NAMES.every((name) => fromFile[name] !== undefined)) {
      table = {
        source: 'stack.json',
        pids: Object.fromEntries(CHILD_NAMES.map((name) => [name, fromFile[name]?.pid ?? null])) as Record<
          ChildName,
          number | null
        >,
      };
    } else {
      table = { source: '/proc', pids: childrenFromProc(this.launcherPid, this.root) };
    }
    for (const pid of Object.values(table.pids)) if (pid !== null) this.#seen.add(pid);
    return table;
  }

  /** SIGTERM to the launcher (it stops its children); SIGKILL to it and every child after a timeout. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.processes(); // remember the current children, should they need killing
    this.#child.kill('SIGTERM');
    const stopped = await Promise.race([this.#exit.then(() => true), sleep(STOP_TIMEOUT_MS).then(() => false)]);
    if (!stopped) this.killNow();
    await Promise.race([this.#exit, sleep(2_000)]);
    // A child the launcher lost track of must not outlive the soak either.
    for (const pid of this.#seen) killIfOurs(pid, this.launcherPid, this.root);
  }

  /** SIGKILL to the launcher and to every child seen: for a second Ctrl+C or a soak that dies. */
  killNow(): void {
    for (const pid of this.#seen) killIfOurs(pid, this.launcherPid, this.root);
    if (this.running) this.#child.kill('SIGKILL');
  }

  async #waitUntilReady(signal: AbortSignal): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    const ready = this.url('GATEWAY_PORT', '/ready');
    while (Date.now() < deadline) {
      signal.throwIfAborted();
      if (!this.running) {
        throw new Error(`De launcher stopte (code ${this.#child.exitCode}) voor de stack klaar was:\n${this.tail()}`);
      }
      try {
        const response = await fetch(ready, { signal: AbortSignal.timeout(2_000) });
        await response.body?.cancel();
        if (response.status === 200) return;
      } catch {
        // not listening yet
      }
      await sleep(250);
    }
    throw new Error(`De gateway was na ${READY_TIMEOUT_MS / 1_000} s niet klaar (${ready}):\n${this.tail()}`);
  }

  /** The launcher writes stack.json just after the gateway answers; a few seconds at most. */
  async #waitForStackFile(signal: AbortSignal): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && this.processes().source !== 'stack.json') {
      signal.throwIfAborted();
      await sleep(200);
    }
    // Without it the /proc fallback names the processes; say so in the report rather than fail.
  }
}

/** Free ports on 127.0.0.1: the kernel hands out one for port 0 (all held at once, so distinct). */
async function freePorts(): Promise<Ports> {
  const servers = await Promise.all(
    PORT_VARIABLES.map(
      () =>
        new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
          const server = createServer();
          server.once('error', reject);
          server.listen({ port: 0, host: '127.0.0.1' }, () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => {
    const address = server.address();
    return typeof address === 'object' && address !== null ? address.port : 0;
  });
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return Object.fromEntries(PORT_VARIABLES.map((name, i) => [name, ports[i] ?? 0])) as Record<PortVariable, number>;
}

/** The launcher's children, found in /proc by their parent pid and the script on their command line. */
export function childrenFromProc(launcherPid: number, root: string): Record<ChildName, number | null> {
  const pids = Object.fromEntries(CHILD_NAMES.map((name) => [name, null])) as Record<ChildName, number | null>;
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return pids; // no procfs (not Linux): nothing to find
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (parentOf(pid) !== launcherPid) continue;
    const name = scriptOf(pid, root);
    if (name !== undefined) pids[name] = pid;
  }
  return pids;
}

/** The parent pid from /proc/<pid>/stat (the field after the state, behind the command in brackets). */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[1]);
  } catch {
    return undefined; // gone meanwhile
  }
}

/** Which of our scripts the process runs: compiled in this checkout's dist/, not some other copy's. */
function scriptOf(pid: number, root: string): ChildName | undefined {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return CHILD_NAMES.find((name) => args.includes(join(root, 'dist', SCRIPTS[name])));
  } catch {
    return undefined;
  }
}

/**
 * SIGKILL, but only to a process that still runs one of our scripts under our launcher (or,
 * after the launcher died, under init): a pid freed and reused by something else is left alone.
 */
function killIfOurs(pid: number, launcherPid: number, root: string): void {
  const parent = parentOf(pid);
  if (parent === undefined || (parent !== launcherPid && parent !== 1) || scriptOf(pid, root) === undefined) return;
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Where each process with a Prometheus `/metrics` listens (the simulators and the IdP have none). */
export const METRICS_PORTS: Partial<Record<ChildName, PortVariable>> = {
  brp: 'SUBGRAPH_BRP_PORT',
  zaken: 'SUBGRAPH_ZAKEN_PORT',
  berichten: 'SUBGRAPH_BERICHTEN_PORT',
  voorkeuren: 'SUBGRAPH_VOORKEUREN_PORT',
  gateway: 'GATEWAY_PORT',
};

/**
 * The V8 heap in use (MiB) from a process's `/metrics`, or null when it does not answer. RSS alone
 * cannot tell a leak from a heap V8 is still sizing, or from memory it has freed but kept.
 */
export async function heapUsedMb(metricsUrl: string): Promise<number | null> {
  try {
    const response = await fetch(metricsUrl, { signal: AbortSignal.timeout(5_000) });
    const text = await response.text();
    const bytes = /^\w*nodejs_heap_size_used_bytes(?:\{[^}]*\})? (\S+)$/m.exec(text)?.[1];
    return bytes === undefined ? null : Number(bytes) / 2 ** 20;
  } catch {
    return null;
  }
}

/** VmRSS of a process in MiB, or null when it is gone. */
export function rssMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1];
    return kb === undefined ? null : Number(kb) / 1024;
  } catch {
    return null;
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve();
      return;
    }
    const timer = setTimeout(done, Math.max(0, ms));
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
