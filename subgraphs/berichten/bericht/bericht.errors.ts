import type { GraphQLError } from 'graphql';
import { appError } from '../../../lib/errors.js';
import { toBronFout, type BaseContext } from '../../../lib/graphql/index.js';
import { UpstreamError } from '../../../lib/http/upstream.js';

/**
 * The error for one bericht the resident pointed at (mark read, attachment details). The
 * Berichtenbox answers 404 for an unknown bericht and 403 for another recipient's; both mean
 * "not in your Berichtenbox" to the resident, so nobody learns that someone else's id exists.
 * Everything else is the source failing, mapped by the one upstream mapper.
 */
export function toBerichtFout(error: unknown, context: BaseContext, bron: string): GraphQLError {
  if (error instanceof UpstreamError && (error.kind === 'NOT_FOUND' || error.status === 403 || error.status === 400)) {
    context.logger.info({ bron, kind: error.kind, status: error.status }, 'bericht not found for the caller');
    return appError('NIET_GEVONDEN', { message: 'Dit bericht staat niet (meer) in uw Berichtenbox.' });
  }
  return toBronFout(error, context, bron);
}
