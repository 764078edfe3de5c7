import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { cycles, importGraph } from './import-graph.js';

/**
 * The import boundaries the README promises, and proof that each rule fires: a file in a place
 * that must not import something, importing it, gets that rule's error. Virtual files are linted
 * with `lintText` at the path they would have; nothing is written.
 */
const eslint = new ESLint();

async function errorsOf(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

const BOUNDARIES: Array<[string, string, string]> = [
  // [what, file, import]
  ['a subgraph file at the top imports another subgraph', 'subgraphs/brp/schema.ts', '../zaken/server.js'],
  [
    'a nested subgraph file imports another subgraph',
    'subgraphs/berichten/bericht/x.ts',
    '../../voorkeuren/store/store.js',
  ],
  ['a subgraph imports the gateway', 'subgraphs/zaken/zaak/x.ts', '../../../gateway/server.js'],
  ['a subgraph imports a simulator', 'subgraphs/brp/x.ts', '../../simulators/brp/server.js'],
  ['lib imports a subgraph', 'lib/graphql/x.ts', '../../subgraphs/brp/server.js'],
  ['lib imports the gateway', 'lib/x.ts', '../gateway/server.js'],
  ['the gateway imports a subgraph', 'gateway/datasources/x.ts', '../../subgraphs/zaken/context.js'],
  ['the gateway imports a simulator', 'gateway/x.ts', '../simulators/brp/server.js'],
  ['a simulator imports product code', 'simulators/zgw/x.ts', '../../subgraphs/zaken/server.js'],
  ['a simulator imports the gateway', 'simulators/x.ts', '../gateway/server.js'],
  ['the portal imports the gateway', 'portal/bff/x.ts', '../../gateway/server.js'],
  ['a portal page imports a subgraph', 'portal/src/pages/x.tsx', '../../../subgraphs/zaken/server.js'],
  ['lib imports the portal', 'lib/x.ts', '../portal/bff/portal.js'],
];

describe('import boundaries', () => {
  for (const [what, file, target] of BOUNDARIES) {
    it(`refused: ${what}`, async () => {
      const errors = await errorsOf(file, `import * as m from '${target}';\nexport const x = m;\n`);
      expect(errors.some((e) => e.startsWith('import-x/no-restricted-paths'))).toBe(true);
    });
  }

  it("refused: a deep import into a package's dist/", async () => {
    const errors = await errorsOf(
      'lib/graphql/x.ts',
      "import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';\nexport type X = GraphQLResolverMap;\n",
    );
    expect(errors.some((e) => e.startsWith('no-restricted-imports'))).toBe(true);
    const own = await errorsOf('lib/graphql/x.ts', "import * as m from '../dist/x.js';\nexport const x = m;\n");
    expect(own.filter((e) => e.startsWith('no-restricted-imports'))).toEqual([]);
  });

  it('allowed: a subgraph importing lib/ and its own files', async () => {
    const errors = await errorsOf(
      'subgraphs/zaken/zaak/x.ts',
      "import * as a from '../../../lib/errors.js';\nimport * as b from '../context.js';\nexport const x = [a, b];\n",
    );
    expect(errors.filter((e) => e.startsWith('import-x/no-restricted-paths'))).toEqual([]);
  });

  it('refused: two files that import each other (runtime cycle)', async () => {
    // The fixtures are ignored by the project's lint run; lint them on purpose here.
    const [result] = await new ESLint({ ignore: false }).lintFiles(['test/lint/fixtures/cycle/a.ts']);
    const messages = (result?.messages ?? []).map((m) => m.ruleId);
    expect(messages).toContain('import-x/no-cycle');
  });

  it('the import graph finds a cycle through type-only imports, which ESLint does not', () => {
    expect(cycles(importGraph(['test/lint/fixtures/type-cycle']))).toEqual([
      ['test/lint/fixtures/type-cycle/a.ts', 'test/lint/fixtures/type-cycle/b.ts'],
    ]);
  });

  it('the product code has no import cycles, type-only imports included', () => {
    expect(cycles(importGraph(['gateway', 'lib', 'subgraphs', 'simulators', 'scripts']))).toEqual([]);
  });
});
