import { z } from 'zod';
import { env, parseEnv, subgraphBaseEnv } from '../../lib/config.js';

const schema = z.object({
  ...subgraphBaseEnv(4003),
  /** Base URL of the MijnOverheid Berichtenbox adapter, up to and including `/api/v1`. */
  MIJNOVERHEID_BERICHTENBOX_URL: env.url(),
  /** Where a resident reads a bericht in MijnOverheid. */
  MIJNOVERHEID_PORTAAL_URL: env.url().default('https://mijn.overheid.nl'),
  MIJNOVERHEID_TOKEN: z.string().optional(),
});

export type BerichtenConfig = ReturnType<typeof loadBerichtenConfig>;

export function loadBerichtenConfig(environment: Readonly<Record<string, string | undefined>> = process.env) {
  return parseEnv(schema, environment);
}
