import { createHmac, randomBytes } from 'node:crypto';
import {
  EHERKENNING_KVK_CLAIM,
  EHERKENNING_RSIN_CLAIM,
  EHERKENNING_VESTIGING_CLAIM,
} from '../../lib/identity/index.js';

/** Who logged in: the identifier the tokens will carry, without the level (that is per login). */
export type LoginSubject =
  | { readonly middel: 'DIGID'; readonly bsn: string }
  | { readonly middel: 'EHERKENNING'; readonly kvk: string; readonly vestiging?: string; readonly rsin?: string };

/** The identity claims for a subject, named as DigiD and eHerkenning brokers name them. */
export function identityClaims(subject: LoginSubject): Record<string, string> {
  if (subject.middel === 'DIGID') return { bsn: subject.bsn };
  return {
    [EHERKENNING_KVK_CLAIM]: subject.kvk,
    ...(subject.vestiging ? { [EHERKENNING_VESTIGING_CLAIM]: subject.vestiging } : {}),
    ...(subject.rsin ? { [EHERKENNING_RSIN_CLAIM]: subject.rsin } : {}),
  };
}

/** Every claim name {@link identityClaims} can produce, for the provider's claim configuration. */
export const IDENTITY_CLAIM_NAMES = [
  'bsn',
  EHERKENNING_KVK_CLAIM,
  EHERKENNING_VESTIGING_CLAIM,
  EHERKENNING_RSIN_CLAIM,
] as const;

/**
 * The accounts that logged in since the process started, by opaque account id (the `sub`).
 *
 * The id is an HMAC of the identifier under a key made at start-up: stable for one person
 * within the process, never the BSN or KvK number itself, and not reversible by trying all
 * BSNs (a plain hash would be). State lives in memory, like the rest of the development IdP.
 */
export class AccountRegistry {
  readonly #key: Buffer;
  readonly #subjects = new Map<string, LoginSubject>();

  constructor(key: Buffer = randomBytes(32)) {
    this.#key = key;
  }

  /** Remembers `subject` and returns its account id. */
  register(subject: LoginSubject): string {
    const identifier =
      subject.middel === 'DIGID'
        ? `bsn:${subject.bsn}`
        : `kvk:${subject.kvk}${subject.vestiging ? `:${subject.vestiging}` : ''}`;
    const accountId = createHmac('sha256', this.#key).update(identifier).digest('base64url');
    this.#subjects.set(accountId, subject);
    return accountId;
  }

  /** The subject behind an account id, or undefined for an id this process never issued. */
  find(accountId: string): LoginSubject | undefined {
    return this.#subjects.get(accountId);
  }

  /** Forgets every account (on dispose). */
  clear(): void {
    this.#subjects.clear();
  }
}
