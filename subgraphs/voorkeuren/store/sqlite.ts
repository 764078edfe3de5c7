import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import {
  createSerialQueue,
  type Sql,
  type SqlDatabase,
  type SqlRow,
  type SqlValue,
  type TransactionOptions,
} from './sql.js';

function toSqlite(value: SqlValue): SQLInputValue {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/**
 * The embedded database: Node's built-in SQLite (no native addon to build). WAL journal with
 * `synchronous = FULL`, so a committed write survives a crash or power loss (unless its
 * transaction asked to be flushed later, {@link TransactionOptions.flush}); foreign keys on;
 * a busy timeout so a second process on the same file waits for the write lock instead of failing.
 *
 * `DatabaseSync` is synchronous, but a store transaction is an async function: calls are queued
 * so that no statement of one request runs inside another request's open transaction.
 */
export function openSqliteDatabase(path: string): SqlDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  db.exec('PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;');
  // The pragma answers with the mode it got. Only in WAL mode does a commit without its own fsync
  // stay whole after a power loss (it may be lost, not half-written), so only there may a
  // transaction ask to be flushed later.
  const wal =
    path !== ':memory:' &&
    (db.prepare('PRAGMA journal_mode = WAL').get() as { journal_mode?: unknown } | undefined)?.journal_mode === 'wal';

  const statements = new Map<string, StatementSync>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const direct: Sql = {
    all: async (sql, params = []) => prepare(sql).all(...params.map(toSqlite)) as SqlRow[],
    get: async (sql, params = []) => prepare(sql).get(...params.map(toSqlite)) as SqlRow | undefined,
    run: async (sql, params = []) => Number(prepare(sql).run(...params.map(toSqlite)).changes),
  };
  const exclusive = createSerialQueue();
  const transaction = <T>(fn: (tx: Sql) => Promise<T>, flush: TransactionOptions['flush'] = 'now'): Promise<T> =>
    exclusive(async () => {
      // The setting holds for the connection, so it is set for this transaction alone: the queue
      // runs nothing else until it is back. A later FULL commit flushes this one's pages too.
      const relaxed = flush === 'later' && wal;
      if (relaxed) db.exec('PRAGMA synchronous = NORMAL');
      try {
        // IMMEDIATE takes the write lock up front: two processes that both read and then write
        // would otherwise deadlock on the upgrade and one would fail with SQLITE_BUSY.
        db.exec('BEGIN IMMEDIATE');
        const result = await fn(direct);
        db.exec('COMMIT');
        return result;
      } catch (error) {
        if (db.isTransaction) db.exec('ROLLBACK');
        throw error;
      } finally {
        if (relaxed) db.exec('PRAGMA synchronous = FULL');
      }
    });

  return {
    dialect: 'sqlite',
    all: (sql, params) => exclusive(() => direct.all(sql, params)),
    get: (sql, params) => exclusive(() => direct.get(sql, params)),
    run: (sql, params) => exclusive(() => direct.run(sql, params)),
    // One writer at a time already: a per-key lock adds nothing.
    transaction: (fn, { flush } = {}) => transaction(fn, flush),
    migrationTransaction: (fn) => transaction(fn),
    async [Symbol.asyncDispose]() {
      await exclusive(async () => {
        if (db.isOpen) db.close();
      });
    },
  };
}
