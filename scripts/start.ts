/**
 * `npm start`: the whole stack on this machine, embedded, on loopback. Starts the simulated
 * upstreams, the development identity provider, the four subgraphs and the gateway as separate
 * Node processes running the compiled JavaScript, waits until each answers, and prints the URLs.
 * Any variable already set in the environment wins, so a real BRP, zaaksysteem or OIDC broker can
 * be used by setting its URL.
 *
 * It looks after them while it runs: a process that stops unexpectedly is reported and restarted
 * with a growing pause, one that cannot stay up is given up on while the rest keeps running, and a
 * configuration error (exit 78) stops everything. What runs where is written to
 * `data/stack.json` (see stack-file.ts) for `npm run token` and removed on stop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { hkdfSync } from 'node:crypto';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ConfigError, env, parseEnv } from '../lib/config.js';
import { SIMULATOR_DEFAULTS } from '../simulators/config.js';
import { SIMULATED_AFZENDERS } from '../simulators/mijnoverheid/seed.js';
import { DEV_PORTS, PORT_VARIABLES, type PortVariable } from './ports.js';
import { SIMULATED_API_PATHS, SIMULATED_NOTIFY_TEMPLATES, simulatedZgwSources } from '../simulators/wiring.js';
import { loadOrCreateDevSecrets } from './dev-secrets.js';
import { PRODUCT_ENV, productNodeFlags } from './product-runtime.js';
import { RestartTracker } from './restart-policy.js';
import { DEFAULT_ISSUER, dataDirOf, readRunningStack, removeStackFile, writeStackFile } from './stack-file.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url)); // dist/scripts → project root
/** Logs, the SQLite store, development secrets and stack.json; `PROFIELSERVICE_DATA_DIR` moves them (tests do). */
const DATA = dataDirOf(process.env, ROOT);
const LOGS = join(DATA, 'logs');
/** EX_CONFIG: the process refused its configuration; starting it again gives the same answer. */
const EX_CONFIG = 78;
/** How long a started process may take to answer its health check. */
const HEALTH_TIMEOUT_MS = 30_000;
/** How long the processes get to stop after SIGTERM before they are killed. */
const STOP_GRACE_MS = 5_000;

const ports = (() => {
  try {
    return parseEnv(
      z.object({
        ...(Object.fromEntries(PORT_VARIABLES.map((name) => [name, env.port(DEV_PORTS[name].port)])) as {
          [K in PortVariable]: ReturnType<typeof env.port>;
        }),
        SIM_ZGW_CLIENT_ID: z.string().default(SIMULATOR_DEFAULTS.zgwClientId),
        SIM_ZGW_SECRET: z.string().default(SIMULATOR_DEFAULTS.zgwSecret),
      }),
      process.env,
    );
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(EX_CONFIG);
  }
})();

/**
 * One line for every port that cannot be used, before anything starts. Without this a second
 * `npm start` would find its health URLs answered by the first one's processes and say it runs.
 */
async function portProblems(): Promise<string[]> {
  const variables = PORT_VARIABLES;
  // Each port once: two checks of one port at the same time would find it taken by each other.
  const distinct = [...new Set(variables.map((variable) => ports[variable]))];
  const results = new Map(await Promise.all(distinct.map(async (port) => [port, await tryListen(port)] as const)));
  return variables.flatMap((variable, index) => {
    const port = ports[variable];
    const owner = DEV_PORTS[variable].owner;
    const other = variables.find((v, i) => i < index && ports[v] === port);
    if (other) {
      return [
        `Poort ${port} is gekozen voor ${DEV_PORTS[other].owner} (${other}) én ${owner}. Kies een andere met ${variable}=…`,
      ];
    }
    const code = results.get(port);
    if (code === undefined) return [];
    const problem = code === 'EADDRINUSE' ? 'is al in gebruik' : `kan niet worden gebruikt (${code})`;
    return [`Poort ${port} (${owner}) ${problem}. Kies een andere met ${variable}=…`];
  });
}

/** Listens on the port on 127.0.0.1 and closes again: undefined when that worked, else the error code. */
function tryListen(port: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const server = createNetServer();
    server.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(undefined)));
  });
}

const busy = await portProblems();
if (busy.length > 0) {
  for (const line of busy) console.error(line);
  // The usual reason: this very command still runs in another terminal.
  const running = readRunningStack(DATA);
  if (running) console.error(`\`npm start\` draait al (pid ${running.launcherPid}, ${running.graphql}).`);
  process.exit(1);
}

const local = (port: number, path = '') => `http://127.0.0.1:${port}${path}`;

interface Service {
  name: string;
  script: string;
  env: Record<string, string>;
  health: string;
  /**
   * Fields the health answer must hold when it holds them at all: proof that the answer comes from
   * this kind of process and not from some other program on the port.
   */
  identity: Record<string, string>;
  show?: { label: string; url: string };
}

const secrets = await loadOrCreateDevSecrets(join(DATA, 'dev-secrets.json'));
const issuer = process.env['OIDC_ISSUER'] ?? `http://localhost:${ports.IDP_PORT}`;
const graphqlUrl = `http://localhost:${ports.GATEWAY_PORT}/graphql`;
const playgroundUrl = `http://localhost:${ports.GATEWAY_PORT}/`;
const zgwSources = JSON.stringify(
  simulatedZgwSources(
    { a: local(ports.SIM_ZGW_A_PORT), b: local(ports.SIM_ZGW_B_PORT) },
    { id: ports.SIM_ZGW_CLIENT_ID, secret: ports.SIM_ZGW_SECRET },
  ),
);
// The ZGW simulators announce status changes to the voorkeuren subgraph, as a Notificaties
// abonnement would, with this Authorization header (derived from the stored development secret).
const notificatiesAuth = `Bearer ${Buffer.from(
  hkdfSync('sha256', secrets.pseudonymKey, 'npm-start', 'zgw notificaties', 32),
).toString('base64url')}`;
const subgraphEnv = (port: number) => ({
  PORT: String(port),
  INTERNAL_TOKEN_PUBLIC_KEYS: JSON.stringify(secrets.internalPublicJwks),
  // `SUBGRAPH_AUTH=oidc npm start`: the subgraphs also verify residents' own tokens, as behind
  // another router (docs/router.md); they need what the gateway verifies with.
  ...(process.env['SUBGRAPH_AUTH'] === 'oidc'
    ? {
        OIDC_ISSUER: issuer,
        OIDC_AUDIENCE: 'profielservice',
        OIDC_CLIENT_IDS: 'mijn-omgeving-dev',
        PSEUDONYM_KEY: secrets.pseudonymKey,
      }
    : {}),
});

const services: Service[] = [
  {
    name: 'simulators',
    script: 'simulators/index.js',
    env: {
      SIM_NOTIFICATIONS_CALLBACK_URL: local(ports.SUBGRAPH_VOORKEUREN_PORT, '/zgw/notificaties'),
      SIM_NOTIFICATIONS_CALLBACK_AUTH: notificatiesAuth,
    },
    health: local(ports.SIM_BRP_PORT, '/_simulator/health'),
    identity: { simulator: 'brp' },
  },
  {
    name: 'idp',
    script: 'simulators/idp/index.js',
    env: {
      IDP_PORT: String(ports.IDP_PORT),
      IDP_ISSUER: issuer,
      // The playground at the gateway's root and `npm run token` log in here.
      IDP_REDIRECT_URIS: [
        `http://localhost:${ports.GATEWAY_PORT}/`,
        `http://127.0.0.1:${ports.GATEWAY_PORT}/`,
        `${issuer}/cli/callback`,
        // The reference portal's backend-for-frontend.
        `http://localhost:${ports.PORTAL_PORT}/callback`,
        `http://127.0.0.1:${ports.PORTAL_PORT}/callback`,
      ].join(','),
    },
    health: `${issuer}/.well-known/openid-configuration`,
    identity: { issuer },
    show: { label: 'Inloggen (DigiD-simulator)', url: issuer },
  },
  {
    name: 'brp',
    script: 'subgraphs/brp/index.js',
    env: { ...subgraphEnv(ports.SUBGRAPH_BRP_PORT), BRP_URL: local(ports.SIM_BRP_PORT, SIMULATED_API_PATHS.brp) },
    health: local(ports.SUBGRAPH_BRP_PORT, '/health'),
    identity: { process: 'brp' },
  },
  {
    name: 'zaken',
    script: 'subgraphs/zaken/index.js',
    env: {
      ...subgraphEnv(ports.SUBGRAPH_ZAKEN_PORT),
      ZAKEN_BRONNEN: zgwSources,
      // A key of its own for document links, derived from the stored development secret.
      ZAKEN_DOCUMENT_LINK_SECRET: Buffer.from(
        hkdfSync('sha256', secrets.pseudonymKey, 'npm-start', 'zaken document links', 32),
      ).toString('base64url'),
      // Portals fetch documents through the gateway, which passes them on to this subgraph.
      ZAKEN_DOCUMENT_LINK_BASE_URL: `http://localhost:${ports.GATEWAY_PORT}`,
    },
    health: local(ports.SUBGRAPH_ZAKEN_PORT, '/health'),
    identity: { process: 'zaken' },
  },
  {
    name: 'berichten',
    script: 'subgraphs/berichten/index.js',
    env: {
      ...subgraphEnv(ports.SUBGRAPH_BERICHTEN_PORT),
      MIJNOVERHEID_BERICHTENBOX_URL: local(ports.SIM_MIJNOVERHEID_PORT, SIMULATED_API_PATHS.berichtenbox),
      MIJNOVERHEID_LOPENDEZAKEN_URL: local(ports.SIM_MIJNOVERHEID_PORT, SIMULATED_API_PATHS.lopendezaken),
      MIJNOVERHEID_AFZENDERS: JSON.stringify(SIMULATED_AFZENDERS),
    },
    health: local(ports.SUBGRAPH_BERICHTEN_PORT, '/health'),
    identity: { process: 'berichten' },
  },
  {
    name: 'voorkeuren',
    script: 'subgraphs/voorkeuren/index.js',
    env: {
      ...subgraphEnv(ports.SUBGRAPH_VOORKEUREN_PORT),
      VOORKEUREN_SQLITE_PATH: join(DATA, 'voorkeuren.sqlite'),
      // Keys of its own, derived from the stored development secret (stable across restarts,
      // so the stored contact details stay readable).
      VOORKEUREN_ENCRYPTION_KEY: `dev-1:${Buffer.from(
        hkdfSync('sha256', secrets.pseudonymKey, 'npm-start', 'voorkeuren encryption', 32),
      ).toString('base64url')}`,
      NOTIFYNL_CALLBACK_TOKEN: Buffer.from(
        hkdfSync('sha256', secrets.pseudonymKey, 'npm-start', 'notifynl callback', 32),
      ).toString('base64url'),
      NOTIFYNL_URL: local(ports.SIM_NOTIFYNL_PORT),
      NOTIFYNL_API_KEY: `ontwikkel-${SIMULATOR_DEFAULTS.notifyServiceId}-${SIMULATOR_DEFAULTS.notifySecret}`,
      NOTIFYNL_TEMPLATES: JSON.stringify(SIMULATED_NOTIFY_TEMPLATES),
      // Meldingen about zaken: status changes of both zaaksystemen, residents found by pseudonym.
      MELDINGEN_NOTIFICATIES_AUTH: notificatiesAuth,
      MELDINGEN_BRONNEN: zgwSources,
      PSEUDONYM_KEY: secrets.pseudonymKey,
      MELDINGEN_PORTAAL_URL: `http://localhost:${ports.GATEWAY_PORT}`,
    },
    health: local(ports.SUBGRAPH_VOORKEUREN_PORT, '/health'),
    identity: { process: 'voorkeuren' },
  },
  {
    name: 'gateway',
    script: 'gateway/index.js',
    env: {
      PORT: String(ports.GATEWAY_PORT),
      OIDC_ISSUER: issuer,
      OIDC_AUDIENCE: 'profielservice',
      // The DigiD-simulator's client, as the playground and `npm run token` log in with.
      OIDC_CLIENT_IDS: 'mijn-omgeving-dev',
      INTERNAL_TOKEN_PRIVATE_KEY: JSON.stringify(secrets.internalPrivateJwk),
      PSEUDONYM_KEY: secrets.pseudonymKey,
      SUBGRAPH_BRP_URL: local(ports.SUBGRAPH_BRP_PORT, '/graphql'),
      SUBGRAPH_ZAKEN_URL: local(ports.SUBGRAPH_ZAKEN_PORT, '/graphql'),
      SUBGRAPH_BERICHTEN_URL: local(ports.SUBGRAPH_BERICHTEN_PORT, '/graphql'),
      SUBGRAPH_VOORKEUREN_URL: local(ports.SUBGRAPH_VOORKEUREN_PORT, '/graphql'),
      SUPERGRAPH_FILE: join(ROOT, 'schema/supergraph.graphql'),
      PERSISTED_DOCUMENTS_FILE: join(ROOT, 'schema/generated/persisted-documents.json'),
    },
    health: local(ports.GATEWAY_PORT, '/health'),
    identity: { process: 'gateway' },
    show: { label: 'GraphQL gateway', url: graphqlUrl },
  },
  {
    name: 'portal',
    script: 'portal/bff/index.js',
    env: {
      PORTAL_PORT: String(ports.PORTAL_PORT),
      PORTAL_PUBLIC_URL: `http://localhost:${ports.PORTAL_PORT}`,
      PORTAL_GATEWAY_URL: graphqlUrl,
      PORTAL_OIDC_ISSUER: issuer,
      PORTAL_OIDC_CLIENT_ID: 'mijn-omgeving-dev',
      // A key of its own for session cookies, derived from the stored development secret.
      PORTAL_SESSION_SECRET: Buffer.from(
        hkdfSync('sha256', secrets.pseudonymKey, 'npm-start', 'portaal sessie', 32),
      ).toString('base64url'),
      PORTAL_STATIC_DIR: join(ROOT, 'dist/portal/web'),
      PORTAL_OPERATIONS_DIR: join(ROOT, 'portal/src/operations'),
      PORTAL_PERSISTED_DOCUMENTS_FILE: join(ROOT, 'schema/generated/persisted-documents.json'),
    },
    health: local(ports.PORTAL_PORT, '/health'),
    identity: { process: 'portal' },
    show: { label: 'Mijn-Omgeving (portaal)', url: `http://localhost:${ports.PORTAL_PORT}/` },
  },
];

/** One supervised process: its current child, its health and its restart history. */
interface Run {
  readonly service: Service;
  readonly logFile: string;
  readonly log: WriteStream;
  readonly tracker: RestartTracker;
  child: ChildProcess | undefined;
  /** Since when the current child answers its health check; undefined until it does. */
  healthySince: number | undefined;
  everHealthy: boolean;
  /** The launcher killed the current child because it did not answer. */
  unanswered: boolean;
  restartTimer: NodeJS.Timeout | undefined;
  /** Settles when the process first answers, or fails to: the start waits for this. */
  readonly up: PromiseWithResolvers<void>;
}

mkdirSync(LOGS, { recursive: true });
const runs: Run[] = services.map((service) => {
  const logFile = join(LOGS, `${service.name}.log`);
  const up = Promise.withResolvers<void>();
  // The start awaits this only once the process is launched; a failure before then must not crash us.
  up.promise.catch(() => undefined);
  return {
    service,
    logFile,
    log: createWriteStream(logFile, { flags: 'a' }),
    tracker: new RestartTracker(),
    child: undefined,
    healthySince: undefined,
    everHealthy: false,
    unanswered: false,
    restartTimer: undefined,
    up,
  };
});
let stopping = false;
/** Set once the banner is out: from then on stack.json describes the running stack. */
let announced = false;

const isRunning = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;
const seconds = (ms: number) => (ms / 1000).toFixed(1);

function launch(run: Run): void {
  const { service } = run;
  // A product process runs with its heap limits and malloc settings, as in production.
  const flags = productNodeFlags(service.name);
  // Variables the user set win over the defaults, so real upstreams can be configured.
  const childEnv = {
    NODE_ENV: process.env['NODE_ENV'] ?? 'development',
    ...(flags ? PRODUCT_ENV : {}),
    ...service.env,
    ...pick(process.env, Object.keys(service.env)),
  };
  const child = spawn(process.execPath, [...(flags ?? []), join(ROOT, 'dist', service.script)], {
    cwd: ROOT,
    env: { ...process.env, ...childEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  run.child = child;
  run.healthySince = undefined;
  // The log stream outlives this child: a restarted one appends to the same file.
  child.stdout?.pipe(run.log, { end: false });
  child.stderr?.on('data', (chunk: Buffer) => {
    run.log.write(chunk);
    process.stderr.write(chunk); // each process prefixes its own lines with its name
  });
  child.on('error', (error) => console.error(`${service.name} kon niet starten: ${error.message}`));
  // 'close' rather than 'exit': by then the child's last words (say, its configuration error) are printed.
  child.once('close', (code, signal) => onClose(run, child, code, signal));
  void watchHealth(run, child);
}

/** Values from `source` for the names in `keys` that are set there (process-specific names like PORT excluded). */
function pick(source: NodeJS.ProcessEnv, keys: string[]): Record<string, string> {
  const shared = keys.filter((k) => k !== 'PORT');
  return Object.fromEntries(shared.flatMap((k) => (source[k] ? [[k, source[k]]] : [])));
}

/**
 * Polls the health URL until it answers for this child. An answer only counts while the child
 * still runs: after the port check at start, a live child is the one holding its port.
 */
async function watchHealth(run: Run, child: ChildProcess): Promise<void> {
  const { service } = run;
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (!stopping && run.child === child && isRunning(child)) {
    if ((await answers(service)) && run.child === child && isRunning(child) && !stopping) {
      run.healthySince = Date.now();
      if (run.everHealthy) {
        // The stack file first: whoever reads the line below finds the new pid there.
        writeStack();
        console.log(`${service.name} draait weer (pid ${child.pid}).`);
      }
      run.everHealthy = true;
      run.up.resolve();
      return;
    }
    if (Date.now() >= deadline) {
      if (!run.everHealthy) {
        run.up.reject(new Error(`${unansweredLine(service)}. Zie ${run.logFile}.`));
        return;
      }
      // It ran before, so it can: stop this one and let the restart policy try again.
      run.unanswered = true;
      child.kill('SIGKILL');
      return;
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}

const unansweredLine = (service: Service) =>
  `${service.name} antwoordde niet binnen ${seconds(HEALTH_TIMEOUT_MS)} s op ${service.health}`;

async function answers(service: Service): Promise<boolean> {
  try {
    const response = await fetch(service.health, { signal: AbortSignal.timeout(1_000) });
    if (!response.ok) return false;
    const body: unknown = await response.json().catch(() => undefined);
    if (typeof body !== 'object' || body === null) return true;
    const fields = body as Record<string, unknown>;
    return Object.entries(service.identity).every(([key, value]) => !(key in fields) || fields[key] === value);
  } catch {
    return false; // not up (yet)
  }
}

function onClose(run: Run, child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
  if (run.child !== child) return;
  run.child = undefined;
  if (stopping) return;
  const { name } = run.service;
  if (code === EX_CONFIG) {
    console.error(
      `${name} stopte door een configuratiefout (code ${EX_CONFIG}), zie hierboven en ${run.logFile}. Alles stopt.`,
    );
    void stopAll(1);
    return;
  }
  const now = Date.now();
  const decision = run.tracker.stopped(now, run.healthySince === undefined ? 0 : now - run.healthySince);
  const what = run.unanswered
    ? `${unansweredLine(run.service)} en is gestopt`
    : `${name} stopte onverwacht (${signal ? `signaal ${signal}` : `code ${code}`})`;
  run.unanswered = false;
  writeStack();
  if (decision.restart) {
    console.error(`${what}. Zie ${run.logFile}. Herstart over ${seconds(decision.delayMs)} s.`);
    run.restartTimer = setTimeout(() => {
      run.restartTimer = undefined;
      if (!stopping) launch(run);
    }, decision.delayMs);
    return;
  }
  const given = `${what} en is binnen een minuut ${decision.stops} keer gestopt`;
  if (!run.everHealthy) {
    // Still starting: without this process the stack never ran, so the start fails.
    run.up.reject(new Error(`${given}. Zie ${run.logFile}.`));
    return;
  }
  console.error(`${given}; het wordt niet meer herstart. Zie ${run.logFile}. De rest draait door (stoppen: Ctrl+C).`);
}

function writeStack(): void {
  if (!announced || stopping) return;
  writeStackFile(DATA, {
    launcherPid: process.pid,
    issuer,
    graphql: graphqlUrl,
    playground: playgroundUrl,
    logs: LOGS,
    processes: Object.fromEntries(
      runs.map((run) => [
        run.service.name,
        { pid: run.child?.pid ?? null, log: run.logFile, health: run.service.health },
      ]),
    ),
  });
}

/** SIGTERM to every process, SIGKILL to those still running after the grace period, then exit. */
async function stopAll(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  for (const run of runs) clearTimeout(run.restartTimer);
  const children = runs.flatMap((run) => (run.child && isRunning(run.child) ? [run.child] : []));
  for (const child of children) child.kill('SIGTERM');
  const kill = setTimeout(() => killAll(), STOP_GRACE_MS);
  // A child that is gone but whose exit was never reported must not keep us here.
  setTimeout(() => finish(code), STOP_GRACE_MS + 2_000).unref();
  await Promise.all(
    children.map((child) => new Promise((resolve) => (isRunning(child) ? child.once('exit', resolve) : resolve(null)))),
  );
  clearTimeout(kill);
  finish(code);
}

function killAll(): void {
  for (const run of runs) if (run.child && isRunning(run.child)) run.child.kill('SIGKILL');
}

function finish(code: number): never {
  removeStackFile(DATA, process.pid);
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    // A second Ctrl+C while stopping: no more waiting.
    if (stopping) killAll();
    else void stopAll(0);
  });
}

/** Launches the processes and waits until each answers (or one cannot start). */
async function startAll(group: Run[]): Promise<void> {
  for (const run of group) launch(run);
  await Promise.all(group.map((run) => run.up.promise));
}

const started = Date.now();
const [upstreams, rest] = [runs.slice(0, 2), runs.slice(2)];
try {
  await startAll(upstreams);
  await startAll(rest);
} catch (error) {
  if (!stopping) console.error(error instanceof Error ? error.message : error);
  await stopAll(1);
}
if (!stopping) {
  // The stack file makes the plain command work on any ports; a data folder elsewhere is not
  // found by a token command run without PROFIELSERVICE_DATA_DIR, so then the IdP is named.
  const issuerArg = DATA !== dataDirOf({}, ROOT) && issuer !== DEFAULT_ISSUER ? ` --issuer ${issuer}` : '';
  const tokenArgs = `--bsn 999993653${issuerArg}`;
  const line = (label: string, url: string) => `  ${label.padEnd(30)} ${url}`;
  const hint = (label: string, text: string) => `${label.padEnd(29)}${text}`;
  console.log(
    [
      '',
      `Profielservice Mijn-Omgeving draait (opgestart in ${seconds(Date.now() - started)} s):`,
      line('Playground (GraphiQL)', playgroundUrl),
      ...services.flatMap((s) => (s.show ? [line(s.show.label, s.show.url)] : [])),
      line('Subgraph brp', local(ports.SUBGRAPH_BRP_PORT, '/graphql')),
      line('Subgraph zaken', local(ports.SUBGRAPH_ZAKEN_PORT, '/graphql')),
      line('Subgraph berichten', local(ports.SUBGRAPH_BERICHTEN_PORT, '/graphql')),
      line('Subgraph voorkeuren', local(ports.SUBGRAPH_VOORKEUREN_PORT, '/graphql')),
      line('Simulator BRP Personen v2', local(ports.SIM_BRP_PORT, SIMULATED_API_PATHS.brp)),
      line('Simulator zaaksysteem A', local(ports.SIM_ZGW_A_PORT, SIMULATED_API_PATHS.zaken)),
      line('Simulator zaaksysteem B', local(ports.SIM_ZGW_B_PORT, SIMULATED_API_PATHS.zaken)),
      line('Simulator MijnOverheid', local(ports.SIM_MIJNOVERHEID_PORT, SIMULATED_API_PATHS.berichtenbox)),
      line('Simulator NotifyNL', local(ports.SIM_NOTIFYNL_PORT, '/v2/notifications')),
      '',
      hint('Token voor een testpersoon:', `npm run token -- ${tokenArgs}`),
      hint('Query met dat token:', `TOKEN=$(npm run --silent token -- ${tokenArgs})`),
      hint(
        '',
        `curl -s -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' ` +
          `-d '{"query":"{ me { id } }"}' ${graphqlUrl}`,
      ),
      hint('Logbestanden:', LOGS),
      'Stoppen: Ctrl+C',
    ].join('\n'),
  );
  announced = true;
  writeStack();
}
