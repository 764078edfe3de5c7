/**
 * `npm run bench:breaker -- [residents] [seconds]`: what a hanging source costs the residents
 * once its circuit breaker is open. Runs the whole stack in this process on loopback, with a
 * proxy before every subgraph and upstream, and keeps `residents` (default 20) residents asking
 * MijnOverzicht back to back, each with their own token. It measures the latency for `seconds`
 * (default 10) while all is well, then with the BRP API hanging and then with the zaken subgraph
 * hanging (after a few seconds in which the breaker opens), in one run, and prints p50/p95 of
 * each phase and the difference with the healthy p50. Target: within 20 ms of the healthy p50.
 */
import { loadTestPersons } from '../simulators/brp/index.js';
import { MijnOverzichtDocument } from '../schema/generated/graphql.js';
import { startStack, type Stack } from '../test/helpers/stack.js';

const residents = Number(process.argv[2] ?? 20);
const seconds = Number(process.argv[3] ?? 10);

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Every resident asks MijnOverzicht back to back for `ms`; returns the sorted latencies and failures. */
async function load(stack: Stack, tokens: readonly string[], ms: number) {
  const latencies: number[] = [];
  let failures = 0;
  const until = performance.now() + ms;
  await Promise.all(
    tokens.map(async (token) => {
      while (performance.now() < until) {
        const start = performance.now();
        const response = await stack.query(MijnOverzichtDocument, { token });
        latencies.push(performance.now() - start);
        if (response.status !== 200 || !response.body.data?.me?.id) failures += 1;
      }
    }),
  );
  return { latencies: latencies.sort((a, b) => a - b), failures };
}

const stack = await startStack({ subgraphProxies: true, upstreamProxies: true });
try {
  const bsns = loadTestPersons()
    .map((p) => p.burgerservicenummer)
    .slice(0, residents);
  const tokens: string[] = [];
  for (const bsn of bsns) tokens.push(await stack.login({ bsn }));
  await load(stack, tokens, 2_000); // warm-up: connections, caches, JIT

  const phases: Array<{ name: string; apply: () => void }> = [
    { name: 'healthy', apply: () => undefined },
    { name: 'BRP API hanging', apply: () => stack.upstreamProxies.brp?.setFault({ kind: 'blackhole' }) },
    { name: 'zaken subgraph hanging', apply: () => stack.subgraphProxies.zaken?.setMode('blackhole') },
  ];
  const rows: Array<{ name: string; n: number; p50: number; p95: number; failures: number }> = [];
  for (const phase of phases) {
    phase.apply();
    // Until the breaker is open, requests wait for the timeout; measure after that.
    if (phase.name !== 'healthy') await load(stack, tokens, 6_000);
    const { latencies, failures } = await load(stack, tokens, seconds * 1_000);
    rows.push({
      name: phase.name,
      n: latencies.length,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      failures,
    });
    stack.upstreamProxies.brp?.setFault({ kind: 'none' });
    stack.subgraphProxies.zaken?.setMode('forward');
    await new Promise((resolve) => setTimeout(resolve, 6_000)); // breakers probe and close
  }
  const healthy = rows[0]?.p50 ?? NaN;
  console.log(`\n${residents} residents, ${seconds} s per phase, MijnOverzicht\n`);
  console.log('| phase | requests | p50 | p95 | p50 − healthy p50 | failed |');
  console.log('|---|---|---|---|---|---|');
  for (const row of rows) {
    console.log(
      `| ${row.name} | ${row.n} | ${row.p50.toFixed(1)} ms | ${row.p95.toFixed(1)} ms | ${(row.p50 - healthy).toFixed(1)} ms | ${row.failures} |`,
    );
  }
} finally {
  await stack[Symbol.asyncDispose]();
}
