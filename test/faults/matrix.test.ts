import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MijnOverzichtDocument } from '../generated/graphql.js';
import { meOf, startStack, type Stack } from '../helpers/stack.js';
import { MATRIX_DEADLINE_MS, renderMatrix, runScenario, scenarios, type Outcome } from './matrix.js';

/**
 * The fault matrix (test/faults/matrix.ts) in CI: every scenario must pass. `npm run faults`
 * runs the same scenarios and writes the table to docs/faults.md.
 */
describe('fault matrix: one failure at a time, MijnOverzicht answers with the rest', () => {
  let stack: Stack;
  let token: string;
  let id: string;
  const outcomes: Outcome[] = [];

  beforeAll(async () => {
    stack = await startStack({
      subgraphProxies: true,
      upstreamProxies: true,
      gateway: { requestDeadlineMs: MATRIX_DEADLINE_MS, subgraphTimeoutMs: MATRIX_DEADLINE_MS },
    });
    token = await stack.login({ bsn: '999993653' });
    id = meOf(await stack.query(MijnOverzichtDocument, { token })).id;
  });
  afterAll(async () => {
    if (outcomes.some((o) => o.problems.length > 0)) console.log(renderMatrix(outcomes));
    await stack?.[Symbol.asyncDispose]();
  });

  for (const scenario of scenarios()) {
    it(`${scenario.where}, ${scenario.fault}`, async () => {
      const outcome = await runScenario(stack, token, scenario, id);
      outcomes.push(outcome);
      expect(outcome.problems).toEqual([]);
    }, 30_000);
  }
});
