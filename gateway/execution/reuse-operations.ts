import { createRequire } from 'node:module';
import { Kind, type DefinitionNode, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { Counter } from 'prom-client';
import type * as FederationInternals from '@apollo/federation-internals';
import type { Operation, Schema } from '@apollo/federation-internals';
import { registry } from '../../lib/observability/metrics.js';

/**
 * Apollo Gateway turns the page's query into its own representation of an operation on every
 * request, after all fetches, only to shape the answer (`executeQueryPlan` calls
 * `operationFromDocument` with the request's operation and fragments, `validate: false`). For the
 * same query that representation is the same every time: the document comes from Apollo Server's
 * document cache (the same nodes for the same query), and what varies per request (variable values,
 * `@skip`/`@include` on them) is read only when the answer is shaped. Building it for
 * MijnOverzicht takes about 35 µs, and it was over a third of everything the gateway allocated per
 * page (a sampling allocation profile of the gateway under the bench's realistic load). Every
 * allocation brings the next young collection closer, and each one copies what the requests in
 * flight hold, so the cost shows again in the gateway's GC.
 *
 * This keeps the built operation per operation node (weakly: an operation the document cache lets
 * go is let go here too) and hands it out again when the same operation node comes with the same
 * fragment nodes. Any other call, such as the query planner's, goes to Apollo's function as it was.
 *
 * Apollo Gateway offers no option for this, so the gateway process gives `@apollo/gateway` its own
 * view of `@apollo/federation-internals`: the module's entry in the CommonJS cache gets a copy of
 * its exports, plain properties with this function in place of Apollo's. That the view is plain
 * matters as much as the reuse: the module's own exports are some 300 getters on one object, and
 * Apollo Gateway reads several of them for every field of every answer it shapes. Apollo Server
 * and Apollo Gateway executing MijnOverzicht in memory (subgraph answers made up to the
 * supergraph's types, 6 000 requests per variant, three alternating rounds): 232-236 µs per request
 * as shipped, 137-147 with this view, which gives the same answer byte for byte. A view that was a
 * Proxy of the exports (a trap on every read) saved nothing, and the plain view without the reuse
 * saved about 15 %. The same for `graphql`'s exports saved nothing more, so it is left alone.
 *
 * It must be installed before `@apollo/gateway` is loaded (gateway/server.ts imports this module
 * first); {@link operationReuse} and the counter on /metrics say whether it took, and
 * test/unit/reuse-operations.test.ts fails when an upgrade of Apollo Gateway stops taking the
 * function this way.
 */

type Internals = typeof FederationInternals;
type OperationFromDocument = Internals['operationFromDocument'];

interface Built {
  readonly fragments: readonly DefinitionNode[];
  readonly operation: Operation;
}

const require = createRequire(import.meta.url);
const path = require.resolve('@apollo/federation-internals');
const internals = require(path) as Internals;
const original: OperationFromDocument = internals.operationFromDocument;

const builtPerSchema = new WeakMap<Schema, WeakMap<OperationDefinitionNode, Built>>();
const counts = { built: 0, reused: 0 };

// Read when /metrics is scraped, so a request pays nothing for it: an operator sees the reuse take.
new Counter({
  name: 'profielservice_gateway_answer_operations_total',
  help: 'Operations Apollo Gateway shapes answers with, by outcome: built (a query seen for the first time) or reused.',
  labelNames: ['outcome'] as const,
  registers: [registry],
  collect() {
    this.reset();
    this.inc({ outcome: 'built' }, counts.built);
    this.inc({ outcome: 'reused' }, counts.reused);
  },
});

function sameNodes(a: readonly DefinitionNode[], b: readonly DefinitionNode[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Apollo's `operationFromDocument`, reusing what it built for the gateway's execution-time call. */
const reusing: OperationFromDocument = (schema, document: DocumentNode, options) => {
  const [first, ...fragments] = document.definitions;
  // Only the shape of the call before the answer is shaped: the operation first, then its
  // fragments, no operation name to pick by, not validated again.
  const reusable =
    first?.kind === Kind.OPERATION_DEFINITION &&
    options?.validate === false &&
    options.operationName === undefined &&
    fragments.every((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
  if (!reusable) return original(schema, document, options);
  let built = builtPerSchema.get(schema);
  if (!built) {
    built = new WeakMap();
    builtPerSchema.set(schema, built);
  }
  const known = built.get(first);
  if (known && sameNodes(known.fragments, fragments)) {
    counts.reused++;
    return known.operation;
  }
  const operation = original(schema, document, options);
  built.set(first, { fragments, operation });
  counts.built++;
  return operation;
};

// Read once, now that the module is loaded: what its getters return does not change after.
const cached = require.cache[path];
if (cached) {
  const view: Internals = { ...internals, operationFromDocument: reusing };
  Object.defineProperty(view, '__esModule', { value: true });
  cached.exports = view;
}

/** How often an operation was built and how often one was handed out again (for tests and metrics). */
export function operationReuse(): { readonly built: number; readonly reused: number } {
  return { ...counts };
}
