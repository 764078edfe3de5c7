import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { GeclaimdBericht, MeldingenStore, OutboxStatus } from '../melding/meldingen-store.js';
import { kanaalSchema, onderwerpSchema, taalSchema } from '../voorkeur/keuzes.js';
import {
  bool,
  integer,
  json,
  text,
  textOrNull,
  timestamp,
  timestampOrNull,
  type SqlDatabase,
  type SqlRow,
} from './sql.js';

const personalisatieSchema = z.record(z.string(), z.string());
const redenSchema = z.enum(['STATUS_NIET_INFORMEREN', 'KANAAL_UIT', 'MIJN_OVERHEID_MELDT', 'GEEN_BRUIKBAAR_CONTACT']);
const statusSchema = z.enum(['WACHTEND', 'VERZENDEN', 'VERZONDEN', 'MISLUKT']);

const CLAIM_COLUMNS = 'id, kanaal, gebruiker_id, contact_id, template, taal, personalisatie, status, pogingen';

function toClaim(row: SqlRow): GeclaimdBericht {
  const kanaal = z.enum(['EMAIL', 'SMS']).parse(text(row, 'kanaal'));
  const status = z.enum(['WACHTEND', 'VERZENDEN']).parse(text(row, 'status'));
  return {
    id: text(row, 'id'),
    kanaal,
    gebruikerId: text(row, 'gebruiker_id'),
    contactId: text(row, 'contact_id'),
    template: text(row, 'template'),
    taal: taalSchema.parse(text(row, 'taal')),
    personalisatie: personalisatieSchema.parse(json(row, 'personalisatie')),
    status,
    pogingen: integer(row, 'pogingen'),
  };
}

/** The {@link MeldingenStore} on a migrated database (the voorkeuren store's own). */
export function createSqlMeldingenStore(db: SqlDatabase): MeldingenStore {
  return {
    async ontvangEvent(sleutel, bericht, now) {
      const changed = await db.run(
        `INSERT INTO notificatie_events (sleutel, ontvangen_op, bericht) VALUES (?, ?, ?)
         ON CONFLICT (sleutel) DO NOTHING`,
        [sleutel, now, JSON.stringify(bericht)],
      );
      return changed === 1;
    },

    async openEvents(max) {
      const rows = await db.all(
        `SELECT sleutel, bericht, pogingen FROM notificatie_events WHERE verwerkt_op IS NULL
         ORDER BY ontvangen_op, sleutel LIMIT ?`,
        [max],
      );
      return rows.map((row) => ({
        sleutel: text(row, 'sleutel'),
        bericht: json(row, 'bericht'),
        pogingen: integer(row, 'pogingen'),
      }));
    },

    async eventVerwerkt(sleutel, now, fout) {
      if (fout === undefined) {
        await db.run('UPDATE notificatie_events SET verwerkt_op = ?, fout = NULL WHERE sleutel = ?', [now, sleutel]);
      } else {
        await db.run('UPDATE notificatie_events SET pogingen = pogingen + 1, fout = ? WHERE sleutel = ?', [
          fout,
          sleutel,
        ]);
      }
    },

    besluit(beslissingen, now) {
      return db.transaction(async (tx) => {
        let nieuw = 0;
        for (const b of beslissingen) {
          const id = randomUUID();
          const inserted = await tx.run(
            `INSERT INTO melding_beslissingen (id, gebruiker_id, zaak_sleutel, status_url, kanaal, versturen, reden,
               zaak_identificatie, zaaktype, onderwerp, besloten_op)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (gebruiker_id, zaak_sleutel, status_url, kanaal) DO NOTHING`,
            [
              id,
              b.gebruikerId,
              b.zaakSleutel,
              b.statusUrl,
              b.kanaal,
              b.versturen,
              b.versturen ? null : b.reden,
              b.zaakIdentificatie,
              b.zaaktype,
              b.onderwerp,
              now,
            ],
          );
          if (inserted !== 1 || !b.versturen) continue;
          // The outbox id is a fresh UUID: it becomes NotifyNL's `reference`, unique per message.
          await tx.run(
            `INSERT INTO outbox (id, beslissing_id, kanaal, gebruiker_id, contact_id, template, taal, personalisatie,
               status, pogingen, volgende_poging_op)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'WACHTEND', 0, ?)`,
            [
              randomUUID(),
              id,
              b.kanaal,
              b.gebruikerId,
              b.contactId,
              b.template,
              b.taal,
              JSON.stringify(b.personalisatie),
              now,
            ],
          );
          nieuw += 1;
        }
        return nieuw;
      });
    },

    async claim(houder, now, claimMs) {
      // One statement: the outer WHERE is checked again on the row itself, so when two
      // dispatchers pick the same row, PostgreSQL re-evaluates it for the second after the first
      // committed (and finds the claim taken), and SQLite runs them one after the other.
      const row = await db.get(
        `UPDATE outbox SET geclaimd_door = ?, claim_verloopt_op = ?
         WHERE id = (
           SELECT id FROM outbox
           WHERE status IN ('WACHTEND', 'VERZENDEN') AND volgende_poging_op <= ?
             AND (geclaimd_door IS NULL OR claim_verloopt_op <= ?)
           ORDER BY volgende_poging_op, id LIMIT 1
         )
         AND status IN ('WACHTEND', 'VERZENDEN') AND (geclaimd_door IS NULL OR claim_verloopt_op <= ?)
         RETURNING ${CLAIM_COLUMNS}`,
        [houder, new Date(now.getTime() + claimMs), now, now, now],
      );
      return row ? toClaim(row) : undefined;
    },

    async markeerVerzenden(id, houder) {
      const changed = await db.run(
        `UPDATE outbox SET status = 'VERZENDEN', pogingen = pogingen + 1
         WHERE id = ? AND geclaimd_door = ? AND status IN ('WACHTEND', 'VERZENDEN')`,
        [id, houder],
      );
      return changed === 1;
    },

    async markeerVerzonden(id, houder, notifyId, now) {
      await db.run(
        `UPDATE outbox SET status = 'VERZONDEN', notify_id = ?, verzonden_op = ?, geclaimd_door = NULL,
           claim_verloopt_op = NULL, fout = NULL
         WHERE id = ? AND geclaimd_door = ?`,
        [notifyId, now, id, houder],
      );
    },

    async planOpnieuw(id, houder, volgende, fout) {
      await db.run(
        `UPDATE outbox SET volgende_poging_op = ?, fout = ?, geclaimd_door = NULL, claim_verloopt_op = NULL
         WHERE id = ? AND geclaimd_door = ?`,
        [volgende, fout, id, houder],
      );
    },

    async markeerMislukt(id, houder, fout) {
      await db.run(
        `UPDATE outbox SET status = 'MISLUKT', fout = ?, geclaimd_door = NULL, claim_verloopt_op = NULL
         WHERE id = ? AND geclaimd_door = ?`,
        [fout, id, houder],
      );
    },

    async markeerNietOntvangen(id, houder) {
      await db.run(
        `UPDATE outbox SET status = 'WACHTEND' WHERE id = ? AND geclaimd_door = ? AND status = 'VERZENDEN'`,
        [id, houder],
      );
    },

    async registreerAfleverstatus(referentie, status, now) {
      const row = await db.get(
        `UPDATE outbox SET afleverstatus = ?, status_op = ? WHERE id = ?
         RETURNING gebruiker_id, contact_id, verzonden_op`,
        [status, now, referentie],
      );
      if (!row) return null;
      return {
        gebruikerId: text(row, 'gebruiker_id'),
        contactId: text(row, 'contact_id'),
        // A receipt can overtake our own record of the send (see the dispatcher): it was sent by now.
        verzondenOp: timestampOrNull(row, 'verzonden_op') ?? now,
      };
    },

    async meldingen(gebruikerId, aantal) {
      const rows = await db.all(
        `SELECT b.id, b.zaak_identificatie, b.zaaktype, b.onderwerp, b.kanaal, b.besloten_op, b.versturen, b.reden,
           o.status, o.verzonden_op, o.afleverstatus
         FROM melding_beslissingen b LEFT JOIN outbox o ON o.beslissing_id = b.id
         WHERE b.gebruiker_id = ? ORDER BY b.besloten_op DESC, b.id LIMIT ?`,
        [gebruikerId, aantal],
      );
      return rows.map((row) => {
        const status = textOrNull(row, 'status');
        const reden = textOrNull(row, 'reden');
        return {
          id: text(row, 'id'),
          zaakIdentificatie: text(row, 'zaak_identificatie'),
          zaaktype: textOrNull(row, 'zaaktype'),
          onderwerp: onderwerpSchema.parse(text(row, 'onderwerp')),
          kanaal: kanaalSchema.parse(text(row, 'kanaal')),
          beslotenOp: timestamp(row, 'besloten_op'),
          versturen: bool(row, 'versturen'),
          reden: reden === null ? null : redenSchema.parse(reden),
          status: status === null ? null : statusSchema.parse(status),
          verzondenOp: timestampOrNull(row, 'verzonden_op'),
          afleverstatus: textOrNull(row, 'afleverstatus'),
        };
      });
    },

    async tellingen() {
      const rows = await db.all('SELECT status, COUNT(*) AS n FROM outbox GROUP BY status');
      const result: Record<OutboxStatus, number> = { WACHTEND: 0, VERZENDEN: 0, VERZONDEN: 0, MISLUKT: 0 };
      for (const row of rows) result[statusSchema.parse(text(row, 'status'))] = integer(row, 'n');
      return result;
    },

    async oudsteTeDoen() {
      const row = await db.get(
        "SELECT MIN(volgende_poging_op) AS oudste FROM outbox WHERE status IN ('WACHTEND', 'VERZENDEN')",
      );
      return row ? timestampOrNull(row, 'oudste') : null;
    },

    schoonOp(now, bewaarMs) {
      const grens = new Date(now.getTime() - bewaarMs);
      return db.transaction(async (tx) => {
        const events = await tx.run(
          'DELETE FROM notificatie_events WHERE verwerkt_op IS NOT NULL AND verwerkt_op < ?',
          [grens],
        );
        // Rows still to send are kept whatever their age; their outbox rows go with the decision.
        const beslissingen = await tx.run(
          `DELETE FROM melding_beslissingen WHERE besloten_op < ?
             AND id NOT IN (SELECT beslissing_id FROM outbox WHERE status IN ('WACHTEND', 'VERZENDEN'))`,
          [grens],
        );
        return { events, beslissingen };
      });
    },
  };
}
