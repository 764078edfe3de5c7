import type { BrpPhase, BrpState } from './load.js';
import { SENT_ZAAK, SUPPRESSED_ZAAK, type SentEmail, type StatusChange } from './meldingen.js';
import type { SoakOptions } from './options.js';
import { FLAT_MB, FLAT_PERCENT, type Latencies, type MemoryTrend } from './stats.js';

/** One line of the table over time. */
export interface Sample {
  /** ms since the start of the load. */
  readonly atMs: number;
  readonly windowMs: number;
  readonly requests: number;
  readonly errors: number;
  readonly latency: Latencies;
  /** The BRP's state at the moment of the sample. */
  readonly brp: BrpState;
  /** RSS in MiB per process (null: not running at that moment). */
  readonly rss: Readonly<Record<string, number | null>>;
  /** V8 heap in use in MiB, for the processes with `/metrics`. */
  readonly heap: Readonly<Record<string, number | null>>;
  /** Status e-mails NotifyNL has accepted so far, and status changes made so far. */
  readonly mails: { readonly sent: number; readonly expected: number };
}

export interface Verdict {
  readonly check: string;
  readonly pass: boolean;
  readonly detail: string;
}

export interface ReportInput {
  readonly date: Date;
  readonly machine: string;
  readonly options: SoakOptions;
  readonly residents: readonly string[];
  readonly skipped: readonly string[];
  readonly tokenLifetimeSeconds: number;
  readonly renewals: number;
  readonly meldingenIntervalSeconds: string;
  readonly processSource: string;
  readonly processes: readonly string[];
  readonly samples: readonly Sample[];
  readonly totals: { readonly requests: number; readonly errors: number; readonly latency: Latencies };
  readonly problems: ReadonlyMap<string, number>;
  readonly memory: readonly MemoryTrend[];
  readonly heap: readonly MemoryTrend[];
  readonly phases: readonly BrpPhase[];
  readonly changes: readonly StatusChange[];
  readonly mails: readonly SentEmail[];
  readonly suppressedMails: number;
  readonly verdicts: readonly Verdict[];
  readonly notes: readonly string[];
}

export const clock = (ms: number): string => {
  const seconds = Math.round(ms / 1_000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};
const ms = (value: number): string => (Number.isNaN(value) ? '–' : String(Math.round(value)));
const mb = (value: number | null | undefined): string =>
  value === null || value === undefined ? '–' : value.toFixed(0);
const signed = (value: number | null, digits: number): string =>
  value === null ? '–' : `${value >= 0 ? '+' : ''}${value.toFixed(digits)}`;
const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;

/** The table over time, as printed at the end and written to the report. */
export function timeTable(samples: readonly Sample[], processes: readonly string[]): string {
  const header = [
    'minute',
    'req/s',
    'errors',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'BRP',
    'mails',
    ...processes.map((p) => `${p} MB`),
  ];
  return [
    row(header),
    row(header.map(() => '---')),
    ...samples.map((s) =>
      row([
        clock(s.atMs),
        (s.requests / (s.windowMs / 1_000)).toFixed(1),
        String(s.errors),
        ms(s.latency.p50),
        ms(s.latency.p95),
        ms(s.latency.p99),
        s.brp,
        `${s.mails.sent}/${s.mails.expected}`,
        ...processes.map((p) => mb(s.rss[p])),
      ]),
    ),
  ].join('\n');
}

export function memoryTable(memory: readonly MemoryTrend[], heap: readonly MemoryTrend[], warmupMs: number): string {
  const warm = clock(warmupMs);
  return [
    row([
      'process',
      `peak RSS, first quarter after ${warm}, MB`,
      'peak RSS, last quarter, MB',
      'growth MB',
      'growth %',
      'slope MB/min',
      'flat',
      'peak heap used, first → last quarter, MB',
    ]),
    row(['---', '---', '---', '---', '---', '---', '---', '---']),
    ...memory.map((m) => {
      const h = heap.find((candidate) => candidate.process === m.process);
      return row([
        m.process,
        mb(m.warmMb),
        mb(m.endMb),
        signed(m.growthMb, 1),
        signed(m.growthPercent, 1),
        signed(m.slopeMbPerMinute, 2),
        m.flat ? 'yes' : '**no**',
        h ? `${mb(h.warmMb)} → ${mb(h.endMb)}` : '–',
      ]);
    }),
  ].join('\n');
}

export function verdictTable(verdicts: readonly Verdict[]): string {
  return [
    row(['check', 'verdict', 'numbers']),
    row(['---', '---', '---']),
    ...verdicts.map((v) => row([v.check, v.pass ? 'pass' : '**FAIL**', v.detail])),
  ].join('\n');
}

function phaseTable(phases: readonly BrpPhase[]): string {
  return [
    row(['from', 'to', 'BRP', 'judged answers', 'persoonsgegevens', 'first OK after', 'contradicting']),
    row(['---', '---', '---', '---', '---', '---', '---']),
    ...phases
      .filter((p) => p.toMs > p.fromMs)
      .map((p) =>
        row([
          clock(p.fromMs),
          clock(p.toMs),
          p.state,
          String(p.judged),
          [...p.persoonsgegevens].map(([status, count]) => `${status} ${count}`).join(', ') || '–',
          // Only a healthy phase after a failing one has something to recover from.
          p.state === 'healthy' && p.fromMs > 0 && p.firstOkAtMs !== undefined
            ? `${((p.firstOkAtMs - p.fromMs) / 1_000).toFixed(1)} s`
            : '–',
          String(p.mismatches),
        ]),
      ),
  ].join('\n');
}

function changeTable(changes: readonly StatusChange[], mails: readonly SentEmail[], loadStart: number): string {
  // Oldest e-mail with oldest change: with as many e-mails as changes, the n-th answers the n-th.
  return [
    row(['status set at', 'zaak', 'statustype', 'BRP', 'e-mail accepted at', 'after', 'reference']),
    row(['---', '---', '---', '---', '---', '---', '---']),
    ...changes.map((c, i) => {
      const mail = mails[i];
      const mailAt = mail ? Date.parse(mail.createdAt) - loadStart : undefined;
      return row([
        clock(c.atMs),
        c.zaak,
        c.statustype,
        c.brp,
        mailAt === undefined ? '**none**' : clock(mailAt),
        mailAt === undefined ? '–' : `${((mailAt - c.atMs) / 1_000).toFixed(1)} s`,
        mail?.reference ? `\`${mail.reference.slice(0, 8)}…\`` : '–',
      ]);
    }),
  ].join('\n');
}

/** docs/soak.md. `loadStart` is the wall-clock time (ms) at which the load began. */
export function renderReport(input: ReportInput, loadStart: number): string {
  const { options } = input;
  const minutes = options.durationMs / 60_000;
  const full = options.durationMs >= 10 * 60_000;
  const duration = `${Number(minutes.toFixed(2))} minute${minutes === 1 ? '' : 's'}`;
  const passed = input.verdicts.every((v) => v.pass);
  const problems = [...input.problems].sort((a, b) => b[1] - a[1]);
  const sent = input.changes.filter((c) => c.zaak === SENT_ZAAK.identificatie);
  return `# Soak: MijnOverzicht under steady load, one source flapping

${
  full
    ? `**Duration of this run: ${duration}.**`
    : `**Duration of this run: ${duration} — a short trial, not the 10-minute soak.** Run \`npm run soak\` for that.`
}
Overall: **${passed ? 'pass' : 'FAIL'}**.

Written by \`npm run soak\` (scripts/soak.ts) on ${input.date.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${input.machine}.
The whole embedded stack runs as \`npm start\` runs it (\`node dist/scripts/start.js\`: simulators, DigiD-simulator,
four subgraphs and the gateway as separate processes) on free loopback ports with a throw-away data folder.
${input.residents.length} residents, each logged in through the DigiD-simulator's OpenID Connect code flow, ask
\`schema/operations/MijnOverzicht.graphql\` back to back over keep-alive connections. Every ${options.flapMs / 1_000} s
the BRP simulator switches between failing every request (\`PUT /_simulator/faults {"failureRate":1}\`) and
healthy. Meanwhile resident 999993653 has a verified e-mail address and the e-mail channel on, and the
zaaksysteem sets a new status on one of her zaken now and then; each must lead to exactly one e-mail.

Parameters: ${duration} of load, ${input.residents.length} residents, BRP flapping every ${options.flapMs / 1_000} s,
a sample every ${options.sampleMs / 1_000} s, warm-up ${clock(options.warmupMs)}, a status change every
${options.statusEveryMs / 1_000} s (${sent.length} on ${SENT_ZAAK.identificatie}, plus one control), \`MELDINGEN_INTERVAL_SECONDEN=${input.meldingenIntervalSeconds}\`,
access tokens valid ${input.tokenLifetimeSeconds} s (renewed ${input.renewals} times). Process ids from ${input.processSource}.

## Verdict

${verdictTable(input.verdicts)}

The memory verdict judges the product's processes (gateway, subgraphs, portal); the launcher and the
simulators are development stand-ins, shown but not judged. Memory counts as flat when a process's
highest RSS in the last quarter of the run after warm-up (${clock(options.warmupMs)}) is less than ${FLAT_PERCENT} % or less than ${FLAT_MB} MB above its highest RSS in the first
quarter after warm-up (single readings jump when the garbage collector gives memory back). An error is an answer that is not 200, has no \`me.id\`, lacks
persoonsgegevens, or has zaken, berichten or voorkeuren other than OK; persoonsgegevens itself is held against the
BRP's state (NIET_BESCHIKBAAR while it fails; OK while healthy, once the BRP subgraph's circuit breaker has let its
probe through).

## Over time

Per sample: requests per second, errors and latency percentiles in the window since the previous sample, the BRP's
state at the sample, status e-mails accepted by NotifyNL / status changes made so far, and the resident set size
(VmRSS) of each process.

${timeTable(input.samples, input.processes)}

All ${input.totals.requests} requests: p50 ${ms(input.totals.latency.p50)} ms, p95 ${ms(input.totals.latency.p95)} ms,
p99 ${ms(input.totals.latency.p99)} ms, ${input.totals.errors} errors.${
    problems.length > 0
      ? `\n\nErrors by kind: ${problems.map(([problem, count]) => `${problem} (${count})`).join(', ')}.`
      : ''
  }

## Memory

${memoryTable(input.memory, input.heap, options.warmupMs)}

## BRP phases

Answers that started and ended within one phase; "first OK after" is how long a healthy phase took to show
persoonsgegevens again.

${phaseTable(input.phases)}

## Meldingen

Status changes on \`${SENT_ZAAK.identificatie}\` (Aanvraag omgevingsvergunning, statustype ${SENT_ZAAK.statustype}): a
zaaktype MijnOverheid does not announce, so each change must lead to exactly one e-mail.
\`${SUPPRESSED_ZAAK.identificatie}\` (Aanvraag parkeervergunning) is one MijnOverheid announces itself: one change
there (${SUPPRESSED_ZAAK.statustype}) is a control, and must lead to no e-mail (${input.suppressedMails} sent).

${changeTable(sent, input.mails, loadStart)}
${input.notes.length > 0 ? `\n## Notes\n\n${input.notes.map((n) => `- ${n}`).join('\n')}\n` : ''}${
    input.skipped.length > 0
      ? `\nResidents skipped (login refused, or not every section OK with a healthy BRP): ${input.skipped.join(', ')}.\n`
      : ''
  }`;
}
