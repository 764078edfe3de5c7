import { parseArgs } from 'node:util';
import { z } from 'zod';

export const MODES = ['instant', 'realistic'] as const;
export type Mode = (typeof MODES)[number];

/** What `npm run bench -- …` was asked to do. */
export interface BenchOptions {
  /** Length of one measured run (one gateway, one mode, one round). */
  readonly seconds: number;
  /** Load before each measured run that is not counted: connections, JIT, caches. */
  readonly warmupSeconds: number;
  /**
   * Load through every gateway in turn once the stack is up, before the first run: the subgraphs
   * that every gateway shares are compiled and their caches filled before anything is measured.
   */
  readonly stackWarmupSeconds: number;
  /** Requests in flight at any moment (autocannon connections). */
  readonly connections: number;
  /** Residents logged in; the requests take their tokens in turn. */
  readonly residents: number;
  /**
   * Realistic mode only: after the measured rounds, every gateway once more at each of these
   * lower numbers of requests in flight, for the latency at lighter loads (none: left out).
   */
  readonly lowerLoads: readonly number[];
  /** How often the series ours, Apollo, Hive … is repeated per mode. */
  readonly rounds: number;
  readonly modes: readonly Mode[];
  /** Also run a profiling pass (a second stack with `--cpu-prof`) and report where the time goes. */
  readonly profile: boolean;
  readonly quick: boolean;
  /** Keep the temporary folder (logs, data, profiles) after a run that went well. */
  readonly keepData: boolean;
}

export const USAGE = `npm run bench -- [options]

  --seconds <n>       length of one measured run (default 20; --quick 5)
  --warmup <n>        seconds of unmeasured load before each run (default 5; --quick 2)
  --stack-warmup <n>  seconds of unmeasured load through each gateway before the first run,
                      for the shared subgraphs (default 15; --quick 5)
  --connections <n>   requests in flight at once (default 50; --quick 10)
  --lower-loads <list>
                      with realistic latencies, also measure every gateway once at each of these
                      lower numbers of requests in flight, comma-separated (default 10,25;
                      --quick none; 0: none)
  --residents <n>     residents logged in, one token each, used in turn (default 40; --quick 10)
  --rounds <n>        how often ours, stock Apollo and Hive Gateway are measured in turn,
                      per mode (default 3; --quick 1)
  --mode <m>          instant, realistic or both (default both)
  --profile           afterwards, a second stack with --cpu-prof: the top 20 functions by
                      self time of our gateway and of the zaken subgraph
  --quick             a short smoke run (the defaults above marked --quick)
  --keep-data         keep the temporary folder (logs, data, profiles) afterwards
  --help              this text

Writes docs/bench.md and docs/bench.json.`;

const count = (min: number, max: number) => z.coerce.number().int().min(min).max(max).optional();
const schema = z.object({
  seconds: z.coerce.number().min(1).max(600).optional(),
  warmup: z.coerce.number().min(0).max(120).optional(),
  'stack-warmup': z.coerce.number().min(0).max(300).optional(),
  connections: count(1, 500),
  'lower-loads': z
    .string()
    .regex(/^\d+(,\d+)*$/, 'a comma-separated list of whole numbers, such as 10,25')
    .optional(),
  residents: count(1, 200),
  rounds: count(1, 20),
  mode: z.enum(['instant', 'realistic', 'both']).default('both'),
  profile: z.boolean().default(false),
  quick: z.boolean().default(false),
  'keep-data': z.boolean().default(false),
});

/** Reads the command line; throws an Error with a readable message when it is wrong. */
export function parseOptions(args: readonly string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: [...args],
    strict: true,
    allowPositionals: false,
    options: {
      seconds: { type: 'string' },
      warmup: { type: 'string' },
      'stack-warmup': { type: 'string' },
      connections: { type: 'string' },
      'lower-loads': { type: 'string' },
      residents: { type: 'string' },
      rounds: { type: 'string' },
      mode: { type: 'string' },
      profile: { type: 'boolean' },
      quick: { type: 'boolean' },
      'keep-data': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return 'help';
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`);
    throw new Error(problems.join('\n'));
  }
  const o = parsed.data;
  // --quick only changes the defaults: an option given as well still wins.
  const quick = o.quick;
  const connections = o.connections ?? (quick ? 10 : 50);
  const lowerLoads = o['lower-loads'] === undefined ? (quick ? [] : [10, 25]) : lowerLoadsOf(o['lower-loads']);
  const tooHigh = lowerLoads.filter((n) => n >= connections);
  if (tooHigh.length > 0) {
    throw new Error(`--lower-loads: ${tooHigh.join(', ')} is not below --connections (${connections})`);
  }
  return {
    seconds: o.seconds ?? (quick ? 5 : 20),
    warmupSeconds: o.warmup ?? (quick ? 2 : 5),
    stackWarmupSeconds: o['stack-warmup'] ?? (quick ? 5 : 15),
    connections,
    lowerLoads,
    residents: o.residents ?? (quick ? 10 : 40),
    rounds: o.rounds ?? (quick ? 1 : 3),
    modes: o.mode === 'both' ? MODES : [o.mode],
    profile: o.profile,
    quick,
    keepData: o['keep-data'],
  };
}

/** `10,25` as [10, 25], each once and in rising order; `0` as none. */
function lowerLoadsOf(list: string): number[] {
  const loads = list.split(',').map(Number);
  return [...new Set(loads.filter((n) => n > 0))].sort((a, b) => a - b);
}
