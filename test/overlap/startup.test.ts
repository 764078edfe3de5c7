import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateInternalKeyPair } from '../../lib/internal-token.js';
import { defaultOverlapFile } from '../../lib/overlap/index.js';

/** Nothing listens here: a process that got past its configuration would fail to connect, not hang on it. */
const NOWHERE = 'http://127.0.0.1:9';

/**
 * Every subgraph that reads the overlap map refuses to start on an invalid file, as an operator
 * would see it: exit 78 (configuration error) and one line naming the file, the line and the problem.
 */
describe('an invalid overlap file stops start-up, naming the line and the problem', () => {
  let dir: string;
  let file: string;
  let publicJwks: string;
  let line: number;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'overlap-'));
    file = join(dir, 'overlap.yaml');
    const text = readFileSync(defaultOverlapFile(), 'utf8').replace(
      'lopendeZaken:\n  bron: MijnOverheid Lopende Zaken\n  eigenaar: MIJN_OVERHEID',
      'lopendeZaken:\n  bron: MijnOverheid Lopende Zaken\n  eigenaar: LOGIUS',
    );
    expect(text).toContain('eigenaar: LOGIUS');
    writeFileSync(file, text);
    line = text.slice(0, text.indexOf('eigenaar: LOGIUS')).split('\n').length;
    publicJwks = JSON.stringify((await generateInternalKeyPair('startup')).publicJwks);
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const subgraphs: Record<string, Record<string, string>> = {
    berichten: { MIJNOVERHEID_BERICHTENBOX_URL: `${NOWHERE}/berichtenbox/api/v1` },
    zaken: {
      ZAKEN_BRONNEN: JSON.stringify([
        {
          naam: 'Zaaksysteem',
          zakenUrl: `${NOWHERE}/zaken/api/v1`,
          catalogiUrl: `${NOWHERE}/catalogi/api/v1`,
          clientId: 'profielservice',
          secret: 'een-geheim-van-minstens-16',
        },
      ]),
    },
    brp: { BRP_URL: `${NOWHERE}/haalcentraal/api/brp` },
  };

  for (const [name, env] of Object.entries(subgraphs)) {
    it(`the ${name} subgraph`, () => {
      const result = spawnSync(process.execPath, ['--import', 'tsx', `subgraphs/${name}/index.ts`], {
        env: {
          PATH: process.env['PATH'] ?? '',
          PORT: '0',
          INTERNAL_TOKEN_PUBLIC_KEYS: publicJwks,
          OVERLAP_MAP_FILE: file,
          ...env,
        },
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(result.stderr).toContain(
        `Overlapkaart ${file}: regel ${line}, kolom 13 (lopendeZaken.eigenaar): Ongeldige optie: verwacht één van "GEMEENTE"|"MIJN_OVERHEID"`,
      );
      expect(result.status).toBe(78);
    });
  }
});
