import { Agent, request, type Dispatcher } from 'undici';

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
  | 'INVALID_RESPONSE'; // 2xx but not the JSON we expect

export class UpstreamError extends Error {
  override readonly name = 'UpstreamError';
  constructor(
    readonly upstream: string,
    readonly kind: UpstreamErrorKind,
    readonly status: number | null,
    readonly invalidParams: readonly string[] = [],
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
}

export interface UpstreamClientOptions {
  /** A name for logs and errors, e.g. "BRP" or "zaken:gemeente-a". */
  name: string;
  dispatcher?: Dispatcher;
  timeoutMs: number;
}

/** A tiny JSON-over-HTTP client for one upstream with a fixed timeout and error mapping. */
export interface UpstreamClient {
  json<T>(req: UpstreamRequest): Promise<{ status: number; body: T }>;
}

/** A keep-alive agent for upstream calls; pass it to every client of a process. */
export function createUpstreamAgent(options: Agent.Options = {}): Agent {
  return new Agent({ keepAliveTimeout: 10_000, connections: 64, ...options });
}

function kindForStatus(status: number): UpstreamErrorKind {
  if (status === 400 || status === 422) return 'BAD_REQUEST';
  if (status === 401 || status === 403) return 'UNAUTHORIZED';
  if (status === 404) return 'NOT_FOUND';
  if (status === 429) return 'RATE_LIMITED';
  return 'UNAVAILABLE';
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

export function createUpstreamClient(options: UpstreamClientOptions): UpstreamClient {
  const { name, timeoutMs } = options;
  return {
    async json<T>(req: UpstreamRequest) {
      let response: Dispatcher.ResponseData;
      try {
        response = await request(req.url, {
          method: req.method,
          headers: {
            accept: 'application/json, application/problem+json',
            ...(req.body === undefined ? {} : { 'content-type': req.contentType ?? 'application/json' }),
            ...req.headers,
          },
          body: req.body === undefined ? undefined : JSON.stringify(req.body),
          ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
        throw new UpstreamError(name, timedOut ? 'TIMEOUT' : 'UNAVAILABLE', null);
      }
      let body: unknown;
      try {
        const text = await response.body.text();
        body = text.length === 0 ? null : JSON.parse(text);
      } catch {
        if (response.statusCode >= 400)
          throw new UpstreamError(name, kindForStatus(response.statusCode), response.statusCode);
        throw new UpstreamError(name, 'INVALID_RESPONSE', response.statusCode);
      }
      if (response.statusCode >= 400) {
        throw new UpstreamError(name, kindForStatus(response.statusCode), response.statusCode, invalidParamNames(body));
      }
      return { status: response.statusCode, body: body as T };
    },
  };
}
