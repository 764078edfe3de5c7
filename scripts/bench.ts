/**
 * `npm run bench -- [--seconds 20] [--connections 50] [--residents 40] [--rounds 3]
 * [--mode instant|realistic|both] [--quick] [--profile]`: what a MijnOverzicht costs, through our
 * gateway and, on the same subgraphs in the same run, through stock Apollo Gateway and Hive
 * Gateway doing the same token work (issue 14). Starts the stack as `npm start` runs it and the
 * peers as child processes, pins the gateways to one core and everything else to the other,
 * logs residents in (one token each) and loads each gateway in turn, round after round, with
 * instant and with realistic upstream latencies. Prints a line per run and writes docs/bench.md
 * and docs/bench.json: throughput, latency, errors, CPU per request of every process, memory,
 * calls per request to each subgraph and upstream, our figures as ratios to the peers, and the
 * issue's targets. `--profile` adds a CPU profile of our gateway and the zaken subgraph.
 * Not a test: the figures depend on the machine. Exits 1 when it could not measure, 2 on bad
 * arguments, 130 on Ctrl+C. `--help` lists the options; scripts/bench/ holds the parts.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent } from 'undici';
import { askMijnOverzicht, type LoginTarget, type QueryTarget } from './soak/load.js';
import { CHILD_NAMES, LaunchedStack, rssMb, sleep, type ChildName, type PortVariable } from './soak/stack.js';
import { latencies } from './soak/stats.js';
import { dataAndErrors, firstDifference } from './bench/answers.js';
import { runLoad, type LoadResult, type LoadTarget } from './bench/load.js';
import { parseOptions, USAGE, type BenchOptions, type Mode } from './bench/options.js';
import { startPeer, type RunningPeer } from './bench/peer-process.js';
import { CAN_PIN, coreBusy, coreTimes, cpuMs, pin } from './bench/proc.js';
import { monotonicUs, profileFileOf, summariseProfile } from './bench/profile.js';
import {
  GATEWAYS,
  judgeTargets,
  MEASURED,
  ratios,
  renderJson,
  renderMarkdown,
  sharedCoresBusy,
  summarise,
  type AnswerCheck,
  type Availability,
  type BenchReport,
  type GatewayKey,
  type LowerLoad,
  type Measurement,
  type MeasuredProcess,
  type ProfileResult,
} from './bench/report.js';
import { chooseResidents, tokensFor, type Participant } from './bench/residents.js';
import { LOOP_PROCESSES, loopDelays, readLoops, type LoopDelay, type LoopProcess } from './bench/loop-delay.js';
import { probeRustPlanner } from './bench/rust-planner.js';
import {
  clearJournals,
  readJournals,
  setLatencyMode,
  SUBGRAPHS,
  SUBGRAPH_PORTS,
  subgraphRequestCounts,
  type SubgraphName,
} from './bench/upstream.js';
import { optionsOrExit } from './cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url)); // dist/scripts → project root
const REPORT_MD = join(ROOT, 'docs/bench.md');
const REPORT_JSON = join(ROOT, 'docs/bench.json');
const SUPERGRAPH = join(ROOT, 'schema/supergraph.graphql');
const OPERATION_NAME = 'MijnOverzicht';
const OPERATION = readFileSync(join(ROOT, 'schema/operations/MijnOverzicht.graphql'), 'utf8');
/** The same bytes to every gateway: the operation's text (the peers know no persisted documents). */
const BODY = JSON.stringify({ query: OPERATION, operationName: OPERATION_NAME });
/** How the peers are started: entry under dist/, the path of their GraphQL endpoint, extra variables. */
const PEERS: Readonly<
  Record<Exclude<GatewayKey, 'ours'>, { script: string; path: string; env: Record<string, string> }>
> = {
  apollo: { script: 'scripts/bench/peers/apollo.js', path: '/', env: {} },
  hive: { script: 'scripts/bench/peers/hive.js', path: '/graphql', env: {} },
  'hive-rust': { script: 'scripts/bench/peers/hive.js', path: '/graphql', env: { BENCH_HIVE_PLANNER: 'rust' } },
};
/**
 * How long to wait after a stretch of load before counting calls: the requests still in flight
 * when it stopped are served all the same. About the slowest answer of the stretch (its p99),
 * at least half a second, at most five.
 */
function settleAfter(load: LoadResult): number {
  const slow = latencies(load.latenciesMs).p99;
  return Math.min(5_000, Math.max(500, Number.isNaN(slow) ? 0 : slow * 1.5));
}

const options: BenchOptions = optionsOrExit(parseOptions, USAGE);

const abort = new AbortController();
const stacks: LaunchedStack[] = [];
const peers: RunningPeer[] = [];
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (abort.signal.aborted) {
      killEverything();
      process.exit(130);
    }
    console.error('\nBenchmark afgebroken; alles stopt …');
    abort.abort();
  });
}
// Last resort for an unexpected exit: nothing we started may outlive the benchmark.
process.on('exit', killEverything);

function killEverything(): void {
  for (const peer of peers) peer.killNow();
  for (const stack of stacks) stack.killNow();
}

const temp = mkdtempSync(join(tmpdir(), 'profielservice-bench-'));
let keepTemp = options.keepData;
try {
  process.exitCode = await bench(options);
} catch (error) {
  if (abort.signal.aborted) {
    process.exitCode = 130;
  } else {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    keepTemp = true;
    process.exitCode = 1;
  }
} finally {
  await Promise.allSettled(peers.map((peer) => peer.stop()));
  for (const stack of stacks) {
    if (stack.running) console.log('Stack stoppen …');
    await stack.stop();
  }
  if (keepTemp || process.exitCode !== 0) console.log(`Logbestanden en data: ${temp}`);
  else rmSync(temp, { recursive: true, force: true });
}

async function bench(options: BenchOptions): Promise<number> {
  const { signal } = abort;
  const notes: string[] = [];
  const loadStart = loadavg();
  const date = new Date().toISOString();
  const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}${sourceVersion()}`;

  // --- pinning -----------------------------------------------------------------------------
  const coreCount = cpus().length;
  const gatewayCore = CAN_PIN && coreCount >= 2 ? coreCount - 1 : null;
  const otherCores = gatewayCore === null ? [] : Array.from({ length: coreCount - 1 }, (_, i) => i);
  const pinning =
    gatewayCore === null
      ? `Not pinned: ${CAN_PIN ? `this machine has ${coreCount} core` : 'taskset is not available'}; every process shares every core.`
      : `Every gateway is pinned to core ${gatewayCore}; everything else (launcher, simulators, IdP, subgraphs and this ` +
        `load generator) to core${otherCores.length === 1 ? '' : 's'} ${otherCores.join(', ')} (\`taskset -a -p\`, all threads).`;

  // --- the stack and the peers ------------------------------------------------------------
  console.log(`Stack starten (node dist/scripts/start.js), data in ${temp} …`);
  const stack = await LaunchedStack.start({
    root: ROOT,
    dataDir: join(temp, 'data'),
    logFile: join(temp, 'launcher.log'),
    defaults: {},
    signal,
  });
  stacks.push(stack);
  // Only now: a child inherits its parent's cores, and the stack starts faster on all of them.
  if (gatewayCore !== null) pin(process.pid, otherCores);
  const url = (port: PortVariable, path = '') => stack.url(port, path);
  const first = stack.processes();
  console.log(
    `Stack klaar: gateway ${url('GATEWAY_PORT', '/graphql')}, pids uit ${first.source}: ` +
      CHILD_NAMES.map((name) => `${name} ${first.pids[name] ?? '?'}`).join(', '),
  );
  if (first.source === '/proc') notes.push('stack.json was not there: process ids were found in /proc.');

  const audience = process.env['IDP_AUDIENCE'] || 'profielservice';
  const peerEnv = {
    BENCH_ISSUER: url('IDP_PORT'),
    BENCH_AUDIENCE: audience,
    BENCH_SECRETS_FILE: join(stack.dataDir, 'dev-secrets.json'),
    BENCH_SUPERGRAPH_FILE: SUPERGRAPH,
    BENCH_SUBGRAPH_URLS: JSON.stringify(
      Object.fromEntries(SUBGRAPHS.map((name) => [name, url(SUBGRAPH_PORTS[name], '/graphql')])),
    ),
  };
  const running = new Map<GatewayKey, RunningPeer>();
  const availability: Availability[] = [{ gateway: 'ours', available: true, detail: 'the launcher’s gateway' }];
  for (const [key, peer] of Object.entries(PEERS) as [Exclude<GatewayKey, 'ours'>, (typeof PEERS)['apollo']][]) {
    const started = await startPeer({
      root: ROOT,
      script: peer.script,
      env: { ...peerEnv, ...peer.env },
      logFile: join(temp, `peer-${key}.log`),
      path: peer.path,
      signal,
    });
    if ('unavailable' in started) {
      availability.push({ gateway: key, available: false, detail: started.unavailable });
      console.log(`${GATEWAYS[key]}: niet gemeten — ${started.unavailable}`);
      continue;
    }
    peers.push(started);
    running.set(key, started);
    availability.push({ gateway: key, available: true, detail: `pid ${started.pid}` });
    console.log(`${GATEWAYS[key]} klaar: ${started.graphqlUrl} (pid ${started.pid})`);
  }
  // The peers inherited this process's cores; they get theirs before the first run.
  const rustPlanner = await probeRustPlanner(readFileSync(SUPERGRAPH, 'utf8'), OPERATION, OPERATION_NAME);

  const gateways: { key: GatewayKey; graphqlUrl: string; pid: () => number | null }[] = [
    { key: 'ours', graphqlUrl: url('GATEWAY_PORT', '/graphql'), pid: () => stack.processes().pids.gateway },
    ...[...running].map(([key, peer]) => ({ key, graphqlUrl: peer.graphqlUrl, pid: () => peer.pid })),
  ];

  // --- residents and the same-answer check -------------------------------------------------
  const agent = new Agent({ connections: 4 });
  const ours: QueryTarget = { graphqlUrl: url('GATEWAY_PORT', '/graphql'), body: BODY, dispatcher: agent };
  const login: LoginTarget = {
    issuer: url('IDP_PORT'),
    clientId: process.env['IDP_CLIENT_ID'] || 'mijn-omgeving-dev',
    redirectUri: `${url('GATEWAY_PORT')}/`,
    audience,
  };
  const { residents, skipped } = await chooseResidents(options.residents, login, ours, signal);
  console.log(
    `${residents.length} inwoners ingelogd (token ${residents[0]?.resident.lifetimeSeconds ?? 0} s geldig)` +
      (skipped.length > 0 ? `; overgeslagen: ${skipped.length}` : ''),
  );
  const answers = await compareAnswers(gateways, residents.slice(0, 3), agent);
  for (const check of answers) console.log(`Zelfde antwoord, ${GATEWAYS[check.gateway]}: ${check.detail}`);
  await agent.close();

  // --- the runs ------------------------------------------------------------------------------
  const pinAll = () => {
    if (gatewayCore === null) return;
    const table = stack.processes();
    const failed: string[] = [];
    for (const name of CHILD_NAMES) {
      const pid = table.pids[name];
      if (pid !== null && !pin(pid, name === 'gateway' ? [gatewayCore] : otherCores)) failed.push(name);
    }
    if (!pin(stack.launcherPid, otherCores)) failed.push('launcher');
    for (const [key, peer] of running) if (!pin(peer.pid, [gatewayCore])) failed.push(key);
    if (failed.length > 0) notes.push(`Pinning failed for ${failed.join(', ')} before a run.`);
  };
  const pidsOf = (gatewayPid: number | null): Record<MeasuredProcess, number | null> => {
    const table = stack.processes().pids;
    const child = (name: ChildName) => table[name];
    return {
      gateway: gatewayPid,
      brp: child('brp'),
      zaken: child('zaken'),
      berichten: child('berichten'),
      voorkeuren: child('voorkeuren'),
      simulators: child('simulators'),
      idp: child('idp'),
      launcher: stack.launcherPid,
      'load generator': process.pid,
    };
  };

  const measurements: Measurement[] = [];
  const totalRuns = options.modes.length * options.rounds * gateways.length;
  console.log(
    `Metingen: ${totalRuns} runs van ${options.warmupSeconds} + ${options.seconds} s, ${options.connections} verbindingen, ` +
      `${options.modes.join(' en ')}, ${options.rounds} ronde${options.rounds === 1 ? '' : 's'}. ${pinning}`,
  );
  /** The load for one gateway: every resident's token valid for `seconds`, every process on its core. */
  const loadOn = async (graphqlUrl: string, seconds: number, connections = options.connections) => {
    const callers = await tokensFor(residents, seconds * 1_000);
    pinAll();
    return { graphqlUrl, body: BODY, residents: callers, connections };
  };
  /** The unmeasured warm-up before a run, and time for its last answers to come in. */
  const warmUp = async (target: LoadTarget) => {
    if (options.warmupSeconds > 0)
      await sleep(settleAfter(await runLoad(target, options.warmupSeconds, signal)), signal);
  };
  // A stack that just started measures its own JIT compilation and cold caches, and the first
  // gateway in line would pay for the subgraphs all of them share (a first round at half the
  // throughput of the others, docs/bench.md): every gateway loads it once, unmeasured.
  if (options.stackWarmupSeconds > 0) {
    await setLatencyMode(url, 'instant');
    console.log(`Opwarmen: ${options.stackWarmupSeconds} s per gateway, niet gemeten …`);
    for (const gateway of gateways) {
      const target = await loadOn(gateway.graphqlUrl, options.stackWarmupSeconds);
      await sleep(settleAfter(await runLoad(target, options.stackWarmupSeconds, signal)), signal);
    }
  }
  for (const mode of options.modes) {
    await setLatencyMode(url, mode);
    for (let round = 1; round <= options.rounds; round++) {
      for (const gateway of gateways) {
        signal.throwIfAborted();
        const target = await loadOn(gateway.graphqlUrl, options.warmupSeconds + options.seconds);
        await warmUp(target);
        await clearJournals(url);
        const subgraphsBefore = await subgraphRequestCounts(url);
        const pids = pidsOf(gateway.pid());
        // Our gateway serves the same metrics as the subgraphs; the peers do not.
        const loops = LOOP_PROCESSES.filter((name) => name !== 'gateway' || gateway.key === 'ours');
        const loopsBefore = await readLoops(url, loops);
        const cpuBefore = readCpu(pids);
        const coresBefore = coreTimes();
        const load = await runLoad(target, options.seconds, signal);
        const cpuAfter = readCpu(pids);
        const coresAfter = coreTimes();
        const loopsAfter = await readLoops(url, loops);
        signal.throwIfAborted();
        await sleep(settleAfter(load), signal);
        const upstream = await readJournals(url);
        const subgraphsAfter = await subgraphRequestCounts(url);
        const measurement = toMeasurement({
          mode,
          round,
          gateway: gateway.key,
          load,
          cpuBefore,
          cpuAfter,
          coreBusy: coreBusy(coresBefore, coresAfter),
          gatewayRssMb: pids.gateway === null ? null : rssMb(pids.gateway),
          upstream,
          subgraphsBefore,
          subgraphsAfter,
          loopDelay: loopDelays(loopsBefore, loopsAfter, load.wallMs),
        });
        measurements.push(measurement);
        printMeasurement(measurement, options.rounds);
      }
    }
  }
  // Realistic latencies at lighter loads: where the shared core is not full (report section).
  const lowerLoads: LowerLoad[] = [];
  if (options.modes.includes('realistic') && options.lowerLoads.length > 0) {
    await setLatencyMode(url, 'realistic');
    for (const connections of options.lowerLoads) {
      for (const gateway of gateways) {
        signal.throwIfAborted();
        const target = await loadOn(gateway.graphqlUrl, options.warmupSeconds + options.seconds, connections);
        await warmUp(target);
        const coresBefore = coreTimes();
        const load = await runLoad(target, options.seconds, signal);
        const busy = sharedCoresBusy(coreBusy(coresBefore, coreTimes()), gatewayCore);
        await sleep(settleAfter(load), signal);
        const lower: LowerLoad = {
          gateway: gateway.key,
          connections,
          requests: load.requests,
          errors: load.errors,
          requestsPerSecond: load.requests / (load.wallMs / 1_000),
          latency: latencies(load.latenciesMs),
          sharedCoresBusy: busy,
        };
        lowerLoads.push(lower);
        console.log(
          `realistic, ${String(connections).padStart(2)} in flight  ${GATEWAYS[gateway.key].padEnd(34)} ` +
            `${lower.requestsPerSecond.toFixed(1).padStart(6)} req/s  p50/p95/p99 ` +
            `${Math.round(lower.latency.p50)}/${Math.round(lower.latency.p95)}/${Math.round(lower.latency.p99)} ms  ` +
            `fouten ${lower.errors}  gedeelde kern ${busy === null ? '–' : `${Math.round(busy * 100)}%`}`,
        );
      }
    }
  }
  await setLatencyMode(url, 'instant');

  // --- memory at the end, then stop ----------------------------------------------------------
  const table = stack.processes().pids;
  const rssEndMb: Record<string, number | null> = {
    launcher: rssMb(stack.launcherPid),
    ...Object.fromEntries(CHILD_NAMES.map((name) => [name, table[name] === null ? null : rssMb(table[name])])),
    ...Object.fromEntries([...running].map(([key, peer]) => [key, rssMb(peer.pid)])),
    'load generator': rssMb(process.pid),
  };
  const loadEnd = loadavg();
  for (const peer of peers) await peer.stop();
  console.log('Stack stoppen …');
  await stack.stop();

  // --- the report ------------------------------------------------------------------------------
  const summaries = summarise(measurements, gatewayCore, options.connections);
  if (options.quick) notes.push('A --quick run: a few seconds per run and one round say little; use the full run.');
  notes.push(
    'Every process runs with NODE_ENV=development, as the launcher starts the stack here (scripts/soak/stack.ts); ' +
      'the peers get the same.',
  );
  let report: BenchReport = {
    date,
    machine,
    loadAverage: { start: loadStart, end: loadEnd },
    options,
    pinning,
    gatewayCore,
    residents: residents.map((r) => r.resident.bsn),
    skipped,
    availability,
    answers,
    rustPlanner,
    measurements,
    summaries,
    lowerLoads,
    ratios: ratios(summaries),
    rssEndMb,
    targets: judgeTargets(summaries, rssEndMb, options.connections, lowerLoads),
    profile: null,
    // A pinning failure is noted before every run it happens in; once is enough here.
    notes: [...new Set(notes)],
  };
  const write = async () => {
    writeFileSync(REPORT_MD, renderMarkdown(report));
    writeFileSync(REPORT_JSON, await renderJson(report, REPORT_JSON));
  };
  // Written now, so a profile pass that fails or is interrupted does not cost the measurements.
  await write();
  if (options.profile) {
    try {
      report = { ...report, profile: await profilePass(options, gatewayCore, otherCores, signal) };
    } catch (error) {
      if (signal.aborted) throw error;
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      console.error(`Profiel mislukt: ${reason}`);
      report = { ...report, notes: [...report.notes, `The profile pass (--profile) failed: ${reason}`] };
    }
    await write();
  }

  console.log('');
  for (const s of summaries) {
    console.log(
      `${s.mode.padEnd(9)} ${GATEWAYS[s.gateway].padEnd(34)} ${s.requestsPerSecond.toFixed(0).padStart(5)} req/s  ` +
        `p50/p95/p99 ${Math.round(s.latency.p50)}/${Math.round(s.latency.p95)}/${Math.round(s.latency.p99)} ms  ` +
        `fouten ${s.errors}  gateway ${fixed(s.cpuMsPerRequest.gateway)} ms/req  met subgraphs ${fixed(s.productCpuMsPerRequest)} ms/req`,
    );
  }
  for (const r of report.ratios) {
    console.log(
      `${r.mode.padEnd(9)} ons / ${GATEWAYS[r.peer]}: CPU ${fixed(r.gatewayCpu)}×, doorvoer ${fixed(r.throughput)}×`,
    );
  }
  console.log(
    `RSS aan het eind (MB): ${Object.entries(rssEndMb)
      .map(([n, mb]) => `${n} ${mb?.toFixed(0) ?? '–'}`)
      .join(', ')}`,
  );
  console.log(`Verslag in docs/bench.md en docs/bench.json.`);
  return 0;
}

function fixed(value: number | null): string {
  return value === null ? '–' : value.toFixed(2);
}

/** The commit the build came from, and whether the work tree differed from it. */
function sourceVersion(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const changed = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd: ROOT,
      encoding: 'utf8',
    })
      .split('\n')
      .filter(Boolean).length;
    return `, built from ${commit}${changed > 0 ? ` with ${changed} changed file${changed === 1 ? '' : 's'}` : ''}`;
  } catch {
    return '';
  }
}

function readCpu(pids: Readonly<Record<MeasuredProcess, number | null>>): Record<MeasuredProcess, number | null> {
  return Object.fromEntries(MEASURED.map((name) => [name, pids[name] === null ? null : cpuMs(pids[name])])) as Record<
    MeasuredProcess,
    number | null
  >;
}

function toMeasurement(input: {
  mode: Mode;
  round: number;
  gateway: GatewayKey;
  load: LoadResult;
  cpuBefore: Readonly<Record<MeasuredProcess, number | null>>;
  cpuAfter: Readonly<Record<MeasuredProcess, number | null>>;
  coreBusy: Record<number, number>;
  gatewayRssMb: number | null;
  upstream: ReadonlyMap<string, number>;
  subgraphsBefore: Readonly<Record<SubgraphName, number | null>>;
  subgraphsAfter: Readonly<Record<SubgraphName, number | null>>;
  loopDelay: Partial<Record<LoopProcess, LoopDelay | null>>;
}): Measurement {
  const { load } = input;
  const per = (value: number | null) => (value === null || load.requests === 0 ? null : value / load.requests);
  const perSent = (value: number | null) => (value === null || load.sent === 0 ? null : value / load.sent);
  const cpuMsPerRequest = Object.fromEntries(
    MEASURED.map((name) => {
      const before = input.cpuBefore[name];
      const after = input.cpuAfter[name];
      // A process restarted in between has a new pid and a counter from zero: no reading.
      return [name, before === null || after === null || after < before ? null : per(after - before)];
    }),
  ) as Record<MeasuredProcess, number | null>;
  return {
    mode: input.mode,
    round: input.round,
    gateway: input.gateway,
    wallMs: load.wallMs,
    requests: load.requests,
    errors: load.errors,
    problems: Object.fromEntries(load.problems),
    requestsPerSecond: load.requests / (load.wallMs / 1_000),
    latency: latencies(load.latenciesMs),
    cpuMsPerRequest,
    coreBusy: input.coreBusy,
    gatewayRssMb: input.gatewayRssMb,
    upstreamPerRequest: Object.fromEntries([...input.upstream].map(([api, n]) => [api, perSent(n) ?? 0])),
    subgraphCallsPerRequest: Object.fromEntries(
      SUBGRAPHS.map((name) => {
        const before = input.subgraphsBefore[name];
        const after = input.subgraphsAfter[name];
        return [name, before === null || after === null ? null : perSent(after - before)];
      }),
    ) as Record<SubgraphName, number | null>,
    loopDelay: input.loopDelay,
    latenciesMs: load.latenciesMs,
  };
}

function printMeasurement(m: Measurement, rounds: number): void {
  const cpu = m.cpuMsPerRequest;
  const subgraphs = SUBGRAPHS.map((name) => cpu[name]);
  const subgraphTotal = subgraphs.some((v) => v === null) ? null : subgraphs.reduce<number>((a, v) => a + (v ?? 0), 0);
  const problems = Object.entries(m.problems)
    .map(([p, n]) => `${p} ×${n}`)
    .join(', ');
  const loops = Object.entries(m.loopDelay)
    .map(([name, d]) => `${name} ${d ? `${Math.round(d.p99Ms)}/${Math.round(d.maxMs)}` : '–'}`)
    .join(', ');
  console.log(
    `${m.mode.padEnd(9)} ronde ${m.round}/${rounds}  ${GATEWAYS[m.gateway].padEnd(34)} ${m.requestsPerSecond.toFixed(1).padStart(6)} req/s  ` +
      `p50/p95/p99 ${Math.round(m.latency.p50)}/${Math.round(m.latency.p95)}/${Math.round(m.latency.p99)} ms  ` +
      `fouten ${m.errors}  CPU ms/req gateway ${fixed(cpu.gateway)}, subgraphs ${fixed(subgraphTotal)}  ` +
      `cores ${Object.entries(m.coreBusy)
        .map(([core, busy]) => `${core}:${Math.round(busy * 100)}%`)
        .join(' ')}  RSS ${m.gatewayRssMb?.toFixed(0) ?? '–'} MB${problems ? `  (${problems})` : ''}\n` +
      `          wachttijd event loop p99/max ms: ${loops}`,
  );
}

/** Each peer's answer for the same residents next to ours. */
async function compareAnswers(
  gateways: readonly { key: GatewayKey; graphqlUrl: string }[],
  residents: readonly Participant[],
  dispatcher: Agent,
): Promise<AnswerCheck[]> {
  const answersOf = async (graphqlUrl: string) => {
    const answers: { data: unknown; errorCodes: string[]; status: number }[] = [];
    for (const resident of residents) {
      const answer = await askMijnOverzicht({ graphqlUrl, body: BODY, dispatcher }, await resident.resident.token());
      answers.push(
        'error' in answer
          ? { data: undefined, errorCodes: [answer.error], status: 0 }
          : { ...dataAndErrors(answer.body), status: answer.status },
      );
    }
    return answers;
  };
  const reference = await answersOf(gateways[0]?.graphqlUrl ?? '');
  const checks: AnswerCheck[] = [];
  for (const gateway of gateways.slice(1)) {
    const theirs = await answersOf(gateway.graphqlUrl);
    const differences = theirs.flatMap((answer, i) => {
      const ourAnswer = reference[i];
      const bsn = residents[i]?.resident.bsn ?? '?';
      if (!ourAnswer) return [];
      if (answer.status !== ourAnswer.status) return [`${bsn}: HTTP ${answer.status} vs ${ourAnswer.status}`];
      const where = firstDifference(answer.data, ourAnswer.data);
      const codes = answer.errorCodes.join(',') !== ourAnswer.errorCodes.join(',');
      return [
        ...(where === undefined ? [] : [`${bsn}: data differs at \`${where}\``]),
        ...(codes
          ? [`${bsn}: errors ${answer.errorCodes.join(', ') || 'none'} vs ${ourAnswer.errorCodes.join(', ') || 'none'}`]
          : []),
      ];
    });
    checks.push({
      gateway: gateway.key,
      same: differences.length === 0,
      detail:
        differences.length === 0
          ? `the same data for ${residents.length} residents (${reference.map((a) => a.errorCodes.length).reduce((x, y) => x + y, 0)} errors in ours)`
          : differences.join('; '),
    });
  }
  return checks;
}

/**
 * A second stack with `--cpu-prof` on every process (the launcher passes NODE_OPTIONS on to its
 * children), loaded through our gateway with instant upstreams; then stopped, which makes each
 * process write its profile, and the gateway's and the zaken subgraph's are summarised.
 */
async function profilePass(
  options: BenchOptions,
  gatewayCore: number | null,
  otherCores: readonly number[],
  signal: AbortSignal,
): Promise<ProfileResult> {
  const dir = join(temp, 'profiles');
  mkdirSync(dir, { recursive: true });
  const previous = process.env['NODE_OPTIONS'];
  const flags = `--cpu-prof --cpu-prof-dir=${/\s/.test(dir) ? JSON.stringify(dir) : dir}`;
  // LaunchedStack lets this process's environment win over its defaults, so the flag goes there.
  process.env['NODE_OPTIONS'] = previous ? `${previous} ${flags}` : flags;
  // The launcher and its children inherit this process's cores: all of them while they start.
  if (gatewayCore !== null) pin(process.pid, [...otherCores, gatewayCore]);
  let stack: LaunchedStack | undefined;
  console.log(`\nProfiel: tweede stack met --cpu-prof (profielen in ${dir}) …`);
  try {
    // Every process starts under the profiler at once: on a busy machine one may miss the
    // launcher's 30 s health deadline, and a second try usually makes it.
    for (let attempt = 1; stack === undefined; attempt++) {
      try {
        stack = await LaunchedStack.start({
          root: ROOT,
          dataDir: join(temp, `profile-data-${attempt}`),
          logFile: join(temp, 'profile-launcher.log'),
          defaults: {},
          signal,
        });
      } catch (error) {
        if (attempt >= 2 || signal.aborted) throw error;
        console.error(
          `Profiel: de stack startte niet (${error instanceof Error ? error.message.split('\n')[0] : error}); nog één poging …`,
        );
      }
    }
  } finally {
    if (previous === undefined) delete process.env['NODE_OPTIONS'];
    else process.env['NODE_OPTIONS'] = previous;
  }
  stacks.push(stack);
  const pids = stack.processes().pids;
  if (gatewayCore !== null) {
    pin(process.pid, otherCores);
    for (const name of CHILD_NAMES) {
      const pid = pids[name];
      if (pid !== null) pin(pid, name === 'gateway' ? [gatewayCore] : otherCores);
    }
    pin(stack.launcherPid, otherCores);
  }
  const agent = new Agent({ connections: 4 });
  const login: LoginTarget = {
    issuer: stack.url('IDP_PORT'),
    clientId: process.env['IDP_CLIENT_ID'] || 'mijn-omgeving-dev',
    redirectUri: `${stack.url('GATEWAY_PORT')}/`,
    audience: process.env['IDP_AUDIENCE'] || 'profielservice',
  };
  const graphqlUrl = stack.url('GATEWAY_PORT', '/graphql');
  const { residents } = await chooseResidents(
    options.residents,
    login,
    { graphqlUrl, body: BODY, dispatcher: agent },
    signal,
  );
  await agent.close();
  const callers = await tokensFor(residents, (options.warmupSeconds + options.seconds) * 1_000);
  const target = { graphqlUrl, body: BODY, residents: callers, connections: options.connections };
  if (options.warmupSeconds > 0) await runLoad(target, options.warmupSeconds, signal);
  const fromUs = monotonicUs();
  const load = await runLoad(target, options.seconds, signal);
  const window = { fromUs, toUs: monotonicUs() };
  console.log(`Profiel: ${load.requests} verzoeken in ${(load.wallMs / 1_000).toFixed(1)} s; stack stoppen …`);
  await stack.stop();
  const processes = (['gateway', 'zaken'] as const).map((name) => {
    const pid = pids[name];
    const file = pid === null ? undefined : profileFileOf(dir, pid);
    if (!file) {
      return {
        process: name,
        summary: null,
        detail: `No profile was written for pid ${pid ?? '?'} (a process killed before it could exit writes none).`,
      };
    }
    const summary = summariseProfile(file, ROOT, window);
    console.log(
      `Profiel ${name}: ${summary.top
        .slice(0, 5)
        .map((f) => `${f.name || '(anonymous)'} ${f.selfPercent.toFixed(1)}%`)
        .join(', ')} …`,
    );
    return {
      process: name,
      summary,
      detail:
        `pid ${pid}, \`${file.slice(dir.length + 1)}\`, ` +
        (summary.windowed ? 'samples of the measured load only,' : 'the whole profile (start-up included),'),
    };
  });
  return { requests: load.requests, seconds: load.wallMs / 1_000, processes };
}
