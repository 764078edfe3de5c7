import type { JSONWebKeySet } from 'jose';
import { z } from 'zod';
import { BRONNEN, CLAIM_PRESETS, DEFAULT_LEES_NIVEAU, NIVEAUS, type Niveau } from './identity/index.js';
import type { OidcVerification, ResidentTokenSettings } from './oidc/index.js';

/** Thrown when the environment does not hold a valid configuration; names every variable at fault. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`Ongeldige configuratie:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * Parses environment variables with a zod object schema whose keys are the variable names.
 * Read once at start-up; the result is frozen. Throws {@link ConfigError} naming each variable
 * that is missing or malformed, so a process refuses to start instead of failing later.
 */
export function parseEnv<S extends z.ZodObject>(
  schema: S,
  env: Readonly<Record<string, string | undefined>>,
): Readonly<z.infer<S>> {
  // Treat empty strings as unset: `FOO=` in a compose file must not count as a value.
  const cleaned = Object.fromEntries(
    Object.keys(schema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const variable = issue.path.join('.') || '(environment)';
        const message = issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message;
        return `${variable}: ${message}`;
      }),
    );
  }
  return Object.freeze(result.data);
}

/** Building blocks for process configs, so every process spells a port or URL the same way. */
export const env = {
  port: (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback),
  url: () =>
    z
      .string()
      .url('must be an absolute URL')
      .transform((value) => value.replace(/\/+$/, '')),
  boolean: (fallback: boolean) =>
    z
      .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
      .default(fallback ? 'true' : 'false')
      .transform((value) => value === 'true' || value === '1'),
  nodeEnv: () => z.enum(['development', 'test', 'production']).default('development'),
  logLevel: () => z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  milliseconds: (fallback: number) => z.coerce.number().int().positive().default(fallback),
  secret: (minLength = 32) => z.string().min(minLength, `must be at least ${minLength} characters`),
  /** Comma-separated, at least one item; blanks around items are dropped. */
  commaList: () =>
    z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((item) => item.trim())
          .filter((item) => item !== ''),
      )
      .pipe(z.array(z.string()).min(1)),
  /**
   * A value given as JSON; `.pipe()` the schema of what it must hold. `what` completes the message
   * for a value that is not JSON at all: "must be a JSON <what>". `fallback` is the JSON text used
   * when the variable is not set.
   */
  json: (what: string, fallback?: string) =>
    (fallback === undefined ? z.string() : z.string().default(fallback)).transform((value, ctx): unknown => {
      try {
        return JSON.parse(value) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: `must be a JSON ${what}` });
        return z.NEVER;
      }
    }),
};

/** A JSON Web Key Set given inline as JSON (e.g. the gateway's public internal-token keys). */
export const jwksEnv = () =>
  env.json('Web Key Set').pipe(
    z.object({
      keys: z.array(z.object({ kty: z.string() }).passthrough()).min(1, 'must hold at least one key'),
    }),
  );

/**
 * The resident's OIDC provider (broker) and how its access tokens become an identity: read by
 * the gateway, and by a subgraph with `SUBGRAPH_AUTH=oidc`, so both verify alike.
 */
export const oidcEnv = () => ({
  /** The OIDC provider whose access tokens are accepted; discovery is read from it. */
  OIDC_ISSUER: env.url(),
  OIDC_AUDIENCE: z.string().min(1),
  OIDC_ALGORITHMS: z
    .string()
    .default('RS256,PS256,ES256')
    .transform((v) => v.split(',').map((a) => a.trim()))
    .pipe(
      z
        .array(z.enum(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA']))
        .min(1),
    ),
  /** Where the broker puts the BSN: `bsn`, `nin` or `sub` (see lib/identity/claims.ts). */
  OIDC_CLAIM_PRESET: z.enum(CLAIM_PRESETS).default('bsn'),
  OIDC_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(120).default(10),
  /** Only RFC 9068 access tokens (`typ: at+jwt`); `false` only for a broker that cannot set it, and then OIDC_CLIENT_IDS is required. */
  OIDC_REQUIRE_AT_JWT: env.boolean(true),
  /** The clients (portal back-ends) whose access tokens are accepted (`client_id` or `azp`), comma-separated. */
  OIDC_CLIENT_IDS: env.commaList().optional(),
  /**
   * Machtigingen (DigiD Machtigen, eHerkenning ketenmachtiging): per dienst, the sources someone
   * acting for another may see, as JSON, e.g. `{"<dienst>":["zaken","berichten"]}`. A machtiging
   * for a dienst not listed is refused (403). Default: none.
   */
  MACHTIGING_DIENSTEN: env
    .json('object', '{}')
    .pipe(z.record(z.string().min(1).max(200), z.array(z.enum(BRONNEN)).min(1))),
  /** An unknown `kid` re-reads the JWKS at most once per this many seconds. */
  OIDC_JWKS_COOLDOWN_SECONDS: z.coerce.number().int().min(1).max(3_600).default(30),
  /** The JWKS is read again after this many seconds (key rotation without an unknown `kid`). */
  OIDC_JWKS_MAX_AGE_SECONDS: z.coerce.number().int().min(60).max(86_400).default(600),
});

type OidcValues = z.output<z.ZodObject<ReturnType<typeof oidcEnv>>>;

/**
 * What is wrong with the OIDC settings as a whole: without the access-token type, only a client
 * list that cannot match an ID token (whose `aud` is the client it was issued to) tells an access
 * token from an ID token.
 */
export function oidcProblems(values: OidcValues): string[] {
  return !values.OIDC_REQUIRE_AT_JWT &&
    (!values.OIDC_CLIENT_IDS || values.OIDC_CLIENT_IDS.includes(values.OIDC_AUDIENCE))
    ? ['OIDC_CLIENT_IDS: is required when OIDC_REQUIRE_AT_JWT is false, and must not contain OIDC_AUDIENCE']
    : [];
}

/** The verifier's options from the OIDC variables; `extraClientIds` join a configured client list. */
export function oidcVerificationOf(values: OidcValues, extraClientIds: readonly string[] = []): OidcVerification {
  return {
    issuer: values.OIDC_ISSUER,
    audience: values.OIDC_AUDIENCE,
    algorithms: values.OIDC_ALGORITHMS,
    clockToleranceSeconds: values.OIDC_CLOCK_TOLERANCE_SECONDS,
    requireAccessTokenType: values.OIDC_REQUIRE_AT_JWT,
    ...(values.OIDC_CLIENT_IDS ? { clientIds: [...values.OIDC_CLIENT_IDS, ...extraClientIds] } : {}),
    jwksCooldownSeconds: values.OIDC_JWKS_COOLDOWN_SECONDS,
    jwksMaxAgeSeconds: values.OIDC_JWKS_MAX_AGE_SECONDS,
  };
}

/**
 * What a subgraph accepts on `/graphql` (`SUBGRAPH_AUTH`): `intern`, the gateway's internal
 * tokens only (default); `oidc`, also the resident's own access token, as a router that only
 * forwards `Authorization` sends it (docs/router.md). The gateway's internal tokens are still
 * accepted in oidc mode when its keys are configured.
 */
export const SUBGRAPH_AUTH_MODES = ['intern', 'oidc'] as const;

export type SubgraphAuth =
  | { readonly mode: 'intern'; readonly internalKeys: JSONWebKeySet }
  | {
      readonly mode: 'oidc';
      readonly internalKeys: JSONWebKeySet | undefined;
      readonly residents: ResidentTokenSettings;
    };

/** The variables every subgraph process reads. */
export const subgraphBaseEnv = (defaultPort: number, leesNiveau: Niveau = DEFAULT_LEES_NIVEAU) => ({
  NODE_ENV: env.nodeEnv(),
  HOST: z.string().default('127.0.0.1'),
  PORT: env.port(defaultPort),
  LOG_LEVEL: env.logLevel(),
  SUBGRAPH_AUTH: z.enum(SUBGRAPH_AUTH_MODES).default('intern'),
  /** The gateway's public keys of its internal tokens; required unless SUBGRAPH_AUTH is oidc. */
  INTERNAL_TOKEN_PUBLIC_KEYS: jwksEnv().optional(),
  // With SUBGRAPH_AUTH=oidc: the gateway's OIDC settings, issuer and audience then required.
  ...oidcEnv(),
  OIDC_ISSUER: env.url().optional(),
  OIDC_AUDIENCE: z.string().min(1).optional(),
  /**
   * The gateway's key for `Gebruiker.id`: required with SUBGRAPH_AUTH=oidc (the same key gives the
   * same id), and by the voorkeuren subgraph for meldingen (the resident of a zaak is found by it).
   */
  PSEUDONYM_KEY: env.secret(32).optional(),
  INTROSPECTION: env.boolean(false),
  OVERLAP_MAP_FILE: z.string().optional(),
  /** The longest one upstream call may take (a retry gets its own); cut shorter by the request's deadline. */
  UPSTREAM_TIMEOUT_MS: env.milliseconds(2_500),
  /** A request's budget when the gateway names none (its `x-deadline-ms` is capped by this too). */
  REQUEST_DEADLINE_MS: env.milliseconds(4_000),
  /** On SIGTERM: how long requests under way may take to finish before they are cut. */
  SHUTDOWN_GRACE_MS: env.milliseconds(8_000),
  /** Prometheus metrics at `/metrics`. */
  METRICS: env.boolean(true),
  /** The assurance level a resident needs to read this subgraph's sections (lib/identity/niveau.ts). */
  LEES_NIVEAU: z.enum(NIVEAUS).default(leesNiveau),
});

type SubgraphAuthValues = z.output<z.ZodObject<Pick<ReturnType<typeof subgraphBaseEnv>, AuthVariable>>>;
type AuthVariable = 'SUBGRAPH_AUTH' | 'INTERNAL_TOKEN_PUBLIC_KEYS' | 'PSEUDONYM_KEY' | keyof ReturnType<typeof oidcEnv>;

/**
 * A subgraph's parsed configuration with what it accepts on `/graphql` ({@link SubgraphAuth}) as
 * `auth`; throws {@link ConfigError} naming each variable the chosen mode misses.
 */
export function withSubgraphAuth<C extends SubgraphAuthValues>(config: C): Readonly<C & { auth: SubgraphAuth }> {
  const keys: JSONWebKeySet | undefined = config.INTERNAL_TOKEN_PUBLIC_KEYS;
  if (config.SUBGRAPH_AUTH === 'intern') {
    if (!keys) throw new ConfigError(['INTERNAL_TOKEN_PUBLIC_KEYS: is required unless SUBGRAPH_AUTH is oidc']);
    return Object.freeze({ ...config, auth: { mode: 'intern', internalKeys: keys } as const });
  }
  const { OIDC_ISSUER: issuer, OIDC_AUDIENCE: audience, PSEUDONYM_KEY: pseudonymKey } = config;
  const missing = (
    [
      ['OIDC_ISSUER', issuer],
      ['OIDC_AUDIENCE', audience],
      ['PSEUDONYM_KEY', pseudonymKey],
    ] as const
  )
    .filter(([, value]) => value === undefined)
    .map(([name]) => `${name}: is required when SUBGRAPH_AUTH is oidc`);
  if (issuer === undefined || audience === undefined || pseudonymKey === undefined) throw new ConfigError(missing);
  const oidc = { ...config, OIDC_ISSUER: issuer, OIDC_AUDIENCE: audience };
  const problems = oidcProblems(oidc);
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    ...config,
    auth: {
      mode: 'oidc',
      internalKeys: keys,
      residents: {
        verification: oidcVerificationOf(oidc),
        claimPreset: config.OIDC_CLAIM_PRESET,
        machtigingDiensten: config.MACHTIGING_DIENSTEN,
        pseudonymKey,
      },
    } as const,
  });
}
