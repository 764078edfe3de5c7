import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESTART_POLICY, RestartTracker } from '../../scripts/restart-policy.js';
import { isAlive, type StackFile } from '../../scripts/stack-file.js';
import { MijnOverzichtDocument } from '../../schema/generated/graphql.js';
import { meOf, postGraphQL } from '../helpers/stack.js';

const PORT_VARIABLES = {
  GATEWAY_PORT: 0,
  SUBGRAPH_BRP_PORT: 1,
  SUBGRAPH_ZAKEN_PORT: 2,
  SUBGRAPH_BERICHTEN_PORT: 3,
  SUBGRAPH_VOORKEUREN_PORT: 4,
  IDP_PORT: 10,
  SIM_BRP_PORT: 11,
  SIM_ZGW_A_PORT: 12,
  SIM_ZGW_B_PORT: 13,
  SIM_MIJNOVERHEID_PORT: 14,
  SIM_NOTIFYNL_PORT: 15,
  PORTAL_PORT: 16,
} as const;
type Ports = Record<keyof typeof PORT_VARIABLES, number>;

/** The environment of a terminal without any of the stack's own variables, as a newcomer has it. */
function plainEnvironment(): NodeJS.ProcessEnv {
  const environment = { ...process.env };
  for (const name of [...Object.keys(PORT_VARIABLES), 'OIDC_ISSUER', 'PROFIELSERVICE_DATA_DIR']) {
    delete environment[name];
  }
  return environment;
}

function launcherEnvironment(ports: Ports, dataDir: string): NodeJS.ProcessEnv {
  return {
    ...plainEnvironment(),
    ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
    PROFIELSERVICE_DATA_DIR: dataDir,
    NODE_ENV: 'development',
  };
}

/** The compiled launcher, as `npm start` runs it after building, with everything it prints collected. */
function launch(environment: NodeJS.ProcessEnv): { process: ChildProcessWithoutNullStreams; output: () => string } {
  let output = '';
  const child = spawn(process.execPath, ['dist/scripts/start.js'], { env: environment, stdio: 'pipe' });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { process: child, output: () => output };
}

function exitOf(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((r) => child.once('exit', r));
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
}

/** Runs `npm run token` (the compiled script) and returns its token and its hint. */
function token(args: string[], environment: NodeJS.ProcessEnv) {
  const result = spawnSync(process.execPath, ['dist/scripts/token.js', ...args], {
    env: environment,
    encoding: 'utf8',
  });
  return { status: result.status, token: result.stdout.trim().split('\n').at(-1) ?? '', hint: result.stderr };
}

/** Ports nobody listens on right now (the kernel hands out a free one for port 0). */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(Array.from({ length: count }, () => listenOn(0)));
  const ports = servers.map((server) => (server.address() as { port: number }).port);
  await Promise.all(servers.map((server) => new Promise((r) => server.close(r))));
  return ports;
}

function listenOn(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/** Whether something could listen on each of `ports` on 127.0.0.1 right now. */
async function allFree(ports: readonly number[]): Promise<boolean> {
  const servers = await Promise.all(ports.map((port) => listenOn(port).catch(() => null)));
  await Promise.all(servers.map((server) => server && new Promise((r) => server.close(r))));
  return servers.every((server) => server !== null);
}

/**
 * A block of ports for the launcher that nobody listens on. Below Linux's range for outgoing
 * connections (32768-60999 by default): a port there can be held for a moment by any test's
 * client socket, and then the launcher rightly refuses it (it did once, in CI). The machine's own
 * services may listen below it (RabbitMQ's 25672), so a block is checked before it is used.
 */
async function freePortBlock(): Promise<Ports> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const base = 21_000 + Math.floor(Math.random() * 500) * 20;
    const ports = Object.fromEntries(Object.entries(PORT_VARIABLES).map(([k, offset]) => [k, base + offset])) as Ports;
    if (await allFree(Object.values(ports))) return ports;
  }
  throw new Error('no free block of ports for the launcher between 21000 and 31000');
}

const launcherPorts = await freePortBlock();

/**
 * What a newcomer does: `npm start`, then `npm run token`, then a query. Runs the compiled
 * launcher (as `npm start` does after building) on ports of its own, with a throw-away data folder.
 */
describe('npm start runs the whole stack on one machine', () => {
  const ports = launcherPorts;
  const dataDir = mkdtempSync(join(tmpdir(), 'profielservice-'));
  const env = launcherEnvironment(ports, dataDir);
  const graphql = `http://localhost:${ports.GATEWAY_PORT}/graphql`;
  const stackFile = () => JSON.parse(readFileSync(join(dataDir, 'stack.json'), 'utf8')) as StackFile;
  let launcher: ReturnType<typeof launch>;
  let accessToken = '';

  beforeAll(async () => {
    launcher = launch(env);
    await waitFor(() => launcher.output().includes('draait') || launcher.process.exitCode !== null, 45_000);
  }, 60_000);

  afterAll(async () => {
    if (launcher.process.exitCode === null) {
      launcher.process.kill('SIGINT');
      await exitOf(launcher.process);
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints every URL it serves', () => {
    const output = launcher.output();
    expect(output).toContain(`GraphQL gateway                http://localhost:${ports.GATEWAY_PORT}/graphql`);
    expect(output).toContain(`Inloggen (DigiD-simulator)     http://localhost:${ports.IDP_PORT}`);
    expect(output).toContain(`Playground (GraphiQL)          http://localhost:${ports.GATEWAY_PORT}/`);
    for (const port of Object.values(ports).filter((p) => p !== ports.GATEWAY_PORT && p !== ports.IDP_PORT)) {
      expect(output).toContain(`:${port}/`);
    }
    expect(output).toMatch(/opgestart in \d+\.\d s/);
  });

  it('prints a token command and a curl line that work on these ports, from any terminal', async () => {
    const output = launcher.output();
    const command = /TOKEN=\$\(npm run --silent token -- (.+)\)$/m.exec(output)?.[1];
    expect(command, 'no token command in the banner').toBeDefined();
    const curlUrl = /^\s+curl .* (\S+)$/m.exec(output)?.[1];
    expect(curlUrl).toBe(graphql);

    // A second terminal knows nothing of this stack's variables or data folder.
    const { status, token: banners } = token(command?.split(' ') ?? [], plainEnvironment());
    expect(status).toBe(0);
    const response = await postGraphQL<{ me: { id: string } | null }>(curlUrl ?? '', '{ me { id } }', {
      token: banners,
    });
    expect(response.body.data?.me?.id).toMatch(/\w+/);
  });

  it('answers MijnOverzicht for a token from `npm run token` without --issuer', async () => {
    // Only the data folder tells the CLI where this stack runs: it reads stack.json there.
    const result = token(['--bsn', '999993653'], { ...plainEnvironment(), PROFIELSERVICE_DATA_DIR: dataDir });
    expect(result.status, result.hint).toBe(0);
    expect(result.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(result.hint).toContain(graphql);
    accessToken = result.token;

    const me = meOf(await postGraphQL(graphql, MijnOverzichtDocument, { token: accessToken }));
    expect(me.persoonsgegevens.naam?.volledigeNaam).toBe('Suzanne Moulin');
    expect(me.zaken.bron.status).toBe('OK');
    expect(me.berichten.bron.status).toBe('OK');
    expect(me.voorkeuren.bron.status).toBe('OK');
  });

  it('serves the playground at the root URL, with the example operations', async () => {
    const page = await fetch(`http://localhost:${ports.GATEWAY_PORT}/`).then((r) => r.text());
    expect(page).toContain('<html lang="nl">');
    expect(page).toContain('query MijnOverzicht');
  });

  it('refuses a second npm start on the same ports, naming each port and its variable, and starts nothing', async () => {
    const second = launch(env);
    const code = await exitOf(second.process);
    expect(code).not.toBe(0);
    const lines = second.output().trim().split('\n');
    expect(lines).toContain(
      `Poort ${ports.GATEWAY_PORT} (gateway) is al in gebruik. Kies een andere met GATEWAY_PORT=…`,
    );
    for (const [variable, port] of Object.entries(ports)) {
      expect(
        lines.filter((line) => line.startsWith(`Poort ${port} (`) && line.endsWith(` ${variable}=…`)),
      ).toHaveLength(1);
    }
    expect(lines.at(-1)).toBe(`\`npm start\` draait al (pid ${launcher.process.pid}, ${graphql}).`);
    expect(lines).toHaveLength(Object.keys(ports).length + 1); // no stack trace, no "draait"

    // The first one still serves, and still owns the stack file.
    expect(stackFile().launcherPid).toBe(launcher.process.pid);
    const me = meOf(await postGraphQL(graphql, MijnOverzichtDocument, { token: accessToken }));
    expect(me.zaken.bron.status).toBe('OK');
  });

  it('restarts a subgraph that is killed, and only that one', async () => {
    const before = stackFile().processes;
    const killed = before['zaken']?.pid;
    expect(killed).toBeTypeOf('number');
    process.kill(killed ?? 0, 'SIGKILL');

    await waitFor(() => launcher.output().includes('zaken draait weer'), 20_000);
    const output = launcher.output();
    expect(output).toContain(
      `zaken stopte onverwacht (signaal SIGKILL). Zie ${join(dataDir, 'logs', 'zaken.log')}. Herstart over 0.5 s.`,
    );
    const after = stackFile().processes;
    expect(output).toContain(`zaken draait weer (pid ${after['zaken']?.pid}).`);
    expect(after['zaken']?.pid).not.toBe(killed);
    expect(isAlive(after['zaken']?.pid ?? 0)).toBe(true);
    // Nobody else stopped or started.
    expect(output.match(/stopte onverwacht/g)).toHaveLength(1);
    expect(output.match(/draait weer/g)).toHaveLength(1);
    for (const [name, { pid }] of Object.entries(before).filter(([name]) => name !== 'zaken')) {
      expect(after[name]?.pid, name).toBe(pid);
      expect(isAlive(pid ?? 0), name).toBe(true);
    }

    const me = meOf(await postGraphQL(graphql, MijnOverzichtDocument, { token: accessToken }));
    expect(me.zaken.bron.status).toBe('OK');
    expect(me.zaken.items.length).toBeGreaterThan(0);
    expect(me.persoonsgegevens.bron.status).toBe('OK');
    expect(me.berichten.bron.status).toBe('OK');
    expect(me.voorkeuren.bron.status).toBe('OK');
  });

  it('stops every process on Ctrl+C and removes its stack file', async () => {
    expect(launcher.process.exitCode, 'the launcher stopped before Ctrl+C').toBeNull();
    const pids = Object.values(stackFile().processes).map(({ pid }) => pid ?? 0);
    launcher.process.kill('SIGINT');
    const code = await exitOf(launcher.process);
    expect(code).toBe(0);
    const gateway = await fetch(`http://localhost:${ports.GATEWAY_PORT}/health`).then(
      () => 'up',
      () => 'down',
    );
    expect(gateway).toBe('down');
    expect(pids.filter(isAlive)).toEqual([]);
    expect(existsSync(join(dataDir, 'stack.json'))).toBe(false);
  });
});

describe('npm start with one port taken by another program', () => {
  it('names that port, its process and its variable, and starts nothing', async () => {
    const taken = await listenOn(0);
    const folder = mkdtempSync(join(tmpdir(), 'profielservice-'));
    try {
      const takenPort = (taken.address() as { port: number }).port;
      const free = await freePorts(Object.keys(PORT_VARIABLES).length);
      const ports = Object.fromEntries(
        Object.keys(PORT_VARIABLES).map((k, i) => [k, k === 'SUBGRAPH_ZAKEN_PORT' ? takenPort : free[i]]),
      ) as Ports;
      const dataDir = join(folder, 'data');

      const launcher = launch(launcherEnvironment(ports, dataDir));
      expect(await exitOf(launcher.process)).toBe(1);
      expect(launcher.output().trim()).toBe(
        `Poort ${takenPort} (subgraph zaken) is al in gebruik. Kies een andere met SUBGRAPH_ZAKEN_PORT=…`,
      );
      // Not even its data folder (development secrets, logs) was made.
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      taken.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('npm start restarts a stopped process with a growing pause', () => {
  it('waits 0.5, 1, 2 and 4 s, and gives up at the fifth stop within a minute', () => {
    const tracker = new RestartTracker();
    const decisions = [0, 1_000, 3_000, 6_000, 11_000].map((at) => tracker.stopped(at, 0));
    expect(decisions).toEqual([
      { restart: true, delayMs: 500 },
      { restart: true, delayMs: 1_000 },
      { restart: true, delayMs: 2_000 },
      { restart: true, delayMs: 4_000 },
      { restart: false, stops: 5 },
    ]);
  });

  it('waits at most 10 s, and keeps trying when the stops are more than a minute apart', () => {
    const tracker = new RestartTracker();
    const delays = Array.from({ length: 7 }, (_, i) => tracker.stopped(i * 61_000, 0));
    expect(delays.map((d) => (d.restart ? d.delayMs : 'opgegeven'))).toEqual([
      500, 1_000, 2_000, 4_000, 8_000, 10_000, 10_000,
    ]);
  });

  it('starts afresh after a process ran healthily for a while', () => {
    const tracker = new RestartTracker();
    for (const at of [0, 1_000, 3_000, 6_000]) tracker.stopped(at, 0);
    expect(tracker.stopped(40_000, RESTART_POLICY.healthyResetMs)).toEqual({ restart: true, delayMs: 500 });
    expect(tracker.stopped(41_000, 0)).toEqual({ restart: true, delayMs: 1_000 });
  });
});
