import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import { Supergraph, operationFromDocument } from '@apollo/federation-internals';
import { QueryPlanner, type PlanNode, type SubscriptionNode } from '@apollo/query-planner';

const supergraph = Supergraph.build(readFileSync('schema/supergraph.graphql', 'utf8'));
const planner = new QueryPlanner(supergraph);

function plan(file: string): PlanNode | SubscriptionNode | undefined {
  const document = parse(readFileSync(file, 'utf8'));
  return planner.buildQueryPlan(operationFromDocument(supergraph.schema, document)).node;
}

describe('query plan of the canonical operation', () => {
  it('fetches every section of MijnOverzicht in one parallel stage, one fetch per subgraph', () => {
    const node = plan('schema/operations/MijnOverzicht.graphql');
    expect(node?.kind).toBe('Parallel');
    if (node?.kind !== 'Parallel') return;
    expect(node.nodes.every((n) => n.kind === 'Fetch')).toBe(true);
    const services = node.nodes.map((n) => (n.kind === 'Fetch' ? n.serviceName : n.kind)).sort();
    expect(services).toEqual(['berichten', 'brp', 'voorkeuren', 'zaken']);
  });
});
