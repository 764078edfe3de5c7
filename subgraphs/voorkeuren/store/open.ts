import type { FieldCipher } from '../../../lib/crypto/index.js';
import type { Logger } from '../../../lib/logging.js';
import type { MeldingenStore } from '../melding/meldingen-store.js';
import { createSqlMeldingenStore } from './meldingen.sql.js';
import { migrate } from './migrate.js';
import { databaseUnavailable, openPostgresDatabase, type PostgresOptions } from './postgres.js';
import type { SqlDatabase } from './sql.js';
import { openSqliteDatabase } from './sqlite.js';
import type { VoorkeurenStore } from './store.js';
import { createSqlVoorkeurenStore } from './voorkeuren-store.js';

export interface StoreDeps {
  cipher: FieldCipher;
  logger?: Logger;
}

/** The voorkeuren store and the meldingen store on the same database; disposing `store` closes it. */
export interface VoorkeurenStores {
  readonly store: VoorkeurenStore;
  readonly meldingen: MeldingenStore;
}

/** Migrates `db` and wraps it in the stores; closes it again when migrating fails. */
async function storesOn(db: SqlDatabase, deps: StoreDeps): Promise<VoorkeurenStores> {
  try {
    const applied = await migrate(db, deps.logger ? { logger: deps.logger } : {});
    if (applied.length > 0) deps.logger?.info({ migraties: applied, dialect: db.dialect }, 'store migrated');
    return { store: createSqlVoorkeurenStore(db, { cipher: deps.cipher }), meldingen: createSqlMeldingenStore(db) };
  } catch (error) {
    await db[Symbol.asyncDispose]();
    throw error;
  }
}

async function storeOn(db: SqlDatabase, deps: StoreDeps): Promise<VoorkeurenStore> {
  return (await storesOn(db, deps)).store;
}

/** The embedded store in a SQLite file (":memory:" for a throw-away one), migrated. */
export function createSqliteVoorkeurenStore(path: string, deps: StoreDeps): Promise<VoorkeurenStore> {
  return storeOn(openSqliteDatabase(path), deps);
}

/** {@link createSqliteVoorkeurenStore} with the meldingen store on the same database. */
export function createSqliteVoorkeurenStores(path: string, deps: StoreDeps): Promise<VoorkeurenStores> {
  return storesOn(openSqliteDatabase(path), deps);
}

/** What goes wrong with PostgreSQL, told to the operator once per change, with codes only (never the URL). */
function postgresLogging(deps: StoreDeps): Pick<PostgresOptions, 'onIdleError' | 'onBreakerStateChange'> {
  return {
    onIdleError: (error) =>
      deps.logger?.warn(
        { reden: databaseUnavailable(error)?.reden ?? error.name },
        'idle PostgreSQL connection failed',
      ),
    onBreakerStateChange: (state) => {
      if (state === 'open') deps.logger?.warn('PostgreSQL does not answer; the voorkeuren store fails fast for now');
      else if (state === 'closed') deps.logger?.info('PostgreSQL answers again');
    },
  };
}

/** The store in PostgreSQL, migrated (safely when several replicas start at once). */
export function createPostgresVoorkeurenStore(options: PostgresOptions, deps: StoreDeps): Promise<VoorkeurenStore> {
  return storeOn(openPostgresDatabase({ ...options, ...postgresLogging(deps) }), deps);
}

/** {@link createPostgresVoorkeurenStore} with the meldingen store on the same database. */
export function createPostgresVoorkeurenStores(options: PostgresOptions, deps: StoreDeps): Promise<VoorkeurenStores> {
  return storesOn(openPostgresDatabase({ ...options, ...postgresLogging(deps) }), deps);
}

/** Where the store lives: PostgreSQL at `databaseUrl`, else the SQLite file. */
export interface StoreLocation {
  databaseUrl?: string | undefined;
  sqlitePath: string;
  /** Time-outs and breaker of the PostgreSQL pool (see {@link PostgresOptions}); defaults when absent. */
  postgres?: Omit<PostgresOptions, 'connectionString' | 'onIdleError' | 'onBreakerStateChange'>;
}

/** PostgreSQL when a database URL is configured, else the SQLite file (docs/architecture.md §2.9). */
export function openVoorkeurenStore(options: StoreLocation, deps: StoreDeps): Promise<VoorkeurenStore> {
  return options.databaseUrl
    ? createPostgresVoorkeurenStore({ ...options.postgres, connectionString: options.databaseUrl }, deps)
    : createSqliteVoorkeurenStore(options.sqlitePath, deps);
}

/** {@link openVoorkeurenStore} with the meldingen store on the same database. */
export function openVoorkeurenStores(options: StoreLocation, deps: StoreDeps): Promise<VoorkeurenStores> {
  return options.databaseUrl
    ? createPostgresVoorkeurenStores({ ...options.postgres, connectionString: options.databaseUrl }, deps)
    : createSqliteVoorkeurenStores(options.sqlitePath, deps);
}
