import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Where the PostgreSQL tests connect (CI and these machines: trust auth on 127.0.0.1:5432, database `test`). */
const CANDIDATES = process.env['TEST_DATABASE_URL']
  ? [process.env['TEST_DATABASE_URL']]
  : ['postgres://postgres@127.0.0.1:5432/test', 'postgres://root@127.0.0.1:5432/test'];

/** Errors that mean "no PostgreSQL answers here", the only reason the PostgreSQL variant may skip. */
const NOT_ANSWERING = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET']);

export type PostgresProbe = { ok: true; url: string } | { ok: false; reason: string };

/**
 * Finds a PostgreSQL server to test against. Returns `ok: false` only when none answers; a server
 * that answers but refuses us is an error, not a reason to skip.
 */
export async function probePostgres(): Promise<PostgresProbe> {
  let lastError: unknown;
  for (const url of CANDIDATES) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return { ok: true, url };
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== undefined && NOT_ANSWERING.has(code)) {
        return { ok: false, reason: `PostgreSQL does not answer at ${new URL(url).host} (${code})` };
      }
      if (error instanceof Error && /timeout/i.test(error.message)) {
        return { ok: false, reason: `PostgreSQL does not answer at ${new URL(url).host} (timeout)` };
      }
      lastError = error;
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  throw lastError instanceof Error ? lastError : new Error('PostgreSQL refused every test user');
}

/** A schema of its own for one test, dropped with everything in it on dispose. */
export interface TestSchema extends AsyncDisposable {
  readonly url: string;
  readonly name: string;
}

export async function createTestSchema(url: string): Promise<TestSchema> {
  const name = `voorkeuren_test_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE SCHEMA ${name}`);
  return { url, name, [Symbol.asyncDispose]: () => admin(`DROP SCHEMA ${name} CASCADE`) };
}
