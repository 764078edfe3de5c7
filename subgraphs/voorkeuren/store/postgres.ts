import pg from 'pg';
import { BreakerOpenError, createBreaker, type BreakerState } from '../../../lib/resilience/breaker.js';
import { remainingMs } from '../../../lib/resilience/deadline.js';
import { DatabaseUnavailableError, type Sql, type SqlDatabase, type SqlRow, type SqlValue } from './sql.js';

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
  /**
   * The longest wait for a connection, new or from the pool (default 2 s). A database that does
   * not answer (a stopped server, a dropped route) then costs a request this long, not minutes.
   */
  connectTimeoutMs?: number;
  /**
   * The longest one statement may run; the server cancels it after that (default 5 s). Migrations
   * have no limit: they run once, at start, and may wait for another replica's.
   */
  statementTimeoutMs?: number;
  /**
   * The longest we wait for the answer to one query on an open connection (default
   * `statementTimeoutMs` + 1 s): for a server or route that stopped answering mid-connection,
   * which a statement time-out (the server's own) cannot catch.
   */
  queryTimeoutMs?: number;
  /**
   * Consecutive failures to reach the database after which calls fail at once, and how long
   * until one call may try again (defaults 5 and 5 s), so that while the database does not
   * answer a page does not wait for the connect time-out on every request.
   */
  breaker?: { failureThreshold?: number; openMs?: number };
  /** Told when the breaker opens, probes or closes (to log an outage once). */
  onBreakerStateChange?: (state: BreakerState) => void;
}

/** Advisory-lock classes (first key of the two-key form), so our locks never meet another application's. */
const LOCK_CLASS_KEY = 0x766b; // "vk": per-key transaction locks
const LOCK_CLASS_MIGRATIE = 0x766d; // "vm": migrations

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Migrations (and waiting for another replica's) may take long; a server that vanished still ends them. */
const MIGRATION_QUERY_TIMEOUT_MS = 10 * 60_000;

/** Network errors of a connection that could not be made or was lost. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/** What pg itself says when a connection could not be made, broke, or did not answer in time. */
const LOST_MESSAGES: ReadonlyArray<[RegExp, string]> = [
  [/timeout exceeded when trying to connect|connection timeout|^timeout expired$/i, 'CONNECT_TIMEOUT'],
  [/^Query read timeout$/, 'QUERY_TIMEOUT'],
  [/^Connection terminated/, 'CONNECTION_LOST'],
  [/is not queryable|after calling end on the pool/, 'CONNECTION_LOST'],
];

/**
 * Why `error` means the database is unreachable or did not answer in time, or null when it is
 * something else (a wrong statement, a constraint, a bug). `broken` is true when the connection
 * itself is gone, so nothing more can be sent on it (not even a ROLLBACK).
 */
export function databaseUnavailable(error: unknown): { reden: string; broken: boolean } | null {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth += 1) {
    if (e instanceof DatabaseUnavailableError) return { reden: e.reden, broken: true };
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (NETWORK_CODES.has(code)) return { reden: code, broken: true };
      // SQLSTATE 08: connection exception; 57P01-57P03: the server is shutting down or starting.
      if (/^08|^57P0[1-3]$/.test(code)) return { reden: code, broken: true };
      // 57014: statement time-out; 55P03: lock time-out; 53: out of connections, memory or disk.
      if (code === '57014' || code === '55P03' || /^53/.test(code)) return { reden: code, broken: false };
    }
    for (const [pattern, reden] of LOST_MESSAGES) if (pattern.test(e.message)) return { reden, broken: true };
  }
  return null;
}

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

/** A database error that means "unavailable" as a {@link DatabaseUnavailableError}; anything else as it is. */
function translate(error: unknown): unknown {
  if (error instanceof DatabaseUnavailableError) return error;
  const unavailable = databaseUnavailable(error);
  return unavailable ? new DatabaseUnavailableError(unavailable.reden, { cause: error }) : error;
}

/** Time a section keeps back from the request's deadline to answer with its own status. */
const DEADLINE_MARGIN_MS = 50;

function executor(client: pg.Pool | pg.PoolClient, queryTimeoutMs: number): Sql {
  const query = async (sql: string, params: readonly SqlValue[] = []) => {
    const config = { text: toPostgresPlaceholders(sql), values: params as SqlValue[] };
    // Within a resident's request, a query on a connection that went silent is given up at the
    // request's deadline, so the section still answers with its own status in time.
    const timeout = Math.max(1, Math.min(queryTimeoutMs, remainingMs() - DEADLINE_MARGIN_MS));
    try {
      // pg reads `query_timeout` from the query config too; its types do not list it.
      return await client.query({ ...config, query_timeout: timeout } as pg.QueryConfig);
    } catch (error) {
      throw translate(error);
    }
  };
  return {
    all: async (sql, params) => (await query(sql, params)).rows as SqlRow[],
    get: async (sql, params) => (await query(sql, params)).rows[0] as SqlRow | undefined,
    run: async (sql, params) => (await query(sql, params)).rowCount ?? 0,
  };
}

/**
 * The PostgreSQL database behind `DATABASE_URL`: a connection pool; each transaction runs on one
 * pooled connection at READ COMMITTED, with advisory locks where a key must be serialised.
 *
 * A database that is down or does not answer gives {@link DatabaseUnavailableError} within the
 * connect, statement or query time-out; after a few such failures in a row, at once (a circuit
 * breaker) until a probe call gets through again.
 */
export function openPostgresDatabase(options: PostgresOptions): SqlDatabase {
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
    throw new Error('schema must be a lower-case SQL identifier');
  }
  const statementTimeoutMs = options.statementTimeoutMs ?? 5_000;
  const defaultQueryTimeoutMs = options.queryTimeoutMs ?? statementTimeoutMs + 1_000;
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    application_name: 'profielservice-voorkeuren',
    connectionTimeoutMillis: options.connectTimeoutMs ?? 2_000,
    statement_timeout: statementTimeoutMs,
    query_timeout: defaultQueryTimeoutMs,
    // A client that vanished mid-transaction (its connection silent, not closed) must not hold a
    // resident's lock for long: the server ends such a transaction itself, without committing.
    idle_in_transaction_session_timeout: 2 * statementTimeoutMs,
    // Finds connections whose peer vanished while they sat idle in the pool.
    keepAlive: true,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  pool.on('error', (error) => options.onIdleError?.(error));

  const breaker = createBreaker('store:voorkeuren', {
    failureThreshold: options.breaker?.failureThreshold ?? 5,
    openMs: options.breaker?.openMs ?? 5_000,
    isFailure: (error) => error instanceof DatabaseUnavailableError,
    ...(options.onBreakerStateChange ? { onStateChange: options.onBreakerStateChange } : {}),
  });
  const guarded = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await breaker.run(work);
    } catch (error) {
      if (error instanceof BreakerOpenError) throw new DatabaseUnavailableError('CIRCUIT_OPEN', { cause: error });
      throw error;
    }
  };

  const connect = async (): Promise<pg.PoolClient> => {
    try {
      return await pool.connect();
    } catch (error) {
      throw translate(error);
    }
  };

  const transaction = async <T>(
    fn: (tx: Sql) => Promise<T>,
    lock: (tx: Sql) => Promise<unknown>,
    queryTimeoutMs?: number,
  ): Promise<T> => {
    const client = await connect();
    const tx = executor(client, queryTimeoutMs ?? defaultQueryTimeoutMs);
    let broken: Error | undefined;
    // A connection that drops between two statements of the transaction reports it as an 'error'
    // event on the checked-out client; unheard, that event would end the process. Heard, the
    // connection is marked broken and the next statement fails as any other outage does.
    const onConnectionError = (error: Error) => {
      broken = error;
    };
    client.on('error', onConnectionError);
    try {
      await tx.run('BEGIN');
      await lock(tx);
      const result = await fn(tx);
      await tx.run('COMMIT');
      return result;
    } catch (error) {
      const unavailable = databaseUnavailable(error);
      if (unavailable?.broken) {
        // The connection is gone or silent: a ROLLBACK would only wait for the time-out again.
        // Closing it ends the transaction on the server (if it still has it) without a commit.
        broken = error instanceof Error ? error : new Error('connection lost');
      } else {
        try {
          await tx.run('ROLLBACK');
        } catch (rollbackError) {
          // The connection is unusable: have the pool close it instead of handing it out again.
          broken = rollbackError instanceof Error ? rollbackError : new Error('rollback failed');
        }
      }
      throw error;
    } finally {
      client.off('error', onConnectionError);
      client.release(broken);
    }
  };

  const direct = executor(pool, defaultQueryTimeoutMs);
  return {
    dialect: 'postgres',
    all: (sql, params) => guarded(() => direct.all(sql, params)),
    get: (sql, params) => guarded(() => direct.get(sql, params)),
    run: (sql, params) => guarded(() => direct.run(sql, params)),
    transaction: (fn, { lock, flush } = {}) =>
      guarded(() =>
        transaction(fn, async (tx) => {
          if (flush === 'later') await tx.run('SET LOCAL synchronous_commit = off');
          if (lock !== undefined) await tx.get('SELECT pg_advisory_xact_lock(?, hashtext(?))', [LOCK_CLASS_KEY, lock]);
        }),
      ),
    // Keyed on the schema: test runs in their own schemas do not wait for each other.
    migrationTransaction: (fn) =>
      transaction(
        fn,
        async (tx) => {
          await tx.run('SET LOCAL statement_timeout = 0');
          await tx.get('SELECT pg_advisory_xact_lock(?, hashtext(current_schema()))', [LOCK_CLASS_MIGRATIE]);
        },
        MIGRATION_QUERY_TIMEOUT_MS,
      ),
    async [Symbol.asyncDispose]() {
      await pool.end();
    },
  };
}
