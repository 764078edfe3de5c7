/**
 * `npm run bench:execution -- [requests] [rounds]`: what Apollo Server and Apollo Gateway spend on
 * executing MijnOverzicht in the gateway, apart from HTTP, tokens and subgraphs. The supergraph is
 * the committed one; each subgraph answers from memory with data made up to its schema's types
 * (three items per list), so the answer is shaped as in production. Each variant runs in a process
 * of its own, in alternating rounds (default 3) of `requests` (default 6 000, after 2 000 unmeasured):
 * - `shipped`: Apollo Gateway as installed;
 * - `view`: with the gateway's view of `@apollo/federation-internals`
 *   (gateway/execution/reuse-operations.ts), as the gateway process runs it.
 * It prints µs per request of each run, the median per variant, and whether both gave the same
 * answer (a SHA-256 of it). Figures move with the machine; compare the variants of one run.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  execute,
  getNamedType,
  isAbstractType,
  isEnumType,
  isListType,
  isNonNullType,
  isScalarType,
  parse,
  type GraphQLFieldResolver,
  type GraphQLOutputType,
} from 'graphql';

const ROOT = fileURLToPath(new URL('../..', import.meta.url)); // dist/scripts → project root
const SUBGRAPHS = ['brp', 'zaken', 'berichten', 'voorkeuren'] as const;
const VARIANTS = ['shipped', 'view'] as const;
type Variant = (typeof VARIANTS)[number];

/** A value of `type` for a field the resolvers do not know: enough to shape a whole answer. */
function madeUp(type: GraphQLOutputType, depth: number): unknown {
  if (isNonNullType(type)) return madeUp(type.ofType, depth);
  if (isListType(type)) return depth > 5 ? [] : [0, 1, 2].map(() => madeUp(type.ofType, depth + 1));
  if (isEnumType(type)) return type.getValues()[0]?.value ?? null;
  if (isScalarType(type)) {
    if (type.name === 'Int' || type.name === 'Float') return 3;
    if (type.name === 'Boolean') return true;
    if (type.name === 'Date') return '2026-01-15';
    if (type.name === 'DateTime') return '2026-01-15T09:30:00Z';
    return 'tekst';
  }
  return {};
}

const madeUpField: GraphQLFieldResolver<unknown, unknown> = (source, _args, _context, info) => {
  if (typeof source === 'object' && source !== null && info.fieldName in source) {
    return (source as Record<string, unknown>)[info.fieldName];
  }
  // A union or interface would need a concrete type; none of MijnOverzicht's needs one.
  if (isAbstractType(getNamedType(info.returnType))) return null;
  return madeUp(info.returnType, 0);
};

/** One variant's run: executes MijnOverzicht `requests` times, prints µs per request and the answer's hash. */
async function runVariant(variant: Variant, requests: number): Promise<void> {
  if (variant === 'view') await import('../gateway/execution/reuse-operations.js');
  const { ApolloServer } = await import('@apollo/server');
  const { ApolloGateway } = await import('@apollo/gateway');
  const { buildSubgraphSchema } = await import('@apollo/subgraph');

  const answers = new Map<string, string>();
  const services = Object.fromEntries(
    SUBGRAPHS.map((name) => {
      const schema = buildSubgraphSchema({
        typeDefs: parse(readFileSync(`${ROOT}/schema/subgraphs/${name}.graphql`, 'utf8')),
      });
      return [
        name,
        {
          // The answer is made once per query and parsed again per request, as a subgraph's would be.
          async process({ request }: { request: { query?: string; variables?: Record<string, unknown> } }) {
            const query = request.query ?? '';
            let text = answers.get(query);
            if (text === undefined) {
              const result = await execute({
                schema,
                document: parse(query),
                variableValues: request.variables ?? null,
                fieldResolver: madeUpField,
              });
              text = JSON.stringify(result);
              answers.set(query, text);
            }
            return JSON.parse(text) as object;
          },
        },
      ];
    }),
  );
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(`${ROOT}/schema/supergraph.graphql`, 'utf8'),
    buildService: ({ name }) => {
      const service = services[name];
      if (!service) throw new Error(`no subgraph ${name}`);
      return service;
    },
  });
  const server = new ApolloServer({ gateway });
  await server.start();
  const query = readFileSync(`${ROOT}/schema/operations/MijnOverzicht.graphql`, 'utf8');
  const once = () => server.executeOperation({ query, operationName: 'MijnOverzicht' });

  const first = await once();
  if (first.body.kind !== 'single') throw new Error('expected one answer');
  const hash = createHash('sha256').update(JSON.stringify(first.body.singleResult)).digest('hex').slice(0, 16);
  for (let i = 0; i < 2_000; i++) await once();
  const started = process.hrtime.bigint();
  for (let i = 0; i < requests; i++) await once();
  const us = Number(process.hrtime.bigint() - started) / requests / 1_000;
  await server.stop();
  console.log(JSON.stringify({ variant, us, hash }));
}

async function main(): Promise<void> {
  const variantArg = process.argv.indexOf('--variant');
  const requests = Number(process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 6_000);
  if (variantArg !== -1) {
    const variant = process.argv[variantArg + 1] as Variant;
    if (!VARIANTS.includes(variant)) throw new Error(`unknown variant ${variant}`);
    await runVariant(variant, requests);
    return;
  }
  const rounds = Number(process.argv[3] ?? 3);
  const results = new Map<Variant, { us: number; hash: string }[]>(VARIANTS.map((v) => [v, []]));
  console.log(`MijnOverzicht in memory, ${requests} requests per run, ${rounds} rounds, each run its own process`);
  for (let round = 1; round <= rounds; round++) {
    for (const variant of VARIANTS) {
      const child = spawnSync(
        process.execPath,
        [fileURLToPath(import.meta.url), String(requests), '--variant', variant],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
      );
      if (child.status !== 0) throw new Error(`${variant} stopped with ${child.status}`);
      const result = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as { us: number; hash: string };
      results.get(variant)?.push(result);
      console.log(`round ${round}  ${variant.padEnd(8)} ${result.us.toFixed(1).padStart(7)} µs per request`);
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
  const shipped = median((results.get('shipped') ?? []).map((r) => r.us));
  const view = median((results.get('view') ?? []).map((r) => r.us));
  const hashes = new Set(VARIANTS.flatMap((v) => (results.get(v) ?? []).map((r) => r.hash)));
  console.log(
    `median: shipped ${shipped.toFixed(1)} µs, view ${view.toFixed(1)} µs (${((view / shipped) * 100).toFixed(0)} %); ` +
      `same answer: ${hashes.size === 1 ? 'yes' : 'NO'}`,
  );
  if (hashes.size !== 1) process.exitCode = 1;
}

await main();
