import { z } from 'zod';
import { env } from '../config.js';
import { VERTROUWELIJKHEDEN } from './types.js';
import { DEFAULT_VISIBILITY } from './visibility.js';

/**
 * One zaaksysteem in a process's configuration (a JSON list such as `ZAKEN_BRONNEN` or
 * `MELDINGEN_BRONNEN`), in the shape of {@link ZgwSource}. Every process that reads zaken must
 * apply the same visibility rules, so they share this schema.
 */
export const zgwBronSchema = z
  .object({
    naam: z.string().min(1),
    zakenUrl: env.url(),
    catalogiUrl: env.url(),
    /** Documenten API base URL; without it this source shares no documents. */
    documentenUrl: env.url().optional(),
    clientId: z.string().min(1),
    secret: z.string().min(16, 'secret must be at least 16 characters'),
    /** Only zaken of this organisation (RSIN) are asked from this source. */
    bronorganisatie: z
      .string()
      .regex(/^\d{9}$/, 'must be an RSIN (9 digits)')
      .optional(),
    /** The source has Open Zaak's KvK filters; standard Zaken API 1.5.1 has not. */
    kvkFilters: z.boolean().default(false),
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

/** A JSON list of {@link zgwBronSchema}s with distinct names (residents see them). */
export const zgwBronnenEnv = () =>
  env.json('list of sources').pipe(
    z
      .array(zgwBronSchema)
      .min(1, 'must name at least one zaaksysteem')
      .refine((list) => new Set(list.map((b) => b.naam)).size === list.length, 'every source needs its own naam'),
  );
