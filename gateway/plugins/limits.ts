import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * How large a query may be. Checked by validation rules (GraphQL Armor), so a query over a limit
 * is refused after parsing and before the gateway plans it or any subgraph is asked: it costs
 * microseconds, not a trip through the stack. The defaults leave room around the operations
 * portals really use (`schema/operations/`): MijnGegevens is the deepest and dearest (depth 6,
 * cost ≈ 1,850), MijnOverzicht has depth 5 and cost ≈ 340, none uses an alias. A request body is limited to
 * 100 kB as well, which bounds the number of tokens.
 */
export interface QueryLimits {
  /** Fields on the longest path, leaf included; fragments are followed. */
  readonly maxDepth: number;
  /** Aliases in the whole operation, `__typename` aliases included. */
  readonly maxAliases: number;
  readonly maxDirectives: number;
  /** GraphQL Armor's cost: each object 2, each scalar 1, multiplied by depth. */
  readonly maxCost: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 10, maxDirectives: 20, maxCost: 10_000 };

/** Marks an error a limit rule reports, so the error boundary can give it its own code. */
function marked(rule: ValidationRule): ValidationRule {
  return (context) =>
    rule(
      new Proxy(context, {
        get(target, property) {
          if (property === 'reportError') {
            return (error: GraphQLError) =>
              target.reportError(
                new GraphQLError(error.message, {
                  nodes: error.nodes ?? null,
                  extensions: { ...error.extensions, limiet: true },
                }),
              );
          }
          const value: unknown = Reflect.get(target, property, target);
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      }),
    );
}

/** The validation rules that enforce `limits`; their errors carry `extensions.limiet`. */
export function queryLimitRules(limits: QueryLimits = DEFAULT_QUERY_LIMITS): ValidationRule[] {
  const { validationRules } = new ApolloArmor({
    // Fragments flattened: a fragment spread adds no depth of its own, the fields in it do.
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: false, flattenFragments: true, exposeLimits: true },
    // `__typename` counts too: 300 of them are as cheap to send as they are costly to answer.
    maxAliases: { n: limits.maxAliases, allowList: [], exposeLimits: true },
    maxDirectives: { n: limits.maxDirectives, exposeLimits: true },
    costLimit: { maxCost: limits.maxCost, ignoreIntrospection: false, flattenFragments: true, exposeLimits: true },
    // Suggestions are hidden by Apollo already; the body-size limit bounds the tokens.
    blockFieldSuggestion: { enabled: false },
    maxTokens: { enabled: false },
  }).protect();
  return validationRules.map(marked);
}
