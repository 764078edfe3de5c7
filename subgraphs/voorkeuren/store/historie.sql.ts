import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { wijzigingSchema, type Wijziging } from './historie.js';
import { json, text, timestamp, type Sql, type SqlDatabase } from './sql.js';
import type { HistorieRegel, VoorkeurenStore } from './store.js';

const doorSchema = z.enum(['INWONER', 'SYSTEEM']);

let lastMs = 0;
let sequence = 0;
/** An id that sorts by time (history entries made in the same millisecond keep their order). */
function sortableId(now: Date): string {
  const ms = now.getTime();
  sequence = ms === lastMs ? sequence + 1 : 0;
  lastMs = ms;
  return `${ms.toString(36).padStart(10, '0')}${sequence.toString(36).padStart(4, '0')}${randomBytes(6).toString('hex')}`;
}

/** Adds a history entry inside the transaction `tx` of the change it records. */
export function schrijfHistorie(
  tx: Sql,
  gebruikerId: string,
  now: Date,
  door: HistorieRegel['door'],
  wijzigingen: readonly Wijziging[],
): Promise<number> {
  return tx.run('INSERT INTO voorkeuren_historie (id, gebruiker_id, op, door, wijzigingen) VALUES (?, ?, ?, ?, ?)', [
    sortableId(now),
    gebruikerId,
    now,
    door,
    JSON.stringify(wijzigingen),
  ]);
}

/** Reading the history of changes; each change writes its own entry with {@link schrijfHistorie}. */
export function createSqlHistorie(db: SqlDatabase): Pick<VoorkeurenStore, 'historie'> {
  return {
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
  };
}
