/**
 * The small SQL surface the voorkeuren store is written against, so one set of queries runs on
 * SQLite (embedded) and PostgreSQL. Queries use `?` placeholders and portable SQL (both engines
 * support `ON CONFLICT`, `RETURNING` and partial indexes); the adapters convert parameters and
 * placeholders. Rows come back as plain objects; read them with the helpers below, which check
 * the type, because the engines return different JavaScript types for the same column
 * (timestamps as Date or ISO text, booleans as boolean or 0/1, JSON as object or text).
 */

export type Dialect = 'sqlite' | 'postgres';

/** A parameter value. Dates and booleans are converted to what the engine stores. */
export type SqlValue = string | number | boolean | Date | null;

export type SqlRow = Readonly<Record<string, unknown>>;

/** Runs statements: on the database itself (each its own transaction) or inside a transaction. */
export interface Sql {
  all(sql: string, params?: readonly SqlValue[]): Promise<SqlRow[]>;
  get(sql: string, params?: readonly SqlValue[]): Promise<SqlRow | undefined>;
  /** Runs a statement and returns the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

export interface TransactionOptions {
  /**
   * Serialises transactions that name the same key (e.g. a resident's pseudonym), so a
   * read-check-write sequence (a limit, a default) cannot interleave with another replica's.
   * PostgreSQL takes a transaction-scoped advisory lock; SQLite already runs one writer at a time.
   */
  lock?: string;
  /**
   * When the commit must be on disk. `now` (the default): before the call returns, so it
   * survives a power loss. `later`: with the next commit that waits for the disk or the next
   * checkpoint (SQLite: no fsync of its own in WAL mode; PostgreSQL: `synchronous_commit = off`).
   * A crash of the process loses nothing either way; a power loss may lose the last moments of
   * `later` commits. Only for writes that may be lost that way, such as the verwerkingenlog,
   * whose records wait up to a second in the gateway's memory before they are delivered at all.
   */
  flush?: 'now' | 'later';
}

export interface SqlDatabase extends Sql, AsyncDisposable {
  readonly dialect: Dialect;
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it rejects.
   * Inside, use only the `tx` it is given (never the database itself), and do no network I/O:
   * a transaction holds locks.
   */
  transaction<T>(fn: (tx: Sql) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /**
   * Runs `fn` in one transaction that holds the database-wide migration lock, so replicas that
   * start together migrate one after the other and the later ones find nothing left to do.
   */
  migrationTransaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
}

/**
 * Thrown by a database that does not answer (in time): refused or lost connections, a connect or
 * statement time-out, a server shutting down. Not a wrong statement or a broken row: callers
 * tell the resident the store is unavailable (`BRON_NIET_BESCHIKBAAR`) and try again later.
 * `reden` is safe to log (an error code such as `ECONNREFUSED` or `57014`, never a URL).
 */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
  constructor(
    readonly reden: string,
    options?: { cause?: unknown },
  ) {
    super(`database unavailable: ${reden}`, options);
  }
}

/** Thrown when a column holds something other than the type the store expects. */
export class SqlRowError extends Error {
  override readonly name = 'SqlRowError';
}

function column(row: SqlRow, name: string): unknown {
  if (!(name in row)) throw new SqlRowError(`column ${name} missing from the row`);
  return row[name];
}

/** A TEXT column. */
export function text(row: SqlRow, name: string): string {
  const value = column(row, name);
  if (typeof value !== 'string') throw new SqlRowError(`column ${name} is not text`);
  return value;
}

/** A nullable TEXT column. */
export function textOrNull(row: SqlRow, name: string): string | null {
  return column(row, name) === null ? null : text(row, name);
}

/** An INTEGER column, or a count. */
export function integer(row: SqlRow, name: string): number {
  const value = column(row, name);
  // PostgreSQL returns int8 (COUNT, SUM) as a string to keep precision; our counts are small.
  const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number))
    throw new SqlRowError(`column ${name} is not an integer`);
  return number;
}

/** A BOOLEAN (PostgreSQL) or 0/1 INTEGER (SQLite) column. */
export function bool(row: SqlRow, name: string): boolean {
  const value = column(row, name);
  if (typeof value === 'boolean') return value;
  if (value === 0 || value === 1) return value === 1;
  throw new SqlRowError(`column ${name} is not a boolean`);
}

/** A TIMESTAMPTZ (PostgreSQL, a Date) or ISO 8601 TEXT (SQLite) column. */
export function timestamp(row: SqlRow, name: string): Date {
  const value = column(row, name);
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) throw new SqlRowError(`column ${name} is not a timestamp`);
  return date;
}

/** A nullable timestamp column. */
export function timestampOrNull(row: SqlRow, name: string): Date | null {
  return column(row, name) === null ? null : timestamp(row, name);
}

/** A JSON column: parsed text (SQLite) or the object pg already parsed (PostgreSQL JSONB). */
export function json(row: SqlRow, name: string): unknown {
  const value = column(row, name);
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw new SqlRowError(`column ${name} is not JSON`);
  }
}

/** Column types and literals per dialect, for migrations. Never change what a released migration emits. */
export function columnTypes(dialect: Dialect) {
  return dialect === 'postgres'
    ? { timestamp: 'TIMESTAMPTZ', boolean: 'BOOLEAN', json: 'JSONB', true: 'TRUE', false: 'FALSE' }
    : { timestamp: 'TEXT', boolean: 'INTEGER', json: 'TEXT', true: '1', false: '0' };
}

/** Mutual exclusion for async work on one connection: each call runs after the previous one settled. */
export function createSerialQueue(): <T>(work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
}
