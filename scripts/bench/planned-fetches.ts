import { Supergraph, operationFromDocument } from '@apollo/federation-internals';
import { QueryPlanner, type PlanNode, type QueryPlan } from '@apollo/query-planner';
import { parse } from 'graphql';

/**
 * The operation a gateway sends each subgraph for one page: Apollo's query planner on the
 * supergraph, as our gateway plans it. Subgraph name → the text of its fetch; a subgraph the page
 * reaches more than once (an `_entities` fetch after the first) keeps its first fetch.
 */
export function plannedFetches(supergraphSdl: string, operation: string, operationName: string): Map<string, string> {
  const supergraph = Supergraph.build(supergraphSdl);
  const planner = new QueryPlanner(supergraph);
  const plan: QueryPlan = planner.buildQueryPlan(
    operationFromDocument(supergraph.schema, parse(operation), { operationName }),
  );
  const fetches = new Map<string, string>();
  const visit = (node: PlanNode | undefined): void => {
    if (node === undefined) return;
    switch (node.kind) {
      case 'Fetch':
        if (!fetches.has(node.serviceName)) fetches.set(node.serviceName, node.operation);
        return;
      case 'Sequence':
      case 'Parallel':
        node.nodes.forEach(visit);
        return;
      case 'Flatten':
        visit(node.node);
        return;
      default:
        // Deferred and conditional plans do not occur for the pages this is used for.
        throw new Error(`query plan node ${node.kind} is not followed`);
    }
  };
  if (plan.node?.kind === 'Subscription') throw new Error('a subscription has no page fetches');
  visit(plan.node);
  return fetches;
}
