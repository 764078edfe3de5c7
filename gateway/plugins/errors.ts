import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { ERROR_MESSAGES, PUBLIC_EXTENSIONS, isErrorCode } from '../../lib/errors.js';
import type { Logger } from '../../lib/logging.js';
import { graphqlErrors } from '../../lib/observability/metrics.js';

/**
 * The boundary where errors become what a client may see: a registered code with its message
 * and only the public extensions. Anything else (a subgraph's HTTP failure with its URL and body
 * in `extensions.response`, a stack trace, an unexpected exception) becomes INTERNAL_SERVER_ERROR.
 *
 * Messages are Dutch for everyone: a front-end may show `message` to a resident. Errors from the
 * subgraphs carry our own Dutch text. Errors from Apollo's request pipeline (a query that does not
 * parse or fit the schema, a variable of the wrong type, an unknown persisted query, a refused
 * request) get the code's Dutch text, and their precise English explanation moves to
 * `extensions.detail`, for the developer who made the mistake.
 */
export function formatGatewayError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // A query over one of the size limits (gateway/plugins/limits.ts) has its own code.
    const code = formatted.extensions?.['limiet'] === true ? 'VRAAG_TE_GROOT' : formatted.extensions?.['code'];
    const location = formatted.path ? { path: formatted.path } : {};
    if (isErrorCode(code) && code !== 'INTERNAL_SERVER_ERROR') {
      graphqlErrors.inc({ code });
      const extensions: Record<string, unknown> = Object.fromEntries(
        PUBLIC_EXTENSIONS.flatMap((key) =>
          formatted.extensions?.[key] === undefined ? [] : [[key, formatted.extensions[key]]],
        ),
      );
      extensions['code'] = code;
      const fromSubgraph = formatted.extensions?.['serviceName'] !== undefined;
      const message = fromSubgraph ? formatted.message : ERROR_MESSAGES[code];
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

/**
 * Every subgraph resolves `me`, so an anonymous request gets the same UNAUTHENTICATED error
 * from each of them. A client should see it once.
 */
export function dedupeErrorsPlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          const seen = new Set<string>();
          response.body.singleResult.errors = response.body.singleResult.errors.filter((e) => {
            const key = JSON.stringify([e.message, e.extensions?.['code'], e.path]);
            if (seen.has(key)) return false;
            seen.add(key);
            return true;
          });
        },
      };
    },
  };
}
