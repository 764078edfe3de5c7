import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../lib/errors.js';
import { DEFAULT_QUERY_LIMITS } from '../../gateway/plugins/limits.js';
import { stackForTests } from '../helpers/stack.js';

/**
 * A query over a size limit is refused with VRAAG_TE_GROOT before the gateway plans it: no
 * subgraph, and so no upstream, is asked. Each limit from both sides, with the tricks an attacker
 * would use: `__typename` aliases, depth hidden in fragments, a fragment cycle.
 */
describe('query size limits at the gateway', () => {
  const world = stackForTests();

  const codes = (body: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
    (body.errors ?? []).map((e) => e.extensions?.['code']);

  /** `me { zaken { items { …Diep } } }` with the rest of the path in a fragment: `depth` fields long. */
  function deep(depth: number): string {
    const tail: string[] = [];
    for (let i = 0; tail.length < depth - 4; i++) tail.push(i % 2 === 0 ? 'berichten' : 'zaak');
    const leaf = tail.at(-1) === 'berichten' ? 'id' : 'identificatie';
    const inner = tail.reduceRight((acc, field) => `${field} { ${acc} }`, leaf);
    return `query { me { zaken { items { ...Diep } } } } fragment Diep on Zaak { ${inner} }`;
  }

  it('aliases: as many as allowed pass, one more is refused, __typename included', async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    const under = await world.stack.query(aliases(DEFAULT_QUERY_LIMITS.maxAliases), { token: world.token });
    expect(codes(under.body)).toEqual([]);
    const over = await world.stack.query(aliases(DEFAULT_QUERY_LIMITS.maxAliases + 1), { token: world.token });
    expect(over.status).toBe(400);
    expect(over.body.errors?.[0]).toMatchObject({
      message: ERROR_MESSAGES.VRAAG_TE_GROOT,
      extensions: { code: 'VRAAG_TE_GROOT', detail: expect.stringMatching(/Aliases limit/) },
    });
  });

  it('1,000 aliases of me are refused before any subgraph or the BRP is asked', async () => {
    world.stack.simulators.brp.journal.clear();
    const query = `{ ${Array.from({ length: 1_000 }, (_, i) => `m${i}: me { persoonsgegevens { naam { volledigeNaam } } }`).join(' ')} }`;
    const response = await world.stack.query(query, { token: world.token });
    expect(response.status).toBe(400);
    expect(codes(response.body)).toContain('VRAAG_TE_GROOT');
    expect(world.stack.simulators.brp.journal.entries()).toEqual([]);
  });

  it('depth, also hidden in a fragment: at the limit it passes, one deeper is refused', async () => {
    const at = await world.stack.query(deep(DEFAULT_QUERY_LIMITS.maxDepth), { token: world.token });
    expect(codes(at.body)).not.toContain('VRAAG_TE_GROOT');
    expect(at.status).toBe(200);
    const over = await world.stack.query(deep(DEFAULT_QUERY_LIMITS.maxDepth + 1), { token: world.token });
    expect(over.status).toBe(400);
    expect(codes(over.body)).toEqual(['VRAAG_TE_GROOT']);
  });

  it('a fragment cycle is refused as invalid, without hanging', async () => {
    const response = await world.stack.query(
      'query { me { zaken { items { ...A } } } } fragment A on Zaak { berichten { zaak { ...A } } }',
      { token: world.token },
    );
    expect(response.status).toBe(400);
    expect(codes(response.body)).toContain('GRAPHQL_VALIDATION_FAILED');
  });
});
