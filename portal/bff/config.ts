import { z } from 'zod';
import { ConfigError, env, parseEnv } from '../../lib/config.js';

/** Hosts on which plain http is acceptable: this machine only, as with `npm start`. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopbackUrl(url: string): boolean {
  return LOOPBACK_HOSTS.has(new URL(url).hostname);
}

const schema = z.object({
  NODE_ENV: env.nodeEnv(),
  LOG_LEVEL: env.logLevel(),
  PORTAL_HOST: z.string().default('127.0.0.1'),
  PORTAL_PORT: env.port(4020),
  /** The address residents use, without a path; the login callback is `<PORTAL_PUBLIC_URL>/callback`. */
  PORTAL_PUBLIC_URL: env.url().optional(),
  /** The gateway's GraphQL endpoint, e.g. `http://localhost:4000/graphql`. */
  PORTAL_GATEWAY_URL: env.url(),
  /** The OIDC provider (in development the DigiD-simulator); discovery is read from it. */
  PORTAL_OIDC_ISSUER: env.url(),
  /** A public client with PKCE whose redirect URIs include `<PORTAL_PUBLIC_URL>/callback`. */
  PORTAL_OIDC_CLIENT_ID: z.string().min(1),
  /** Signs the session cookie; at least 32 characters. */
  PORTAL_SESSION_SECRET: env.secret(32),
  /** A session without a request for this long ends, even if its access token is still valid. */
  PORTAL_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(120).default(15),
  /** The longest one call to the gateway may take. */
  PORTAL_GATEWAY_TIMEOUT_MS: env.milliseconds(8_000),
  /** The built front-end (`vite build --config portal/vite.config.ts`). */
  PORTAL_STATIC_DIR: z.string().default('dist/portal/web'),
  /** The operations the front-end may send; nothing else is passed to the gateway. */
  PORTAL_OPERATIONS_DIR: z.string().default('portal/src/operations'),
  /** The gateway's persisted-operation manifest: the portal asks for its operations by these ids. */
  PORTAL_PERSISTED_DOCUMENTS_FILE: z.string().default('schema/generated/persisted-documents.json'),
});

export type PortalConfig = ReturnType<typeof loadPortalConfig>;

/** Reads the portal's configuration once; throws {@link ConfigError} naming each bad variable. */
export function loadPortalConfig(environment: Readonly<Record<string, string | undefined>> = process.env) {
  const parsed = parseEnv(schema, environment);
  const publicUrl = parsed.PORTAL_PUBLIC_URL ?? `http://localhost:${parsed.PORTAL_PORT}`;
  const problems: string[] = [];
  // The session cookie is only Secure over https, and tokens cross the network only over https:
  // plain http is for a portal and an IdP on this machine, or, outside production, on a
  // development network (the compose dev profile's http://idp:4010).
  const development = parsed.NODE_ENV !== 'production';
  if (new URL(publicUrl).pathname !== '/') problems.push('PORTAL_PUBLIC_URL: must not have a path');
  if (!publicUrl.startsWith('https:') && !isLoopbackUrl(publicUrl)) {
    problems.push('PORTAL_PUBLIC_URL: must use https (http only on localhost)');
  }
  if (!parsed.PORTAL_OIDC_ISSUER.startsWith('https:') && !isLoopbackUrl(parsed.PORTAL_OIDC_ISSUER) && !development) {
    problems.push('PORTAL_OIDC_ISSUER: must use https (http only on localhost, or outside production)');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    ...parsed,
    publicUrl,
    redirectUri: `${publicUrl}/callback`,
  });
}
