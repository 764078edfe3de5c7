import { z } from 'zod';
import { env, parseEnv, subgraphBaseEnv } from '../../lib/config.js';

const bron = z
  .object({
    naam: z.string().min(1),
    zakenUrl: env.url(),
    catalogiUrl: env.url(),
    clientId: z.string().min(1),
    secret: z.string().min(16, 'secret must be at least 16 characters'),
    expand: z.boolean().default(true),
  })
  .strict();

const schema = z.object({
  ...subgraphBaseEnv(4002),
  /** JSON list of zaaksystemen: [{ naam, zakenUrl, catalogiUrl, clientId, secret, expand }]. */
  ZAKEN_BRONNEN: z
    .string()
    .transform((value, ctx) => {
      try {
        return JSON.parse(value) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON list of sources' });
        return z.NEVER;
      }
    })
    .pipe(z.array(bron).min(1, 'must name at least one zaaksysteem')),
});

export type ZakenConfig = ReturnType<typeof loadZakenConfig>;

export function loadZakenConfig(environment: Readonly<Record<string, string | undefined>> = process.env) {
  return parseEnv(schema, environment);
}
