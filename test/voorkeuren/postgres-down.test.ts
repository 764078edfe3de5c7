import { performance } from 'node:perf_hooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../subgraphs/voorkeuren/store/migrate.js';
import { openPostgresDatabase, type PostgresOptions } from '../../subgraphs/voorkeuren/store/postgres.js';
import { DatabaseUnavailableError, type SqlDatabase } from '../../subgraphs/voorkeuren/store/sql.js';
import { createSqlVoorkeurenStore } from '../../subgraphs/voorkeuren/store/voorkeuren-store.js';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy.js';
import { testCipher } from './harness.js';
import { createTestSchema, probePostgres, type TestSchema } from './postgres.js';

const postgres = await probePostgres();
if (!postgres.ok) console.warn(`[PostgreSQL down] skipped: ${postgres.reason}`);

/**
 * The PostgreSQL pool when the database is down: refused, black-holed (accepts, never answers),
 * or silent on a connection it already had. Each gives DatabaseUnavailableError within its
 * time-out (never minutes), then at once while the breaker is open; once the database answers
 * again, so does the store. Real PostgreSQL, reached through a TCP proxy the test switches.
 */
describe.skipIf(!postgres.ok)('PostgreSQL down: time-outs, breaker and recovery', () => {
  let schema: TestSchema;
  let proxy: TcpProxy;
  const open: SqlDatabase[] = [];

  beforeAll(async () => {
    if (!postgres.ok) return;
    schema = await createTestSchema(postgres.url);
    const target = new URL(postgres.url);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    // The schema's tables, migrated directly (not through the proxy).
    await using db = openPostgresDatabase({ connectionString: postgres.url, schema: schema.name });
    await migrate(db);
  });
  afterEach(async () => {
    proxy.setMode('forward');
    for (const db of open.splice(0)) await db[Symbol.asyncDispose]();
  });
  afterAll(async () => {
    await proxy?.close();
    await schema?.[Symbol.asyncDispose]();
  });

  /** A pool through the proxy; `options` as the test needs. */
  const database = (options: Partial<PostgresOptions> = {}): SqlDatabase => {
    const url = new URL(postgres.ok ? postgres.url : 'postgres://x');
    url.host = proxy.address;
    const db = openPostgresDatabase({
      connectionString: url.toString(),
      schema: schema.name,
      maxConnections: 4,
      ...options,
    });
    open.push(db);
    return db;
  };

  /** How long `work` took to fail, and with what. */
  const failure = async (work: () => Promise<unknown>): Promise<{ ms: number; error: unknown }> => {
    const started = performance.now();
    try {
      await work();
    } catch (error) {
      return { ms: performance.now() - started, error };
    }
    throw new Error('expected a failure');
  };

  it('the defaults: 2 s to connect, 5 s per statement, 10 s idle in a transaction', async () => {
    const db = database();
    await expect(db.get('SHOW statement_timeout')).resolves.toEqual({ statement_timeout: '5s' });
    await expect(db.get('SHOW idle_in_transaction_session_timeout')).resolves.toEqual({
      idle_in_transaction_session_timeout: '10s',
    });
    // A black-holed database: the connection is accepted and never answered.
    proxy.setMode('blackhole');
    const { ms, error } = await failure(() => database().get('SELECT 1 AS een'));
    console.info(`black-holed PostgreSQL: gave up after ${ms.toFixed(0)} ms (connect time-out 2 s)`);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect((error as DatabaseUnavailableError).reden).toBe('CONNECT_TIMEOUT');
    expect(ms).toBeGreaterThanOrEqual(1_900);
    expect(ms).toBeLessThan(3_500);
  });

  it('refused or reset connections fail at once, and the message holds no address', async () => {
    proxy.setMode('reset');
    const { ms, error } = await failure(() => database().get('SELECT 1 AS een'));
    console.info(`reset PostgreSQL: gave up after ${ms.toFixed(0)} ms`);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect(ms).toBeLessThan(1_000);
    expect((error as Error).message).not.toMatch(/127\.0\.0\.1|postgres:|:\d{4,5}/);
  });

  it('after a few failures the breaker fails calls at once; a probe lets the database back in', async () => {
    const db = database({ connectTimeoutMs: 300, breaker: { failureThreshold: 2, openMs: 400 } });
    proxy.setMode('blackhole');
    for (let i = 0; i < 2; i++) await failure(() => db.get('SELECT 1 AS een'));
    const { ms, error } = await failure(() => db.get('SELECT 1 AS een'));
    expect((error as DatabaseUnavailableError).reden).toBe('CIRCUIT_OPEN');
    expect(ms).toBeLessThan(50);

    proxy.setMode('forward');
    await new Promise((resolve) => setTimeout(resolve, 450));
    await expect(db.get('SELECT 1 AS een')).resolves.toEqual({ een: 1 });
  });

  it('a connection that goes silent mid-use is given up after the query time-out, not minutes', async () => {
    const db = database({ statementTimeoutMs: 300 }); // query time-out: 1.3 s
    await expect(db.get('SELECT 1 AS een')).resolves.toEqual({ een: 1 });
    // The pooled connection stays open, but nothing comes back any more.
    proxy.setMode('blackhole', { existing: 'stall' });
    const { ms, error } = await failure(() => db.get('SELECT 1 AS een'));
    console.info(`silent PostgreSQL connection: gave up after ${ms.toFixed(0)} ms (query time-out 1.3 s)`);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect(ms).toBeLessThan(2_500);
  });

  it('a statement that runs too long is cancelled by the server and reported as unavailable', async () => {
    const db = database({ statementTimeoutMs: 200 });
    const { ms, error } = await failure(() => db.get('SELECT pg_sleep(3)'));
    expect((error as DatabaseUnavailableError).reden).toBe('57014');
    expect(ms).toBeLessThan(1_500);
    // The connection was fine: the next statement runs.
    await expect(db.get('SELECT 1 AS een')).resolves.toEqual({ een: 1 });
  });

  it('a change whose connection goes silent mid-transaction is not stored, not even in part', async () => {
    const db = database({ statementTimeoutMs: 300 });
    const store = createSqlVoorkeurenStore(db, { cipher: testCipher() });
    const gebruikerId = `inwoner-${Date.now()}`;
    const { error } = await failure(() =>
      store.wijzigVoorkeuren(
        gebruikerId,
        (huidig) => {
          // Read done, write next: the database stops answering right here.
          proxy.setMode('blackhole', { existing: 'stall' });
          return { ...huidig, kanalen: { ...huidig.kanalen, EMAIL: true } };
        },
        new Date(),
      ),
    );
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    proxy.setMode('forward');
    const check = database();
    const after = createSqlVoorkeurenStore(check, { cipher: testCipher() });
    await expect(after.voorkeuren(gebruikerId)).resolves.toBeNull();
    await expect(after.historie(gebruikerId, 10)).resolves.toEqual([]);
  });

  it('a connection that drops between two statements of a transaction fails that change, and nothing else', async () => {
    const db = database();
    const { error } = await failure(() =>
      db.transaction(async (tx) => {
        await tx.get('SELECT 1 AS een');
        // The server side closes while the transaction holds the connection and no statement
        // runs: pg reports it as an 'error' event on the client, which must not end the process.
        proxy.setMode('reset');
        await new Promise((resolve) => setTimeout(resolve, 200));
        return tx.get('SELECT 2 AS twee');
      }),
    );
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    proxy.setMode('forward');
    await expect(db.get('SELECT 3 AS drie')).resolves.toEqual({ drie: 3 });
  });
});
