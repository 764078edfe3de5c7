import { mkdtempSync, rmSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../subgraphs/voorkeuren/store/migrate.js';
import { MIGRATIONS } from '../../subgraphs/voorkeuren/store/migrations/index.js';
import { createPostgresVoorkeurenStore, createSqliteVoorkeurenStore } from '../../subgraphs/voorkeuren/store/open.js';
import { openPostgresDatabase } from '../../subgraphs/voorkeuren/store/postgres.js';
import { testCipher } from './harness.js';
import { createTestSchema, probePostgres } from './postgres.js';

const postgres = await probePostgres();
if (!postgres.ok) console.warn(`[voorkeuren migrations] PostgreSQL tests skipped: ${postgres.reason}`);

describe.skipIf(!postgres.ok)('PostgreSQL migrations', () => {
  const url = postgres.ok ? postgres.url : '';

  it('five replicas starting at once apply every migration exactly once', async () => {
    await using schema = await createTestSchema(url);
    const replicas = Array.from({ length: 5 }, () =>
      openPostgresDatabase({ connectionString: url, schema: schema.name, maxConnections: 2 }),
    );
    try {
      const applied = await Promise.all(replicas.map((db) => migrate(db)));
      expect(applied.flat().sort()).toEqual(MIGRATIONS.map((m) => m.name).sort());
      expect(applied.filter((names) => names.length > 0)).toHaveLength(1);
    } finally {
      await Promise.all(replicas.map((db) => db[Symbol.asyncDispose]()));
    }
  });

  it('the store opened on DATABASE_URL keeps what it stored across restarts', async () => {
    await using schema = await createTestSchema(url);
    const options = { connectionString: url, schema: schema.name };
    {
      await using store = await createPostgresVoorkeurenStore(options, { cipher: testCipher() });
      await store.wijzigVoorkeuren('p1', (h) => ({ ...h, taal: 'en' }), new Date());
    }
    await using store = await createPostgresVoorkeurenStore(options, { cipher: testCipher() });
    expect((await store.voorkeuren('p1'))?.taal).toBe('en');
  });
});

describe('SQLite migrations', () => {
  const dir = mkdtempSync(join(tmpdir(), 'voorkeuren-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adopts a file made by the version before versioned migrations, keeping its preferences', async () => {
    const file = join(dir, 'oud.sqlite');
    const oud = new DatabaseSync(file);
    oud.exec(`CREATE TABLE schema_versie (versie INTEGER NOT NULL);
      INSERT INTO schema_versie VALUES (1);
      CREATE TABLE voorkeuren (gebruiker_id TEXT PRIMARY KEY, taal TEXT NOT NULL CHECK (taal IN ('nl', 'en')),
        alleen_digitaal INTEGER NOT NULL, kanalen TEXT NOT NULL, gewijzigd_op TEXT NOT NULL);
      INSERT INTO voorkeuren VALUES ('p1', 'en', 1, '{"EMAIL":true,"SMS":false,"MIJN_OVERHEID":false}',
        '2026-01-02T03:04:05.000Z');`);
    oud.close();
    await using store = await createSqliteVoorkeurenStore(file, { cipher: testCipher() });
    expect(await store.voorkeuren('p1')).toEqual({
      taal: 'en',
      alleenDigitaal: true,
      kanalen: { EMAIL: true, SMS: false, MIJN_OVERHEID: false },
      uitzonderingen: [],
      gewijzigdOp: new Date('2026-01-02T03:04:05.000Z'),
    });
    const check = new DatabaseSync(file, { readOnly: true });
    expect(check.prepare("SELECT name FROM sqlite_master WHERE name = 'schema_versie'").all()).toEqual([]);
    check.close();
  });

  it('a committed write survives closing and opening the file again; a second start migrates nothing', async () => {
    const file = join(dir, 'nieuw.sqlite');
    {
      await using store = await createSqliteVoorkeurenStore(file, { cipher: testCipher() });
      await store.voegContactgegevenToe(
        'p1',
        'EMAIL',
        'a@example.nl',
        '123456',
        { geldigMs: 60_000, maxPogingen: 5, maxVerzendingen: 5, verzendvensterMs: 3_600_000, maxPerSoort: 5 },
        new Date(),
      );
    }
    await using store = await createSqliteVoorkeurenStore(file, { cipher: testCipher() });
    expect((await store.contactgegevens('p1')).map((c) => c.waarde)).toEqual(['a@example.nl']);
    const check = new DatabaseSync(file, { readOnly: true });
    expect(check.prepare('SELECT COUNT(*) AS n FROM schema_migraties').get()).toEqual({ n: MIGRATIONS.length });
    check.close();
  });
});
