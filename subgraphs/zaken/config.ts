import { z } from 'zod';
import { env, parseEnv, subgraphBaseEnv, withSubgraphAuth } from '../../lib/config.js';
import { zgwBronnenEnv } from '../../lib/zgw/bron.js';

const seconds = (fallback: number, min = 1) => z.coerce.number().int().min(min).default(fallback);

const schema = z
  .object({
    ...subgraphBaseEnv(4002),
    /**
     * JSON list of zaaksystemen: [{ naam, zakenUrl, catalogiUrl, documentenUrl?, clientId, secret,
     * bronorganisatie?, kvkFilters?, zichtbaarheid? }]. Names must differ: residents see them.
     */
    ZAKEN_BRONNEN: zgwBronnenEnv(),
    /** Redis for the shared catalogus cache; without it each process caches in memory. */
    REDIS_URL: z
      .string()
      .url('must be a redis:// or rediss:// URL')
      .refine((value) => /^rediss?:\/\//.test(value), 'must be a redis:// or rediss:// URL')
      .optional(),
    /** How long one Redis command may take; then the catalogus is asked directly (Redis down or hanging). */
    REDIS_TIMEOUT_MS: env.milliseconds(50),
    /** Put before every Redis key of this subgraph. */
    ZAKEN_CACHE_PREFIX: z.string().min(1).default('profielservice:zaken:'),
    /** How long catalogus data (zaaktypen, statustypen, resultaattypen) is fresh. */
    ZAKEN_CATALOGUS_TTL_SECONDS: seconds(3_600),
    /** How long after that a stale copy is still served while it is refreshed (or the Catalogi API is down). */
    ZAKEN_CATALOGUS_STALE_SECONDS: seconds(86_400, 0),
    /** Key material for document download links; required when a source has a documentenUrl. */
    ZAKEN_DOCUMENT_LINK_SECRET: env.secret(32).optional(),
    /** Public base URL of this subgraph's `/documenten/{token}` route, as the portal reaches it. */
    ZAKEN_DOCUMENT_LINK_BASE_URL: env.url().optional(),
    ZAKEN_DOCUMENT_LINK_TTL_SECONDS: seconds(300),
  })
  .superRefine((config, ctx) => {
    if (config.ZAKEN_BRONNEN.some((b) => b.documentenUrl) && !config.ZAKEN_DOCUMENT_LINK_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['ZAKEN_DOCUMENT_LINK_SECRET'],
        message: 'is required when a source in ZAKEN_BRONNEN has a documentenUrl',
      });
    }
  });

export type ZakenConfig = ReturnType<typeof loadZakenConfig>;

export function loadZakenConfig(environment: Readonly<Record<string, string | undefined>> = process.env) {
  return withSubgraphAuth(parseEnv(schema, environment));
}
