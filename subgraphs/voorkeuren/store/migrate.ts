import { Umzug, type UmzugStorage } from 'umzug';
import type { Logger } from '../../../lib/logging.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';
import { columnTypes, text, type Sql, type SqlDatabase } from './sql.js';

export interface MigrateOptions {
  migrations?: readonly Migration[];
  logger?: Logger;
  now?: () => Date;
}

/** umzug's record of applied migrations, kept in the store itself (`schema_migraties`). */
function sqlStorage(tx: Sql, now: () => Date): UmzugStorage<Sql> {
  return {
    async executed() {
      const rows = await tx.all('SELECT naam FROM schema_migraties ORDER BY naam');
      return rows.map((row) => text(row, 'naam'));
    },
    async logMigration({ name }) {
      await tx.run('INSERT INTO schema_migraties (naam, uitgevoerd_op) VALUES (?, ?)', [name, now()]);
    },
    async unlogMigration({ name }) {
      await tx.run('DELETE FROM schema_migraties WHERE naam = ?', [name]);
    },
  };
}

/**
 * Brings the schema up to date with umzug and returns the names it applied. All pending
 * migrations and their records run in one transaction under the migration lock: two replicas
 * starting at once migrate one after the other (the second finds nothing to do), and a failure
 * leaves the schema unchanged (both engines roll DDL back). A migration that cannot run inside a
 * transaction (PostgreSQL's CREATE INDEX CONCURRENTLY) does not fit here.
 */
export async function migrate(db: SqlDatabase, options: MigrateOptions = {}): Promise<string[]> {
  const migrations = options.migrations ?? MIGRATIONS;
  const now = options.now ?? (() => new Date());
  const { logger } = options;
  return db.migrationTransaction(async (tx) => {
    await tx.run(
      `CREATE TABLE IF NOT EXISTS schema_migraties (
         naam TEXT PRIMARY KEY,
         uitgevoerd_op ${columnTypes(db.dialect).timestamp} NOT NULL
       )`,
    );
    const umzug = new Umzug<Sql>({
      migrations: migrations.map((migration) => ({
        name: migration.name,
        up: async ({ context }) => {
          for (const statement of migration.statements(db.dialect)) await context.run(statement);
        },
      })),
      context: tx,
      storage: sqlStorage(tx, now),
      logger: logger
        ? {
            info: (message) => logger.info(message, 'migratie'),
            warn: (message) => logger.warn(message, 'migratie'),
            error: (message) => logger.error(message, 'migratie'),
            debug: (message) => logger.debug(message, 'migratie'),
          }
        : undefined,
    });
    const known = new Set(migrations.map((m) => m.name));
    const unknown = (await umzug.executed()).filter((m) => !known.has(m.name));
    if (unknown.length > 0) {
      // A newer version ran here (e.g. a rollback of a deployment): say so, do not guess.
      logger?.warn({ onbekend: unknown.map((m) => m.name) }, 'store has migrations this version does not know');
    }
    return (await umzug.up()).map((m) => m.name);
  });
}
