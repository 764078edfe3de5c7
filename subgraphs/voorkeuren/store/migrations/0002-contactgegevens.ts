import { columnTypes } from '../sql.js';
import type { Migration } from './migration.js';

/**
 * Contact details (encrypted), their verification codes (hashed), the log of codes sent (for
 * the resend limit and delivery receipts), exceptions per onderwerp or zaaktype, and the history
 * of changes a resident can see. `gebruiker_id` is always the pseudonym, never a BSN or KvK number.
 */
export const migration0002: Migration = {
  name: '0002-contactgegevens',
  statements(dialect) {
    const t = columnTypes(dialect);
    return [
      `ALTER TABLE voorkeuren ADD COLUMN uitzonderingen ${t.json} NOT NULL DEFAULT '[]'`,
      `CREATE TABLE contactgegevens (
         id TEXT PRIMARY KEY,
         gebruiker_id TEXT NOT NULL,
         soort TEXT NOT NULL CHECK (soort IN ('EMAIL', 'TELEFOON')),
         sleutel_id TEXT NOT NULL,
         waarde TEXT NOT NULL,
         standaard ${t.boolean} NOT NULL DEFAULT ${t.false},
         toegevoegd_op ${t.timestamp} NOT NULL,
         geverifieerd_op ${t.timestamp},
         onbestelbaar_sinds ${t.timestamp}
       )`,
      'CREATE INDEX contactgegevens_gebruiker ON contactgegevens (gebruiker_id)',
      // At most one default per kind: the store relies on it, the database enforces it.
      `CREATE UNIQUE INDEX contactgegevens_een_standaard ON contactgegevens (gebruiker_id, soort)
         WHERE standaard = ${t.true}`,
      `CREATE TABLE verificaties (
         contact_id TEXT PRIMARY KEY REFERENCES contactgegevens (id) ON DELETE CASCADE,
         gebruiker_id TEXT NOT NULL,
         sleutel_id TEXT NOT NULL,
         code_hash TEXT NOT NULL,
         verloopt_op ${t.timestamp} NOT NULL,
         pogingen INTEGER NOT NULL DEFAULT 0
       )`,
      'CREATE INDEX verificaties_verloopt_op ON verificaties (verloopt_op)',
      // A row survives its contact detail (SET NULL): the resend limit counts codes sent to
      // details that were deleted and added again.
      `CREATE TABLE verzendingen (
         referentie TEXT PRIMARY KEY,
         gebruiker_id TEXT NOT NULL,
         contact_id TEXT REFERENCES contactgegevens (id) ON DELETE SET NULL,
         doel TEXT NOT NULL CHECK (doel IN ('VERIFICATIECODE')),
         verzonden_op ${t.timestamp} NOT NULL,
         notify_id TEXT,
         afleverstatus TEXT,
         status_op ${t.timestamp}
       )`,
      'CREATE INDEX verzendingen_gebruiker ON verzendingen (gebruiker_id, verzonden_op)',
      'CREATE INDEX verzendingen_contact ON verzendingen (contact_id)',
      `CREATE TABLE voorkeuren_historie (
         id TEXT PRIMARY KEY,
         gebruiker_id TEXT NOT NULL,
         op ${t.timestamp} NOT NULL,
         door TEXT NOT NULL CHECK (door IN ('INWONER', 'SYSTEEM')),
         wijzigingen ${t.json} NOT NULL
       )`,
      'CREATE INDEX voorkeuren_historie_gebruiker ON voorkeuren_historie (gebruiker_id, op)',
      'CREATE INDEX voorkeuren_historie_op ON voorkeuren_historie (op)',
    ];
  },
};
