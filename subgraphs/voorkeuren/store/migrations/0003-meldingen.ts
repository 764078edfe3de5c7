import { columnTypes } from '../sql.js';
import type { Migration } from './migration.js';

/**
 * Meldingen (issue 7, part B): ZGW Notificaties events as received (deduplicated on their key),
 * the decision per (resident, zaak, status, channel), and the outbox of messages to NotifyNL.
 * The unique keys are what makes delivery exactly-once across duplicate events, replicas and
 * restarts: a second event, decision or outbox row for the same thing cannot be inserted.
 */
export const migration0003: Migration = {
  name: '0003-meldingen',
  statements(dialect) {
    const t = columnTypes(dialect);
    return [
      `CREATE TABLE notificatie_events (
         sleutel TEXT PRIMARY KEY,
         ontvangen_op ${t.timestamp} NOT NULL,
         bericht ${t.json} NOT NULL,
         verwerkt_op ${t.timestamp},
         pogingen INTEGER NOT NULL DEFAULT 0,
         fout TEXT
       )`,
      'CREATE INDEX notificatie_events_open ON notificatie_events (verwerkt_op, ontvangen_op)',
      `CREATE TABLE melding_beslissingen (
         id TEXT PRIMARY KEY,
         gebruiker_id TEXT NOT NULL,
         zaak_sleutel TEXT NOT NULL,
         status_url TEXT NOT NULL,
         kanaal TEXT NOT NULL CHECK (kanaal IN ('EMAIL', 'SMS', 'MIJN_OVERHEID')),
         versturen ${t.boolean} NOT NULL,
         reden TEXT,
         zaak_identificatie TEXT NOT NULL,
         zaaktype TEXT,
         onderwerp TEXT NOT NULL,
         besloten_op ${t.timestamp} NOT NULL,
         UNIQUE (gebruiker_id, zaak_sleutel, status_url, kanaal)
       )`,
      'CREATE INDEX melding_beslissingen_gebruiker ON melding_beslissingen (gebruiker_id, besloten_op)',
      `CREATE TABLE outbox (
         id TEXT PRIMARY KEY,
         beslissing_id TEXT NOT NULL UNIQUE REFERENCES melding_beslissingen (id) ON DELETE CASCADE,
         kanaal TEXT NOT NULL CHECK (kanaal IN ('EMAIL', 'SMS')),
         gebruiker_id TEXT NOT NULL,
         contact_id TEXT NOT NULL,
         template TEXT NOT NULL,
         taal TEXT NOT NULL,
         personalisatie ${t.json} NOT NULL,
         status TEXT NOT NULL CHECK (status IN ('WACHTEND', 'VERZENDEN', 'VERZONDEN', 'MISLUKT')),
         pogingen INTEGER NOT NULL DEFAULT 0,
         volgende_poging_op ${t.timestamp} NOT NULL,
         geclaimd_door TEXT,
         claim_verloopt_op ${t.timestamp},
         notify_id TEXT,
         verzonden_op ${t.timestamp},
         afleverstatus TEXT,
         status_op ${t.timestamp},
         fout TEXT
       )`,
      'CREATE INDEX outbox_te_doen ON outbox (status, volgende_poging_op)',
    ];
  },
};
