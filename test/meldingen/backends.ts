import { migrate } from '../../subgraphs/voorkeuren/store/migrate.js';
import { openPostgresDatabase } from '../../subgraphs/voorkeuren/store/postgres.js';
import type { SqlDatabase } from '../../subgraphs/voorkeuren/store/sql.js';
import { openSqliteDatabase } from '../../subgraphs/voorkeuren/store/sqlite.js';
import { createTestSchema, probePostgres } from '../voorkeuren/postgres.js';

/** One engine the meldingen contract runs on (as in the voorkeuren store contract). */
export interface Backend {
  name: string;
  skip: string | null;
  /** A fresh database, migrated, and a way to throw it away. */
  open(): Promise<{ db: SqlDatabase; drop: () => Promise<void> }>;
}

const postgres = await probePostgres();
if (!postgres.ok) console.warn(`[meldingen contract] PostgreSQL variant skipped: ${postgres.reason}`);

export const BACKENDS: Backend[] = [
  {
    name: 'SQLite',
    skip: null,
    open: async () => {
      const db = openSqliteDatabase(':memory:');
      await migrate(db);
      return { db, drop: async () => await db[Symbol.asyncDispose]() };
    },
  },
  {
    name: 'PostgreSQL',
    skip: postgres.ok ? null : postgres.reason,
    open: async () => {
      if (!postgres.ok) throw new Error(postgres.reason);
      const schema = await createTestSchema(postgres.url);
      const db = openPostgresDatabase({ connectionString: postgres.url, schema: schema.name, maxConnections: 4 });
      await migrate(db);
      return {
        db,
        drop: async () => {
          await db[Symbol.asyncDispose]();
          await schema[Symbol.asyncDispose]();
        },
      };
    },
  },
];
