import type { FieldCipher } from '../../../lib/crypto/index.js';
import { createSqlAfleverstatus } from './afleverstatus.sql.js';
import { createSqlContactgegevens } from './contactgegevens.sql.js';
import { createSqlHistorie } from './historie.sql.js';
import { createSqlOnderhoud } from './onderhoud.sql.js';
import type { SqlDatabase } from './sql.js';
import type { VoorkeurenStore } from './store.js';
import { createSqlVerificatie } from './verificatie.sql.js';
import { createSqlVerwerkingen } from './verwerkingen.sql.js';
import { createSqlVoorkeuren } from './voorkeuren.sql.js';

export interface SqlVoorkeurenStoreOptions {
  /** Encrypts contact details and hashes verification codes. */
  cipher: FieldCipher;
}

/**
 * The {@link VoorkeurenStore} over a {@link SqlDatabase}: the same SQL for SQLite and PostgreSQL,
 * one file per job (`*.sql.ts`) composed here. Disposing it closes the database.
 */
export function createSqlVoorkeurenStore(db: SqlDatabase, options: SqlVoorkeurenStoreOptions): VoorkeurenStore {
  const { cipher } = options;
  return {
    ...createSqlVoorkeuren(db),
    ...createSqlHistorie(db),
    ...createSqlContactgegevens(db, { cipher }),
    ...createSqlVerificatie(db, { cipher }),
    ...createSqlAfleverstatus(db),
    ...createSqlVerwerkingen(db),
    ...createSqlOnderhoud(db, { cipher }),
    [Symbol.asyncDispose]: () => db[Symbol.asyncDispose](),
  };
}
