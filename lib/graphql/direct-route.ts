import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { Express, RequestHandler } from 'express';
import type { Logger } from '../logging.js';
import { runWithDeadline } from '../resilience/deadline.js';
import { traceRequests } from '../observability/tracing.js';
import { refuseBody, sendInternalError } from '../http/body-errors.js';
import { isPlainJsonRequest, readJsonBody } from '../http/json-body.js';
import { apiSecurityHeaderList } from '../http/security-headers.js';
import { requestMetrics } from '../http/operations.js';

/** What one request hands the context builder. */
export interface FrontRequest {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  /** When the answer is due (epoch ms); everything the request starts runs inside it. */
  readonly deadline: number;
}

export interface DirectRouteOptions<TContext extends object> {
  apollo: ApolloServer<TContext>;
  /** The express app of the other routes: its request and response prototypes, its settings. */
  app: Express;
  /** Middleware before the body is read, and once it is (GraphQLFrontOptions). */
  before: readonly RequestHandler[];
  afterBody: readonly RequestHandler[];
  logger: Logger;
  bodyLimitBytes: number;
  deadline: (req: IncomingMessage) => number;
  context: (request: FrontRequest) => Promise<TContext>;
}

export interface DirectRoute {
  /** Whether this request takes the direct way: `POST /graphql` with a plain JSON body. */
  takes(req: IncomingMessage): boolean;
  handle(req: IncomingMessage, res: ServerResponse): void;
}

/**
 * `POST /graphql` without express's router: every page's request at the gateway and every call
 * of a subgraph. It does what the express route does, in the same order and with the same
 * answers (metrics, the caller's middleware before and after the body, the bounded body and its
 * refusals, the deadline, the trace span, Apollo, the security headers), without the router's
 * matching, body-parser, helmet per request and `url.parse`, which were a tenth of a process's
 * CPU under load (docs/bench.md). When there is caller's middleware, the request and response
 * get express's prototypes, as the router would give them, so it sees `req.ip`, `req.body` and
 * `res.status` as usual. Every other request (GET, another charset, a compressed body, another
 * path) goes through express.
 */
export function createDirectRoute<TContext extends object>(options: DirectRouteOptions<TContext>): DirectRoute {
  const { apollo, app, logger, bodyLimitBytes } = options;
  const securityHeaders = apiSecurityHeaderList();
  const observe = requestMetrics('/graphql');
  const trace = traceRequests('/graphql');
  // express's prototypes are for the caller's middleware (`req.ip`, `res.status`). Without any, as
  // in every subgraph, the request stays as node:http made it: `Object.setPrototypeOf` on each
  // request and response was 1.5-3 % of a subgraph's CPU (the objects also lose V8's fast paths).
  const expressMiddleware = options.before.length > 0 || options.afterBody.length > 0;

  const answer = async (req: IncomingMessage, res: ServerResponse, body: unknown, deadline: number) => {
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers, search: '', body },
      context: () => options.context({ req, res, deadline }),
    });
    res.statusCode = response.status ?? 200;
    for (const [name, value] of response.headers) res.setHeader(name, value);
    if (response.body.kind === 'complete') {
      res.setHeader('content-length', Buffer.byteLength(response.body.string));
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    observe(req, res, () => undefined);
    for (const [name, value] of securityHeaders) res.setHeader(name, value);
    if (expressMiddleware) enterExpress(app, req, res);
    if (!(await runMiddleware(options.before, req, res))) return;
    const read = await readJsonBody(req, bodyLimitBytes);
    if ('refusal' in read) {
      // Whatever is still coming of a body we will not read is not waited for.
      res.shouldKeepAlive = false;
      refuseBody(res, read.refusal, '/graphql', logger);
      return;
    }
    (req as IncomingMessage & { body?: unknown }).body = read.body;
    if (!(await runMiddleware(options.afterBody, req, res))) return;
    const deadline = options.deadline(req);
    await runWithDeadline(deadline, () => {
      let answered!: Promise<void>;
      trace(req, res, () => {
        answered = answer(req, res, read.body, deadline);
      });
      return answered;
    });
  };

  return {
    takes: (req) => req.method === 'POST' && req.url === '/graphql' && isPlainJsonRequest(req),
    handle(req, res) {
      handle(req, res).catch((error: unknown) => {
        logger.error({ reason: error instanceof Error ? error.name : 'unknown', path: '/graphql' }, 'request failed');
        if (!res.headersSent) sendInternalError(res);
        else res.destroy();
      });
    },
  };
}

/** What express's router does first with every request (its `init`): its prototypes and links. */
function enterExpress(app: Express, req: IncomingMessage, res: ServerResponse): void {
  Object.setPrototypeOf(req, app.request);
  Object.setPrototypeOf(res, app.response);
  Object.assign(req, { res });
  Object.assign(res, { locals: Object.create(null) as Record<string, unknown> });
}

/**
 * Runs express middleware in turn. True when the last one called `next()`; false when one
 * answered the request itself (or the client went away). An error passed to `next` rejects.
 */
function runMiddleware(
  handlers: readonly RequestHandler[],
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  if (handlers.length === 0) return Promise.resolve(true);
  return new Promise((resolve, reject) => {
    const stopped = () => resolve(false);
    res.once('finish', stopped).once('close', stopped);
    let index = 0;
    const next = (error?: unknown) => {
      if (error !== undefined && error !== null) {
        res.off('finish', stopped).off('close', stopped);
        reject(error instanceof Error ? error : new Error('middleware failed'));
        return;
      }
      const handler = handlers[index++];
      if (!handler) {
        res.off('finish', stopped).off('close', stopped);
        resolve(true);
        return;
      }
      try {
        void handler(req as Parameters<RequestHandler>[0], res as Parameters<RequestHandler>[1], next);
      } catch (error) {
        next(error);
      }
    };
    next();
  });
}
