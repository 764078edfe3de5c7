import { setImmediate as volgendeRonde } from 'node:timers/promises';
import { z } from 'zod';
import { json, text, textOrNull, timestamp, type Sql, type SqlDatabase, type SqlRow, type SqlValue } from './sql.js';
import { VERWERKING_BRONNEN, VERWERKING_NAMENS, type StoredVerwerking, type VoorkeurenStore } from './store.js';

const bronSchema = z.enum(VERWERKING_BRONNEN);
const gegevensSchema = z.array(z.string());
// A kind this version does not know (written by a newer one) still says someone else read.
const namensSchema = z.enum(VERWERKING_NAMENS).catch('DIGID_MACHTIGEN');

/**
 * Rows per INSERT statement, largest first. A batch of any size is written with statements of
 * these three shapes only (237 rows: 2 × 100, 3 × 10, 7 × 1), so the prepared statements SQLite
 * keeps stay three instead of one per batch size the gateway happened to send; 8 parameters per
 * row stays far within both engines' limit.
 */
const RIJEN_PER_INSERT = [100, 10, 1] as const;

/** `rijen` cut into the pieces {@link RIJEN_PER_INSERT} allows, in order. */
function inStukken<T>(rijen: readonly T[]): T[][] {
  const stukken: T[][] = [];
  let start = 0;
  for (const grootte of RIJEN_PER_INSERT) {
    for (; rijen.length - start >= grootte; start += grootte) stukken.push(rijen.slice(start, start + grootte));
  }
  return stukken;
}

const COLUMNS = 'id, gebruiker_id, tijdstip, bron, gegevens, doel, verzoek_id, namens';

function toVerwerking(row: SqlRow): StoredVerwerking {
  const gegevens = gegevensSchema.safeParse(json(row, 'gegevens'));
  return {
    id: text(row, 'id'),
    gebruikerId: text(row, 'gebruiker_id'),
    tijdstip: timestamp(row, 'tijdstip'),
    bron: bronSchema.parse(text(row, 'bron')),
    // A list this version cannot read (written by a newer one) shows as empty, not as an error.
    gegevens: gegevens.success ? gegevens.data : [],
    doel: text(row, 'doel'),
    verzoekId: text(row, 'verzoek_id'),
    namens: textOrNull(row, 'namens') === null ? null : namensSchema.parse(textOrNull(row, 'namens')),
  };
}

/** Writes `deel` (a size {@link RIJEN_PER_INSERT} allows) with one statement. */
async function schrijf(tx: Sql, deel: readonly StoredVerwerking[]): Promise<void> {
  const params: SqlValue[] = deel.flatMap((v) => [
    v.id,
    v.gebruikerId,
    v.tijdstip,
    v.bron,
    JSON.stringify(v.gegevens),
    v.doel,
    v.verzoekId,
    v.namens,
  ]);
  // A record delivered again (a retry after a lost answer) is the same read: it is not added
  // twice, and it keeps the fuller list the gateway sent last, for its own resident only.
  await tx.run(
    `INSERT INTO verwerkingen (${COLUMNS})
     VALUES ${deel.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}
     ON CONFLICT (id) DO UPDATE SET gegevens = excluded.gegevens
     WHERE verwerkingen.gebruiker_id = excluded.gebruiker_id`,
    params,
  );
}

/**
 * Rows per transaction: a resident's read waits for one transaction at most (about 3 ms of
 * SQLite's work for 100 rows), not for a whole delivery of 500.
 */
const RIJEN_PER_TRANSACTIE = RIJEN_PER_INSERT[0];

/** The verwerkingenlog: written in batches by the gateway, read a page at a time by the resident. */
export function createSqlVerwerkingen(
  db: SqlDatabase,
): Pick<VoorkeurenStore, 'registreerVerwerkingen' | 'verwerkingen'> {
  return {
    async registreerVerwerkingen(batch) {
      // One row per id, the last one sent winning: one statement may not touch a row twice.
      const rijen = [...new Map(batch.map((v) => [v.id, v])).values()];
      // A piece at a time, each its own transaction, with a turn of the event loop in between:
      // SQLite writes on the thread that answers residents, and a delivery of 500 records in one
      // go held their reads up for tens of milliseconds (more on a busy core). A delivery cut off
      // halfway is delivered again whole, and a record already written is not added twice.
      // Flushed later: these records waited up to a second in the gateway's memory already.
      for (let start = 0; start < rijen.length; start += RIJEN_PER_TRANSACTIE) {
        if (start > 0) await volgendeRonde();
        const stuk = rijen.slice(start, start + RIJEN_PER_TRANSACTIE);
        await db.transaction(
          async (tx) => {
            for (const deel of inStukken(stuk)) await schrijf(tx, deel);
          },
          { flush: 'later' },
        );
      }
    },

    async verwerkingen(gebruikerId, { eerste, na }) {
      // One more than asked: whether there is a next page, without counting.
      const rows = na
        ? await db.all(
            `SELECT ${COLUMNS} FROM verwerkingen
             WHERE gebruiker_id = ? AND (tijdstip < ? OR (tijdstip = ? AND id < ?))
             ORDER BY tijdstip DESC, id DESC LIMIT ?`,
            [gebruikerId, na.tijdstip, na.tijdstip, na.id, eerste + 1],
          )
        : await db.all(
            `SELECT ${COLUMNS} FROM verwerkingen WHERE gebruiker_id = ?
             ORDER BY tijdstip DESC, id DESC LIMIT ?`,
            [gebruikerId, eerste + 1],
          );
      const items = rows.slice(0, eerste).map(toVerwerking);
      const laatste = items.at(-1);
      return {
        items,
        volgende: laatste && rows.length > eerste ? { tijdstip: laatste.tijdstip, id: laatste.id } : null,
      };
    },
  };
}
