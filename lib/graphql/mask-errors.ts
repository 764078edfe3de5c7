import type { GraphQLFormattedError } from 'graphql';
import { ERROR_MESSAGES, PUBLIC_EXTENSIONS, isAppError, isErrorCode } from '../errors.js';
import type { Logger } from '../logging.js';
import { graphqlErrors } from '../observability/metrics.js';

/**
 * The boundary where errors become what the other side may see, the same in the gateway and in
 * every subgraph: a registered code with its message and only the public extensions. Anything
 * else (a subgraph's HTTP failure with its URL and body in `extensions.response`, a stack trace,
 * an unexpected exception) becomes INTERNAL_SERVER_ERROR and is logged here, once.
 *
 * Messages are Dutch for everyone: a front-end may show `message` to a resident. Our own errors
 * ({@link isAppError}) and errors a subgraph already passed through this boundary keep their
 * Dutch text. Errors from GraphQL and Apollo's request pipeline (a query that does not parse or
 * fit the schema, a variable of the wrong type, an unknown persisted query) get the code's Dutch
 * text, and their precise English explanation moves to `extensions.detail`, for the developer
 * who made the mistake.
 */
export function maskErrors(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // A query over one of the size limits (gateway/plugins/limits.ts) has its own code.
    const code = formatted.extensions?.['limiet'] === true ? 'VRAAG_TE_GROOT' : formatted.extensions?.['code'];
    const location = formatted.path ? { path: formatted.path } : {};
    // INTERNAL_SERVER_ERROR passes only when our own code chose it with a message for the resident.
    if (isErrorCode(code) && (code !== 'INTERNAL_SERVER_ERROR' || isAppError(error))) {
      graphqlErrors.inc({ code });
      const extensions: Record<string, unknown> = Object.fromEntries(
        PUBLIC_EXTENSIONS.flatMap((key) =>
          formatted.extensions?.[key] === undefined ? [] : [[key, formatted.extensions[key]]],
        ),
      );
      extensions['code'] = code;
      const ownText = isAppError(error) || formatted.extensions?.['serviceName'] !== undefined;
      const message = ownText ? formatted.message : ERROR_MESSAGES[code];
      if (message !== formatted.message) extensions['detail'] = formatted.message;
      return {
        message,
        ...location,
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        extensions,
      };
    }
    graphqlErrors.inc({ code: 'INTERNAL_SERVER_ERROR' });
    logger.error({ err: error, code }, 'masked an unexpected error');
    return {
      message: ERROR_MESSAGES.INTERNAL_SERVER_ERROR,
      ...location,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
