import type { NextFunction, Request, Response } from 'express';
import { ERROR_MESSAGES } from '../errors.js';
import type { Logger } from '../logging.js';

/** Why body-parser refused a body (its `type`), as a client should hear it. */
const REFUSALS: Readonly<Record<string, { status: number; message: string }>> = {
  'entity.parse.failed': { status: 400, message: 'Het verzoek is geen geldige JSON.' },
  'entity.too.large': { status: 413, message: 'Het verzoek is te groot.' },
  'encoding.unsupported': { status: 415, message: 'Deze tekencodering wordt niet ondersteund.' },
  'charset.unsupported': { status: 415, message: 'Deze tekencodering wordt niet ondersteund.' },
  'request.aborted': { status: 400, message: ERROR_MESSAGES.BAD_REQUEST },
};

/**
 * The last error handler of an express app: a body that could not be read gets a GraphQL-shaped
 * JSON answer with code BAD_REQUEST and a plain Dutch message, and anything else a masked
 * INTERNAL_SERVER_ERROR. Replaces express's default handler, which answers with an HTML page
 * holding the stack trace and writes the error, body included, to stderr. The log gets the kind
 * of refusal only, never the body.
 */
export function bodyErrorHandler(logger: Logger) {
  return (error: unknown, req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(error);
    const type = typeof error === 'object' && error !== null ? (error as { type?: unknown }).type : undefined;
    const refusal = typeof type === 'string' ? REFUSALS[type] : undefined;
    if (refusal) {
      logger.info({ reason: type, path: req.path }, 'request body refused');
      res.status(refusal.status).json({ errors: [{ message: refusal.message, extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    logger.error({ reason: error instanceof Error ? error.name : 'unknown', path: req.path }, 'request failed');
    res.status(500).json({
      errors: [{ message: ERROR_MESSAGES.INTERNAL_SERVER_ERROR, extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
  };
}
