import type { FieldCipher } from '../../../lib/crypto/index.js';
import type { Logger } from '../../../lib/logging.js';
import { migrate } from './migrate.js';
import { openPostgresDatabase, type PostgresOptions } from './postgres.js';
import type { SqlDatabase } from './sql.js';
import { openSqliteDatabase } from './sqlite.js';
import type { VoorkeurenStore } from './store.js';
import { createSqlVoorkeurenStore } from './voorkeuren-store.js';

export interface StoreDeps {
  cipher: FieldCipher;
  logger?: Logger;
}

/** Migrates `db` and wraps it in the store; closes it again when migrating fails. */
async function storeOn(db: SqlDatabase, deps: StoreDeps): Promise<VoorkeurenStore> {
  try {
    const applied = await migrate(db, deps.logger ? { logger: deps.logger } : {});
    if (applied.length > 0) deps.logger?.info({ migraties: applied, dialect: db.dialect }, 'store migrated');
    return createSqlVoorkeurenStore(db, { cipher: deps.cipher });
  } catch (error) {
    await db[Symbol.asyncDispose]();
    throw error;
  }
}

/** The embedded store in a SQLite file (":memory:" for a throw-away one), migrated. */
export function createSqliteVoorkeurenStore(path: string, deps: StoreDeps): Promise<VoorkeurenStore> {
  return storeOn(openSqliteDatabase(path), deps);
}

/** The store in PostgreSQL, migrated (safely when several replicas start at once). */
export function createPostgresVoorkeurenStore(options: PostgresOptions, deps: StoreDeps): Promise<VoorkeurenStore> {
  return storeOn(
    openPostgresDatabase({
      ...options,
      onIdleError: (error) => deps.logger?.warn({ err: error }, 'idle PostgreSQL connection failed'),
    }),
    deps,
  );
}

/** PostgreSQL when a database URL is configured, else the SQLite file (DESIGN.md §2.9). */
export function openVoorkeurenStore(
  options: { databaseUrl?: string | undefined; sqlitePath: string },
  deps: StoreDeps,
): Promise<VoorkeurenStore> {
  return options.databaseUrl
    ? createPostgresVoorkeurenStore({ connectionString: options.databaseUrl }, deps)
    : createSqliteVoorkeurenStore(options.sqlitePath, deps);
}
