/**
 * `npm run bench:subgraph -- [--subgraph <name>] [--connections 1,10] [--seconds 10] [--rounds 2]`:
 * what one call costs a subgraph, apart from the gateway and the other subgraphs. The full
 * benchmark (`npm run bench`) measures a page, with six processes taking turns on one core; its
 * per-subgraph figures move by a quarter from one minute to the next, too much to see a change of
 * a few per cent in one subgraph. Here the subgraph under test has a core to itself and gets the
 * call our gateway sends it for MijnOverzicht (planned from the committed supergraph, sent as its
 * hash as the gateway does), with a resident's internal token, from this process, with instant
 * upstreams. Per run it prints calls per second, latency, errors, and the subgraph's CPU per call
 * in user and system time, and the simulators' beside it. The machine's own speed still moves the
 * figures from one minute to the next: compare two versions in alternating runs.
 *
 * The connections are the calls in flight. One at a time, each call wakes the subgraph on its
 * own; with more in flight it handles several per wake-up, and what a wake-up costs is shared.
 * In the full benchmark, where the subgraph takes turns on one core with five other processes, a
 * call costs more than in either.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { request } from 'undici';
import { z } from 'zod';
import { pseudonymFor } from '../lib/identity/index.js';
import { createInternalTokenSigner } from '../lib/internal-token.js';
import type { DevSecrets } from './dev-secrets.js';
import { optionsOrExit } from './cli.js';
import { runLoad } from './bench/load.js';
import { plannedFetches } from './bench/planned-fetches.js';
import { CAN_PIN, cpuMs, cpuTimesMs, pin } from './bench/proc.js';
import { table } from './bench/report.js';
import { setLatencyMode, SUBGRAPH_PORTS, SUBGRAPHS, type SubgraphName } from './bench/upstream.js';
import { candidateResidentBsns } from './soak/load.js';
import { CHILD_NAMES, LaunchedStack } from './soak/stack.js';
import { latencies, percentile } from './soak/stats.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url)); // dist/scripts → project root
const OPERATION_NAME = 'MijnOverzicht';

const USAGE = `npm run bench:subgraph -- [options]

  --subgraph <name>     brp, zaken, berichten, voorkeuren or all (default all)
  --connections <list>  calls in flight, one run per value, e.g. 1,10 (default 1,10)
  --seconds <n>         length of one measured run (default 10)
  --warmup <n>          seconds of unmeasured calls before the first run of a subgraph (default 5)
  --rounds <n>          how often each run is repeated (default 2)
  --residents <n>       residents whose tokens the calls take in turn (default 40)
  --help                this text

Prints its figures; writes no report.`;

interface Options {
  readonly subgraphs: readonly SubgraphName[];
  readonly connections: readonly number[];
  readonly seconds: number;
  readonly warmupSeconds: number;
  readonly rounds: number;
  readonly residents: number;
}

const schema = z.object({
  subgraph: z.enum([...SUBGRAPHS, 'all']).default('all'),
  connections: z
    .string()
    .default('1,10')
    .transform((text) => text.split(',').map((part) => Number(part.trim())))
    .pipe(z.array(z.number().int().min(1).max(500)).min(1)),
  seconds: z.coerce.number().min(1).max(600).default(10),
  warmup: z.coerce.number().min(0).max(120).default(5),
  rounds: z.coerce.number().int().min(1).max(20).default(2),
  residents: z.coerce.number().int().min(1).max(200).default(40),
});

function parseSubgraphBenchOptions(args: readonly string[]): Options | 'help' {
  const { values } = parseArgs({
    args: [...args],
    strict: true,
    allowPositionals: false,
    options: {
      subgraph: { type: 'string' },
      connections: { type: 'string' },
      seconds: { type: 'string' },
      warmup: { type: 'string' },
      rounds: { type: 'string' },
      residents: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return 'help';
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('\n'));
  }
  const { subgraph, connections, seconds, warmup, rounds, residents } = parsed.data;
  return {
    subgraphs: subgraph === 'all' ? SUBGRAPHS : [subgraph],
    connections,
    seconds,
    warmupSeconds: warmup,
    rounds,
    residents,
  };
}

/** One measured run of one subgraph. */
interface Run {
  readonly subgraph: SubgraphName;
  readonly connections: number;
  readonly callsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  readonly problems: string;
  readonly userUs: number | null;
  readonly systemUs: number | null;
  readonly simulatorsUs: number | null;
}

const perCall = (before: number | undefined, after: number | undefined, calls: number): number | null =>
  before === undefined || after === undefined || calls === 0 ? null : ((after - before) * 1_000) / calls;

async function main(): Promise<void> {
  const options = optionsOrExit(parseSubgraphBenchOptions, USAGE);
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  const temp = mkdtempSync(join(tmpdir(), 'profielservice-bench-subgraph-'));
  const stack = await LaunchedStack.start({
    root: ROOT,
    dataDir: join(temp, 'data'),
    logFile: join(temp, 'launcher.log'),
    defaults: {},
    signal: controller.signal,
  });
  try {
    const runs = await measure(stack, options, controller.signal);
    console.log(`\n${summaryTable(runs)}`);
    rmSync(temp, { recursive: true, force: true });
  } catch (error) {
    console.error(`Mislukt; logboek en data in ${temp}`);
    throw error;
  } finally {
    await stack.stop();
  }
}

async function measure(stack: LaunchedStack, options: Options, signal: AbortSignal): Promise<Run[]> {
  const pids = stack.processes().pids;
  const cores = cpus().length;
  // The subgraph under test gets the last core; everything else, this process too, the others.
  const ownCore = CAN_PIN && cores >= 2 ? cores - 1 : null;
  const otherCores = ownCore === null ? [] : Array.from({ length: cores - 1 }, (_, core) => core);
  const place = (measured: SubgraphName) => {
    if (ownCore === null) return;
    pin(process.pid, otherCores);
    pin(stack.launcherPid, otherCores);
    for (const name of CHILD_NAMES) {
      const pid = pids[name];
      if (pid !== null) pin(pid, name === measured ? [ownCore] : otherCores);
    }
  };
  console.log(
    ownCore === null
      ? 'Niet vastgepind (geen taskset of één core): de subgraph deelt de cores met de rest.'
      : `De subgraph onder meting op core ${ownCore}, al het andere op ${otherCores.join(',')}.`,
  );

  await setLatencyMode((port, path) => stack.url(port, path), 'instant');
  const secrets = JSON.parse(readFileSync(join(stack.dataDir, 'dev-secrets.json'), 'utf8')) as DevSecrets;
  // Tokens for the whole measurement: the gateway's last a minute and are reused within it.
  const seconds =
    options.subgraphs.length *
    (options.warmupSeconds + options.connections.length * options.rounds * (options.seconds + 2));
  const signer = await createInternalTokenSigner(secrets.internalPrivateJwk, { ttlSeconds: seconds + 120 });
  const identities = candidateResidentBsns()
    .slice(0, options.residents)
    .map((bsn) => ({ soort: 'INWONER', middel: 'DIGID', niveau: 'MIDDEN', bsn }) as const);
  const fetches = plannedFetches(
    readFileSync(join(ROOT, 'schema/supergraph.graphql'), 'utf8'),
    readFileSync(join(ROOT, 'schema/operations/MijnOverzicht.graphql'), 'utf8'),
    OPERATION_NAME,
  );

  const runs: Run[] = [];
  for (const subgraph of options.subgraphs) {
    const query = fetches.get(subgraph);
    if (query === undefined) throw new Error(`MijnOverzicht asks the ${subgraph} subgraph nothing`);
    place(subgraph);
    const graphqlUrl = stack.url(SUBGRAPH_PORTS[subgraph], '/graphql');
    const residents = await Promise.all(
      identities.map(async (identity, i) => ({
        token: await signer.sign(subgraph, {
          kind: 'person',
          requestId: `bench-subgraph-${i}`,
          gebruikerId: pseudonymFor(identity, secrets.pseudonymKey),
          identity,
        }),
      })),
    );
    const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') };
    // The first call brings the text with its hash, as the gateway's does; every later one the hash alone.
    const first = await request(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${residents[0]?.token ?? ''}` },
      body: JSON.stringify({ query, variables: {}, extensions: { persistedQuery } }),
    });
    const firstBody = await first.body.text();
    if (first.statusCode !== 200 || firstBody.includes('"errors"')) {
      throw new Error(`${subgraph} answered the first call with ${first.statusCode}: ${firstBody.slice(0, 200)}`);
    }
    const body = JSON.stringify({ variables: {}, extensions: { persistedQuery } });
    const target = (connections: number) => ({ graphqlUrl, body, residents, connections });
    if (options.warmupSeconds > 0)
      await runLoad(target(Math.max(...options.connections)), options.warmupSeconds, signal);
    for (let round = 1; round <= options.rounds; round++) {
      for (const connections of options.connections) {
        const subgraphPid = pids[subgraph];
        const simulatorsPid = pids.simulators;
        const before = subgraphPid === null ? null : cpuTimesMs(subgraphPid);
        const simulatorsBefore = simulatorsPid === null ? null : cpuMs(simulatorsPid);
        const load = await runLoad(target(connections), options.seconds, signal);
        const after = subgraphPid === null ? null : cpuTimesMs(subgraphPid);
        const simulatorsAfter = simulatorsPid === null ? null : cpuMs(simulatorsPid);
        const { p50, p99 } = latencies(load.latenciesMs);
        const run: Run = {
          subgraph,
          connections,
          callsPerSecond: load.requests / (load.wallMs / 1_000),
          p50,
          p99,
          errors: load.errors,
          problems: [...load.problems].map(([problem, n]) => `${problem} ×${n}`).join(', '),
          userUs: perCall(before?.userMs, after?.userMs, load.requests),
          systemUs: perCall(before?.systemMs, after?.systemMs, load.requests),
          simulatorsUs: perCall(simulatorsBefore ?? undefined, simulatorsAfter ?? undefined, load.requests),
        };
        runs.push(run);
        console.log(
          `${subgraph.padEnd(10)} ${String(connections).padStart(3)} in flight, ronde ${round}: ` +
            `${run.callsPerSecond.toFixed(0)} calls/s, p50/p99 ${p50.toFixed(1)}/${p99.toFixed(1)} ms, ` +
            `CPU ${us(run.userUs)} + ${us(run.systemUs)} µs per call (user + system), ` +
            `simulators ${us(run.simulatorsUs)} µs, fouten ${run.errors}${run.problems ? ` (${run.problems})` : ''}`,
        );
      }
    }
  }
  return runs;
}

const us = (value: number | null): string => (value === null ? '–' : value.toFixed(0));

/** The middle value (the lower of the two middle ones), or null for none. */
function median(values: readonly (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null).sort((a, b) => a - b);
  return known.length === 0 ? null : percentile(known, 50);
}

/** Per subgraph and calls in flight, the median over the rounds, and the range of the CPU per call. */
function summaryTable(runs: readonly Run[]): string {
  const keys = [...new Set(runs.map((run) => `${run.subgraph} ${run.connections}`))];
  const rows = keys.flatMap((key) => {
    const group = runs.filter((run) => `${run.subgraph} ${run.connections}` === key);
    const [first] = group;
    if (first === undefined) return [];
    const cpu = group.map((run) => (run.userUs === null || run.systemUs === null ? null : run.userUs + run.systemUs));
    const known = cpu.filter((value): value is number => value !== null);
    return [
      [
        first.subgraph,
        String(first.connections),
        us(median(group.map((run) => run.callsPerSecond))),
        us(median(cpu)),
        `${us(median(group.map((run) => run.userUs)))} / ${us(median(group.map((run) => run.systemUs)))}`,
        known.length > 0 ? `${us(Math.min(...known))}–${us(Math.max(...known))}` : '–',
        us(median(group.map((run) => run.simulatorsUs))),
        String(group.reduce((sum, run) => sum + run.errors, 0)),
      ],
    ];
  });
  return table(
    [
      'subgraph',
      'in flight',
      'calls/s',
      'CPU µs per call',
      'of which user / system',
      'range over rounds',
      'simulators µs per call',
      'errors',
    ],
    rows,
  );
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
