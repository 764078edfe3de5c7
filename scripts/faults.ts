/**
 * `npm run faults`: runs the fault matrix (test/faults/matrix.ts) against the whole stack in this
 * process, on loopback, prints the table (scenario → sections → time → recovery → verdict) and
 * writes it to docs/faults.md. Exits non-zero when a scenario fails. The same scenarios run in CI
 * as test/faults/matrix.test.ts.
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import {
  MATRIX_DEADLINE_MS,
  renderMatrix,
  runScenario,
  scenarios,
  startMatrixWorld,
  type Outcome,
} from '../test/faults/matrix.js';

const world = await startMatrixWorld();
for (const reason of world.skipped) console.warn(`skipped: ${reason}`);
const outcomes: Outcome[] = [];
try {
  for (const scenario of scenarios(world)) {
    const outcome = await runScenario(world, scenario);
    outcomes.push(outcome);
    const verdict = outcome.problems.length === 0 ? 'pass' : `FAIL (${outcome.problems.join('; ')})`;
    console.log(`${scenario.where}, ${scenario.fault}: ${Math.round(outcome.ms)} ms, ${verdict}`);
  }
} finally {
  await world[Symbol.asyncDispose]();
}

const table = renderMatrix(outcomes);
const failed = outcomes.filter((o) => o.problems.length > 0).length;
const document = `# Fault matrix

Written by \`npm run faults\` (scripts/faults.ts) on ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores;
the same scenarios run in CI as \`test/faults/matrix.test.ts\`. Each row is one failure, switched on
between two processes by a proxy on loopback, while resident 999993653 asks MijnOverzicht. A
section shows its \`bron.status\`, or \`null\` when the gateway had to leave it out (with
\`BRON_NIET_BESCHIKBAAR\` on its path); **bold** marks the section the fault is meant to reach.
"Answer in" is the time the resident waited (gateway deadline ${MATRIX_DEADLINE_MS} ms in this run, 4 s by default);
"whole again after" is how long, once the fault was gone, until every section answered again (a
circuit breaker that opened lets a probe through after 5 s). See docs/resilience.md for the design.

${table}

${outcomes.length - failed} of ${outcomes.length} scenarios pass.${
  world.skipped.length > 0 ? `\n\nLeft out on this machine: ${world.skipped.join('; ')}.` : ''
}
`;
writeFileSync(new URL('../docs/faults.md', import.meta.url), document);
console.log(
  `\n${table}\n\n${outcomes.length - failed} of ${outcomes.length} scenarios pass; written to docs/faults.md`,
);
process.exit(failed === 0 ? 0 : 1);
