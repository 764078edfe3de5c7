import { columnTypes } from '../sql.js';
import type { Migration } from './migration.js';

/**
 * The first table, as the embedded store already had it before versioned migrations: SQLite
 * files made by that version keep their data (IF NOT EXISTS) and lose the old version table.
 */
export const migration0001: Migration = {
  name: '0001-voorkeuren',
  statements(dialect) {
    const t = columnTypes(dialect);
    return [
      `CREATE TABLE IF NOT EXISTS voorkeuren (
         gebruiker_id TEXT PRIMARY KEY,
         taal TEXT NOT NULL CHECK (taal IN ('nl', 'en')),
         alleen_digitaal ${t.boolean} NOT NULL,
         kanalen ${t.json} NOT NULL,
         gewijzigd_op ${t.timestamp} NOT NULL
       )`,
      'DROP TABLE IF EXISTS schema_versie',
    ];
  },
};
