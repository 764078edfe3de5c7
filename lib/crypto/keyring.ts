/**
 * A set of 256-bit keys, each with an id. The first key encrypts and hashes new values; every key
 * decrypts and verifies, so a key can be rotated: put the new key first, keep the old one after
 * it until every stored value has been re-encrypted, then drop it.
 */
export interface Keyring {
  /** The id of the key that protects new values. */
  readonly primaryId: string;
  /** Every key by id (the primary one included). */
  readonly keys: ReadonlyMap<string, Buffer>;
}

/** Thrown when a key list is malformed. The message names the problem, never a key. */
export class KeyringError extends Error {
  override readonly name = 'KeyringError';
}

const KEY_ID = /^[A-Za-z0-9._-]{1,32}$/;

/**
 * Parses `id:key[,id:key…]`, each key 32 bytes in base64 or base64url (`openssl rand -base64 32`).
 * The first entry is the primary key. Key ids are stored next to each value, so keep them short
 * and never reuse one for another key.
 */
export function parseKeyring(value: string): Keyring {
  const keys = new Map<string, Buffer>();
  let primaryId: string | undefined;
  for (const entry of value.split(',').map((e) => e.trim())) {
    const separator = entry.indexOf(':');
    if (separator < 1) throw new KeyringError('each key must be written as id:key');
    const id = entry.slice(0, separator);
    const encoded = entry.slice(separator + 1);
    if (!KEY_ID.test(id)) throw new KeyringError(`key id "${id}" may only hold letters, digits, . _ - (at most 32)`);
    if (keys.has(id)) throw new KeyringError(`key id "${id}" occurs twice`);
    if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(encoded)) throw new KeyringError(`key "${id}" is not base64`);
    const key = Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (key.length !== 32) throw new KeyringError(`key "${id}" must be 32 bytes (256 bits), not ${key.length}`);
    keys.set(id, key);
    primaryId ??= id;
  }
  if (primaryId === undefined) throw new KeyringError('no key given');
  return { primaryId, keys };
}
