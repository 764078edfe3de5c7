import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import type { BaseContext } from './context.js';
import { createGebruikerReferenceResolver, createMeResolver, type GebruikerClass } from './gebruiker.js';
import type { Gebruiker } from './types.js';

/**
 * `@apollo/subgraph`'s resolver map, named from the public signature of `buildSubgraphSchema`:
 * the package does not export the type, and its `dist/` layout is not a contract.
 */
type ResolverMap = NonNullable<
  Exclude<Extract<Parameters<typeof buildSubgraphSchema>[0], readonly unknown[]>[number], DocumentNode>['resolvers']
>;

// Function type accepted by type-graphql's `resolvers` option.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type ResolverClass = Function;

const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides"])`;

export interface FederatedSchemaOptions {
  /** The subgraph's own `@ObjectType('Gebruiker')` class; `Query.me` is added for it. */
  gebruiker: GebruikerClass<Gebruiker>;
  resolvers: ResolverClass[];
  /** Types reachable only through an interface (e.g. PortaalItem implementations). */
  orphanedTypes?: ResolverClass[];
  /** Extra `__resolveReference` functions per entity type name. */
  referenceResolvers?: Record<string, (reference: Record<string, unknown>, context: BaseContext) => unknown>;
}

/**
 * Builds a subgraph schema from type-graphql classes: type-graphql emits SDL with the
 * federation directives, `@apollo/subgraph` adds `_service`/`_entities`. Every subgraph gets
 * `Query.me` and the `Gebruiker` reference resolver, which only honours the caller's own id.
 */
export async function buildFederatedSchema(options: FederatedSchemaOptions): Promise<GraphQLSchema> {
  const typeGraphqlSchema = await buildSchema({
    resolvers: [createMeResolver(options.gebruiker), ...options.resolvers] as NonEmptyArray<ResolverClass>,
    orphanedTypes: options.orphanedTypes ?? [],
    skipCheck: true,
    validate: false,
  });
  const resolvers = createResolversMap(typeGraphqlSchema) as ResolverMap;
  const references = { Gebruiker: createGebruikerReferenceResolver(options.gebruiker), ...options.referenceResolvers };
  for (const [typeName, resolveReference] of Object.entries(references)) {
    resolvers[typeName] = {
      ...resolvers[typeName],
      __resolveReference: resolveReference,
    } as ResolverMap[string];
  }
  const typeDefs = parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(typeGraphqlSchema)}`);
  return buildSubgraphSchema([{ typeDefs, resolvers }]);
}

/** The subgraph's SDL as composition sees it (what `npm run schema` writes to schema/subgraphs). */
export function subgraphSdl(schema: GraphQLSchema): string {
  return printSubgraphSchema(schema);
}
