import type { GraphQLError } from 'graphql';
import { appError, assertNever } from '../errors.js';
import { UpstreamError } from '../http/upstream.js';
import type { BaseContext } from './context.js';

/**
 * Records an upstream failure for the operator: the kind and HTTP status (never the upstream
 * body, URL or credentials). A call the source's breaker refused (CIRCUIT_OPEN) is only a debug
 * line: the breaker opening was logged once, and while a source is down every request would
 * otherwise add a warning. Errors that are not upstream failures are bugs and are rethrown, so
 * the subgraph masks them as INTERNAL_SERVER_ERROR. For sections that report the failure in
 * `bron` only; {@link toBronFout} also gives the coded error for the client.
 */
export function logBronFout(error: unknown, context: BaseContext, bron: string): UpstreamError {
  if (!(error instanceof UpstreamError)) throw error;
  context.logger[error.kind === 'CIRCUIT_OPEN' ? 'debug' : 'warn'](
    { bron, upstream: error.upstream, kind: error.kind, status: error.status, invalidParams: error.invalidParams },
    'upstream call failed',
  );
  return error;
}

/**
 * The one mapper from an upstream failure to a client-facing error: code BRON_NIET_BESCHIKBAAR
 * with the source's name, after {@link logBronFout}.
 */
export function toBronFout(error: unknown, context: BaseContext, bron: string): GraphQLError {
  const upstream = logBronFout(error, context, bron);
  switch (upstream.kind) {
    case 'UNAVAILABLE':
    case 'TIMEOUT':
    case 'RATE_LIMITED':
    case 'UNAUTHORIZED':
    case 'BAD_REQUEST':
    case 'NOT_FOUND':
    case 'INVALID_RESPONSE':
    case 'CIRCUIT_OPEN':
      // To the resident every one of these means the same: this source cannot answer now.
      // The kind stays in our logs, where the operator needs it.
      return appError('BRON_NIET_BESCHIKBAAR', { extensions: { bron } });
    default:
      return assertNever(upstream.kind);
  }
}
