import { createServer, type RequestListener, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type NextFunction, type Request, type Response } from 'express';
import { fetch as undiciFetch, type Dispatcher } from 'undici';
import { ERROR_MESSAGES, type ErrorCode } from '../lib/errors.js';
import { identityFromClaims, pseudonymFor, type ClaimPreset } from '../lib/identity/index.js';
import type { Caller, InternalTokenSigner } from '../lib/internal-token.js';
import type { Logger } from '../lib/logging.js';
import { IdentityProviderUnavailableError, type OidcVerifier } from './auth/oidc.js';
import { dedupeErrorsPlugin, formatGatewayError } from './plugins/errors.js';
import { createPlaygroundRouter, type PlaygroundOptions } from './playground/playground.js';
import { createDocumentProxy } from './documenten.js';

export interface GatewayContext {
  readonly caller: Caller;
}

export interface GatewayDeps {
  supergraphSdl: string;
  subgraphUrls: Readonly<Record<string, string>>;
  subgraphTimeoutMs: number;
  oidc: OidcVerifier;
  claimPreset: ClaimPreset;
  pseudonymKey: string;
  signer: InternalTokenSigner;
  logger: Logger;
  introspection: boolean;
  dispatcher?: Dispatcher;
  /** The GraphiQL playground at `/`; off when absent. */
  playground?: PlaygroundOptions | null;
}

export interface Gateway extends AsyncDisposable {
  readonly httpServer: Server;
  /** The request handler of `httpServer`, for mounting on a server that is already listening. */
  readonly handler: RequestListener;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

class RefusedTokenError extends Error {
  override readonly name = 'RefusedTokenError';
}

/** A GraphQL response body with one coded error, for requests refused before GraphQL runs. */
function errorBody(code: ErrorCode, message: string = ERROR_MESSAGES[code]) {
  return { errors: [{ message, extensions: { code } }] };
}

/**
 * Sends each subgraph the caller as a fresh internal token for that subgraph alone; whatever
 * identity headers the client sent are not forwarded.
 */
class InternalTokenDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
    private readonly signer: InternalTokenSigner,
    timeoutMs: number,
    dispatcher: Dispatcher | undefined,
  ) {
    super({
      url,
      fetcher: ((input: string, init: RequestInit) =>
        undiciFetch(input, {
          ...(init as Parameters<typeof undiciFetch>[1]),
          signal: AbortSignal.timeout(timeoutMs),
          ...(dispatcher ? { dispatcher } : {}),
        })) as unknown as RemoteGraphQLDataSource['fetcher'],
    });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    // Introspection-free health checks of the gateway itself have no caller; treat as anonymous.
    const caller: Caller =
      'caller' in context && context.caller ? context.caller : { kind: 'anonymous', requestId: randomUUID() };
    request.http?.headers.set('authorization', `Bearer ${await this.signer.sign(this.subgraph, caller)}`);
  }
}

/**
 * Builds (does not start) the gateway: Apollo Server + Apollo Gateway over the committed
 * supergraph, OIDC verification of the resident's token, internal tokens to the subgraphs.
 */
export async function createGateway(deps: GatewayDeps): Promise<Gateway> {
  const { logger } = deps;
  const gateway = new ApolloGateway({
    supergraphSdl: deps.supergraphSdl,
    buildService: ({ name }) => {
      const url = deps.subgraphUrls[name];
      if (!url) throw new Error(`No URL configured for subgraph ${name}`);
      return new InternalTokenDataSource(name, url, deps.signer, deps.subgraphTimeoutMs, deps.dispatcher);
    },
    logger: {
      debug: () => undefined,
      info: (message: unknown) => logger.info({ message }, 'gateway'),
      warn: (message: unknown) => logger.warn({ message }, 'gateway'),
      error: (message: unknown) => logger.error({ message }, 'gateway'),
    },
  });

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: deps.introspection,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: true,
    formatError: formatGatewayError(logger),
    plugins: [dedupeErrorsPlugin(), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

  /** Who is asking: anonymous without a token; a refused token throws {@link RefusedTokenError}. */
  const resolveCaller = async (authorization: string | undefined, requestId: string): Promise<Caller> => {
    if (!authorization) return { kind: 'anonymous', requestId };
    const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(authorization);
    if (!match?.[1]) throw new RefusedTokenError('malformed Authorization header');
    try {
      const claims = await deps.oidc.verify(match[1]);
      const identity = identityFromClaims(claims, deps.claimPreset);
      return { kind: 'person', requestId, identity, gebruikerId: pseudonymFor(identity, deps.pseudonymKey) };
    } catch (error) {
      if (error instanceof IdentityProviderUnavailableError) throw error;
      throw new RefusedTokenError(error instanceof Error ? error.message : 'unknown');
    }
  };

  const callers = new WeakMap<Request, Caller>();
  /**
   * Verifies the resident's token before GraphQL runs. A token that is present but not valid
   * refuses the whole request (401), so a client never mistakes it for an anonymous request.
   */
  const authenticate = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const sent = req.headers['x-request-id'];
    const requestId = typeof sent === 'string' && REQUEST_ID.test(sent) ? sent : randomUUID();
    res.setHeader('x-request-id', requestId);
    try {
      callers.set(req, await resolveCaller(req.headers.authorization, requestId));
      next();
    } catch (error) {
      if (error instanceof IdentityProviderUnavailableError) {
        logger.error({ requestId, reason: error.message }, 'identity provider unavailable');
        res
          .status(503)
          .json(
            errorBody('INTERNAL_SERVER_ERROR', 'Wij kunnen uw inlog nu niet controleren. Probeer het later opnieuw.'),
          );
        return;
      }
      // Why a token was refused is for our logs; the client learns only that it was.
      logger.info({ requestId, reason: error instanceof Error ? error.message : 'unknown' }, 'token refused');
      res.status(401).setHeader('www-authenticate', 'Bearer error="invalid_token"').json(errorBody('UNAUTHENTICATED'));
    }
  };

  const app = express();
  app.disable('x-powered-by');
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  if (deps.playground) app.use(createPlaygroundRouter(deps.playground));
  const zakenUrl = deps.subgraphUrls['zaken'];
  if (zakenUrl) {
    const documents = createDocumentProxy({
      zakenSubgraphUrl: zakenUrl,
      timeoutMs: deps.subgraphTimeoutMs,
      logger,
      ...(deps.dispatcher ? { dispatcher: deps.dispatcher } : {}),
    });
    app.all('/documenten/:token', documents);
  }
  app.use(
    '/graphql',
    authenticate,
    express.json({ limit: '100kb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const caller = callers.get(req);
        if (!caller) throw new Error('authenticate middleware did not run');
        return { caller };
      },
    }),
  );

  const httpServer = createServer(app);
  return {
    httpServer,
    handler: app,
    async [Symbol.asyncDispose]() {
      await apollo.stop();
    },
  };
}
