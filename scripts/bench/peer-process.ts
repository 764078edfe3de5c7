import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { sleep } from '../soak/stack.js';

/** A peer gateway (scripts/bench/peers/*.ts) the benchmark started, listening on a free port. */
export interface RunningPeer {
  readonly pid: number;
  readonly graphqlUrl: string;
  stop(): Promise<void>;
  /** SIGKILL, for a benchmark that dies. */
  killNow(): void;
}

export interface PeerStart {
  readonly root: string;
  /** The compiled entry under dist/, e.g. `scripts/bench/peers/apollo.js`. */
  readonly script: string;
  /** Variables on top of this process's environment. */
  readonly env: Readonly<Record<string, string>>;
  readonly logFile: string;
  /** Path of `/graphql` on the peer (Apollo standalone answers on `/`). */
  readonly path: string;
  readonly signal: AbortSignal;
}

const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 5_000;

/**
 * Starts a peer and waits for its ready line (`{"ready":true,"port":…}` on stdout), or its
 * unavailable line (`{"unavailable":"…"}`, exit 3): then the reason is returned instead.
 */
export async function startPeer(options: PeerStart): Promise<RunningPeer | { unavailable: string }> {
  const child = spawn(process.execPath, [join(options.root, 'dist', options.script)], {
    cwd: options.root,
    // The same mode the launcher gives our gateway in the benchmark (scripts/soak/stack.ts).
    env: { ...process.env, NODE_ENV: 'development', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(options.logFile, { flags: 'a' });
  child.stderr?.pipe(log, { end: false });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => log.end());
  const lines = createInterface({ input: child.stdout ?? process.stdin });

  const answer = await new Promise<{ port: number } | { unavailable: string } | { failed: string }>((resolve) => {
    const done = (value: { port: number } | { unavailable: string } | { failed: string }) => {
      clearTimeout(timer);
      options.signal.removeEventListener('abort', abort);
      resolve(value);
    };
    const timer = setTimeout(
      () => done({ failed: `not ready within ${READY_TIMEOUT_MS / 1_000} s` }),
      READY_TIMEOUT_MS,
    );
    const abort = () => done({ failed: 'aborted' });
    options.signal.addEventListener('abort', abort, { once: true });
    lines.on('line', (line) => {
      log.write(`${line}\n`);
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        return; // an ordinary log line
      }
      const fields = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
      if (fields['ready'] === true && typeof fields['port'] === 'number') done({ port: fields['port'] });
      else if (typeof fields['unavailable'] === 'string') done({ unavailable: fields['unavailable'] });
    });
    void exited.then(() => done({ failed: `stopped (code ${child.exitCode}, signal ${child.signalCode})` }));
  });

  const running = () => child.exitCode === null && child.signalCode === null;
  const stop = async () => {
    if (!running()) return;
    child.kill('SIGTERM');
    const stopped = await Promise.race([exited.then(() => true), sleep(STOP_TIMEOUT_MS).then(() => false)]);
    if (!stopped) child.kill('SIGKILL');
  };
  if ('unavailable' in answer) {
    await stop();
    return answer;
  }
  if ('failed' in answer) {
    await stop();
    throw new Error(`${options.script}: ${answer.failed}; see ${options.logFile}`);
  }
  return {
    pid: child.pid ?? 0,
    graphqlUrl: `http://127.0.0.1:${answer.port}${options.path}`,
    stop,
    killNow: () => {
      if (running()) child.kill('SIGKILL');
    },
  };
}
