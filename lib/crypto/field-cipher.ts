import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Keyring } from './keyring.js';

/** A value encrypted at rest: the id of the key used and `base64url(iv ‖ ciphertext ‖ tag)`. */
export interface SealedValue {
  readonly keyId: string;
  readonly data: string;
}

/** A keyed hash of a secret (e.g. a verification code), with the id of the key it was made with. */
export interface KeyedHash {
  readonly keyId: string;
  readonly hash: string;
}

/** Thrown when a value cannot be decrypted: unknown key id, wrong context, or tampered data. */
export class DecryptionError extends Error {
  override readonly name = 'DecryptionError';
}

/**
 * Field-level encryption for personal data in a store: AES-256-GCM with a fresh 96-bit IV per
 * value, and HMAC-SHA256 for secrets that only need comparing. Both use sub-keys derived from the
 * keyring's keys with HKDF, so the configured key itself never touches data and the cipher and
 * the hash never share a key.
 */
export interface FieldCipher {
  /** The key id new values are sealed with. */
  readonly primaryKeyId: string;
  /**
   * Encrypts `plaintext`. `context` is authenticated but not stored (AES-GCM additional data):
   * pass what the value belongs to (e.g. row id and owner), so a sealed value copied to another
   * row or person does not decrypt.
   */
  seal(plaintext: string, context: string): SealedValue;
  /** Decrypts a sealed value with the same `context`; throws {@link DecryptionError} otherwise. */
  open(sealed: SealedValue, context: string): string;
  /** HMAC of `value` for `purpose` under the primary key. */
  hash(value: string, purpose: string): KeyedHash;
  /** Constant-time check of `value` against a stored hash (made with any key of the keyring). */
  verifyHash(value: string, purpose: string, stored: KeyedHash): boolean;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Builds a {@link FieldCipher} over a keyring (configured as `id:key,…`, see `parseKeyring`). */
export function createFieldCipher(keyring: Keyring): FieldCipher {
  const derived = new Map<string, Buffer>();
  const subKey = (keyId: string, info: string): Buffer => {
    const cacheKey = `${keyId}\u0000${info}`;
    let key = derived.get(cacheKey);
    if (!key) {
      const master = keyring.keys.get(keyId);
      if (!master) throw new DecryptionError(`unknown key id ${keyId}`);
      key = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `profielservice:${info}`, 32));
      derived.set(cacheKey, key);
    }
    return key;
  };
  const hmac = (keyId: string, purpose: string, value: string) =>
    createHmac('sha256', subKey(keyId, `hmac-sha256:${purpose}`))
      .update(value, 'utf8')
      .digest();

  return {
    primaryKeyId: keyring.primaryId,
    seal(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', subKey(keyring.primaryId, 'aes-256-gcm'), iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return {
        keyId: keyring.primaryId,
        data: Buffer.concat([iv, ciphertext, cipher.getAuthTag()]).toString('base64url'),
      };
    },
    open(sealed, context) {
      const raw = Buffer.from(sealed.data, 'base64url');
      if (raw.length < IV_BYTES + TAG_BYTES) throw new DecryptionError('sealed value too short');
      try {
        const decipher = createDecipheriv(
          'aes-256-gcm',
          subKey(sealed.keyId, 'aes-256-gcm'),
          raw.subarray(0, IV_BYTES),
        );
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
        return Buffer.concat([
          decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)),
          decipher.final(),
        ]).toString('utf8');
      } catch (error) {
        if (error instanceof DecryptionError) throw error;
        throw new DecryptionError('sealed value does not decrypt (wrong key, context or tampered data)');
      }
    },
    hash(value, purpose) {
      return { keyId: keyring.primaryId, hash: hmac(keyring.primaryId, purpose, value).toString('base64url') };
    },
    verifyHash(value, purpose, stored) {
      if (!keyring.keys.has(stored.keyId)) return false;
      const expected = Buffer.from(stored.hash, 'base64url');
      const actual = hmac(stored.keyId, purpose, value);
      return expected.length === actual.length && timingSafeEqual(expected, actual);
    },
  };
}
