import { z } from 'zod';
import { env, parseEnv } from '../../lib/config.js';
import { cliRedirectUri } from './cli-callback.js';
import type { Jwks } from './keys.js';

/** The DigiD-simulator's process configuration, read once at start-up. */
export interface IdpConfig {
  readonly nodeEnv: 'development' | 'test' | 'production';
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly port: number;
  readonly host: string;
  readonly issuer: string;
  readonly audience: string;
  readonly clientId: string;
  readonly redirectUris: readonly string[];
  readonly keys: Jwks | undefined;
  readonly accessTokenTtlSeconds: number;
}

/** The playground served by the gateway on port 4000, by both loopback names. */
const PLAYGROUND_REDIRECT_URIS = ['http://localhost:4000/', 'http://127.0.0.1:4000/'];

const schema = z.object({
  NODE_ENV: env.nodeEnv(),
  LOG_LEVEL: env.logLevel(),
  IDP_PORT: env.port(4010),
  IDP_HOST: z.string().default('127.0.0.1'),
  IDP_ISSUER: env.url().optional(),
  IDP_AUDIENCE: z.string().min(1).default('profielservice'),
  IDP_CLIENT_ID: z.string().min(1).default('mijn-omgeving-dev'),
  IDP_REDIRECT_URIS: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((uri) => uri.trim())
        .filter((uri) => uri !== ''),
    )
    .refine((uris) => uris.length > 0 && uris.every((uri) => URL.canParse(uri)), {
      message: 'must be a comma-separated list of absolute URLs',
    })
    .optional(),
  IDP_KEYS: z
    .string()
    .transform((value, ctx): Jwks => {
      try {
        const parsed: unknown = JSON.parse(value);
        if (typeof parsed === 'object' && parsed !== null && Array.isArray((parsed as { keys?: unknown }).keys)) {
          return parsed as Jwks;
        }
      } catch {
        // reported below
      }
      ctx.addIssue({ code: 'custom', message: 'must be a JWKS as JSON: {"keys":[…]}' });
      return z.NEVER;
    })
    .optional(),
  IDP_ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
});

/**
 * Reads the environment. Defaults give a working setup for `npm start`: issuer
 * `http://localhost:<IDP_PORT>`, audience `profielservice`, client `mijn-omgeving-dev` with the
 * playground's redirect URIs and the CLI's (`<issuer>/cli/callback`). Throws ConfigError.
 */
export function loadIdpConfig(source: Readonly<Record<string, string | undefined>>): IdpConfig {
  const parsed = parseEnv(schema, source);
  const issuer = parsed.IDP_ISSUER ?? `http://localhost:${parsed.IDP_PORT}`;
  return Object.freeze({
    nodeEnv: parsed.NODE_ENV,
    logLevel: parsed.LOG_LEVEL,
    port: parsed.IDP_PORT,
    host: parsed.IDP_HOST,
    issuer,
    audience: parsed.IDP_AUDIENCE,
    clientId: parsed.IDP_CLIENT_ID,
    redirectUris: parsed.IDP_REDIRECT_URIS ?? [...PLAYGROUND_REDIRECT_URIS, cliRedirectUri(issuer)],
    keys: parsed.IDP_KEYS,
    accessTokenTtlSeconds: parsed.IDP_ACCESS_TOKEN_TTL_SECONDS,
  });
}
