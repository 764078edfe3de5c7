import type { FieldCipher } from '../../../lib/crypto/index.js';
import { contactSoortSchema } from '../voorkeur/keuzes.js';
import { createContactCodec } from './contactgegeven.codec.js';
import { schrijfHistorie } from './historie.sql.js';
import { text, type SqlDatabase } from './sql.js';
import type { VoorkeurenStore } from './store.js';

/**
 * Maintenance of the store (run by `onderhoud.ts`): retention periods (codes, unverified details,
 * the history of changes, the verwerkingenlog) and re-encryption after a key rotation.
 */
export function createSqlOnderhoud(
  db: SqlDatabase,
  options: { cipher: FieldCipher },
): Pick<VoorkeurenStore, 'schoonOp' | 'versleutelOpnieuw'> {
  const { cipher } = options;
  const codec = createContactCodec(cipher);

  return {
    schoonOp(now, termijnen) {
      const voor = (ms: number) => new Date(now.getTime() - ms);
      return db.transaction(async (tx) => {
        const verificaties = await tx.run('DELETE FROM verificaties WHERE verloopt_op < ?', [
          voor(termijnen.verificatieMs),
        ]);
        const verzendingen = await tx.run('DELETE FROM verzendingen WHERE verzonden_op < ?', [
          voor(termijnen.verificatieMs),
        ]);
        const verlaten = await tx.all(
          `SELECT id, gebruiker_id, soort FROM contactgegevens c
           WHERE geverifieerd_op IS NULL AND toegevoegd_op < ?
             AND NOT EXISTS (SELECT 1 FROM verificaties v WHERE v.contact_id = c.id AND v.verloopt_op > ?)`,
          [voor(termijnen.ongeverifieerdMs), now],
        );
        for (const row of verlaten) {
          await tx.run('DELETE FROM contactgegevens WHERE id = ?', [text(row, 'id')]);
          await schrijfHistorie(tx, text(row, 'gebruiker_id'), now, 'SYSTEEM', [
            { soort: 'CONTACT_VERWIJDERD', contactSoort: contactSoortSchema.parse(text(row, 'soort')) },
          ]);
        }
        // After the entries above, so the record of removing an unverified detail is kept.
        const historie = await tx.run('DELETE FROM voorkeuren_historie WHERE op < ?', [voor(termijnen.historieMs)]);
        const verwerkingen = await tx.run('DELETE FROM verwerkingen WHERE tijdstip < ?', [
          voor(termijnen.verwerkingenMs),
        ]);
        return { verificaties, verzendingen, contactgegevens: verlaten.length, historie, verwerkingen };
      });
    },

    versleutelOpnieuw(max) {
      return db.transaction(async (tx) => {
        const rows = await tx.all(
          'SELECT id, gebruiker_id, soort, sleutel_id, waarde FROM contactgegevens WHERE sleutel_id <> ? LIMIT ?',
          [cipher.primaryKeyId, max],
        );
        for (const row of rows) {
          const id = text(row, 'id');
          const waarde = codec.open(row);
          const sealed = codec.seal(
            id,
            text(row, 'gebruiker_id'),
            contactSoortSchema.parse(text(row, 'soort')),
            waarde,
          );
          await tx.run('UPDATE contactgegevens SET sleutel_id = ?, waarde = ? WHERE id = ?', [
            sealed.keyId,
            sealed.data,
            id,
          ]);
        }
        return rows.length;
      });
    },
  };
}
