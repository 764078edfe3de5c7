import { z } from 'zod';
import { taalSchema } from '../voorkeur/keuzes.js';
import { gebruikerLock } from './gebruiker-lock.js';
import { verschillen } from './historie.js';
import { schrijfHistorie } from './historie.sql.js';
import { bool, json, text, timestamp, type Sql, type SqlDatabase, type SqlRow } from './sql.js';
import {
  KANALEN,
  ONDERWERPEN,
  STANDAARD_VOORKEUREN,
  type StoredVoorkeuren,
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

const toVoorkeuren = (row: SqlRow): StoredVoorkeuren => ({
  taal: taalSchema.parse(text(row, 'taal')),
  alleenDigitaal: bool(row, 'alleen_digitaal'),
  kanalen: kanalenSchema.parse(json(row, 'kanalen')),
  uitzonderingen: uitzonderingenSchema.parse(json(row, 'uitzonderingen')),
  gewijzigdOp: timestamp(row, 'gewijzigd_op'),
});

/** A resident's stored preferences, or null when they never chose (the caller falls back to the defaults). */
export async function leesVoorkeuren(sql: Sql, gebruikerId: string): Promise<StoredVoorkeuren | null> {
  const row = await sql.get(
    'SELECT taal, alleen_digitaal, kanalen, uitzonderingen, gewijzigd_op FROM voorkeuren WHERE gebruiker_id = ?',
    [gebruikerId],
  );
  return row ? toVoorkeuren(row) : null;
}

/** Preferences: channels, exceptions, language and digital-only, with a history entry per change. */
export function createSqlVoorkeuren(db: SqlDatabase): Pick<VoorkeurenStore, 'voorkeuren' | 'wijzigVoorkeuren'> {
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
      }, gebruikerLock(gebruikerId));
    },
  };
}
