import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMatrix, runScenario, scenarios, startMatrixWorld, type MatrixWorld, type Outcome } from './matrix.js';
import { probePostgres } from '../voorkeuren/postgres.js';
import { probeRedis } from '../helpers/services.js';

/**
 * The fault matrix (test/faults/matrix.ts) in CI: every scenario must pass. `npm run faults`
 * runs the same scenarios and writes the table to docs/faults.md. The Redis and PostgreSQL rows
 * run where those services answer (always in CI) and are skipped, saying why, elsewhere.
 */
const available = { postgres: (await probePostgres()).ok, redis: (await probeRedis()).ok };

describe('fault matrix: one failure at a time, MijnOverzicht answers with the rest', () => {
  let world: MatrixWorld;
  const outcomes: Outcome[] = [];

  beforeAll(async () => {
    world = await startMatrixWorld();
    for (const reason of world.skipped) console.warn(`[fault matrix] skipped: ${reason}`);
  });
  afterAll(async () => {
    if (outcomes.some((o) => o.problems.length > 0)) console.log(renderMatrix(outcomes));
    await world?.[Symbol.asyncDispose]();
  });

  // The list is known before the world starts: the proxies only need to exist to be switched.
  const planned = scenarios({
    postgres: available.postgres ? ({} as MatrixWorld['postgres']) : null,
    redis: available.redis ? ({} as MatrixWorld['redis']) : null,
  });
  for (const scenario of planned) {
    it(`${scenario.where}, ${scenario.fault}`, async () => {
      const outcome = await runScenario(world, scenario);
      outcomes.push(outcome);
      expect(outcome.problems).toEqual([]);
    }, 30_000);
  }
});
