import { appError } from '../../lib/errors.js';
import type { BaseContext } from '../../lib/graphql/index.js';
import { DatabaseUnavailableError } from './store/sql.js';

/** The source name in `bron` and in error extensions: the resident's own preferences. */
export const BRON_VOORKEUREN = 'Voorkeuren';

/** What a resident reads when a change could not be made or shown because the store does not answer (B1). */
export const OPSLAG_MELDINGEN = {
  /** The change was not made (or it is not known whether it was). */
  nietOpgeslagen: 'We kunnen uw wijziging nu niet opslaan. Probeer het later opnieuw.',
  /** The change was stored, but reading it back failed. */
  welOpgeslagen:
    'Uw wijziging is opgeslagen. Maar we kunnen uw voorkeuren nu niet laten zien. Probeer het later opnieuw.',
} as const;

/** Logs a store that does not answer: the reason code only, never the database URL or a stack. */
export function logOpslagFout(context: BaseContext, error: DatabaseUnavailableError, bron = BRON_VOORKEUREN): void {
  context.logger.warn({ bron, reden: error.reden }, 'voorkeuren store unavailable');
}

/**
 * Runs `work` (a change, or reading it back); a database that does not answer becomes
 * `BRON_NIET_BESCHIKBAAR` with `message`. Any other error passes unchanged: a coded error stays
 * what it is, and a bug is masked as INTERNAL_SERVER_ERROR at the boundary.
 */
export async function metOpslag<T>(
  context: BaseContext,
  work: () => Promise<T>,
  message: string = OPSLAG_MELDINGEN.nietOpgeslagen,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof DatabaseUnavailableError)) throw error;
    logOpslagFout(context, error);
    throw appError('BRON_NIET_BESCHIKBAAR', { message, extensions: { bron: BRON_VOORKEUREN } });
  }
}
