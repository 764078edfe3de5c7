import pg from 'pg';
import type { Sql, SqlDatabase, SqlRow, SqlValue } from './sql.js';

export interface PostgresOptions {
  /** `postgres://user:password@host:port/database` (`DATABASE_URL`). */
  connectionString: string;
  /**
   * The schema the store's tables live in (default: the server's `search_path`, normally
   * `public`). Tests use a fresh schema per run.
   */
  schema?: string;
  /** Connections in the pool. */
  maxConnections?: number;
  /** Called when an idle connection fails (e.g. the server restarted); the pool replaces it. */
  onIdleError?: (error: Error) => void;
}

/** Advisory-lock classes (first key of the two-key form), so our locks never meet another application's. */
const LOCK_CLASS_KEY = 0x766b; // "vk": per-key transaction locks
const LOCK_CLASS_MIGRATIE = 0x766d; // "vm": migrations

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** `?` placeholders to `$1, $2, …`, skipping quoted text. */
export function toPostgresPlaceholders(sql: string): string {
  let index = 0;
  let quoted: string | null = null;
  let out = '';
  for (const char of sql) {
    if (quoted) {
      if (char === quoted) quoted = null;
      out += char;
    } else if (char === "'" || char === '"') {
      quoted = char;
      out += char;
    } else if (char === '?') {
      out += `$${++index}`;
    } else {
      out += char;
    }
  }
  return out;
}

function executor(client: pg.Pool | pg.PoolClient): Sql {
  const query = async (sql: string, params: readonly SqlValue[] = []) =>
    client.query(toPostgresPlaceholders(sql), params as SqlValue[]);
  return {
    all: async (sql, params) => (await query(sql, params)).rows as SqlRow[],
    get: async (sql, params) => (await query(sql, params)).rows[0] as SqlRow | undefined,
    run: async (sql, params) => (await query(sql, params)).rowCount ?? 0,
  };
}

/**
 * The PostgreSQL database behind `DATABASE_URL`: a connection pool; each transaction runs on one
 * pooled connection at READ COMMITTED, with advisory locks where a key must be serialised.
 */
export function openPostgresDatabase(options: PostgresOptions): SqlDatabase {
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
    throw new Error('schema must be a lower-case SQL identifier');
  }
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    application_name: 'profielservice-voorkeuren',
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  pool.on('error', (error) => options.onIdleError?.(error));

  const transaction = async <T>(fn: (tx: Sql) => Promise<T>, lock: (tx: Sql) => Promise<unknown>): Promise<T> => {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const tx = executor(client);
      await lock(tx);
      const result = await fn(tx);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackError) {
        // The connection is unusable: have the pool close it instead of handing it out again.
        broken = rollbackError instanceof Error ? rollbackError : new Error('rollback failed');
      }
      throw error;
    } finally {
      client.release(broken);
    }
  };

  return {
    dialect: 'postgres',
    ...executor(pool),
    transaction: (fn, { lock } = {}) =>
      transaction(fn, (tx) =>
        lock === undefined
          ? Promise.resolve()
          : tx.get('SELECT pg_advisory_xact_lock(?, hashtext(?))', [LOCK_CLASS_KEY, lock]),
      ),
    // Keyed on the schema: test runs in their own schemas do not wait for each other.
    migrationTransaction: (fn) =>
      transaction(fn, (tx) =>
        tx.get('SELECT pg_advisory_xact_lock(?, hashtext(current_schema()))', [LOCK_CLASS_MIGRATIE]),
      ),
    async [Symbol.asyncDispose]() {
      await pool.end();
    },
  };
}
