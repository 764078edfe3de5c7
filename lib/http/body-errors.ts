import type { ServerResponse } from 'node:http';
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
 * Answers a request whose body could not be read (`type` as body-parser names the refusal) with
 * a GraphQL-shaped JSON error, code BAD_REQUEST and a plain Dutch message, and logs the kind of
 * refusal only, never the body. False when `type` names no refusal: the caller answers then.
 */
export function refuseBody(res: ServerResponse, type: unknown, path: string, logger: Logger): boolean {
  const refusal = typeof type === 'string' ? REFUSALS[type] : undefined;
  if (!refusal) return false;
  logger.info({ reason: type, path }, 'request body refused');
  sendJson(res, refusal.status, { errors: [{ message: refusal.message, extensions: { code: 'BAD_REQUEST' } }] });
  return true;
}

/** The masked answer to anything that went wrong outside Apollo's own error handling. */
export function sendInternalError(res: ServerResponse): void {
  sendJson(res, 500, {
    errors: [{ message: ERROR_MESSAGES.INTERNAL_SERVER_ERROR, extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
  });
}

function sendJson(res: ServerResponse, status: number, answer: unknown): void {
  const text = JSON.stringify(answer);
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(text));
  res.end(text);
}

/**
 * The last error handler of an express app: a body that could not be read is answered by
 * {@link refuseBody}, anything else gets a masked INTERNAL_SERVER_ERROR. Replaces express's
 * default handler, which answers with an HTML page holding the stack trace and writes the
 * error, body included, to stderr.
 */
export function bodyErrorHandler(logger: Logger) {
  return (error: unknown, req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(error);
    const type = typeof error === 'object' && error !== null ? (error as { type?: unknown }).type : undefined;
    if (refuseBody(res, type, req.path, logger)) return;
    logger.error({ reason: error instanceof Error ? error.name : 'unknown', path: req.path }, 'request failed');
    sendInternalError(res);
  };
}
