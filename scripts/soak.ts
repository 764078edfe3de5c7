/**
 * `npm run soak -- [--minutes 10] [--residents 20] [--flap-seconds 30] …`: ten minutes of steady
 * MijnOverzicht load on the stack as `npm start` runs it, with the BRP flapping, while the
 * zaaksysteem sets statuses that must each lead to exactly one e-mail. Prints a line per sample
 * (memory of each process, rate, errors, latency, BRP state), then the table and the verdicts, and
 * writes docs/soak.md. Not a test: the figures depend on the machine. Exits 1 when a verdict fails
 * (memory of a product process not flat after warm-up, an error outside persoonsgegevens,
 * persoonsgegevens not following the BRP, a melding lost or doubled, a process restarted), 2 on
 * bad arguments, 130 on Ctrl+C.
 * `--help` lists the options; scripts/soak/ holds the parts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';
import { SIMULATOR_DEFAULTS } from '../simulators/config.js';
import {
  askMijnOverzicht,
  candidateResidentBsns,
  BrpFlapper,
  classify,
  residentLoop,
  Resident,
  type LoadContext,
  type LoginTarget,
  type QueryTarget,
} from './soak/load.js';
import {
  MELDINGEN_BSN,
  MeldingenProbe,
  SENT_ZAAK,
  SUPPRESSED_ZAAK,
  type SentEmail,
  type StatusChange,
} from './soak/meldingen.js';
import { parseOptions, statusMoments, USAGE, type SoakOptions } from './soak/options.js';
import { clock, memoryTable, renderReport, timeTable, verdictTable, type Sample, type Verdict } from './soak/report.js';
import { CHILD_NAMES, heapUsedMb, LaunchedStack, METRICS_PORTS, PORT_VARIABLES, rssMb, sleep } from './soak/stack.js';
import { latencies, memoryTrend, mergeCounts, Window } from './soak/stats.js';
import { optionsOrExit } from './cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url)); // dist/scripts → project root
const REPORT = join(ROOT, 'docs/soak.md');
/** The meldingen loop runs this often unless MELDINGEN_INTERVAL_SECONDEN says otherwise (the default is 30). */
const MELDINGEN_INTERVAL_SECONDS = '10';
/** A healthy phase must show persoonsgegevens again within this (the breaker probes after 5 s). */
const RECOVERY_LIMIT_MS = 15_000;
/** The processes measured: the launcher and each of its children. */
const PROCESSES = ['launcher', ...CHILD_NAMES] as const;
type ProcessName = (typeof PROCESSES)[number];
/**
 * The development stack's stand-ins: the launcher, the upstream simulators and the
 * DigiD-simulator. Their memory is reported, not judged (the simulators' heap follows whatever the
 * load leaves in their request journals and stores); every other process is the product's own, as
 * it runs in production, and is judged.
 */
const STAND_INS: ReadonlySet<string> = new Set<ProcessName>(['launcher', 'simulators', 'idp']);
/** The simulators, each keeping a journal of every request (GET/DELETE /_simulator/journal). */
const JOURNALED = PORT_VARIABLES.filter((name) => name.startsWith('SIM_'));

const options: SoakOptions = optionsOrExit(parseOptions, USAGE);

const abort = new AbortController();
let stack: LaunchedStack | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (abort.signal.aborted) {
      // A second Ctrl+C: no more waiting for a tidy stop.
      stack?.killNow();
      process.exit(130);
    }
    console.error('\nSoak afgebroken; de stack stopt …');
    abort.abort();
  });
}
// Last resort for an unexpected exit: the stack must not outlive the soak.
process.on('exit', () => stack?.killNow());

const temp = mkdtempSync(join(tmpdir(), 'profielservice-soak-'));
const notes: string[] = [];
let keepTemp = options.keepData;
try {
  process.exitCode = await soak(options);
} catch (error) {
  if (abort.signal.aborted) {
    process.exitCode = 130;
  } else {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    keepTemp = true;
    process.exitCode = 1;
  }
} finally {
  if (stack) {
    console.log('Stack stoppen …');
    await stack.stop();
  }
  if (keepTemp || process.exitCode !== 0) console.log(`Logbestanden en data: ${temp}`);
  else rmSync(temp, { recursive: true, force: true });
}

async function soak(options: SoakOptions): Promise<number> {
  const { signal } = abort;
  const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, load average ${loadavg()[0]?.toFixed(2)} at the start`;
  console.log(`Stack starten (node dist/scripts/start.js), data in ${temp} …`);
  const started = await LaunchedStack.start({
    root: ROOT,
    dataDir: join(temp, 'data'),
    logFile: join(temp, 'launcher.log'),
    defaults: { MELDINGEN_INTERVAL_SECONDEN: MELDINGEN_INTERVAL_SECONDS },
    signal,
  });
  stack = started;
  const meldingenInterval = process.env['MELDINGEN_INTERVAL_SECONDEN'] || MELDINGEN_INTERVAL_SECONDS;
  const firstTable = started.processes();
  console.log(
    `Stack klaar: gateway ${started.url('GATEWAY_PORT', '/graphql')}, launcher pid ${started.launcherPid}, ` +
      `pids uit ${firstTable.source}: ${CHILD_NAMES.map((n) => `${n} ${firstTable.pids[n] ?? '?'}`).join(', ')}`,
  );
  if (firstTable.source === '/proc') notes.push('stack.json was not there: process ids were found in /proc.');

  const agent = new Agent({ connections: options.residents + 4, keepAliveTimeout: 30_000 });
  const target: QueryTarget = {
    graphqlUrl: started.url('GATEWAY_PORT', '/graphql'),
    body: JSON.stringify({
      query: readFileSync(join(ROOT, 'schema/operations/MijnOverzicht.graphql'), 'utf8'),
      operationName: 'MijnOverzicht',
    }),
    dispatcher: agent,
  };
  // The launcher's IdP client and the gateway's audience (scripts/start.ts, simulators/idp/config.ts).
  const login: LoginTarget = {
    issuer: started.url('IDP_PORT'),
    clientId: process.env['IDP_CLIENT_ID'] || 'mijn-omgeving-dev',
    redirectUri: `${started.url('GATEWAY_PORT')}/`,
    audience: process.env['IDP_AUDIENCE'] || 'profielservice',
  };

  const { residents, skipped } = await chooseResidents(options.residents, login, target, signal);
  const lifetime = residents[0]?.lifetimeSeconds ?? 0;
  console.log(
    `${residents.length} inwoners ingelogd (token ${lifetime} s geldig)` +
      (skipped.length > 0 ? `; overgeslagen: ${skipped.join(', ')}` : ''),
  );

  const probe = new MeldingenProbe({
    graphqlUrl: target.graphqlUrl,
    notifyUrl: started.url('SIM_NOTIFYNL_PORT'),
    notifyApiKey: `ontwikkel-${process.env['SIM_NOTIFYNL_SERVICE_ID'] || SIMULATOR_DEFAULTS.notifyServiceId}-${
      process.env['SIM_NOTIFYNL_SECRET'] || SIMULATOR_DEFAULTS.notifySecret
    }`,
    zgwUrl: started.url('SIM_ZGW_A_PORT'),
    zgw: {
      clientId: process.env['SIM_ZGW_CLIENT_ID'] || SIMULATOR_DEFAULTS.zgwClientId,
      secret: process.env['SIM_ZGW_SECRET'] || SIMULATOR_DEFAULTS.zgwSecret,
    },
  });
  const suzanne = residents[0];
  if (suzanne?.bsn !== MELDINGEN_BSN) throw new Error(`Inwoner ${MELDINGEN_BSN} kon niet meedoen.`);
  await probe.chooseEmail(await suzanne.token());
  console.log(`${MELDINGEN_BSN}: e-mailadres geverifieerd, kanaal EMAIL aan.`);

  // --- the load ---------------------------------------------------------------------------
  const since = performance.now();
  const loadStart = Date.now();
  const until = since + options.durationMs;
  const flapper = new BrpFlapper(started.url('SIM_BRP_PORT', '/_simulator/faults'), since);
  let window = new Window();
  const context: LoadContext = { target, flapper, since, until, signal, window: () => window };
  const samples: Sample[] = [];
  const allLatencies: number[] = [];
  const problems = new Map<string, number>();
  const changes: StatusChange[] = [];
  const restarts: string[] = [];
  const lastPids = new Map<ProcessName, number | null>();
  let requests = 0;
  let errors = 0;
  const at = (perfTime: number) => sleep(perfTime - performance.now(), signal);
  const elapsed = () => performance.now() - since;
  console.log(
    `Belasting: ${residents.length} inwoners, ${clock(options.durationMs)} min, BRP wisselt elke ${options.flapMs / 1_000} s, ` +
      `steekproef elke ${options.sampleMs / 1_000} s, opwarmen tot ${clock(options.warmupMs)}.`,
  );

  const flapping = (async () => {
    for (let k = 1; since + k * options.flapMs < until; k++) {
      await at(since + k * options.flapMs);
      if (signal.aborted) return;
      const state = k % 2 === 1 ? 'failing' : 'healthy';
      try {
        await flapper.set(state);
      } catch (error) {
        notes.push(
          `BRP switch to ${state} at ${clock(elapsed())} failed: ${error instanceof Error ? error.message : error}`,
        );
      }
    }
  })();

  const statusChanges = (async () => {
    for (const [index, moment] of statusMoments(options).entries()) {
      await at(since + moment);
      if (signal.aborted) return;
      const plan = index === 0 ? [SENT_ZAAK, SUPPRESSED_ZAAK] : [SENT_ZAAK];
      for (const { identificatie, statustype } of plan) {
        const atMs = elapsed();
        const brp = flapper.state;
        try {
          const url = await probe.zetStatus(identificatie, statustype);
          changes.push({ zaak: identificatie, statustype, atMs, brp, url });
        } catch (error) {
          notes.push(
            `Status ${statustype} on ${identificatie} at ${clock(atMs)} could not be set: ${error instanceof Error ? error.message : error}`,
          );
        }
      }
    }
  })();

  const sampling = (async () => {
    let previous = since;
    for (let k = 1; ; k++) {
      const due = Math.min(since + k * options.sampleMs, until);
      await at(due);
      const now = performance.now();
      const w = window;
      window = new Window();
      requests += w.requests;
      errors += w.errors;
      mergeCounts(problems, w.problems);
      for (const latency of w.latenciesMs) allLatencies.push(latency);
      const table = started.processes();
      const pids: Record<ProcessName, number | null> = { launcher: started.launcherPid, ...table.pids };
      const rss = Object.fromEntries(
        PROCESSES.map((name) => [name, pids[name] === null ? null : rssMb(pids[name])]),
      ) as Record<ProcessName, number | null>;
      const heap = Object.fromEntries(
        await Promise.all(
          Object.entries(METRICS_PORTS).map(async ([name, port]) => [
            name,
            await heapUsedMb(started.url(port, '/metrics')),
          ]),
        ),
      ) as Record<string, number | null>;
      for (const name of PROCESSES) {
        const before = lastPids.get(name);
        const pid = rss[name] === null ? null : pids[name];
        if (before !== undefined && before !== pid) {
          restarts.push(`${name}: pid ${before ?? 'none'} → ${pid ?? 'none'} before ${clock(now - since)}`);
        }
        lastPids.set(name, pid);
      }
      const expected = changes.filter((c) => c.zaak === SENT_ZAAK.identificatie).length;
      const sent = await probe
        .statusEmails(SENT_ZAAK.identificatie)
        .then((mails) => mails.length)
        .catch(() => -1);
      const sample: Sample = {
        atMs: now - since,
        windowMs: now - previous,
        requests: w.requests,
        errors: w.errors,
        latency: latencies(w.latenciesMs),
        brp: flapper.state,
        rss,
        heap,
        mails: { sent, expected },
      };
      samples.push(sample);
      printSample(sample, w);
      if (!options.keepJournals) await emptyJournals(started);
      previous = now;
      if (due >= until || signal.aborted) return;
    }
  })();

  await Promise.all([...residents.map((resident) => residentLoop(resident, context)), flapping, statusChanges]);
  await sampling;
  flapper.close(elapsed());
  if (signal.aborted) throw new Error('afgebroken');
  await flapper.restore().catch(() => undefined);

  // --- meldingen: wait until each change has had its chance, then a round more for doubles --
  const expected = changes.filter((c) => c.zaak === SENT_ZAAK.identificatie);
  const intervalMs = Number(meldingenInterval) * 1_000;
  console.log(`Belasting klaar. Wachten op de meldingen (${expected.length} statuswijzigingen) …`);
  const settleUntil = Date.now() + 2 * intervalMs + 30_000;
  let mails: SentEmail[] = await probe.statusEmails(SENT_ZAAK.identificatie);
  while (mails.length < expected.length && Date.now() < settleUntil && !signal.aborted) {
    await sleep(2_000, signal);
    mails = await probe.statusEmails(SENT_ZAAK.identificatie);
  }
  await sleep(intervalMs + 5_000, signal);
  if (signal.aborted) throw new Error('afgebroken');
  mails = await probe.statusEmails(SENT_ZAAK.identificatie);
  const suppressedMails = (await probe.statusEmails(SUPPRESSED_ZAAK.identificatie)).length;
  const ownView = (await probe.meldingen(await suzanne.token())).filter(
    (m) => m.zaakIdentificatie === SENT_ZAAK.identificatie && m.kanaal === 'EMAIL',
  );
  await agent.close();

  // --- verdicts -------------------------------------------------------------------------------
  const processes = PROCESSES.filter((name) => samples.some((s) => s.rss[name] !== null));
  const memory = PROCESSES.map((name) =>
    memoryTrend(
      name,
      samples.map((s) => ({ atMs: s.atMs, mb: s.rss[name] ?? null })),
      options.warmupMs,
    ),
  );
  const heap = Object.keys(METRICS_PORTS).map((name) =>
    memoryTrend(
      name,
      samples.map((s) => ({ atMs: s.atMs, mb: s.heap[name] ?? null })),
      options.warmupMs,
    ),
  );
  const verdicts: Verdict[] = [
    memoryVerdict(memory),
    {
      check: 'no errors outside persoonsgegevens',
      pass: errors === 0 && requests > 0,
      detail: `${errors} of ${requests} answers (${requests === 0 ? '–' : ((errors / requests) * 100).toFixed(2)} %)${
        problems.size > 0
          ? `: ${[...problems]
              .sort((a, b) => b[1] - a[1])
              .slice(0, 3)
              .map(([p, n]) => `${p} ×${n}`)
              .join(', ')}`
          : ''
      }`,
    },
    brpVerdict(flapper),
    meldingenVerdict(expected, mails, suppressedMails, ownView),
    {
      check: 'no process stopped or restarted',
      pass: restarts.length === 0 && started.running,
      detail: restarts.length === 0 ? `${processes.length} processes, same pids throughout` : restarts.join('; '),
    },
  ];

  if (options.durationMs < 10 * 60_000) {
    notes.push(
      `This run's warm-up (${clock(options.warmupMs)}) is shorter than the full soak's 2 minutes: V8 may still be ` +
        'sizing its heaps, so growth in this run says less than in the 10-minute one.',
    );
  }
  const report = renderReport(
    {
      date: new Date(loadStart),
      machine,
      options,
      residents: residents.map((r) => r.bsn),
      skipped,
      tokenLifetimeSeconds: lifetime,
      renewals: residents.reduce((sum, r) => sum + r.renewals, 0),
      meldingenIntervalSeconds: meldingenInterval,
      processSource: firstTable.source === 'stack.json' ? "the launcher's stack.json" : '/proc',
      processes,
      samples,
      totals: { requests, errors, latency: latencies(allLatencies) },
      problems,
      memory,
      heap,
      phases: flapper.phases,
      changes,
      mails,
      suppressedMails,
      verdicts,
      notes: [
        ...(options.keepJournals
          ? []
          : [
              'The simulators keep every request they receive in a journal for the tests (`GET /_simulator/journal`); ' +
                'the soak empties those journals at each sample, else the simulators process grows with the load by design.',
            ]),
        ...notes,
      ],
    },
    loadStart,
  );
  writeFileSync(REPORT, report);

  console.log(`\n${timeTable(samples, processes)}\n`);
  console.log(`${memoryTable(memory, heap, options.warmupMs)}\n`);
  console.log(`${verdictTable(verdicts)}\n`);
  for (const note of notes) console.log(`Let op: ${note}`);
  const passed = verdicts.every((v) => v.pass);
  console.log(
    `${passed ? 'Geslaagd' : 'NIET geslaagd'}; verslag in docs/soak.md (${clock(options.durationMs)} min belasting).`,
  );
  return passed ? 0 : 1;
}

/**
 * Residents for the load: 999993653 first (the one whose meldingen are counted), then the
 * DigiD-simulator's test persons, then the rest of the BRP test set. A resident joins when one
 * MijnOverzicht with a healthy BRP has every section OK: the soak measures the stack, not the
 * test data's odd cases.
 */
async function chooseResidents(
  count: number,
  login: LoginTarget,
  target: QueryTarget,
  signal: AbortSignal,
): Promise<{ residents: Resident[]; skipped: string[] }> {
  const candidates = candidateResidentBsns([MELDINGEN_BSN]);
  const residents: Resident[] = [];
  const skipped: string[] = [];
  // Bounded: a stack that refuses everyone should not be tried with a thousand persons.
  const limit = Math.min(candidates.length, count * 3 + 10);
  for (let i = 0; i < limit && residents.length < count && !signal.aborted; i++) {
    const bsn = candidates[i] ?? '';
    const resident = new Resident(bsn, login);
    try {
      await resident.renew();
    } catch (error) {
      skipped.push(`${bsn} (inloggen: ${error instanceof Error ? error.message : error})`);
      continue;
    }
    const answer = await askMijnOverzicht(target, await resident.token());
    const verdict =
      'error' in answer ? { problem: answer.error, persoonsgegevens: null } : classify(answer.status, answer.body);
    if (verdict.problem === undefined && verdict.persoonsgegevens === 'OK') residents.push(resident);
    else skipped.push(`${bsn} (${verdict.problem ?? `persoonsgegevens ${verdict.persoonsgegevens}`})`);
  }
  signal.throwIfAborted();
  if (residents.length < count) throw new Error(`Maar ${residents.length} van ${count} inwoners konden meedoen.`);
  return { residents, skipped };
}

function printSample(sample: Sample, window: Window): void {
  const rate = (sample.requests / (sample.windowMs / 1_000)).toFixed(1);
  const l = sample.latency;
  const rss = PROCESSES.map((p) => `${p} ${sample.rss[p]?.toFixed(0) ?? '–'}`).join(' ');
  const heap = Object.entries(sample.heap)
    .map(([p, value]) => `${p} ${value?.toFixed(0) ?? '–'}`)
    .join(' ');
  const kinds = [...window.problems].map(([p, n]) => `${p} ×${n}`).join(', ');
  console.log(
    `${clock(sample.atMs).padStart(5)}  ${rate.padStart(6)} req/s  fouten ${String(sample.errors).padStart(3)}  ` +
      `p50/p95/p99 ${Math.round(l.p50)}/${Math.round(l.p95)}/${Math.round(l.p99)} ms  BRP ${sample.brp.padEnd(7)}  ` +
      `mails ${sample.mails.sent}/${sample.mails.expected}  RSS MB: ${rss}  heap MB: ${heap}${kinds ? `  (${kinds})` : ''}`,
  );
}

/** Empties the simulators' request journals, which otherwise hold every request of the soak. */
async function emptyJournals(started: LaunchedStack): Promise<void> {
  await Promise.all(
    JOURNALED.map(async (port) => {
      try {
        const response = await request(started.url(port, '/_simulator/journal'), {
          method: 'DELETE',
          headersTimeout: 5_000,
          bodyTimeout: 5_000,
        });
        await response.body.dump();
      } catch {
        // the next sample tries again; the memory column shows it if it never works
      }
    }),
  );
}

function memoryVerdict(memory: ReturnType<typeof memoryTrend>[]): Verdict {
  const figures = (list: ReturnType<typeof memoryTrend>[]) =>
    list
      .map((m) =>
        m.growthMb === null
          ? `${m.process} –`
          : `${m.process} ${m.warmMb?.toFixed(0)}→${m.endMb?.toFixed(0)} MB (${m.growthMb >= 0 ? '+' : ''}${m.growthPercent?.toFixed(1)} %)`,
      )
      .join(', ');
  const judged = memory.filter((m) => !STAND_INS.has(m.process));
  const others = memory.filter((m) => STAND_INS.has(m.process));
  const grown = judged.filter((m) => !m.flat);
  return {
    check: 'memory of the product processes flat after warm-up',
    pass: judged.length > 0 && grown.length === 0,
    detail: `${figures(judged)}; not judged (development stand-ins): ${figures(others)}`,
  };
}

function brpVerdict(flapper: BrpFlapper): Verdict {
  const phases = flapper.phases.filter((p) => p.toMs > p.fromMs);
  const failing = phases.filter((p) => p.state === 'failing');
  const mismatches = phases.reduce((sum, p) => sum + p.mismatches, 0);
  // A healthy phase after a failing one must show persoonsgegevens again in time.
  const recoveries = phases
    .filter((p, i) => i > 0 && p.state === 'healthy' && p.toMs - p.fromMs > RECOVERY_LIMIT_MS)
    .map((p) => (p.firstOkAtMs === undefined ? Infinity : p.firstOkAtMs - p.fromMs));
  const slowest = recoveries.length > 0 ? Math.max(...recoveries) : undefined;
  const unjudged = failing.filter((p) => p.judged === 0).length;
  const pass = failing.length > 0 && mismatches === 0 && unjudged === 0 && (slowest ?? 0) <= RECOVERY_LIMIT_MS;
  const failingAnswers = failing.reduce((sum, p) => sum + p.judged, 0);
  return {
    check: 'persoonsgegevens follows the BRP',
    pass,
    detail:
      `${failing.length} failing phase${failing.length === 1 ? '' : 's'}, ${failingAnswers} answers in ${failing.length === 1 ? 'it' : 'them'}; ${mismatches} answers contradicting the BRP's state` +
      (slowest === undefined
        ? ''
        : `; back to OK at most ${Number.isFinite(slowest) ? (slowest / 1_000).toFixed(1) : '∞'} s after the BRP was (limit ${RECOVERY_LIMIT_MS / 1_000} s)`) +
      (failing.length === 0 ? '; the run was too short for a failing phase' : ''),
  };
}

function meldingenVerdict(
  changes: readonly StatusChange[],
  mails: readonly SentEmail[],
  suppressed: number,
  ownView: readonly { status: string }[],
): Verdict {
  const references = new Set(mails.map((m) => m.reference ?? m.id));
  const doubled = mails.length - references.size + Math.max(0, references.size - changes.length);
  const missing = Math.max(0, changes.length - references.size);
  const recorded = ownView.filter((m) => m.status === 'VERSTUURD' || m.status === 'AFGELEVERD').length;
  const pass = changes.length > 0 && missing === 0 && doubled === 0 && suppressed === 0 && recorded === changes.length;
  return {
    check: 'meldingen: each status change one e-mail',
    pass,
    detail:
      `${changes.length} status changes → ${mails.length} e-mails (${missing} missing, ${doubled} doubled); ` +
      `me.meldingen shows ${recorded} sent; control zaak (MijnOverheid announces it): ${suppressed} e-mails`,
  };
}
