import type { Response } from 'express';
import type { ErrorResponder } from '../shared/problem.js';

/** One entry of Notify's error list. */
export interface NotifyError {
  error: string;
  message: string;
}

/** Sends Notify's error format: `{status_code, errors: [{error, message}]}`. */
export function sendNotifyErrors(res: Response, status: number, errors: NotifyError[]): void {
  res.status(status).json({ status_code: status, errors });
}

const DEFAULTS: Readonly<Record<number, NotifyError>> = {
  400: { error: 'BadRequestError', message: 'Invalid JSON supplied in POST data' },
  401: { error: 'AuthError', message: 'Unauthorized: authentication token must be provided' },
  403: { error: 'AuthError', message: 'Invalid token: API key not found' },
  404: { error: 'NoResultFound', message: 'No result found' },
  405: { error: 'MethodNotAllowed', message: 'The method is not allowed for the requested URL.' },
  429: { error: 'RateLimitError', message: 'Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds' },
  500: { error: 'Exception', message: 'Internal server error' },
};

/**
 * The simulator-wide error responder in Notify's format (unknown routes, bad JSON, injected
 * faults such as 429 and 500). A `detail` replaces the default message.
 */
export const respondNotifyError: ErrorResponder = (_req, res, status, extras = {}) => {
  const fallback = DEFAULTS[status] ?? { error: 'Exception', message: 'Internal server error' };
  // Injected faults carry the simulator's own detail; keep Notify's wording for those.
  const message = extras.detail && status < 500 && status !== 429 ? extras.detail : fallback.message;
  sendNotifyErrors(res, status, [{ error: extras.code ?? fallback.error, message }]);
};
