import { Agent, request, type Dispatcher } from 'undici';
import { BreakerOpenError, createBreaker, type Breaker, type BreakerState } from '../resilience/breaker.js';
import { callTimeout, remainingMs } from '../resilience/deadline.js';
import { createRetry, type RetryOptions, type RetryVerdict } from '../resilience/retry.js';
import { timeSourceCall } from '../observability/metrics.js';
import type { Logger } from '../logging.js';

/**
 * What can go wrong when calling an upstream API. One kind per way a resident is affected;
 * subgraph mappers turn these into a `bron.status` and a coded GraphQL error. The upstream body
 * is never kept: only the names of invalid parameters, which are part of our own request.
 */
export type UpstreamErrorKind =
  | 'UNAVAILABLE' // network error, 5xx
  | 'TIMEOUT'
  | 'RATE_LIMITED' // 429
  | 'UNAUTHORIZED' // 401/403: our credentials or scopes are wrong
  | 'BAD_REQUEST' // 400: our request broke the contract
  | 'NOT_FOUND'
  | 'INVALID_RESPONSE' // 2xx but not the JSON we expect
  | 'CIRCUIT_OPEN'; // not called: the source failed repeatedly just now (see lib/resilience/breaker.ts)

export class UpstreamError extends Error {
  override readonly name = 'UpstreamError';
  constructor(
    readonly upstream: string,
    readonly kind: UpstreamErrorKind,
    readonly status: number | null,
    readonly invalidParams: readonly string[] = [],
    /** The source's `Retry-After` in milliseconds, when it sent one with a 429 or 503. */
    readonly retryAfterMs?: number,
  ) {
    super(`${upstream}: ${kind}${status === null ? '' : ` (HTTP ${status})`}`);
  }
}

export interface UpstreamRequest {
  method: 'GET' | 'POST' | 'PATCH';
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** Content type of a JSON body (default application/json). */
  contentType?: string;
  /**
   * Whether the request may be sent again after a failure: true for GET; set it for a POST that
   * only reads (the BRP's `POST /personen`, a ZGW `_zoek`). Default: GET only.
   */
  idempotent?: boolean;
}

export interface UpstreamClientOptions {
  /** A name for logs and errors, e.g. "BRP" or "zaken:gemeente-a". */
  name: string;
  dispatcher?: Dispatcher | undefined;
  /** Longest one attempt may take; shortened to what is left of the request's deadline. */
  timeoutMs: number;
  /** Retries of idempotent requests (default: one, with backoff and jitter). */
  retry?: RetryOptions;
  /** The source's circuit breaker (default on); `false` for a client that must always try. */
  breaker?: { failureThreshold?: number; openMs?: number } | false;
  /**
   * Where the breaker's changes are logged, once each: the source failing fast, and answering
   * again. Calls refused while it is open are then not worth a warning apiece.
   */
  logger?: Logger | undefined;
}

/**
 * A small JSON-over-HTTP client for one upstream: a timeout per attempt within the request's
 * deadline, retries where safe, a circuit breaker, and one error type for every failure.
 */
export interface UpstreamClient {
  json<T>(req: UpstreamRequest): Promise<{ status: number; body: T }>;
  /** The breaker of this source, when it has one. */
  readonly breaker: Breaker | null;
}

/**
 * The largest answer an upstream may send (8 MiB). A BRP person or a page of 100 zaken is far
 * smaller; a source that sends more is broken, and reading it would cost memory every resident shares.
 */
export const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/** A keep-alive agent for upstream calls; pass it to every client of a process. */
export function createUpstreamAgent(options: Agent.Options = {}): Agent {
  return new Agent({ keepAliveTimeout: 10_000, connections: 64, maxResponseSize: MAX_RESPONSE_BYTES, ...options });
}

function kindForStatus(status: number): UpstreamErrorKind {
  if (status === 400 || status === 422) return 'BAD_REQUEST';
  if (status === 401 || status === 403) return 'UNAUTHORIZED';
  if (status === 404) return 'NOT_FOUND';
  if (status === 429) return 'RATE_LIMITED';
  return 'UNAVAILABLE';
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(value: string | string[] | undefined, now: number = Date.now()): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || text.trim() === '') return undefined;
  if (/^\d+$/.test(text.trim())) return Number(text.trim()) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Failures that say the source is down or struggling: they count for the breaker. */
function isSourceFailure(error: unknown): boolean {
  return (
    error instanceof UpstreamError &&
    (error.kind === 'UNAVAILABLE' || error.kind === 'TIMEOUT' || error.kind === 'INVALID_RESPONSE')
  );
}

/**
 * Which failures are worth a second attempt: the connection failed or the source said it is
 * briefly unable (429, 502, 503, 504). A timeout is not retried: the deadline is then mostly spent.
 */
function retryVerdict(error: unknown): RetryVerdict {
  if (!(error instanceof UpstreamError)) return { retryable: false };
  if (error.kind === 'RATE_LIMITED') return { retryable: true, retryAfterMs: error.retryAfterMs };
  if (error.kind !== 'UNAVAILABLE') return { retryable: false };
  return {
    retryable: error.status === null || error.status === 502 || error.status === 503 || error.status === 504,
    retryAfterMs: error.retryAfterMs,
  };
}

/** Names of invalid parameters from a problem+json body (`invalidParams[].name`), nothing else. */
function invalidParamNames(body: unknown): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const params = (body as { invalidParams?: unknown }).invalidParams;
  if (!Array.isArray(params)) return [];
  return params.flatMap((p: unknown) =>
    typeof p === 'object' && p !== null && typeof (p as { name?: unknown }).name === 'string'
      ? [(p as { name: string }).name]
      : [],
  );
}

/** The breaker's changes as log lines for the operator: a warning when the source is given up on for now. */
function logBreakerState(logger: Logger, upstream: string): (state: BreakerState) => void {
  return (state) => {
    if (state === 'open') logger.warn({ upstream, state }, 'upstream fails repeatedly: calls fail fast for now');
    else if (state === 'half-open') logger.debug({ upstream, state }, 'upstream tried again');
    else logger.info({ upstream, state }, 'upstream answers again');
  };
}

export function createUpstreamClient(options: UpstreamClientOptions): UpstreamClient {
  const { name, timeoutMs } = options;
  const breaker =
    options.breaker === false
      ? null
      : createBreaker(name, {
          ...options.breaker,
          isFailure: isSourceFailure,
          ...(options.logger ? { onStateChange: logBreakerState(options.logger, name) } : {}),
        });
  const retrying = createRetry(retryVerdict, options.retry);

  async function once<T>(req: UpstreamRequest): Promise<{ status: number; body: T }> {
    // Never wait longer than the page will: the request's deadline shortens the timeout.
    const budget = Math.min(timeoutMs, remainingMs());
    if (budget <= 0) throw new UpstreamError(name, 'TIMEOUT', null);
    // The timeout covers reading the body too; it is stood down once the call is over.
    const timeout = callTimeout(budget);
    try {
      return await attempt<T>(req, timeout.signal);
    } finally {
      timeout.done();
    }
  }

  async function attempt<T>(req: UpstreamRequest, signal: AbortSignal): Promise<{ status: number; body: T }> {
    let response: Dispatcher.ResponseData;
    try {
      response = await request(req.url, {
        method: req.method,
        headers: {
          accept: 'application/json, application/problem+json',
          ...(req.body === undefined ? {} : { 'content-type': req.contentType ?? 'application/json' }),
          ...req.headers,
        },
        ...(req.body === undefined ? {} : { body: JSON.stringify(req.body) }),
        ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
        signal,
      });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw new UpstreamError(name, timedOut ? 'TIMEOUT' : 'UNAVAILABLE', null);
    }
    let body: unknown;
    try {
      const text = await response.body.text();
      body = text.length === 0 ? null : JSON.parse(text);
    } catch (error) {
      if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
        throw new UpstreamError(name, 'TIMEOUT', response.statusCode);
      }
      if (response.statusCode >= 400) throw failure(response, null);
      throw new UpstreamError(name, 'INVALID_RESPONSE', response.statusCode);
    }
    if (response.statusCode >= 400) throw failure(response, body);
    return { status: response.statusCode, body: body as T };
  }

  function failure(response: Dispatcher.ResponseData, body: unknown): UpstreamError {
    const status = response.statusCode;
    const wait = status === 429 || status === 503 ? retryAfterMs(response.headers['retry-after']) : undefined;
    return new UpstreamError(name, kindForStatus(status), status, invalidParamNames(body), wait);
  }

  async function guarded<T>(req: UpstreamRequest): Promise<{ status: number; body: T }> {
    const done = timeSourceCall(name);
    try {
      const result = await (breaker ? breaker.run(() => once<T>(req)) : once<T>(req));
      done('ok');
      return result;
    } catch (error) {
      const failure = error instanceof BreakerOpenError ? new UpstreamError(name, 'CIRCUIT_OPEN', null) : error;
      done(failure instanceof UpstreamError ? failure.kind : 'ERROR');
      throw failure;
    }
  }

  return {
    breaker,
    json<T>(req: UpstreamRequest) {
      const idempotent = req.idempotent ?? req.method === 'GET';
      return idempotent ? retrying(() => guarded<T>(req)) : guarded<T>(req);
    },
  };
}
