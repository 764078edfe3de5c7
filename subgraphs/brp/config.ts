import { z } from 'zod';
import { env, parseEnv, subgraphBaseEnv, withSubgraphAuth } from '../../lib/config.js';

/** HTTP header values must be visible ASCII; anything else makes undici refuse the request. */
const headerValue = () =>
  z
    .string()
    .min(1)
    .regex(/^[\x20-\x7e]+$/, 'must be printable ASCII (it is sent as an HTTP header)');

const schema = z
  .object({
    ...subgraphBaseEnv(4001),
    /** Base URL of BRP Personen v2, up to and including `/haalcentraal/api/brp`. */
    BRP_URL: env.url(),
    /** Sent as `X-API-KEY`, for API gateways that use keys. */
    BRP_API_KEY: headerValue().optional(),
    /** OAuth 2.0 client credentials: token endpoint, client id and secret, optional scope. */
    BRP_OAUTH_TOKEN_URL: env.url().optional(),
    BRP_OAUTH_CLIENT_ID: z.string().min(1).optional(),
    BRP_OAUTH_CLIENT_SECRET: z.string().min(1).optional(),
    BRP_OAUTH_SCOPE: z.string().min(1).optional(),
    /** How the client authenticates at the token endpoint: HTTP Basic (default) or form fields. */
    BRP_OAUTH_CLIENT_AUTH: z.enum(['basic', 'post']).default('basic'),
    /**
     * Mutual TLS with a PKIoverheid certificate: PEM files, read once at start-up. The CA file alone
     * (without client certificate) replaces Node's trust store for BRP calls.
     */
    BRP_TLS_CERT_FILE: z.string().min(1).optional(),
    BRP_TLS_KEY_FILE: z.string().min(1).optional(),
    BRP_TLS_KEY_PASSPHRASE: z.string().min(1).optional(),
    BRP_TLS_CA_FILE: z.string().min(1).optional(),
    /** Protocollering (the BRP logs why data was consulted). */
    BRP_DOELBINDING: headerValue().default('PROFIELSERVICE-INWONER'),
    BRP_VERWERKING: headerValue().default('Mijn-Omgeving: eigen gegevens tonen'),
    BRP_ORIGIN_OIN: z
      .string()
      .regex(/^\d{20}$/, 'must be an OIN (20 digits)')
      .optional(),
    /** Where a resident reports a move (verhuizing doorgeven) and asks for a correction. */
    BRP_VERHUIZING_URL: env.url().optional(),
    BRP_CORRECTIE_URL: env.url().optional(),
  })
  .superRefine((value, ctx) => {
    const oauth = ['BRP_OAUTH_TOKEN_URL', 'BRP_OAUTH_CLIENT_ID', 'BRP_OAUTH_CLIENT_SECRET'] as const;
    const given = oauth.filter((key) => value[key] !== undefined);
    if (given.length > 0 && given.length < oauth.length) {
      for (const key of oauth.filter((k) => value[k] === undefined)) {
        ctx.addIssue({ code: 'custom', path: [key], message: `is required with ${given.join(', ')}` });
      }
    }
    if ((value.BRP_TLS_CERT_FILE === undefined) !== (value.BRP_TLS_KEY_FILE === undefined)) {
      const missing = value.BRP_TLS_CERT_FILE === undefined ? 'BRP_TLS_CERT_FILE' : 'BRP_TLS_KEY_FILE';
      ctx.addIssue({ code: 'custom', path: [missing], message: 'is required: give certificate and key together' });
    }
    if (value.BRP_TLS_KEY_PASSPHRASE !== undefined && value.BRP_TLS_KEY_FILE === undefined) {
      ctx.addIssue({ code: 'custom', path: ['BRP_TLS_KEY_PASSPHRASE'], message: 'is only used with BRP_TLS_KEY_FILE' });
    }
  });

export type BrpConfig = ReturnType<typeof loadBrpConfig>;

/** Reads the BRP subgraph's configuration once; throws naming each bad variable. */
export function loadBrpConfig(environment: Readonly<Record<string, string | undefined>> = process.env) {
  return withSubgraphAuth(parseEnv(schema, environment));
}
