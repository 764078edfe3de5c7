import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import type { StoredVoorkeuren, VoorkeurenStore } from './store.js';

/** Versioned migrations; each runs once, in order, inside a transaction. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE voorkeuren (
     gebruiker_id TEXT PRIMARY KEY,
     taal TEXT NOT NULL CHECK (taal IN ('nl', 'en')),
     alleen_digitaal INTEGER NOT NULL,
     kanalen TEXT NOT NULL,
     gewijzigd_op TEXT NOT NULL
   )`,
];

const kanalenSchema = z.object({ EMAIL: z.boolean(), SMS: z.boolean(), MIJN_OVERHEID: z.boolean() });

function migrate(db: DatabaseSync): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_versie (versie INTEGER NOT NULL)');
  const row = db.prepare('SELECT MAX(versie) AS versie FROM schema_versie').get() as { versie: number | null };
  for (let versie = (row.versie ?? 0) + 1; versie <= MIGRATIONS.length; versie++) {
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(MIGRATIONS[versie - 1] as string);
      db.prepare('INSERT INTO schema_versie (versie) VALUES (?)').run(versie);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
}

/**
 * The embedded store: Node's built-in SQLite (no native addon to build), WAL journal so a
 * crash loses no committed write.
 */
export function createSqliteVoorkeurenStore(path: string): VoorkeurenStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;');
  migrate(db);
  const select = db.prepare(
    'SELECT taal, alleen_digitaal, kanalen, gewijzigd_op FROM voorkeuren WHERE gebruiker_id = ?',
  );
  const upsert = db.prepare(
    `INSERT INTO voorkeuren (gebruiker_id, taal, alleen_digitaal, kanalen, gewijzigd_op) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (gebruiker_id) DO UPDATE SET taal = excluded.taal, alleen_digitaal = excluded.alleen_digitaal,
       kanalen = excluded.kanalen, gewijzigd_op = excluded.gewijzigd_op`,
  );
  return {
    async get(gebruikerId) {
      const row = select.get(gebruikerId) as
        { taal: 'nl' | 'en'; alleen_digitaal: number; kanalen: string; gewijzigd_op: string } | undefined;
      if (!row) return null;
      return {
        taal: row.taal,
        alleenDigitaal: row.alleen_digitaal === 1,
        kanalen: kanalenSchema.parse(JSON.parse(row.kanalen)),
        gewijzigdOp: new Date(row.gewijzigd_op),
      };
    },
    async save(gebruikerId, v: StoredVoorkeuren) {
      upsert.run(gebruikerId, v.taal, v.alleenDigitaal ? 1 : 0, JSON.stringify(v.kanalen), v.gewijzigdOp.toISOString());
    },
    async [Symbol.asyncDispose]() {
      db.close();
    },
  };
}
