import { z } from 'zod';
import { DEFAULT_LEES_NIVEAU, NIVEAUS, type Niveau } from './identity/index.js';

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

/** The variables every subgraph process reads. */
export const subgraphBaseEnv = (defaultPort: number, leesNiveau: Niveau = DEFAULT_LEES_NIVEAU) => ({
  NODE_ENV: env.nodeEnv(),
  HOST: z.string().default('127.0.0.1'),
  PORT: env.port(defaultPort),
  LOG_LEVEL: env.logLevel(),
  INTERNAL_TOKEN_PUBLIC_KEYS: jwksEnv(),
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
