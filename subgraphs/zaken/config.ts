import { z } from 'zod';
import { env, parseEnv, subgraphBaseEnv } from '../../lib/config.js';
import { VERTROUWELIJKHEDEN } from '../../lib/zgw/types.js';
import { DEFAULT_VISIBILITY } from '../../lib/zgw/visibility.js';

const bron = z
  .object({
    naam: z.string().min(1),
    zakenUrl: env.url(),
    catalogiUrl: env.url(),
    clientId: z.string().min(1),
    secret: z.string().min(16, 'secret must be at least 16 characters'),
    zichtbaarheid: z
      .object({
        rollen: z
          .array(z.string().min(1))
          .min(1)
          .default([...DEFAULT_VISIBILITY.rollen]),
        maxVertrouwelijkheid: z.enum(VERTROUWELIJKHEDEN).default(DEFAULT_VISIBILITY.maxVertrouwelijkheid),
        uitgeslotenZaaktypen: z.array(z.string()).default([]),
      })
      .strict()
      .default({ ...DEFAULT_VISIBILITY, rollen: [...DEFAULT_VISIBILITY.rollen], uitgeslotenZaaktypen: [] }),
  })
  .strict();

const schema = z.object({
  ...subgraphBaseEnv(4002),
  /** JSON list of zaaksystemen: [{ naam, zakenUrl, catalogiUrl, clientId, secret, zichtbaarheid? }]. */
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
