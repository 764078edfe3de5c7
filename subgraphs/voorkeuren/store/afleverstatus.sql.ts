import type { DeliveryOutcome } from '../../../lib/notifynl/index.js';
import { contactSoortSchema } from '../voorkeur/keuzes.js';
import { schrijfHistorie } from './historie.sql.js';
import { text, timestamp, timestampOrNull, type Sql, type SqlDatabase, type SqlRow } from './sql.js';
import type { AfleverResultaat, VoorkeurenStore } from './store.js';

/**
 * What a delivery receipt means for the contact detail a message went to: a permanent failure
 * marks it as bouncing (with a history entry by SYSTEEM); a delivery of a message sent after the
 * bounce clears it. `row` has the detail's `gebruiker_id`, `soort` and `onbestelbaar_sinds`.
 */
async function contactAfleverstatus(
  tx: Sql,
  row: SqlRow,
  contactId: string,
  verzondenOp: Date,
  uitkomst: DeliveryOutcome,
  now: Date,
): Promise<AfleverResultaat> {
  const onbestelbaarSinds = timestampOrNull(row, 'onbestelbaar_sinds');
  if (uitkomst === 'ONBESTELBAAR' && onbestelbaarSinds === null) {
    await tx.run('UPDATE contactgegevens SET onbestelbaar_sinds = ? WHERE id = ?', [now, contactId]);
    await schrijfHistorie(tx, text(row, 'gebruiker_id'), now, 'SYSTEEM', [
      { soort: 'CONTACT_ONBESTELBAAR', contactSoort: contactSoortSchema.parse(text(row, 'soort')) },
    ]);
    return 'ONBESTELBAAR_GEMARKEERD';
  }
  // Only a message sent after the bounce proves the address works again; a late receipt
  // of an older message does not.
  if (uitkomst === 'AFGELEVERD' && onbestelbaarSinds !== null && verzondenOp.getTime() >= onbestelbaarSinds.getTime()) {
    await tx.run('UPDATE contactgegevens SET onbestelbaar_sinds = NULL WHERE id = ?', [contactId]);
    return 'HERSTELD';
  }
  return 'GENOTEERD';
}

/** NotifyNL's delivery receipts, of verification codes and of meldingen, applied to the contact details. */
export function createSqlAfleverstatus(
  db: SqlDatabase,
): Pick<VoorkeurenStore, 'registreerAfleverstatus' | 'registreerMeldingAfleverstatus'> {
  return {
    registreerAfleverstatus(referentie, uitkomst, now) {
      return db.transaction(async (tx) => {
        const row = await tx.get(
          `SELECT z.gebruiker_id, z.contact_id, z.verzonden_op, c.soort, c.onbestelbaar_sinds
           FROM verzendingen z LEFT JOIN contactgegevens c ON c.id = z.contact_id WHERE z.referentie = ?`,
          [referentie],
        );
        if (!row) return 'ONBEKEND' as const;
        await tx.run('UPDATE verzendingen SET afleverstatus = ?, status_op = ? WHERE referentie = ?', [
          uitkomst,
          now,
          referentie,
        ]);
        if (row['contact_id'] === null || row['soort'] === null) return 'GENOTEERD' as const;
        return contactAfleverstatus(tx, row, text(row, 'contact_id'), timestamp(row, 'verzonden_op'), uitkomst, now);
      });
    },

    registreerMeldingAfleverstatus(contactId, verzondenOp, uitkomst, now) {
      return db.transaction(async (tx) => {
        const row = await tx.get('SELECT gebruiker_id, soort, onbestelbaar_sinds FROM contactgegevens WHERE id = ?', [
          contactId,
        ]);
        if (!row) return 'ONBEKEND' as const;
        return contactAfleverstatus(tx, row, contactId, verzondenOp, uitkomst, now);
      });
    },
  };
}
