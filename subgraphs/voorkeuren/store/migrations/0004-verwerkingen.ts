import { columnTypes } from '../sql.js';
import type { Migration } from './migration.js';

/**
 * The verwerkingenlog: every read of a resident's BRP, zaken and MijnOverheid data through the
 * gateway, one row per request and source, shown to the resident as `me.verwerkingen`. The id is
 * the gateway's, so a batch delivered twice is stored once. `gebruiker_id` is the pseudonym, never
 * a BSN or KvK number. One index lists a resident's rows newest first (the page order, with the id
 * to break ties); the other finds the rows past their retention period.
 */
export const migration0004: Migration = {
  name: '0004-verwerkingen',
  statements(dialect) {
    const t = columnTypes(dialect);
    return [
      `CREATE TABLE verwerkingen (
         id TEXT PRIMARY KEY,
         gebruiker_id TEXT NOT NULL,
         tijdstip ${t.timestamp} NOT NULL,
         bron TEXT NOT NULL CHECK (bron IN ('BRP', 'ZAKEN', 'MIJNOVERHEID')),
         gegevens ${t.json} NOT NULL,
         doel TEXT NOT NULL,
         verzoek_id TEXT NOT NULL
       )`,
      'CREATE INDEX verwerkingen_gebruiker ON verwerkingen (gebruiker_id, tijdstip DESC, id DESC)',
      'CREATE INDEX verwerkingen_tijdstip ON verwerkingen (tijdstip)',
    ];
  },
};
