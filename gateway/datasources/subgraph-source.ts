import { createHash, randomUUID } from 'node:crypto';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GraphQLFormattedError } from 'graphql';
import { request as undiciRequest, type Dispatcher } from 'undici';
import { isErrorCode } from '../../lib/errors.js';
import { callerKey, REQUEST_ID_HEADER, type Caller, type InternalTokenSigner } from '../../lib/internal-token.js';
import type { Logger } from '../../lib/logging.js';
import { BreakerOpenError, createBreaker, type Breaker } from '../../lib/resilience/breaker.js';
import { DEADLINE_HEADER, callTimeout } from '../../lib/resilience/deadline.js';
import { timeSourceCall } from '../../lib/observability/metrics.js';
import { verwerkingVan, type Verwerking, type VerwerkingenRecorder } from '../verwerkingen/recorder.js';
import { operationDocument, sectionFallback } from './section-fallback.js';

type ProcessOptions = GraphQLDataSourceProcessOptions<GatewayContext>;
type GatewayGraphQLResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;
type SubgraphRequest = ProcessOptions['request'];
/** A call made for a client's operation (not a health check or schema load). */
type OperationOptions = Extract<ProcessOptions, { incomingRequestContext: unknown }>;

/** What the gateway keeps per GraphQL request (see gateway/server.ts). */
export interface GatewayContext {
  readonly caller: Caller;
  /** When the answer must be on its way to the client (epoch ms). */
  readonly deadline: number;
}

export interface SubgraphSourceOptions {
  name: string;
  url: string;
  signer: InternalTokenSigner;
  /** The longest one call to this subgraph may take; shortened to the request's deadline. */
  timeoutMs: number;
  /** Consecutive failed calls that open the breaker, and how long it stays open. */
  breaker: { failureThreshold: number; openMs: number };
  logger: Logger;
  dispatcher?: Dispatcher | undefined;
  /**
   * The verwerkingenlog: each answer of this subgraph with a signed-in resident's data is handed
   * to it (it only buffers; see gateway/verwerkingen/). Nothing is recorded when absent.
   */
  verwerkingen?: VerwerkingenRecorder | undefined;
}

/**
 * Time the subgraph keeps back from the deadline it is told, to send its answer before the
 * gateway stops waiting: a section that answers late with its own status beats a null.
 */
const ANSWER_MARGIN_MS = 100;

/** Query texts whose hash is kept (the query plans' fetches: a handful per operation). */
const MAX_KNOWN_HASHES = 1_000;

/** Apollo Server's answers to a hash it does not know, or to a hash when it takes none. */
const PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND';
const PERSISTED_QUERY_NOT_SUPPORTED = 'PERSISTED_QUERY_NOT_SUPPORTED';

/** The `extensions.code` of the first error of a subgraph answer that refuses the hash, if it does. */
function persistedQueryRefusal(text: string): string | undefined {
  // Read only when it may be one: an ordinary answer is not parsed twice.
  if (!text.includes('PERSISTED_QUERY_NOT_')) return undefined;
  const body = JSON.parse(text) as { data?: unknown; errors?: { extensions?: { code?: unknown } }[] };
  const code = body.data === undefined || body.data === null ? body.errors?.[0]?.extensions?.code : undefined;
  return code === PERSISTED_QUERY_NOT_FOUND || code === PERSISTED_QUERY_NOT_SUPPORTED ? code : undefined;
}

/** A subgraph answered with an HTTP status other than 2xx; its body is not read. */
class SubgraphStatusError extends Error {
  override readonly name = 'SubgraphStatusError';
  constructor(readonly status: number) {
    super(`subgraph answered HTTP ${status}`);
  }
}

/** Why a call to a subgraph failed, for the operator's log (never a URL or body). */
function reason(error: unknown): string {
  if (error instanceof BreakerOpenError) return 'breaker open';
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'timeout';
  if (error instanceof SubgraphStatusError) return `HTTP ${error.status}`;
  return error instanceof Error ? error.name : 'unknown';
}

/**
 * The gateway's connection to one subgraph. It sends the caller as an internal token for this
 * subgraph alone (never what identity headers the client sent) and the time left of the
 * request's deadline, cuts the call off at that deadline, and keeps a circuit breaker. When the
 * subgraph cannot answer, it answers for it: identity fields from the token, the subgraph's
 * sections null with BRON_NIET_BESCHIKBAAR (see section-fallback.ts).
 *
 * It implements Apollo Gateway's data source contract on undici's `request` itself rather than
 * extending `RemoteGraphQLDataSource`, which builds a node-fetch Request and Headers and a WHATWG
 * fetch with its streams for every call: a third of the gateway's CPU per page went there (a CPU
 * profile of the gateway under load, `npm run bench -- --profile`).
 *
 * A query goes to the subgraph with its text and SHA-256 hash the first time, and as the hash
 * alone after that (Apollo's automatic persisted queries): the subgraph neither reads nor hashes
 * the text again on every call. A subgraph that no longer knows the hash (it restarted, or another
 * replica answers) says PERSISTED_QUERY_NOT_FOUND, and the call goes again with the text. A
 * subgraph that takes no hashes gets the text from then on.
 */
export class SubgraphSource implements GraphQLDataSource<GatewayContext> {
  readonly breaker: Breaker;
  private readonly options: SubgraphSourceOptions;
  /** What this subgraph read so far per request (the gateway's context object is the request). */
  private readonly verwerkingen = new WeakMap<GatewayContext, Verwerking>();
  /**
   * Calls in flight that another request may join: the same resident asking this subgraph the
   * same query at the same moment (a page loaded twice, two tabs, a retry) gets one call, and
   * each request its own copy of the answer. Keyed by who asks, so residents never share.
   */
  private readonly inFlight = new Map<string, Promise<string>>();
  /** Per query text sent: its SHA-256 (hex), and whether the text went along with it once. */
  private readonly hashes = new Map<string, { readonly sha256Hash: string; sent: boolean }>();
  /** Off once the subgraph answered that it takes no hashes. */
  private persistedQueries = true;

  constructor(options: SubgraphSourceOptions) {
    this.options = options;
    this.breaker = createBreaker(`subgraph:${options.name}`, {
      ...options.breaker,
      // Only failures of the call itself count: a GraphQL error in a 200 answer is the subgraph working.
      isFailure: () => true,
      onStateChange: (state) =>
        options.logger[state === 'closed' ? 'info' : 'warn']({ subgraph: options.name, state }, 'subgraph breaker'),
    });
  }

  /**
   * One POST to the subgraph. The deadline's remainder (less the margin the subgraph keeps back)
   * travels in {@link DEADLINE_HEADER}, and the call is cut off when it has passed.
   */
  private async send(
    request: SubgraphRequest,
    caller: Caller,
    deadline?: number,
    shareKey?: string,
  ): Promise<GatewayGraphQLResponse> {
    let text: Promise<string>;
    if (shareKey === undefined) text = this.post(request, caller, deadline);
    else {
      const joined = this.inFlight.get(shareKey);
      if (joined) text = joined;
      else {
        text = this.post(request, caller, deadline);
        this.inFlight.set(shareKey, text);
        const forget = () => this.inFlight.delete(shareKey);
        text.then(forget, forget);
      }
    }
    // Parsed per request: the gateway merges the answer into its result in place.
    const body: unknown = JSON.parse(await text);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new TypeError('subgraph answer is not a GraphQL response');
    }
    return body as GatewayGraphQLResponse;
  }

  /** The POST itself, with the caller's token and what is left of the page's deadline. */
  private async post(request: SubgraphRequest, caller: Caller, deadline?: number): Promise<string> {
    const { name, signer } = this.options;
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      authorization: `Bearer ${await signer.sign(name, caller)}`,
      [REQUEST_ID_HEADER]: caller.requestId,
    };
    let timeoutMs = this.options.timeoutMs;
    if (deadline !== undefined) {
      const budget = Math.max(0, deadline - Date.now() - ANSWER_MARGIN_MS);
      headers[DEADLINE_HEADER] = String(budget);
      timeoutMs = Math.max(1, Math.min(timeoutMs, budget + ANSWER_MARGIN_MS));
    }
    // One deadline for both tries, stood down once the answer is read.
    const timeout = callTimeout(timeoutMs);
    try {
      return await this.postWithin(headers, request, timeout.signal);
    } finally {
      timeout.done();
    }
  }

  /** The query's hash, or its text when the subgraph does not know the hash yet, within `signal`. */
  private async postWithin(
    headers: Record<string, string>,
    request: SubgraphRequest,
    signal: AbortSignal,
  ): Promise<string> {
    const { name } = this.options;
    const { query, operationName, variables, extensions } = request;
    if (!query) throw new Error('Missing query');
    const plain = { query, operationName, variables, extensions };
    if (!this.persistedQueries) return this.postBody(headers, plain, signal);

    const known = this.hashOf(query);
    const withHash = {
      ...plain,
      extensions: { ...extensions, persistedQuery: { version: 1, sha256Hash: known.sha256Hash } },
    };
    const text = await this.postBody(headers, known.sent ? { ...withHash, query: undefined } : withHash, signal);
    known.sent = true;
    const refusal = persistedQueryRefusal(text);
    if (refusal === undefined) return text;
    if (refusal === PERSISTED_QUERY_NOT_SUPPORTED) {
      this.persistedQueries = false;
      this.options.logger.warn({ subgraph: name }, 'subgraph takes no persisted queries; sending query texts');
      return this.postBody(headers, plain, signal);
    }
    return this.postBody(headers, withHash, signal);
  }

  /** One POST of `body`; the answer's text, or an error for any status other than 2xx. */
  private async postBody(headers: Record<string, string>, body: object, signal: AbortSignal): Promise<string> {
    const { url, dispatcher } = this.options;
    const response = await undiciRequest(url, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      signal,
      ...(dispatcher ? { dispatcher } : {}),
    });
    if (response.statusCode < 200 || response.statusCode > 299) {
      await response.body.dump();
      throw new SubgraphStatusError(response.statusCode);
    }
    return response.body.text();
  }

  /** The SHA-256 of a query text, hex, as Apollo's persisted queries name it. */
  private hashOf(query: string): { readonly sha256Hash: string; sent: boolean } {
    let known = this.hashes.get(query);
    if (known === undefined) {
      known = { sha256Hash: createHash('sha256').update(query).digest('hex'), sent: false };
      // Planned fetches are few; texts from ad-hoc queries must not grow this without end.
      if (this.hashes.size >= MAX_KNOWN_HASHES) this.hashes.clear();
      this.hashes.set(query, known);
    }
    return known;
  }

  async process(options: ProcessOptions): Promise<GatewayGraphQLResponse> {
    // Health checks of the gateway itself have no caller; they go as anonymous.
    if (!isOperation(options)) return this.send(options.request, { kind: 'anonymous', requestId: randomUUID() });
    const { context, request } = options;
    const left = context.deadline - Date.now();
    let response: GatewayGraphQLResponse;
    const done = timeSourceCall(`subgraph:${this.options.name}`);
    try {
      if (left <= 0) throw Object.assign(new Error('deadline passed'), { name: 'TimeoutError' });
      response = await this.breaker.run(() =>
        this.send(request, context.caller, context.deadline, shareKey(options, context.caller)),
      );
      done('ok');
    } catch (error) {
      done(reason(error));
      this.options.logger.warn(
        { subgraph: this.options.name, reason: reason(error), requestId: context.caller.requestId },
        'subgraph did not answer; its sections are null',
      );
      return sectionFallback(
        operationDocument(request.query ?? '', options.document),
        request.variables,
        context.caller,
        this.options.name,
      );
    }
    if (context.caller.kind !== 'person') return response;
    // A subgraph that answered but lost `me` itself, or all its data (a bug, a schema it does not
    // have yet during a rolling deploy), must not take the other subgraphs' sections down with it:
    // answer for it as if it had not answered.
    const lost =
      !response.data || Object.entries(response.data).some(([key, value]) => value === null && key !== '_entities');
    if (!lost) {
      this.registreerVerwerking(options, response);
      return response;
    }
    const kept = (response.errors ?? []).filter((e) => isErrorCode(e.extensions?.['code']) && e.path);
    const fallback = sectionFallback(
      operationDocument(request.query ?? '', options.document),
      request.variables,
      context.caller,
      this.options.name,
      new Set(kept.map((e) => JSON.stringify(e.path))),
    );
    return { ...response, data: fallback.data, errors: [...kept, ...fallback.errors] as GraphQLFormattedError[] };
  }

  /**
   * Hands the read this answer was to the verwerkingenlog. Only an answer the subgraph gave itself
   * gets here: when the gateway answered for it (down, too slow, lost its data) nothing was read.
   * Recording never fails the answer: the resident gets their data, the operator a log line.
   */
  private registreerVerwerking(options: OperationOptions, response: GatewayGraphQLResponse): void {
    const recorder = this.options.verwerkingen;
    if (!recorder) return;
    const { context, request } = options;
    try {
      const verwerking = verwerkingVan({
        subgraph: this.options.name,
        caller: context.caller,
        document: operationDocument(request.query ?? '', options.document),
        variables: request.variables,
        data: response.data,
        tijdstip: new Date(),
        eerder: this.verwerkingen.get(context),
      });
      if (!verwerking) return;
      this.verwerkingen.set(context, verwerking);
      recorder.registreer(verwerking);
    } catch (error) {
      this.options.logger.error(
        {
          subgraph: this.options.name,
          reason: error instanceof Error ? error.name : 'unknown',
          requestId: context.caller.requestId,
        },
        'verwerking not recorded',
      );
    }
  }
}

function isOperation(options: ProcessOptions): options is OperationOptions {
  return 'incomingRequestContext' in options;
}

/**
 * The key under which a call may be shared: only a resident's query (a mutation is never sent
 * once for two), by who asks and exactly what is asked.
 */
function shareKey(options: OperationOptions, caller: Caller): string | undefined {
  if (caller.kind !== 'person' || options.incomingRequestContext.operation?.operation !== 'query') return undefined;
  const { query, operationName, variables } = options.request;
  return JSON.stringify([callerKey(caller), operationName ?? null, query, variables ?? null]);
}
