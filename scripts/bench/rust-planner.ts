import { performance } from 'node:perf_hooks';
import type { QueryPlanner as RustQueryPlanner } from '@graphql-hive/router-query-planner';

/**
 * Whether Hive's Rust query planner (`@graphql-hive/router-query-planner`, a native addon) loads
 * on this machine and what it makes of the operation: one sentence for the report. Hive Gateway
 * can only use it through `@graphql-hive/router-runtime`; this says whether the planner itself
 * would be the obstacle.
 */
export async function probeRustPlanner(
  supergraphSdl: string,
  operation: string,
  operationName: string,
): Promise<string> {
  let QueryPlanner: typeof RustQueryPlanner;
  try {
    ({ QueryPlanner } = await import('@graphql-hive/router-query-planner'));
  } catch (error) {
    return `@graphql-hive/router-query-planner does not load here (${error instanceof Error ? error.message : String(error)}).`;
  }
  try {
    const readStart = performance.now();
    const planner = new QueryPlanner(supergraphSdl);
    const readMs = performance.now() - readStart;
    const planStart = performance.now();
    const plan = planner.plan(operation, operationName, new Set(), 0);
    const planMs = performance.now() - planStart;
    const fetches = fetchesIn(plan.node);
    const shape =
      plan.node?.kind === 'Parallel'
        ? `one Parallel stage of ${fetches.length} fetches`
        : `a ${plan.node?.kind ?? 'empty'} plan with ${fetches.length} fetches`;
    return (
      `@graphql-hive/router-query-planner loads (the supergraph read in ${readMs.toFixed(0)} ms) and plans ${operationName} ` +
      `in ${planMs.toFixed(1)} ms as ${shape} (${fetches.join(', ')}).`
    );
  } catch (error) {
    return `@graphql-hive/router-query-planner loads but cannot plan ${operationName}: ${error instanceof Error ? error.message : String(error)}.`;
  }
}

/** The subgraph of every fetch in a plan, in the order they appear (the plan is plain JSON). */
function fetchesIn(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(fetchesIn);
  if (typeof node !== 'object' || node === null) return [];
  const fields = node as Record<string, unknown>;
  const own = fields['kind'] === 'Fetch' && typeof fields['serviceName'] === 'string' ? [fields['serviceName']] : [];
  return [...own, ...Object.values(fields).flatMap(fetchesIn)];
}
