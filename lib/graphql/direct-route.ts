import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { Logger } from '../logging.js';
import { runWithDeadline } from '../resilience/deadline.js';
import { traceRequests } from '../observability/tracing.js';
import { refuseBody, sendInternalError } from '../http/body-errors.js';
import { isPlainJsonRequest, readJsonBody } from '../http/json-body.js';
import { apiSecurityHeaderList } from '../http/security-headers.js';
import { requestMetrics } from '../http/operations.js';
import type { FrontRequest } from './http-front.js';

export interface DirectRouteOptions<TContext extends object> {
  apollo: ApolloServer<TContext>;
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
 * `POST /graphql` without express: the request a subgraph gets for every section of every page.
 * It does what the express route does, in the same order and with the same answers (metrics,
 * the bounded body and its refusals, the deadline, the trace span, Apollo, the security headers),
 * without express's router, body-parser, helmet per request and `url.parse`, which were a tenth
 * of a subgraph's CPU under load (docs/bench.md). Every other request (GET, another charset, a
 * compressed body, another path) goes through express as before.
 */
export function createDirectRoute<TContext extends object>(options: DirectRouteOptions<TContext>): DirectRoute {
  const { apollo, logger, bodyLimitBytes } = options;
  const securityHeaders = apiSecurityHeaderList();
  const observe = requestMetrics('/graphql');
  const trace = traceRequests('/graphql');

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
    const read = await readJsonBody(req, bodyLimitBytes);
    if ('refusal' in read) {
      // Whatever is still coming of a body we will not read is not waited for.
      res.shouldKeepAlive = false;
      refuseBody(res, read.refusal, '/graphql', logger);
      return;
    }
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
