import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import { createSerialQueue, type Sql, type SqlDatabase, type SqlRow, type SqlValue } from './sql.js';

function toSqlite(value: SqlValue): SQLInputValue {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/**
 * The embedded database: Node's built-in SQLite (no native addon to build). WAL journal with
 * `synchronous = FULL`, so a committed write survives a crash or power loss; foreign keys on;
 * a busy timeout so a second process on the same file waits for the write lock instead of failing.
 *
 * `DatabaseSync` is synchronous, but a store transaction is an async function: calls are queued
 * so that no statement of one request runs inside another request's open transaction.
 */
export function openSqliteDatabase(path: string): SqlDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  db.exec('PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;');
  if (path !== ':memory:') db.exec('PRAGMA journal_mode = WAL;');

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
  const transaction = <T>(fn: (tx: Sql) => Promise<T>): Promise<T> =>
    exclusive(async () => {
      // IMMEDIATE takes the write lock up front: two processes that both read and then write
      // would otherwise deadlock on the upgrade and one would fail with SQLITE_BUSY.
      db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(direct);
        db.exec('COMMIT');
        return result;
      } catch (error) {
        if (db.isTransaction) db.exec('ROLLBACK');
        throw error;
      }
    });

  return {
    dialect: 'sqlite',
    all: (sql, params) => exclusive(() => direct.all(sql, params)),
    get: (sql, params) => exclusive(() => direct.get(sql, params)),
    run: (sql, params) => exclusive(() => direct.run(sql, params)),
    // One writer at a time already: a per-key lock adds nothing.
    transaction: (fn) => transaction(fn),
    migrationTransaction: (fn) => transaction(fn),
    async [Symbol.asyncDispose]() {
      await exclusive(async () => {
        if (db.isOpen) db.close();
      });
    },
  };
}
