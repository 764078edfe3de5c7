import { randomUUID } from 'node:crypto';
import { silentLogger } from '../../lib/logging.js';
import { createCatalogusCache } from '../../subgraphs/zaken/catalogus-cache.js';
import { createPostgresVoorkeurenStores, type VoorkeurenStores } from '../../subgraphs/voorkeuren/store/open.js';
import { MijnOverzichtDocument, type MijnOverzichtQuery } from '../../schema/generated/graphql.js';
import {
  meOf,
  startStack,
  type GraphQLResponse,
  type Stack,
  type SubgraphName,
  type UpstreamName,
} from '../helpers/stack.js';
import type { HttpFault } from '../helpers/fault-proxy.js';
import { probeRedis, TEST_REDIS_URL } from '../helpers/services.js';
import { startTcpProxy, type ProxyMode, type TcpProxy } from '../helpers/tcp-proxy.js';
import { testCipher } from '../voorkeuren/harness.js';
import { createTestSchema, probePostgres } from '../voorkeuren/postgres.js';

/**
 * The fault matrix: one failure at a time, somewhere between the gateway, the subgraphs and their
 * upstreams, and what a resident then gets from MijnOverzicht. Each scenario names the section
 * that must degrade (and how); every other section must answer as usual, `me.id` must be there,
 * the answer must come within the scenario's time limit, nothing internal may show, and after
 * the fault is gone the page must be whole again. Run by `test/faults/matrix.test.ts` (CI) and
 * `npm run faults` (prints the matrix and writes docs/faults.md).
 */

export const SECTIONS = ['persoonsgegevens', 'zaken', 'berichten', 'voorkeuren'] as const;
export type Section = (typeof SECTIONS)[number];
/** What a section showed: its `bron.status`, or `null` when the gateway had to leave it out. */
export type SectionState = 'OK' | 'ONVOLLEDIG' | 'NIET_BESCHIKBAAR' | 'NIET_VAN_TOEPASSING' | 'null';

/**
 * The stack the matrix runs against: every process of MijnOverzicht in this process, a proxy
 * before each subgraph and upstream, and, where they answer, the catalogus cache on real Redis
 * and the voorkeuren store on real PostgreSQL, each behind a TCP proxy.
 */
export interface MatrixWorld extends AsyncDisposable {
  readonly stack: Stack;
  readonly token: string;
  /** `me.id` of the resident, as a healthy stack answers it. */
  readonly id: string;
  readonly postgres: TcpProxy | null;
  readonly redis: TcpProxy | null;
  /** Why rows were left out (a service that does not answer on this machine). */
  readonly skipped: readonly string[];
}

/** Starts the {@link MatrixWorld}, with PostgreSQL and Redis when they answer here. */
export async function startMatrixWorld(): Promise<MatrixWorld> {
  const disposers: Array<() => PromiseLike<unknown>> = [];
  const dispose = async () => {
    for (const d of disposers.reverse()) await d();
  };
  const skipped: string[] = [];
  try {
    let postgres: TcpProxy | null = null;
    let stores: VoorkeurenStores | undefined;
    const pg = await probePostgres();
    if (pg.ok) {
      const schema = await createTestSchema(pg.url);
      disposers.push(() => schema[Symbol.asyncDispose]());
      const target = new URL(pg.url);
      postgres = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
      disposers.push(() => (postgres as TcpProxy).close());
      target.host = postgres.address;
      // Production's time-outs and breaker (2 s to connect, 5 failures, 5 s open).
      stores = await createPostgresVoorkeurenStores(
        { connectionString: target.toString(), schema: schema.name },
        { cipher: testCipher() },
      );
      const opened = stores;
      disposers.push(() => opened.store[Symbol.asyncDispose]());
    } else skipped.push(`PostgreSQL rows: ${pg.reason}`);

    let redis: TcpProxy | null = null;
    let catalogusCache;
    const redisProbe = await probeRedis();
    if (redisProbe.ok) {
      const target = new URL(TEST_REDIS_URL);
      redis = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
      disposers.push(() => (redis as TcpProxy).close());
      const cache = await createCatalogusCache(
        {
          REDIS_URL: `redis://${redis.address}`,
          ZAKEN_CACHE_PREFIX: `test:faults:${randomUUID()}:`,
          ZAKEN_CATALOGUS_TTL_SECONDS: 3_600,
          ZAKEN_CATALOGUS_STALE_SECONDS: 86_400,
        },
        silentLogger,
      );
      disposers.push(() => cache.close());
      catalogusCache = cache.cache;
    } else skipped.push(`Redis rows: ${redisProbe.reason}`);

    const stack = await startStack({
      subgraphProxies: true,
      upstreamProxies: true,
      gateway: { requestDeadlineMs: MATRIX_DEADLINE_MS, subgraphTimeoutMs: MATRIX_DEADLINE_MS },
      ...(stores ? { voorkeurenStores: stores } : {}),
      ...(catalogusCache ? { catalogusCache } : {}),
    });
    disposers.push(() => stack[Symbol.asyncDispose]());
    const token = await stack.login({ bsn: '999993653' });
    const id = meOf(await stack.query(MijnOverzichtDocument, { token })).id;
    return { stack, token, id, postgres, redis, skipped, [Symbol.asyncDispose]: dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

export interface Scenario {
  /** Where the fault is, e.g. "subgraph brp" or "BRP API". */
  readonly where: string;
  /** What goes wrong there, in words. */
  readonly fault: string;
  /** Switches the fault on. */
  apply(world: MatrixWorld): void;
  /** The sections that must degrade, and to what; all others must be OK. */
  readonly expect: Partial<Record<Section, SectionState>>;
  /** The longest the resident may wait for the page (ms). */
  readonly maxMs: number;
}

export interface Outcome {
  readonly scenario: Scenario;
  readonly sections: Record<Section, SectionState>;
  readonly ms: number;
  /** How long until the whole page answered again after the fault was removed (ms). */
  readonly recoveredMs: number | null;
  readonly problems: readonly string[];
}

/** The deadline of the gateway the matrix runs against (shorter than production's, same rules). */
export const MATRIX_DEADLINE_MS = 3_000;
/** The stack's per-attempt upstream timeout (test/helpers/stack.ts). */
const UPSTREAM_TIMEOUT_MS = 2_000;
/** Slack for a busy two-core machine. */
const SLACK_MS = 700;

const SUBGRAPH_SECTION: Record<SubgraphName, Section> = {
  brp: 'persoonsgegevens',
  zaken: 'zaken',
  berichten: 'berichten',
  voorkeuren: 'voorkeuren',
};

const TCP_FAULTS: Array<[ProxyMode, string]> = [
  ['blackhole', 'stopped: accepts, never answers'],
  ['reset', 'dead: connections reset'],
];

const UPSTREAMS: Array<{ name: UpstreamName; where: string; section: Section; degraded: SectionState }> = [
  { name: 'brp', where: 'BRP API', section: 'persoonsgegevens', degraded: 'NIET_BESCHIKBAAR' },
  { name: 'zgwA', where: 'Zaaksysteem A', section: 'zaken', degraded: 'ONVOLLEDIG' },
  { name: 'zgwB', where: 'Zaaksysteem B', section: 'zaken', degraded: 'ONVOLLEDIG' },
  { name: 'mijnOverheid', where: 'MijnOverheid', section: 'berichten', degraded: 'NIET_BESCHIKBAAR' },
];

/** Each HTTP fault, whether the section must degrade, and how long the page may take. */
const HTTP_FAULTS: Array<{ fault: HttpFault; what: string; degrades: boolean; maxMs: number }> = [
  { fault: { kind: 'latency', ms: 300 }, what: '300 ms slower', degrades: false, maxMs: 300 + 1_000 },
  {
    fault: { kind: 'latency', ms: 30_000 },
    what: 'hangs (30 s)',
    degrades: true,
    maxMs: UPSTREAM_TIMEOUT_MS + SLACK_MS,
  },
  { fault: { kind: 'blackhole' }, what: 'black hole', degrades: true, maxMs: UPSTREAM_TIMEOUT_MS + SLACK_MS },
  { fault: { kind: 'reset' }, what: 'connection reset', degrades: true, maxMs: 1_000 },
  { fault: { kind: 'status', status: 503, count: 1 }, what: 'one 503', degrades: false, maxMs: 1_000 },
  { fault: { kind: 'status', status: 503, count: 1_000 }, what: '503 burst', degrades: true, maxMs: 1_000 },
  { fault: { kind: 'status', status: 500, count: 1_000 }, what: '500 burst', degrades: true, maxMs: 1_000 },
  { fault: { kind: 'truncate' }, what: 'body cut off', degrades: true, maxMs: 1_000 },
  { fault: { kind: 'malformed' }, what: 'not JSON', degrades: true, maxMs: 1_000 },
  { fault: { kind: 'wrongShape' }, what: 'wrong shape', degrades: true, maxMs: 1_000 },
  { fault: { kind: 'huge', bytes: 20 * 1024 * 1024 }, what: '20 MB body', degrades: true, maxMs: 2_000 },
];

/** Every scenario of the matrix that `world` can run, in the order they run. */
export function scenarios(world: Pick<MatrixWorld, 'postgres' | 'redis'>): Scenario[] {
  const list: Scenario[] = [];
  for (const [subgraph, section] of Object.entries(SUBGRAPH_SECTION) as Array<[SubgraphName, Section]>) {
    for (const [mode, what] of TCP_FAULTS) {
      list.push({
        where: `subgraph ${subgraph}`,
        fault: what,
        apply: ({ stack }) => stack.subgraphProxies[subgraph]?.setMode(mode),
        expect: { [section]: 'null' },
        maxMs: MATRIX_DEADLINE_MS + SLACK_MS,
      });
    }
  }
  for (const upstream of UPSTREAMS) {
    for (const { fault, what, degrades, maxMs } of HTTP_FAULTS) {
      list.push({
        where: upstream.where,
        fault: what,
        apply: ({ stack }) => stack.upstreamProxies[upstream.name]?.setFault(structuredClone(fault)),
        expect: degrades ? { [upstream.section]: upstream.degraded } : {},
        maxMs,
      });
    }
  }
  // The shared services, each behind a TCP proxy: Redis only speeds up the catalogus (whatever it
  // does, every section answers as usual); PostgreSQL holds the voorkeuren. The pool waits at
  // most 2 s for a connection and a query ends at the page's deadline.
  const shared = [
    { proxy: 'redis', where: 'Redis (catalogus cache)', expect: {}, maxMs: 1_000 },
    {
      proxy: 'postgres',
      where: 'PostgreSQL (voorkeuren store)',
      expect: { voorkeuren: 'NIET_BESCHIKBAAR' },
      maxMs: MATRIX_DEADLINE_MS + SLACK_MS,
    },
  ] as const;
  for (const service of shared) {
    if (!world[service.proxy]) continue;
    for (const [mode, what] of TCP_FAULTS) {
      list.push({
        where: service.where,
        fault: what,
        apply: (w) => w[service.proxy]?.setMode(mode, mode === 'blackhole' ? { existing: 'stall' } : {}),
        expect: service.expect,
        maxMs: service.maxMs,
      });
    }
  }
  return list;
}

/** Text that must never reach a resident: hosts, ports, paths, bodies, stack traces. */
const INTERNAL = /127\.0\.0\.1|localhost|ECONN|socket|fetch failed|serviceName|stack|Error:|Storing|fault proxy/i;

type Me = NonNullable<MijnOverzichtQuery['me']>;

function stateOf(me: Me | null | undefined, section: Section): SectionState {
  const value = me?.[section];
  return value ? (value.bron.status as SectionState) : 'null';
}

/** Sets every proxy back to passing traffic through. */
export function clearFaults(world: MatrixWorld): void {
  const { stack } = world;
  for (const proxy of Object.values(stack.subgraphProxies)) proxy.setMode('forward');
  for (const proxy of Object.values(stack.upstreamProxies)) proxy.setFault({ kind: 'none' });
  world.postgres?.setMode('forward');
  world.redis?.setMode('forward');
}

/** Queries MijnOverzicht until every section is OK again (breakers probe after a few seconds). */
async function waitForRecovery(stack: Stack, token: string, limitMs: number): Promise<number | null> {
  const start = performance.now();
  while (performance.now() - start < limitMs) {
    const me = (await stack.query(MijnOverzichtDocument, { token })).body.data?.me;
    if (SECTIONS.every((s) => stateOf(me, s) === 'OK')) return performance.now() - start;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return null;
}

/** Runs one scenario against a healthy stack and puts the stack back to healthy afterwards. */
export async function runScenario(world: MatrixWorld, scenario: Scenario): Promise<Outcome> {
  const { stack, token, id: expectedId } = world;
  scenario.apply(world);
  const start = performance.now();
  let response: GraphQLResponse<MijnOverzichtQuery>;
  try {
    response = await stack.query(MijnOverzichtDocument, { token });
  } finally {
    clearFaults(world);
  }
  const ms = performance.now() - start;
  const me = response.body.data?.me;
  const sections = Object.fromEntries(SECTIONS.map((s) => [s, stateOf(me, s)])) as Record<Section, SectionState>;
  const problems: string[] = [];
  if (response.status !== 200) problems.push(`HTTP ${response.status}`);
  if (me?.id !== expectedId) problems.push('me.id missing');
  for (const section of SECTIONS) {
    const wanted = scenario.expect[section] ?? 'OK';
    if (sections[section] !== wanted) problems.push(`${section}: ${sections[section]}, expected ${wanted}`);
  }
  if (ms > scenario.maxMs) problems.push(`took ${Math.round(ms)} ms, limit ${scenario.maxMs} ms`);
  if (JSON.stringify(response.body).match(INTERNAL)) problems.push('internal detail in the answer');
  const codes = (response.body.errors ?? []).map((e) => e.extensions?.['code']);
  if (codes.some((c) => c !== 'BRON_NIET_BESCHIKBAAR')) problems.push(`unexpected error codes ${codes.join(',')}`);
  const recoveredMs = await waitForRecovery(stack, token, 12_000);
  if (recoveredMs === null) problems.push('did not recover within 12 s');
  return { scenario, sections, ms, recoveredMs, problems };
}

const cell = (state: SectionState, expected: SectionState) =>
  state === expected && state === 'OK' ? 'OK' : `**${state}**`;

/** The matrix as a Markdown table. */
export function renderMatrix(outcomes: readonly Outcome[]): string {
  const header = `| where | fault | ${SECTIONS.join(' | ')} | answer in | whole again after | verdict |`;
  const rule = `|${' --- |'.repeat(SECTIONS.length + 5)}`;
  const rows = outcomes.map((o) => {
    const states = SECTIONS.map((s) => cell(o.sections[s], o.scenario.expect[s] ?? 'OK'));
    const recovered = o.recoveredMs === null ? 'never' : `${Math.round(o.recoveredMs)} ms`;
    const verdict = o.problems.length === 0 ? 'pass' : `FAIL: ${o.problems.join('; ')}`;
    return `| ${o.scenario.where} | ${o.scenario.fault} | ${states.join(' | ')} | ${Math.round(o.ms)} ms | ${recovered} | ${verdict} |`;
  });
  return [header, rule, ...rows].join('\n');
}
