import { readFileSync } from 'node:fs';
// Ajv publishes its JSON Schema 2020-12 validator at this path (no exports map): its documented entry.
// eslint-disable-next-line no-restricted-imports
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { parse } from 'yaml';

/**
 * The vendored BRP Personen v2 contract (`subgraphs/brp/upstream/contract/`) as validators for
 * the requests our client sends and the answers the simulator gives.
 *
 * OpenAPI 3.1 schemas are JSON Schema 2020-12 with two habits that make a plain validator too
 * lenient, so the schemas are rewritten (in memory; the vendored file stays unchanged):
 * - Polymorphism is `allOf` inheritance plus a `discriminator` on the base (`AbstractDatum`,
 *   `AbstractVerblijfplaats`, ...). JSON Schema ignores `discriminator`, so a `verblijfplaats` would
 *   only be checked against the base's two properties. Each base becomes a dispatch: the value of
 *   `type` must be one of the mapping's keys and the object must match the mapped schema.
 * - No schema forbids unknown members, so a misspelt member would pass. Every member and item
 *   schema gets `unevaluatedProperties: false`: a member that no (sub)schema describes fails.
 */

const CONTRACT = new URL('../../subgraphs/brp/upstream/contract/brp-personen-v2.openapi.yaml', import.meta.url);
const REF = '#/components/schemas/';

type Schema = Record<string, unknown>;

interface OpenApi {
  components: { schemas: Record<string, Schema>; responses: Record<string, Schema> };
}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Replaces `{ $ref: from }` by `{ $ref: to }` anywhere under `node` (used inside allOf lists). */
function retargetAllOf(schema: Schema, from: string, to: string): void {
  const allOf = schema['allOf'];
  if (!Array.isArray(allOf)) return;
  for (const part of allOf) if (isSchema(part) && part['$ref'] === from) part['$ref'] = to;
}

/** Turns `discriminator.mapping` into JSON Schema: an enum on `type` and one if/then per type. */
function resolveDiscriminators(schemas: Record<string, Schema>): void {
  for (const [name, schema] of Object.entries(schemas)) {
    const discriminator = schema['discriminator'];
    if (!isSchema(discriminator) || !isSchema(discriminator['mapping'])) continue;
    const property = String(discriminator['propertyName']);
    const mapping = discriminator['mapping'] as Record<string, string>;
    const { discriminator: _, ...basis } = schema;
    const basisName = `${name}__basis`;
    schemas[basisName] = basis;
    for (const target of Object.values(mapping)) {
      const targetSchema = schemas[target.slice(REF.length)];
      if (targetSchema) retargetAllOf(targetSchema, `${REF}${name}`, `${REF}${basisName}`);
    }
    schemas[name] = {
      type: 'object',
      required: [property],
      properties: { [property]: { enum: Object.keys(mapping) } },
      allOf: Object.entries(mapping).map(([value, target]) => ({
        if: { properties: { [property]: { const: value } }, required: [property] },
        then: { $ref: target },
      })),
    };
  }
}

/** Adds `unevaluatedProperties: false` to every member and item schema, recursively. */
function forbidUnknownMembers(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) forbidUnknownMembers(item);
    return;
  }
  if (!isSchema(node)) return;
  const properties = node['properties'];
  if (isSchema(properties)) {
    for (const member of Object.values(properties)) {
      if (isSchema(member)) member['unevaluatedProperties'] = false;
    }
  }
  if (isSchema(node['items'])) node['items']['unevaluatedProperties'] = false;
  for (const value of Object.values(node)) forbidUnknownMembers(value);
}

/**
 * Where the real API knowingly differs from its own schema, and the simulator follows the API:
 * its feature files (`features/bevragen/fields-fout-cases.feature` of BRP-API/Haal-Centraal-BRP-
 * bevragen) show problem documents with `instance: /haalcentraal/api/brp/personen` (a relative
 * reference, not `format: uri`), `detail: De foutieve parameter(s) zijn: fields[0].` and
 * `invalidParams[].name: fields[0]` / `reason: Waarde voldoet niet aan patroon ^...$.`, which
 * the schema's patterns reject. Only these patterns and that format are relaxed.
 */
function relaxKnownProblemDeviations(schemas: Record<string, Schema>): void {
  const foutbericht = schemas['Foutbericht']?.['properties'];
  if (isSchema(foutbericht)) {
    if (isSchema(foutbericht['instance'])) foutbericht['instance']['format'] = 'uri-reference';
    if (isSchema(foutbericht['detail'])) delete foutbericht['detail']['pattern'];
  }
  const invalidParam = schemas['InvalidParam']?.['properties'];
  if (isSchema(invalidParam)) {
    if (isSchema(invalidParam['name'])) delete invalidParam['name']['pattern'];
    if (isSchema(invalidParam['reason'])) delete invalidParam['reason']['pattern'];
  }
}

/** One way a document breaks the contract. */
export interface ContractIssue {
  /** JSON pointer into the document, e.g. `/personen/0/naam/voornamen`. */
  path: string;
  keyword: string;
  message: string;
  /** The offending value. */
  value: unknown;
  /** For `pattern`: the pattern the value does not match. */
  pattern?: string;
}

function issues(errors: ErrorObject[] | null | undefined): ContractIssue[] {
  return (errors ?? [])
    .filter((e) => e.keyword !== 'if')
    .map((e) => ({
      path: e.instancePath || '/',
      keyword: e.keyword,
      message: `${e.instancePath || '/'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`,
      value: e.data,
      ...(e.keyword === 'pattern' ? { pattern: String((e.params as { pattern: unknown }).pattern) } : {}),
    }));
}

function withoutPatterns(node: unknown): void {
  if (Array.isArray(node)) node.forEach(withoutPatterns);
  else if (isSchema(node)) {
    if (typeof node['pattern'] === 'string') delete node['pattern'];
    Object.values(node).forEach(withoutPatterns);
  }
}

export interface BrpContract {
  /** Problems of a `POST /personen` request body; empty when it follows the contract. */
  request(body: unknown): ContractIssue[];
  /**
   * Problems of a response body for the given HTTP status; empty when it follows the contract.
   * With `patterns: false` the string patterns are not checked, only structure, types, formats,
   * lengths, required and unknown members (see the whole-data-set test for why).
   */
  response(status: number, body: unknown, options?: { patterns?: boolean }): ContractIssue[];
}

function compile(schemas: Record<string, Schema>) {
  const ajv = new Ajv2020({
    allErrors: true,
    verbose: true,
    strict: true,
    strictTypes: false,
    strictRequired: false,
    // The contract's patterns escape `'` (`\\'`), which JavaScript accepts only outside unicode mode.
    unicodeRegExp: false,
  });
  // OpenAPI annotations that JSON Schema does not know.
  ajv.addKeyword('example');
  ajv.addKeyword('discriminator');
  // The container of the schemas, so that the contract's own `#/components/schemas/...` refs resolve.
  ajv.addKeyword('components');
  addFormatsPlugin.default(ajv);
  ajv.addSchema({ $id: 'brp', components: { schemas } });
  const ref = (name: string): ValidateFunction =>
    ajv.compile({ $ref: `brp${REF}${name}`, unevaluatedProperties: false });
  return {
    request: ref('PersonenQuery'),
    ok: ref('PersonenQueryResponse'),
    badRequest: ref('BadRequestFoutbericht'),
    problem: ref('Foutbericht'),
  };
}

/** Loads the vendored contract and compiles the validators (once per test file). */
export function loadBrpContract(): BrpContract {
  const document = parse(readFileSync(CONTRACT, 'utf8')) as OpenApi;
  const schemas = structuredClone(document.components.schemas);
  resolveDiscriminators(schemas);
  relaxKnownProblemDeviations(schemas);
  forbidUnknownMembers(schemas);
  const strict = compile(schemas);
  const lenientSchemas = structuredClone(schemas);
  withoutPatterns(lenientSchemas);
  const lenient = compile(lenientSchemas);
  const statuses = new Set(Object.keys(document.components.responses).map(Number));

  const run = (validate: ValidateFunction, body: unknown): ContractIssue[] =>
    validate(body) ? [] : issues(validate.errors);

  return {
    request: (body) => run(strict.request, body),
    response(status, body, options = {}) {
      const v = options.patterns === false ? lenient : strict;
      if (status === 200) return run(v.ok, body);
      if (!statuses.has(status))
        return [{ path: '/', keyword: 'status', message: `status ${status} is not in the contract`, value: status }];
      return run(status === 400 ? v.badRequest : v.problem, body);
    },
  };
}
