import { parseArgs } from 'node:util';
import { z } from 'zod';

/** What `npm run soak -- …` was asked to do. */
export interface SoakOptions {
  /** Length of the load phase. */
  readonly durationMs: number;
  readonly residents: number;
  /** How long the BRP simulator stays healthy, then failing, then healthy again, … */
  readonly flapMs: number;
  readonly sampleMs: number;
  /** Time between status changes in the zaaksysteem. */
  readonly statusEveryMs: number;
  /** Until when memory may still grow: 2 minutes, or the first fifth of a shorter run. */
  readonly warmupMs: number;
  /** Leave the simulators' request journals alone (they then grow with every request). */
  readonly keepJournals: boolean;
  /** Keep the temporary data folder (logs, SQLite) after the run. */
  readonly keepData: boolean;
}

export const USAGE = `npm run soak -- [options]

  --minutes <n>         length of the load, fractions allowed (default 10)
  --residents <n>       residents asking MijnOverzicht back to back (default 20)
  --flap-seconds <n>    BRP simulator healthy / failing for this long, in turn (default 30)
  --sample-seconds <n>  one sample (memory, rate, latency) every so often (default 15)
  --status-every <n>    seconds between status changes in the zaaksysteem
                        (default 60, or a third of a run shorter than 3 minutes)
  --keep-journals       do not empty the simulators' request journals at each sample
  --keep-data           keep the temporary data folder (logs, SQLite) afterwards
  --help                this text`;

const positive = (max: number) => z.coerce.number().positive().max(max);
const schema = z.object({
  minutes: positive(24 * 60).default(10),
  residents: z.coerce.number().int().min(1).max(200).default(20),
  'flap-seconds': z.coerce.number().min(5).max(3_600).default(30),
  'sample-seconds': z.coerce.number().min(1).max(600).default(15),
  'status-every': z.coerce.number().min(5).max(3_600).optional(),
  'keep-journals': z.boolean().default(false),
  'keep-data': z.boolean().default(false),
});

/** Reads the command line; throws an Error with a readable message when it is wrong. */
export function parseOptions(args: readonly string[]): SoakOptions | 'help' {
  const { values } = parseArgs({
    args: [...args],
    strict: true,
    allowPositionals: false,
    options: {
      minutes: { type: 'string' },
      residents: { type: 'string' },
      'flap-seconds': { type: 'string' },
      'sample-seconds': { type: 'string' },
      'status-every': { type: 'string' },
      'keep-journals': { type: 'boolean' },
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
  const durationMs = Math.round(o.minutes * 60_000);
  // A short trial run still needs a few status changes to say anything about meldingen.
  const statusEverySeconds = o['status-every'] ?? Math.min(60, Math.max(10, durationMs / 3 / 1_000));
  return {
    durationMs,
    residents: o.residents,
    flapMs: o['flap-seconds'] * 1_000,
    sampleMs: o['sample-seconds'] * 1_000,
    statusEveryMs: statusEverySeconds * 1_000,
    warmupMs: Math.min(120_000, durationMs / 5),
    keepJournals: o['keep-journals'],
    keepData: o['keep-data'],
  };
}

/**
 * When the zaaksysteem sets a status, as offsets from the start of the load. The first comes in
 * the middle of the first healthy BRP phase. When the interval is a whole number of BRP cycles,
 * every change would fall in the same phase, so every other one moves by one phase: the meldingen
 * then run both while the BRP answers and while it fails.
 */
export function statusMoments(options: Pick<SoakOptions, 'durationMs' | 'flapMs' | 'statusEveryMs'>): number[] {
  const { durationMs, flapMs, statusEveryMs } = options;
  const cycle = 2 * flapMs;
  const samePhase = statusEveryMs % cycle === 0;
  const moments: number[] = [];
  // Bounded: at most one change per 5 s of load (the flag's minimum interval).
  for (let k = 0; k < durationMs / 5_000; k++) {
    const at = flapMs / 2 + k * statusEveryMs + (samePhase && k % 2 === 1 ? flapMs : 0);
    // The last change needs a moment to be announced while the load still runs.
    if (at > durationMs - 5_000) break;
    moments.push(at);
  }
  return moments;
}
