import { z } from 'zod';
import { env, parseEnv, subgraphBaseEnv } from '../../lib/config.js';

const schema = z.object({
  ...subgraphBaseEnv(4001),
  /** Base URL of BRP Personen v2, up to and including `/haalcentraal/api/brp`. */
  BRP_URL: env.url(),
  BRP_API_KEY: z.string().optional(),
  /** Protocollering (BRP logs why data was consulted). */
  BRP_DOELBINDING: z.string().default('PROFIELSERVICE-INWONER'),
  BRP_VERWERKING: z.string().default('Mijn-Omgeving: eigen gegevens tonen'),
  BRP_ORIGIN_OIN: z.string().optional(),
});

export type BrpConfig = ReturnType<typeof loadBrpConfig>;

/** Reads the BRP subgraph's configuration once; throws naming each bad variable. */
export function loadBrpConfig(environment: Readonly<Record<string, string | undefined>> = process.env) {
  return parseEnv(schema, environment);
}
