import { z } from 'zod';
import { ConfigError, env, oidcEnv, oidcProblems, oidcVerificationOf, parseEnv } from '../lib/config.js';
import { DEFAULT_QUERY_LIMITS } from './plugins/limits.js';
import { DEFAULT_RATE_LIMITS, type RateLimit } from './plugins/rate-limits.js';

/** A rate limit written as `<requests>/<seconds>`, e.g. `120/60`. */
const rateLimit = (fallback: RateLimit) =>
  z
    .string()
    .regex(/^\d+\/\d+$/, 'must be <requests>/<seconds>, e.g. 120/60')
    .transform((value) => {
      const [points, durationSeconds] = value.split('/').map(Number);
      return { points, durationSeconds };
    })
    .pipe(z.object({ points: z.number().int().min(1), durationSeconds: z.number().int().min(1).max(86_400) }))
    .default(fallback);

const jwkJson = env.json('Web Key').pipe(
  z
    .object({
      kty: z.literal('EC'),
      crv: z.literal('P-256'),
      d: z.string(),
      x: z.string(),
      y: z.string(),
      kid: z.string(),
    })
    .passthrough(),
);

const schema = z.object({
  NODE_ENV: env.nodeEnv(),
  HOST: z.string().default('127.0.0.1'),
  PORT: env.port(4000),
  LOG_LEVEL: env.logLevel(),
  // The resident's OIDC provider, as a subgraph with SUBGRAPH_AUTH=oidc reads it too.
  ...oidcEnv(),
  /** ES256 private JWK (with kid) that signs internal tokens for the subgraphs. */
  INTERNAL_TOKEN_PRIVATE_KEY: jwkJson,
  /** Secret for the pseudonymous `Gebruiker.id` (HMAC key); changing it changes every id. */
  PSEUDONYM_KEY: env.secret(32),
  SUBGRAPH_BRP_URL: env.url(),
  SUBGRAPH_ZAKEN_URL: env.url(),
  SUBGRAPH_BERICHTEN_URL: env.url(),
  SUBGRAPH_VOORKEUREN_URL: env.url(),
  /** The longest one subgraph call may take (it is cut off sooner when the request's deadline comes first). */
  SUBGRAPH_TIMEOUT_MS: env.milliseconds(4_000),
  /** The whole request's budget; the subgraphs learn what is left of it with every call. */
  REQUEST_DEADLINE_MS: env.milliseconds(4_000),
  /** Consecutive failed calls after which a subgraph is not called for SUBGRAPH_BREAKER_OPEN_MS. */
  SUBGRAPH_BREAKER_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  SUBGRAPH_BREAKER_OPEN_MS: env.milliseconds(5_000),
  /** How large a query may be (gateway/plugins/limits.ts); refused before planning. */
  QUERY_MAX_DEPTH: z.coerce.number().int().min(1).max(100).default(DEFAULT_QUERY_LIMITS.maxDepth),
  QUERY_MAX_ALIASES: z.coerce.number().int().min(0).max(1_000).default(DEFAULT_QUERY_LIMITS.maxAliases),
  QUERY_MAX_DIRECTIVES: z.coerce.number().int().min(0).max(1_000).default(DEFAULT_QUERY_LIMITS.maxDirectives),
  QUERY_MAX_COST: z.coerce.number().int().min(1).max(10_000_000).default(DEFAULT_QUERY_LIMITS.maxCost),
  /** Accept only the operations of the persisted-document manifest (docs/security.md). */
  SAFELIST: env.boolean(false),
  /** The manifest `npm run codegen` writes; checked at start-up. */
  PERSISTED_DOCUMENTS_FILE: z.string().default('schema/generated/persisted-documents.json'),
  /** Redis shared by the gateway's replicas (APQ registrations, rate-limit counts); memory without it. */
  REDIS_URL: env.url().optional(),
  /** How long one Redis command may take before the gateway does without it. */
  REDIS_TIMEOUT_MS: env.milliseconds(50),
  /** Requests per client address per window, counted before the token is checked. */
  RATE_LIMIT_ADDRESS: rateLimit(DEFAULT_RATE_LIMITS.address),
  /** Requests per resident (by pseudonym) per window. */
  RATE_LIMIT_RESIDENT: rateLimit(DEFAULT_RATE_LIMITS.resident),
  /** Verification-code mutations per resident per window. */
  RATE_LIMIT_VERIFICATION: rateLimit(DEFAULT_RATE_LIMITS.verification),
  /**
   * The proxies in front of the gateway whose `X-Forwarded-For` names the client (express's
   * `trust proxy`: addresses or subnets, comma-separated, or `loopback`, `uniquelocal`). Unset:
   * none; the client is the peer of the TCP connection.
   */
  TRUST_PROXY: env.commaList().optional(),
  /**
   * Verwerkingenlog: entries kept in memory while the voorkeuren subgraph does not take them;
   * beyond this the oldest are dropped and counted (docs/security.md).
   */
  VERWERKINGEN_BUFFER_MAX: z.coerce.number().int().min(200).max(1_000_000).default(10_000),
  /** On SIGTERM: how long requests under way may take to finish before they are cut. */
  SHUTDOWN_GRACE_MS: env.milliseconds(8_000),
  /** Bearer token `/metrics` requires; without it metrics are served only outside production. */
  METRICS_TOKEN: env.secret(16).optional(),
  /** Path of the committed supergraph; the gateway never composes at run time. */
  SUPERGRAPH_FILE: z.string().default('schema/supergraph.graphql'),
  /** Schema introspection; off in production unless set. */
  INTROSPECTION: z.enum(['true', 'false']).optional(),
  /** The GraphiQL playground at `/`; off in production unless set. */
  PLAYGROUND: z.enum(['true', 'false']).optional(),
  /** Public OIDC client (PKCE) the playground logs in with; in development the DigiD-simulator's. */
  PLAYGROUND_OIDC_CLIENT_ID: z.string().min(1).optional(),
  /** Example operations shown in the playground. */
  PLAYGROUND_OPERATIONS_DIR: z.string().default('schema/operations'),
});

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;

/** Reads the gateway's configuration once; throws naming each bad variable. */
export function loadGatewayConfig(environment: Readonly<Record<string, string | undefined>> = process.env) {
  const parsed = parseEnv(schema, environment);
  const oidcConfigProblems = oidcProblems(parsed);
  if (oidcConfigProblems.length > 0) throw new ConfigError(oidcConfigProblems);
  const playground = parsed.PLAYGROUND === undefined ? parsed.NODE_ENV !== 'production' : parsed.PLAYGROUND === 'true';
  const playgroundClientId =
    parsed.PLAYGROUND_OIDC_CLIENT_ID ?? (parsed.NODE_ENV === 'production' ? null : 'mijn-omgeving-dev');
  return Object.freeze({
    ...parsed,
    introspection:
      parsed.INTROSPECTION === undefined ? parsed.NODE_ENV !== 'production' : parsed.INTROSPECTION === 'true',
    queryLimits: {
      maxDepth: parsed.QUERY_MAX_DEPTH,
      maxAliases: parsed.QUERY_MAX_ALIASES,
      maxDirectives: parsed.QUERY_MAX_DIRECTIVES,
      maxCost: parsed.QUERY_MAX_COST,
    },
    metrics: parsed.METRICS_TOKEN ? { token: parsed.METRICS_TOKEN } : parsed.NODE_ENV !== 'production',
    playground,
    playgroundClientId,
    // The playground logs in as a client of its own: its tokens are accepted too.
    oidcVerification: oidcVerificationOf(parsed, playground && playgroundClientId ? [playgroundClientId] : []),
    rateLimits: {
      address: parsed.RATE_LIMIT_ADDRESS,
      resident: parsed.RATE_LIMIT_RESIDENT,
      verification: parsed.RATE_LIMIT_VERIFICATION,
    },
    trustProxy: parsed.TRUST_PROXY ?? false,
    subgraphUrls: {
      brp: parsed.SUBGRAPH_BRP_URL,
      zaken: parsed.SUBGRAPH_ZAKEN_URL,
      berichten: parsed.SUBGRAPH_BERICHTEN_URL,
      voorkeuren: parsed.SUBGRAPH_VOORKEUREN_URL,
    } as Readonly<Record<string, string>>,
  });
}
