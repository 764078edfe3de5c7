import type { TransactionOptions } from './sql.js';

/**
 * The lock every write of one resident takes, so those writes run one after the other: limits
 * (attempts, resends, details per kind) and the one default per kind are checked inside them.
 */
export function gebruikerLock(gebruikerId: string): TransactionOptions {
  return { lock: `voorkeuren:${gebruikerId}` };
}
