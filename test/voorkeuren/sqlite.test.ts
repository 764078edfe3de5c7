import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteVoorkeurenStore } from '../../subgraphs/voorkeuren/store/open.js';
import { openSqliteDatabase } from '../../subgraphs/voorkeuren/store/sqlite.js';
import type { SqlDatabase } from '../../subgraphs/voorkeuren/store/sql.js';
import type { StoredVerwerking, VoorkeurenStore } from '../../subgraphs/voorkeuren/store/store.js';
import { testCipher } from './harness.js';

/**
 * What only the embedded SQLite store has to take care of: it works on the thread that answers
 * residents, and its commits wait for the disk unless a transaction says they may wait.
 */

const folders: string[] = [];
const open: AsyncDisposable[] = [];
afterEach(async () => {
  for (const item of open.splice(0)) await item[Symbol.asyncDispose]();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function databaseFile(): string {
  const folder = mkdtempSync(join(tmpdir(), 'voorkeuren-sqlite-'));
  folders.push(folder);
  return join(folder, 'voorkeuren.sqlite');
}

const verwerking = (gebruikerId: string, i: number): StoredVerwerking => ({
  id: randomUUID(),
  gebruikerId,
  tijdstip: new Date(Date.UTC(2026, 0, 1, 8, 0, i)),
  bron: 'BRP',
  gegevens: ['persoonsgegevens.naam'],
  doel: 'Uw gegevens tonen in Mijn Omgeving',
  verzoekId: `verzoek-${randomUUID()}`,
  namens: null,
});

describe('the embedded SQLite store', () => {
  it("lets a resident's read in between the pieces of a large verwerkingenlog delivery", async () => {
    const store: VoorkeurenStore = await createSqliteVoorkeurenStore(databaseFile(), { cipher: testCipher() });
    open.push(store);
    const gateway = `pseudoniem-${randomUUID()}`;
    const klaar: string[] = [];
    const levering = store.registreerVerwerkingen(Array.from({ length: 500 }, (_, i) => verwerking(gateway, i)));
    void levering.then(() => klaar.push('levering'));
    // A resident's request that arrives while the delivery is being written (an I/O event, so
    // after the work already queued in this turn of the event loop).
    await new Promise((resolve) => setImmediate(resolve));
    const lezer = `pseudoniem-${randomUUID()}`;
    await store.verwerkingen(lezer, { eerste: 10, na: null });
    klaar.push('lezen');
    await levering;
    expect(klaar).toEqual(['lezen', 'levering']);
    expect((await store.verwerkingen(gateway, { eerste: 600, na: null })).items).toHaveLength(500);
  });

  it('skips the wait for the disk only for a transaction that asked, in WAL mode', async () => {
    const db: SqlDatabase = openSqliteDatabase(databaseFile());
    open.push(db);
    const synchronous = async (tx: Pick<SqlDatabase, 'get'>) => (await tx.get('PRAGMA synchronous'))?.['synchronous'];
    expect((await db.get('PRAGMA journal_mode'))?.['journal_mode']).toBe('wal');
    // 2 is FULL (the commit waits for the disk), 1 NORMAL.
    expect(await synchronous(db)).toBe(2);
    expect(await db.transaction((tx) => synchronous(tx), { flush: 'later' })).toBe(1);
    expect(await synchronous(db)).toBe(2);
    expect(await db.transaction((tx) => synchronous(tx))).toBe(2);
    // A transaction that fails gives the setting back too.
    await expect(db.transaction(() => Promise.reject(new Error('mislukt')), { flush: 'later' })).rejects.toThrow(
      'mislukt',
    );
    expect(await synchronous(db)).toBe(2);
  });

  it('keeps every commit waiting for the disk without WAL (a database in memory)', async () => {
    const db: SqlDatabase = openSqliteDatabase(':memory:');
    open.push(db);
    expect(
      await db.transaction(async (tx) => (await tx.get('PRAGMA synchronous'))?.['synchronous'], { flush: 'later' }),
    ).toBe(2);
  });
});
