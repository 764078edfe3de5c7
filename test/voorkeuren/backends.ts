import { migrate } from '../../subgraphs/voorkeuren/store/migrate.js';
import { openPostgresDatabase } from '../../subgraphs/voorkeuren/store/postgres.js';
import type { SqlDatabase } from '../../subgraphs/voorkeuren/store/sql.js';
import { openSqliteDatabase } from '../../subgraphs/voorkeuren/store/sqlite.js';
import { createTestSchema, probePostgres } from './postgres.js';

/** One engine a store contract runs on: SQLite in memory, or PostgreSQL in a schema of its own. */
export interface Backend {
  name: string;
  skip: string | null;
  /** A fresh database (migrated when asked) and a way to throw it away. */
  open(): Promise<{ db: SqlDatabase; drop: () => Promise<void> }>;
}

/**
 * The engines for a contract suite. The PostgreSQL variant skips, saying why under `label`, only
 * when no PostgreSQL answers.
 */
export async function sqlBackends(label: string, options: { migrated: boolean }): Promise<Backend[]> {
  const postgres = await probePostgres();
  if (!postgres.ok) console.warn(`[${label}] PostgreSQL variant skipped: ${postgres.reason}`);
  const prepare = async (db: SqlDatabase) => {
    if (options.migrated) await migrate(db);
    return db;
  };
  return [
    {
      name: 'SQLite',
      skip: null,
      open: async () => {
        const db = await prepare(openSqliteDatabase(':memory:'));
        return { db, drop: async () => await db[Symbol.asyncDispose]() };
      },
    },
    {
      name: 'PostgreSQL',
      skip: postgres.ok ? null : postgres.reason,
      open: async () => {
        if (!postgres.ok) throw new Error(postgres.reason);
        const schema = await createTestSchema(postgres.url);
        const db = await prepare(
          openPostgresDatabase({ connectionString: postgres.url, schema: schema.name, maxConnections: 4 }),
        );
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
}
