import { z } from 'zod';
import { parseEnv, subgraphBaseEnv } from '../../lib/config.js';

const schema = z.object({
  ...subgraphBaseEnv(4004),
  /** SQLite file for the embedded store (":memory:" for a throw-away store). */
  VOORKEUREN_SQLITE_PATH: z.string().default('data/voorkeuren.sqlite'),
});

export type VoorkeurenConfig = ReturnType<typeof loadVoorkeurenConfig>;

export function loadVoorkeurenConfig(environment: Readonly<Record<string, string | undefined>> = process.env) {
  return parseEnv(schema, environment);
}
