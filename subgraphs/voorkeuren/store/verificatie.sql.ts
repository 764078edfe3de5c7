import { randomUUID } from 'node:crypto';
import type { FieldCipher } from '../../../lib/crypto/index.js';
import { contactSoortSchema } from '../voorkeur/keuzes.js';
import { createContactCodec, type ContactCodec } from './contactgegeven.codec.js';
import { gebruikerLock } from './gebruiker-lock.js';
import { schrijfHistorie } from './historie.sql.js';
import { bool, integer, text, timestamp, type Sql, type SqlDatabase } from './sql.js';
import {
  STANDAARD_VOORKEUREN,
  type GeplandeVerzending,
  type TaalCode,
  type VerificatieBeleid,
  type VoorkeurenStore,
} from './store.js';
import { leesVoorkeuren } from './voorkeuren.sql.js';

/** HMAC purpose of verification codes; the contact id is part of the hashed value. */
const CODE_PURPOSE = 'verificatiecode';

/** Codes sent (or reserved) for this resident within the window, over all their details. */
export async function verzondenInVenster(
  tx: Sql,
  gebruikerId: string,
  beleid: VerificatieBeleid,
  now: Date,
): Promise<number> {
  const row = await tx.get(
    `SELECT COUNT(*) AS aantal FROM verzendingen
     WHERE gebruiker_id = ? AND doel = 'VERIFICATIECODE' AND verzonden_op > ?`,
    [gebruikerId, new Date(now.getTime() - beleid.verzendvensterMs)],
  );
  return row ? integer(row, 'aantal') : 0;
}

/** Stores a fresh code (replacing an open one), only as its keyed hash, and reserves its send. */
export async function nieuweCode(
  tx: Sql,
  cipher: FieldCipher,
  gebruikerId: string,
  contactId: string,
  code: string,
  beleid: VerificatieBeleid,
  now: Date,
): Promise<string> {
  const { keyId, hash } = cipher.hash(`${contactId}:${code}`, CODE_PURPOSE);
  await tx.run(
    `INSERT INTO verificaties (contact_id, gebruiker_id, sleutel_id, code_hash, verloopt_op, pogingen)
     VALUES (?, ?, ?, ?, ?, 0)
     ON CONFLICT (contact_id) DO UPDATE SET sleutel_id = excluded.sleutel_id, code_hash = excluded.code_hash,
       verloopt_op = excluded.verloopt_op, pogingen = 0`,
    [contactId, gebruikerId, keyId, hash, new Date(now.getTime() + beleid.geldigMs)],
  );
  const referentie = randomUUID();
  await tx.run(
    `INSERT INTO verzendingen (referentie, gebruiker_id, contact_id, doel, verzonden_op)
     VALUES (?, ?, ?, 'VERIFICATIECODE', ?)`,
    [referentie, gebruikerId, contactId, now],
  );
  return referentie;
}

/** A contact detail this transaction has just seen or written. */
async function mustRead(tx: Sql, codec: ContactCodec, gebruikerId: string, contactId: string) {
  const contact = await codec.lees(tx, gebruikerId, contactId);
  if (!contact) throw new Error('contact detail vanished inside its own transaction');
  return contact;
}

/** What the caller needs to send the code reserved under `referentie`: the detail and the resident's language. */
export async function geplandeVerzending(
  tx: Sql,
  codec: ContactCodec,
  gebruikerId: string,
  contactId: string,
  referentie: string,
): Promise<GeplandeVerzending> {
  const contact = await mustRead(tx, codec, gebruikerId, contactId);
  const taal: TaalCode = (await leesVoorkeuren(tx, gebruikerId))?.taal ?? STANDAARD_VOORKEUREN.taal;
  return { referentie, contact, taal };
}

/**
 * Verification of contact details by code: sending a new code under the resend limit, keeping
 * track of what NotifyNL accepted, and checking a code. Adding a detail sends its first code
 * (see `contactgegevens.sql.ts`).
 */
export function createSqlVerificatie(
  db: SqlDatabase,
  options: { cipher: FieldCipher },
): Pick<VoorkeurenStore, 'stuurCodeOpnieuw' | 'bevestigVerzending' | 'annuleerVerzending' | 'verifieer'> {
  const { cipher } = options;
  const codec = createContactCodec(cipher);

  return {
    stuurCodeOpnieuw(gebruikerId, contactId, code, beleid, now) {
      return db.transaction(async (tx) => {
        const contact = await codec.lees(tx, gebruikerId, contactId);
        if (!contact) return { ok: false, reden: 'NIET_GEVONDEN' } as const;
        if (contact.geverifieerdOp) return { ok: false, reden: 'AL_GEVERIFIEERD' } as const;
        if ((await verzondenInVenster(tx, gebruikerId, beleid, now)) >= beleid.maxVerzendingen) {
          return { ok: false, reden: 'TE_VAAK_VERSTUURD' } as const;
        }
        const referentie = await nieuweCode(tx, cipher, gebruikerId, contactId, code, beleid, now);
        return {
          ok: true,
          verzending: await geplandeVerzending(tx, codec, gebruikerId, contactId, referentie),
        } as const;
      }, gebruikerLock(gebruikerId));
    },

    async bevestigVerzending(referentie, notifyId) {
      await db.run('UPDATE verzendingen SET notify_id = ? WHERE referentie = ?', [notifyId, referentie]);
    },

    async annuleerVerzending(referentie) {
      await db.run('DELETE FROM verzendingen WHERE referentie = ? AND notify_id IS NULL', [referentie]);
    },

    verifieer(gebruikerId, contactId, code, beleid, now) {
      return db.transaction(async (tx) => {
        const row = await tx.get(
          `SELECT c.geverifieerd_op, c.soort, c.standaard, v.sleutel_id AS code_sleutel_id, v.code_hash,
             v.verloopt_op, v.pogingen
           FROM contactgegevens c LEFT JOIN verificaties v ON v.contact_id = c.id
           WHERE c.id = ? AND c.gebruiker_id = ?`,
          [contactId, gebruikerId],
        );
        if (!row) return { ok: false, reden: 'NIET_GEVONDEN' } as const;
        if (row['geverifieerd_op'] !== null) {
          // Entering the code twice (a double click) is not an error.
          return { ok: true, contact: await mustRead(tx, codec, gebruikerId, contactId) } as const;
        }
        if (row['code_hash'] === null || timestamp(row, 'verloopt_op').getTime() <= now.getTime()) {
          return { ok: false, reden: 'VERLOPEN' } as const;
        }
        const pogingen = integer(row, 'pogingen');
        if (pogingen >= beleid.maxPogingen) return { ok: false, reden: 'TE_VEEL_POGINGEN' } as const;
        // Counted before comparing, and committed whatever the outcome: guessing costs an attempt.
        await tx.run('UPDATE verificaties SET pogingen = pogingen + 1 WHERE contact_id = ?', [contactId]);
        const klopt = cipher.verifyHash(`${contactId}:${code}`, CODE_PURPOSE, {
          keyId: text(row, 'code_sleutel_id'),
          hash: text(row, 'code_hash'),
        });
        if (!klopt) {
          const pogingenOver = beleid.maxPogingen - pogingen - 1;
          return pogingenOver > 0
            ? ({ ok: false, reden: 'ONJUIST', pogingenOver } as const)
            : ({ ok: false, reden: 'TE_VEEL_POGINGEN' } as const);
        }
        const soort = contactSoortSchema.parse(text(row, 'soort'));
        const heeftStandaard = await tx.get(
          'SELECT id FROM contactgegevens WHERE gebruiker_id = ? AND soort = ? AND standaard = ?',
          [gebruikerId, soort, true],
        );
        await tx.run('DELETE FROM verificaties WHERE contact_id = ?', [contactId]);
        // The right code proves the address works, so an earlier bounce no longer holds.
        await tx.run(
          'UPDATE contactgegevens SET geverifieerd_op = ?, onbestelbaar_sinds = NULL, standaard = ? WHERE id = ?',
          [now, heeftStandaard === undefined || bool(row, 'standaard'), contactId],
        );
        await schrijfHistorie(tx, gebruikerId, now, 'INWONER', [
          { soort: 'CONTACT_GEVERIFIEERD', contactSoort: soort },
        ]);
        return { ok: true, contact: await mustRead(tx, codec, gebruikerId, contactId) } as const;
      }, gebruikerLock(gebruikerId));
    },
  };
}
