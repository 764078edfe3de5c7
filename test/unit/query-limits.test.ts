import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUERY_LIMITS, queryLimitRules } from '../../gateway/plugins/limits.js';

const schema = buildSchema(readFileSync('schema/api.graphql', 'utf8'));
const operation = (name: string) => parse(readFileSync(`schema/operations/${name}.graphql`, 'utf8'));
const refusals = (document: ReturnType<typeof parse>, limits = DEFAULT_QUERY_LIMITS) =>
  validate(schema, document, queryLimitRules(limits)).filter((e) => e.extensions['limiet'] === true);

describe('query size limits, measured on the operations portals use', () => {
  it('every operation in schema/operations fits well inside the defaults', () => {
    for (const name of ['MijnOverzicht', 'MijnGegevens', 'MijnZaken'])
      expect(refusals(operation(name)), name).toEqual([]);
  });

  it('depth, fragments flattened: MijnGegevens (6 deep) passes at 6 and is refused at 5', () => {
    expect(refusals(operation('MijnGegevens'), { ...DEFAULT_QUERY_LIMITS, maxDepth: 6 })).toEqual([]);
    const [refused] = refusals(operation('MijnGegevens'), { ...DEFAULT_QUERY_LIMITS, maxDepth: 5 });
    expect(refused?.message).toMatch(/depth limit of 5 exceeded, found 6/);
  });

  it('cost: MijnGegevens (≈ 1,850) passes at 1,900 and is refused at 1,800', () => {
    expect(refusals(operation('MijnGegevens'), { ...DEFAULT_QUERY_LIMITS, maxCost: 1_900 })).toEqual([]);
    expect(refusals(operation('MijnGegevens'), { ...DEFAULT_QUERY_LIMITS, maxCost: 1_800 })).toHaveLength(1);
  });
});
