import { randomBytes, randomUUID } from 'node:crypto';
import { taalSchema } from '../voorkeur/keuzes.js';
import { z } from 'zod';
import type { FieldCipher } from '../../../lib/crypto/index.js';
import type { DeliveryOutcome } from '../../../lib/notifynl/index.js';
import { verschillen, wijzigingSchema, type Wijziging } from './historie.js';
import {
  bool,
  integer,
  json,
  text,
  timestamp,
  timestampOrNull,
  type Sql,
  type SqlDatabase,
  type SqlRow,
} from './sql.js';
import {
  KANALEN,
  ONDERWERPEN,
  STANDAARD_VOORKEUREN,
  type AfleverResultaat,
  type BruikbareContactgegevens,
  type ContactSoortCode,
  type GeplandeVerzending,
  type HistorieRegel,
  type StoredContactgegeven,
  type StoredVoorkeuren,
  type TaalCode,
  type VerificatieBeleid,
  type VoorkeurenKeuze,
  type VoorkeurenStore,
} from './store.js';

const kanalenSchema = z.object(
  Object.fromEntries(KANALEN.map((k) => [k, z.boolean()])) as Record<(typeof KANALEN)[number], z.ZodBoolean>,
);
const uitzonderingenSchema = z.array(
  z.object({
    kanaal: z.enum(KANALEN),
    onderwerp: z.enum(ONDERWERPEN).nullable(),
    zaaktype: z.string().nullable(),
    aan: z.boolean(),
  }),
);
const contactSoortSchema = z.enum(['EMAIL', 'TELEFOON']);
const doorSchema = z.enum(['INWONER', 'SYSTEEM']);

/** HMAC purpose of verification codes; the contact id is part of the hashed value. */
const CODE_PURPOSE = 'verificatiecode';

/** Authenticated context of a sealed contact detail: it only decrypts in its own row, for its owner. */
const contactContext = (id: string, gebruikerId: string, soort: ContactSoortCode) =>
  `contactgegeven|${id}|${gebruikerId}|${soort}`;

let lastMs = 0;
let sequence = 0;
/** An id that sorts by time (history entries made in the same millisecond keep their order). */
function sortableId(now: Date): string {
  const ms = now.getTime();
  sequence = ms === lastMs ? sequence + 1 : 0;
  lastMs = ms;
  return `${ms.toString(36).padStart(10, '0')}${sequence.toString(36).padStart(4, '0')}${randomBytes(6).toString('hex')}`;
}

const CONTACT_COLUMNS = `c.id, c.gebruiker_id, c.soort, c.sleutel_id, c.waarde, c.standaard, c.toegevoegd_op,
  c.geverifieerd_op, c.onbestelbaar_sinds, v.verloopt_op, v.pogingen`;
const CONTACT_FROM = 'contactgegevens c LEFT JOIN verificaties v ON v.contact_id = c.id';
const CONTACT_ORDER = `CASE c.soort WHEN 'EMAIL' THEN 0 ELSE 1 END, c.standaard DESC, c.toegevoegd_op, c.id`;

export interface SqlVoorkeurenStoreOptions {
  /** Encrypts contact details and hashes verification codes. */
  cipher: FieldCipher;
}

/**
 * The {@link VoorkeurenStore} over a {@link SqlDatabase}: the same SQL for SQLite and PostgreSQL.
 * Disposing it closes the database.
 */
export function createSqlVoorkeurenStore(db: SqlDatabase, options: SqlVoorkeurenStoreOptions): VoorkeurenStore {
  const { cipher } = options;

  const open = (row: SqlRow): string => {
    const soort = contactSoortSchema.parse(text(row, 'soort'));
    return cipher.open(
      { keyId: text(row, 'sleutel_id'), data: text(row, 'waarde') },
      contactContext(text(row, 'id'), text(row, 'gebruiker_id'), soort),
    );
  };

  const toContact = (row: SqlRow): StoredContactgegeven => ({
    id: text(row, 'id'),
    soort: contactSoortSchema.parse(text(row, 'soort')),
    waarde: open(row),
    standaard: bool(row, 'standaard'),
    toegevoegdOp: timestamp(row, 'toegevoegd_op'),
    geverifieerdOp: timestampOrNull(row, 'geverifieerd_op'),
    onbestelbaarSinds: timestampOrNull(row, 'onbestelbaar_sinds'),
    verificatie:
      row['verloopt_op'] === null || row['verloopt_op'] === undefined
        ? null
        : { verlooptOp: timestamp(row, 'verloopt_op'), pogingen: integer(row, 'pogingen') },
  });

  const toVoorkeuren = (row: SqlRow): StoredVoorkeuren => ({
    taal: taalSchema.parse(text(row, 'taal')),
    alleenDigitaal: bool(row, 'alleen_digitaal'),
    kanalen: kanalenSchema.parse(json(row, 'kanalen')),
    uitzonderingen: uitzonderingenSchema.parse(json(row, 'uitzonderingen')),
    gewijzigdOp: timestamp(row, 'gewijzigd_op'),
  });

  const leesVoorkeuren = async (sql: Sql, gebruikerId: string) => {
    const row = await sql.get(
      'SELECT taal, alleen_digitaal, kanalen, uitzonderingen, gewijzigd_op FROM voorkeuren WHERE gebruiker_id = ?',
      [gebruikerId],
    );
    return row ? toVoorkeuren(row) : null;
  };

  const leesContact = async (tx: Sql, gebruikerId: string, contactId: string) => {
    const row = await tx.get(`SELECT ${CONTACT_COLUMNS} FROM ${CONTACT_FROM} WHERE c.id = ? AND c.gebruiker_id = ?`, [
      contactId,
      gebruikerId,
    ]);
    return row ? toContact(row) : null;
  };

  const schrijfHistorie = (
    tx: Sql,
    gebruikerId: string,
    now: Date,
    door: HistorieRegel['door'],
    wijzigingen: readonly Wijziging[],
  ) =>
    tx.run('INSERT INTO voorkeuren_historie (id, gebruiker_id, op, door, wijzigingen) VALUES (?, ?, ?, ?, ?)', [
      sortableId(now),
      gebruikerId,
      now,
      door,
      JSON.stringify(wijzigingen),
    ]);

  /**
   * What a delivery receipt means for the contact detail a message went to: a permanent failure
   * marks it as bouncing (with a history entry by SYSTEEM); a delivery of a message sent after the
   * bounce clears it. `row` has the detail's `gebruiker_id`, `soort` and `onbestelbaar_sinds`.
   */
  const contactAfleverstatus = async (
    tx: Sql,
    row: SqlRow,
    contactId: string,
    verzondenOp: Date,
    uitkomst: DeliveryOutcome,
    now: Date,
  ): Promise<AfleverResultaat> => {
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
    if (
      uitkomst === 'AFGELEVERD' &&
      onbestelbaarSinds !== null &&
      verzondenOp.getTime() >= onbestelbaarSinds.getTime()
    ) {
      await tx.run('UPDATE contactgegevens SET onbestelbaar_sinds = NULL WHERE id = ?', [contactId]);
      return 'HERSTELD';
    }
    return 'GENOTEERD';
  };

  /** Codes sent (or reserved) for this resident within the window, over all their details. */
  const verzondenInVenster = async (tx: Sql, gebruikerId: string, beleid: VerificatieBeleid, now: Date) => {
    const row = await tx.get(
      `SELECT COUNT(*) AS aantal FROM verzendingen
       WHERE gebruiker_id = ? AND doel = 'VERIFICATIECODE' AND verzonden_op > ?`,
      [gebruikerId, new Date(now.getTime() - beleid.verzendvensterMs)],
    );
    return row ? integer(row, 'aantal') : 0;
  };

  /** Stores a fresh code (replacing an open one) and reserves its send. */
  const nieuweCode = async (
    tx: Sql,
    gebruikerId: string,
    contactId: string,
    code: string,
    beleid: VerificatieBeleid,
    now: Date,
  ): Promise<string> => {
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
  };

  /** A contact detail this transaction has just seen or written. */
  const mustRead = async (tx: Sql, gebruikerId: string, contactId: string) => {
    const contact = await leesContact(tx, gebruikerId, contactId);
    if (!contact) throw new Error('contact detail vanished inside its own transaction');
    return contact;
  };

  const geplandeVerzending = async (
    tx: Sql,
    gebruikerId: string,
    contactId: string,
    referentie: string,
  ): Promise<GeplandeVerzending> => {
    const contact = await mustRead(tx, gebruikerId, contactId);
    const taal: TaalCode = (await leesVoorkeuren(tx, gebruikerId))?.taal ?? STANDAARD_VOORKEUREN.taal;
    return { referentie, contact, taal };
  };

  /** Writes of one resident run one after the other (limits and the one default are checked inside). */
  const lockFor = (gebruikerId: string) => ({ lock: `voorkeuren:${gebruikerId}` });

  return {
    voorkeuren: (gebruikerId) => leesVoorkeuren(db, gebruikerId),

    wijzigVoorkeuren(gebruikerId, wijzig, now) {
      return db.transaction(async (tx) => {
        const huidig = await leesVoorkeuren(tx, gebruikerId);
        const voor: VoorkeurenKeuze = huidig ?? STANDAARD_VOORKEUREN;
        const na = wijzig(voor);
        await tx.run(
          `INSERT INTO voorkeuren (gebruiker_id, taal, alleen_digitaal, kanalen, uitzonderingen, gewijzigd_op)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (gebruiker_id) DO UPDATE SET taal = excluded.taal, alleen_digitaal = excluded.alleen_digitaal,
             kanalen = excluded.kanalen, uitzonderingen = excluded.uitzonderingen, gewijzigd_op = excluded.gewijzigd_op`,
          [gebruikerId, na.taal, na.alleenDigitaal, JSON.stringify(na.kanalen), JSON.stringify(na.uitzonderingen), now],
        );
        const wijzigingen = verschillen(voor, na);
        if (wijzigingen.length > 0) await schrijfHistorie(tx, gebruikerId, now, 'INWONER', wijzigingen);
        return { ...na, gewijzigdOp: now };
      }, lockFor(gebruikerId));
    },

    async historie(gebruikerId, aantal) {
      const rows = await db.all(
        `SELECT id, op, door, wijzigingen FROM voorkeuren_historie WHERE gebruiker_id = ?
         ORDER BY op DESC, id DESC LIMIT ?`,
        [gebruikerId, aantal],
      );
      return rows.map((row) => {
        const opgeslagen = json(row, 'wijzigingen');
        // An entry this version cannot read (written by a newer one) is left out, not an error.
        const wijzigingen = Array.isArray(opgeslagen)
          ? opgeslagen.flatMap((w: unknown) => {
              const parsed = wijzigingSchema.safeParse(w);
              return parsed.success ? [parsed.data] : [];
            })
          : [];
        return {
          id: text(row, 'id'),
          op: timestamp(row, 'op'),
          door: doorSchema.parse(text(row, 'door')),
          wijzigingen,
        };
      });
    },

    async contactgegevens(gebruikerId) {
      const rows = await db.all(
        `SELECT ${CONTACT_COLUMNS} FROM ${CONTACT_FROM} WHERE c.gebruiker_id = ? ORDER BY ${CONTACT_ORDER}`,
        [gebruikerId],
      );
      return rows.map(toContact);
    },

    async bruikbareContactgegevens(gebruikerId) {
      const rows = await db.all(
        `SELECT id, gebruiker_id, soort, sleutel_id, waarde FROM contactgegevens
         WHERE gebruiker_id = ? AND standaard = ? AND geverifieerd_op IS NOT NULL AND onbestelbaar_sinds IS NULL`,
        [gebruikerId, true],
      );
      const bruikbaar: { -readonly [K in keyof BruikbareContactgegevens]: BruikbareContactgegevens[K] } = {};
      for (const row of rows) {
        bruikbaar[contactSoortSchema.parse(text(row, 'soort'))] = { id: text(row, 'id'), waarde: open(row) };
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
        if (bestaande.some((row) => open(row) === waarde)) return { ok: false, reden: 'BESTAAT_AL' } as const;
        if (bestaande.length >= beleid.maxPerSoort) return { ok: false, reden: 'TE_VEEL' } as const;
        if ((await verzondenInVenster(tx, gebruikerId, beleid, now)) >= beleid.maxVerzendingen) {
          return { ok: false, reden: 'TE_VAAK_VERSTUURD' } as const;
        }
        const id = randomUUID();
        const sealed = cipher.seal(waarde, contactContext(id, gebruikerId, soort));
        await tx.run(
          `INSERT INTO contactgegevens (id, gebruiker_id, soort, sleutel_id, waarde, standaard, toegevoegd_op)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
          [id, gebruikerId, soort, sealed.keyId, sealed.data, false, now],
        );
        const referentie = await nieuweCode(tx, gebruikerId, id, code, beleid, now);
        await schrijfHistorie(tx, gebruikerId, now, 'INWONER', [{ soort: 'CONTACT_TOEGEVOEGD', contactSoort: soort }]);
        return { ok: true, verzending: await geplandeVerzending(tx, gebruikerId, id, referentie) } as const;
      }, lockFor(gebruikerId));
    },

    stuurCodeOpnieuw(gebruikerId, contactId, code, beleid, now) {
      return db.transaction(async (tx) => {
        const contact = await leesContact(tx, gebruikerId, contactId);
        if (!contact) return { ok: false, reden: 'NIET_GEVONDEN' } as const;
        if (contact.geverifieerdOp) return { ok: false, reden: 'AL_GEVERIFIEERD' } as const;
        if ((await verzondenInVenster(tx, gebruikerId, beleid, now)) >= beleid.maxVerzendingen) {
          return { ok: false, reden: 'TE_VAAK_VERSTUURD' } as const;
        }
        const referentie = await nieuweCode(tx, gebruikerId, contactId, code, beleid, now);
        return { ok: true, verzending: await geplandeVerzending(tx, gebruikerId, contactId, referentie) } as const;
      }, lockFor(gebruikerId));
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
          return { ok: true, contact: await mustRead(tx, gebruikerId, contactId) } as const;
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
        return { ok: true, contact: await mustRead(tx, gebruikerId, contactId) } as const;
      }, lockFor(gebruikerId));
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
      }, lockFor(gebruikerId));
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
      }, lockFor(gebruikerId));
    },

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
        return { verificaties, verzendingen, contactgegevens: verlaten.length, historie };
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
          const sealed = cipher.seal(
            open(row),
            contactContext(id, text(row, 'gebruiker_id'), contactSoortSchema.parse(text(row, 'soort'))),
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

    [Symbol.asyncDispose]: () => db[Symbol.asyncDispose](),
  };
}
