import type { FieldCipher, SealedValue } from '../../../lib/crypto/index.js';
import { contactSoortSchema, type ContactSoortCode } from '../voorkeur/keuzes.js';
import { bool, integer, text, timestamp, timestampOrNull, type Sql, type SqlRow } from './sql.js';
import type { StoredContactgegeven } from './store.js';

/** A contact detail with its open verification, if any: read a row with {@link ContactCodec.toContact}. */
export const CONTACT_COLUMNS = `c.id, c.gebruiker_id, c.soort, c.sleutel_id, c.waarde, c.standaard, c.toegevoegd_op,
  c.geverifieerd_op, c.onbestelbaar_sinds, v.verloopt_op, v.pogingen`;
export const CONTACT_FROM = 'contactgegevens c LEFT JOIN verificaties v ON v.contact_id = c.id';
export const CONTACT_ORDER = `CASE c.soort WHEN 'EMAIL' THEN 0 ELSE 1 END, c.standaard DESC, c.toegevoegd_op, c.id`;

/** Authenticated context of a sealed contact detail: it only decrypts in its own row, for its owner. */
const contactContext = (id: string, gebruikerId: string, soort: ContactSoortCode) =>
  `contactgegeven|${id}|${gebruikerId}|${soort}`;

/** How a contact detail is kept at rest: its value sealed with `lib/crypto`, bound to its row and owner. */
export interface ContactCodec {
  /** The decrypted value of a row with `id`, `gebruiker_id`, `soort`, `sleutel_id` and `waarde`. */
  open(row: SqlRow): string;
  /** Encrypts `waarde` for the row `id` of `gebruikerId`: it opens in that row only. */
  seal(id: string, gebruikerId: string, soort: ContactSoortCode, waarde: string): SealedValue;
  /** A row of {@link CONTACT_COLUMNS}, decrypted. */
  toContact(row: SqlRow): StoredContactgegeven;
  /** One of the resident's details, or null when they have no detail with that id. */
  lees(sql: Sql, gebruikerId: string, contactId: string): Promise<StoredContactgegeven | null>;
}

export function createContactCodec(cipher: FieldCipher): ContactCodec {
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

  return {
    open,
    seal: (id, gebruikerId, soort, waarde) => cipher.seal(waarde, contactContext(id, gebruikerId, soort)),
    toContact,
    async lees(sql, gebruikerId, contactId) {
      const row = await sql.get(
        `SELECT ${CONTACT_COLUMNS} FROM ${CONTACT_FROM} WHERE c.id = ? AND c.gebruiker_id = ?`,
        [contactId, gebruikerId],
      );
      return row ? toContact(row) : null;
    },
  };
}
