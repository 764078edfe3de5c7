import { randomUUID } from 'node:crypto';
import type { FieldCipher } from '../../../lib/crypto/index.js';
import { contactSoortSchema } from '../voorkeur/keuzes.js';
import { CONTACT_COLUMNS, CONTACT_FROM, CONTACT_ORDER, createContactCodec } from './contactgegeven.codec.js';
import { gebruikerLock } from './gebruiker-lock.js';
import { schrijfHistorie } from './historie.sql.js';
import { bool, text, type SqlDatabase } from './sql.js';
import type { BruikbareContactgegevens, VoorkeurenStore } from './store.js';
import { geplandeVerzending, nieuweCode, verzondenInVenster } from './verificatie.sql.js';

/**
 * A resident's e-mail addresses and phone numbers: listing them, adding one (which sends its
 * first code), choosing the default per kind, removing one, and what meldingen may use.
 */
export function createSqlContactgegevens(
  db: SqlDatabase,
  options: { cipher: FieldCipher },
): Pick<
  VoorkeurenStore,
  'contactgegevens' | 'bruikbareContactgegevens' | 'voegContactgegevenToe' | 'maakStandaard' | 'verwijderContactgegeven'
> {
  const { cipher } = options;
  const codec = createContactCodec(cipher);

  return {
    async contactgegevens(gebruikerId) {
      const rows = await db.all(
        `SELECT ${CONTACT_COLUMNS} FROM ${CONTACT_FROM} WHERE c.gebruiker_id = ? ORDER BY ${CONTACT_ORDER}`,
        [gebruikerId],
      );
      return rows.map(codec.toContact);
    },

    async bruikbareContactgegevens(gebruikerId) {
      const rows = await db.all(
        `SELECT id, gebruiker_id, soort, sleutel_id, waarde FROM contactgegevens
         WHERE gebruiker_id = ? AND standaard = ? AND geverifieerd_op IS NOT NULL AND onbestelbaar_sinds IS NULL`,
        [gebruikerId, true],
      );
      const bruikbaar: { -readonly [K in keyof BruikbareContactgegevens]: BruikbareContactgegevens[K] } = {};
      for (const row of rows) {
        bruikbaar[contactSoortSchema.parse(text(row, 'soort'))] = { id: text(row, 'id'), waarde: codec.open(row) };
      }
      return bruikbaar;
    },

    voegContactgegevenToe(gebruikerId, soort, waarde, code, beleid, now) {
      return db.transaction(async (tx) => {
        const bestaande = await tx.all(
          'SELECT id, gebruiker_id, soort, sleutel_id, waarde FROM contactgegevens WHERE gebruiker_id = ? AND soort = ?',
          [gebruikerId, soort],
        );
        // Values are encrypted with a fresh IV each, so compare after decrypting (a resident has a handful).
        if (bestaande.some((row) => codec.open(row) === waarde)) return { ok: false, reden: 'BESTAAT_AL' } as const;
        if (bestaande.length >= beleid.maxPerSoort) return { ok: false, reden: 'TE_VEEL' } as const;
        if ((await verzondenInVenster(tx, gebruikerId, beleid, now)) >= beleid.maxVerzendingen) {
          return { ok: false, reden: 'TE_VAAK_VERSTUURD' } as const;
        }
        const id = randomUUID();
        const sealed = codec.seal(id, gebruikerId, soort, waarde);
        await tx.run(
          `INSERT INTO contactgegevens (id, gebruiker_id, soort, sleutel_id, waarde, standaard, toegevoegd_op)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
          [id, gebruikerId, soort, sealed.keyId, sealed.data, false, now],
        );
        const referentie = await nieuweCode(tx, cipher, gebruikerId, id, code, beleid, now);
        await schrijfHistorie(tx, gebruikerId, now, 'INWONER', [{ soort: 'CONTACT_TOEGEVOEGD', contactSoort: soort }]);
        return { ok: true, verzending: await geplandeVerzending(tx, codec, gebruikerId, id, referentie) } as const;
      }, gebruikerLock(gebruikerId));
    },

    maakStandaard(gebruikerId, contactId, now) {
      return db.transaction(async (tx) => {
        const row = await tx.get(
          'SELECT soort, standaard, geverifieerd_op FROM contactgegevens WHERE id = ? AND gebruiker_id = ?',
          [contactId, gebruikerId],
        );
        if (!row) return { ok: false, reden: 'NIET_GEVONDEN' } as const;
        if (row['geverifieerd_op'] === null) return { ok: false, reden: 'NIET_GEVERIFIEERD' } as const;
        if (bool(row, 'standaard')) return { ok: true } as const;
        const soort = contactSoortSchema.parse(text(row, 'soort'));
        // Clear the old default first: the unique index allows one per kind at every statement.
        await tx.run(
          'UPDATE contactgegevens SET standaard = ? WHERE gebruiker_id = ? AND soort = ? AND standaard = ?',
          [false, gebruikerId, soort, true],
        );
        await tx.run('UPDATE contactgegevens SET standaard = ? WHERE id = ?', [true, contactId]);
        await schrijfHistorie(tx, gebruikerId, now, 'INWONER', [{ soort: 'CONTACT_STANDAARD', contactSoort: soort }]);
        return { ok: true } as const;
      }, gebruikerLock(gebruikerId));
    },

    verwijderContactgegeven(gebruikerId, contactId, now) {
      return db.transaction(async (tx) => {
        const row = await tx.get('SELECT soort, standaard FROM contactgegevens WHERE id = ? AND gebruiker_id = ?', [
          contactId,
          gebruikerId,
        ]);
        if (!row) return { ok: false, reden: 'NIET_GEVONDEN' } as const;
        const soort = contactSoortSchema.parse(text(row, 'soort'));
        await tx.run('DELETE FROM contactgegevens WHERE id = ?', [contactId]);
        if (bool(row, 'standaard')) {
          const opvolger = await tx.get(
            `SELECT id FROM contactgegevens WHERE gebruiker_id = ? AND soort = ? AND geverifieerd_op IS NOT NULL
             ORDER BY CASE WHEN onbestelbaar_sinds IS NULL THEN 0 ELSE 1 END, geverifieerd_op, id LIMIT 1`,
            [gebruikerId, soort],
          );
          if (opvolger)
            await tx.run('UPDATE contactgegevens SET standaard = ? WHERE id = ?', [true, text(opvolger, 'id')]);
        }
        await schrijfHistorie(tx, gebruikerId, now, 'INWONER', [{ soort: 'CONTACT_VERWIJDERD', contactSoort: soort }]);
        return { ok: true } as const;
      }, gebruikerLock(gebruikerId));
    },
  };
}
