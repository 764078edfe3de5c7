import { z } from 'zod';
import { env, parseEnv, subgraphBaseEnv, withSubgraphAuth } from '../../lib/config.js';

const schema = z.object({
  ...subgraphBaseEnv(4003),
  /** Base URL of the MijnOverheid Berichtenbox adapter, up to and including `/api/v1`. */
  MIJNOVERHEID_BERICHTENBOX_URL: env.url(),
  /**
   * Base URL of the MijnOverheid Lopende Zaken adapter, up to and including `/api/v1`. Unset: this
   * deployment is not connected to Lopende Zaken, and the section lists berichten only.
   */
  MIJNOVERHEID_LOPENDEZAKEN_URL: env.url().optional(),
  /** Where a resident reads a bericht, or sees Lopende Zaken, in MijnOverheid. */
  MIJNOVERHEID_PORTAAL_URL: env.url().default('https://mijn.overheid.nl'),
  /** Bearer token for both adapters, where they sit behind an OAuth gateway. */
  MIJNOVERHEID_TOKEN: z.string().optional(),
  /** Names of senders by OIN, as JSON: {"00000001002564440000": "Gemeente Voorbeeld"}. */
  MIJNOVERHEID_AFZENDERS: env
    .json('object of OIN to name', '{}')
    .pipe(z.record(z.string().regex(/^\d{20}$/, 'keys must be 20-digit OINs'), z.string().min(1))),
});

export type BerichtenConfig = ReturnType<typeof loadBerichtenConfig>;

/** Reads and checks the berichten subgraph's environment once; throws `ConfigError` naming each variable at fault. */
export function loadBerichtenConfig(environment: Readonly<Record<string, string | undefined>> = process.env) {
  return withSubgraphAuth(parseEnv(schema, environment));
}
