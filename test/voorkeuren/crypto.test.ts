import { describe, expect, it } from 'vitest';
import { createFieldCipher, DecryptionError, KeyringError, parseKeyring } from '../../lib/crypto/index.js';
import { withOneCharacterChanged } from '../helpers/tamper.js';

const key = (fill: number) => Buffer.alloc(32, fill).toString('base64');

describe('field encryption (AES-256-GCM) and keyed hashes', () => {
  const cipher = createFieldCipher(parseKeyring(`k1:${key(1)}`));

  it('seals with a fresh IV each time and opens only with the same context', () => {
    const a = cipher.seal('suzanne@example.nl', 'rij-1');
    const b = cipher.seal('suzanne@example.nl', 'rij-1');
    expect(a.keyId).toBe('k1');
    expect(a.data).not.toBe(b.data);
    expect(cipher.open(a, 'rij-1')).toBe('suzanne@example.nl');
    expect(() => cipher.open(a, 'rij-2')).toThrow(DecryptionError);
    // One character in the middle changed (at the end it might hold only padding bits).
    const tampered = { ...a, data: withOneCharacterChanged(a.data, Math.floor(a.data.length / 2)) };
    expect(() => cipher.open(tampered, 'rij-1')).toThrow(DecryptionError);
  });

  it('rotates: the first key seals, older keys still open and verify', () => {
    const rotated = createFieldCipher(parseKeyring(`k2:${key(2)},k1:${key(1)}`));
    const old = cipher.seal('06', 'rij');
    expect(rotated.open(old, 'rij')).toBe('06');
    expect(rotated.seal('06', 'rij').keyId).toBe('k2');
    const hash = cipher.hash('123456', 'code');
    expect(rotated.verifyHash('123456', 'code', hash)).toBe(true);
    expect(rotated.verifyHash('123457', 'code', hash)).toBe(false);
    expect(rotated.verifyHash('123456', 'ander-doel', hash)).toBe(false);
    const withoutOld = createFieldCipher(parseKeyring(`k2:${key(2)}`));
    expect(() => withoutOld.open(old, 'rij')).toThrow(DecryptionError);
    expect(withoutOld.verifyHash('123456', 'code', hash)).toBe(false);
  });

  it('refuses malformed key lists with a message that names the problem, never the key', () => {
    expect(() => parseKeyring('')).toThrow(KeyringError);
    expect(() => parseKeyring(key(1))).toThrow(/id:key/);
    expect(() => parseKeyring(`k1:${Buffer.alloc(16).toString('base64')}`)).toThrow(/32 bytes/);
    expect(() => parseKeyring(`k1:${key(1)},k1:${key(2)}`)).toThrow(/twice/);
    try {
      parseKeyring(`k 1:${key(3)}`);
    } catch (error) {
      expect((error as Error).message).not.toContain(key(3));
    }
    expect(parseKeyring(`a:${Buffer.alloc(32, 5).toString('base64url')}`).primaryId).toBe('a');
  });
});
