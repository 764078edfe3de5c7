import { z } from 'zod';
import { ConfigError, env, parseEnv, subgraphBaseEnv, withSubgraphAuth } from '../../lib/config.js';
import type { Niveau } from '../../lib/identity/index.js';

/** Reading one's own preferences and contact details needs only a login; changing them needs more. */
export const VOORKEUREN_LEES_NIVEAU: Niveau = 'BASIS';
import { KeyringError, parseKeyring } from '../../lib/crypto/index.js';
import { NIVEAUS } from '../../lib/identity/index.js';
import { parseNotifyApiKey } from '../../lib/notifynl/index.js';
import { zgwBronnenEnv } from '../../lib/zgw/index.js';
import type { NotifyTemplates } from './contactgegeven/code-verzender.js';
import type { Bewaartermijnen, VerificatieBeleid } from './store/store.js';

const MINUUT = 60_000;
const UUR = 60 * MINUUT;
const DAG = 24 * UUR;

const count = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);

const templateSet = z
  .object({
    'verificatiecode-email': z.uuid(),
    'verificatiecode-sms': z.uuid(),
    // Meldingen about zaken; required (in Dutch) when meldingen are on.
    'zaak-status-email': z.uuid().optional(),
    'zaak-status-sms': z.uuid().optional(),
  })
  .strict();
const templatesSchema = z
  .object({ nl: templateSet, en: templateSet.partial().optional() })
  .strict() satisfies z.ZodType<NotifyTemplates>;

const schema = z.object({
  // Reading one's own choices needs only a login (changing them needs VOORKEUREN_WIJZIG_NIVEAU):
  // a resident can always see where meldingen go.
  ...subgraphBaseEnv(4004, VOORKEUREN_LEES_NIVEAU),
  /** PostgreSQL (`postgres://…`); without it the embedded SQLite store is used. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  /** PostgreSQL: the longest wait for a connection; a database that does not answer costs a request this long. */
  DATABASE_CONNECT_TIMEOUT_MS: env.milliseconds(2_000),
  /** PostgreSQL: the longest one statement may run (the server cancels it); a silent connection is given up 1 s later. */
  DATABASE_STATEMENT_TIMEOUT_MS: env.milliseconds(5_000),
  /** SQLite file for the embedded store (":memory:" for a throw-away store). */
  VOORKEUREN_SQLITE_PATH: z.string().default('data/voorkeuren.sqlite'),
  /** `id:key[,id:key…]`, 32-byte keys in base64; the first encrypts, all decrypt (rotation). */
  VOORKEUREN_ENCRYPTION_KEY: z.string().transform((value, ctx) => {
    try {
      return parseKeyring(value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: error instanceof KeyringError ? error.message : 'is not a key list' });
      return z.NEVER;
    }
  }),
  /** The assurance level every change of preferences or contact details needs. */
  VOORKEUREN_WIJZIG_NIVEAU: z.enum(NIVEAUS).default('MIDDEN'),
  /** NotifyNL's base URL, without `/v2`. */
  NOTIFYNL_URL: env.url(),
  /** The API key as NotifyNL gives it: `{name}-{service id}-{secret}`. */
  NOTIFYNL_API_KEY: z.string().transform((value, ctx) => {
    const key = parseNotifyApiKey(value);
    if (!key) ctx.addIssue({ code: 'custom', message: 'must be a NotifyNL API key ({name}-{service id}-{secret})' });
    return key ?? z.NEVER;
  }),
  /** Template ids per language: `{"nl":{"verificatiecode-email":…,"verificatiecode-sms":…},"en":{…}}`. */
  NOTIFYNL_TEMPLATES: env.json('object of template ids per language').pipe(templatesSchema),
  /** Bearer token of NotifyNL's delivery-status callback; without it the callback route is off. */
  NOTIFYNL_CALLBACK_TOKEN: env.secret(20).optional(),
  VOORKEUREN_CODE_GELDIG_MINUTEN: count(15, 24 * 60),
  VOORKEUREN_CODE_MAX_POGINGEN: count(5, 20),
  VOORKEUREN_CODE_MAX_VERZENDINGEN: count(5, 100),
  VOORKEUREN_CODE_VENSTER_UREN: count(24, 24 * 7),
  VOORKEUREN_MAX_CONTACTGEGEVENS: count(5, 20),
  VOORKEUREN_BEWAAR_CODES_DAGEN: count(7, 366),
  VOORKEUREN_BEWAAR_ONGEVERIFIEERD_DAGEN: count(30, 366),
  VOORKEUREN_BEWAAR_HISTORIE_DAGEN: count(730, 3650),
  /**
   * How long the verwerkingenlog (`me.verwerkingen`: who read the resident's data) is kept. 400
   * days: a resident can look back over a full year, as MijnOverheid shows who received their BRP
   * data, with a month's margin to ask about the oldest entry. Longer keeps more of what residents
   * did than the log needs.
   */
  VERWERKINGEN_BEWAARTERMIJN_DAGEN: count(400, 3650),
  VOORKEUREN_ONDERHOUD_MINUTEN: count(60, 24 * 60),
  /**
   * Meldingen about zaken are on when this is set: the exact `Authorization` header of the ZGW
   * Notificaties abonnement (its `auth`), checked on `POST /zgw/notificaties`.
   */
  MELDINGEN_NOTIFICATIES_AUTH: env.secret(20).optional(),
  /** The zaaksystemen whose status changes are announced (same shape as `ZAKEN_BRONNEN`). */
  MELDINGEN_BRONNEN: zgwBronnenEnv().optional(),
  /** Where residents see their zaken: the link in every melding. */
  MELDINGEN_PORTAAL_URL: env.url().optional(),
  /** The overlap map (default: schema/overlap.yaml): which zaaktypen MijnOverheid announces. */
  OVERLAP_MAP_FILE: z.string().min(1).optional(),
  /** How often the outbox and unprocessed events are looked at without a new event. */
  MELDINGEN_INTERVAL_SECONDEN: count(30, 3_600),
  /** Events and meldingen (sent or not) are kept this long, then purged. */
  MELDINGEN_BEWAAR_DAGEN: count(365, 3650),
});

export type VoorkeurenConfig = ReturnType<typeof loadVoorkeurenConfig>;

/** Reads and checks the voorkeuren process's environment once; throws {@link ConfigError} naming each bad variable. */
export function loadVoorkeurenConfig(environment: Readonly<Record<string, string | undefined>> = process.env) {
  const config = parseEnv(schema, environment);
  // The log of sent codes is what the resend limit counts: it must outlive the window.
  if (config.VOORKEUREN_BEWAAR_CODES_DAGEN * DAG < config.VOORKEUREN_CODE_VENSTER_UREN * UUR) {
    throw new ConfigError([
      'VOORKEUREN_BEWAAR_CODES_DAGEN: must cover VOORKEUREN_CODE_VENSTER_UREN, or the resend limit forgets codes it should count',
    ]);
  }
  if (config.MELDINGEN_NOTIFICATIES_AUTH !== undefined) {
    const missing = [
      config.MELDINGEN_BRONNEN === undefined
        ? 'MELDINGEN_BRONNEN: is required when MELDINGEN_NOTIFICATIES_AUTH is set'
        : null,
      config.PSEUDONYM_KEY === undefined ? 'PSEUDONYM_KEY: is required when MELDINGEN_NOTIFICATIES_AUTH is set' : null,
      config.MELDINGEN_PORTAAL_URL === undefined
        ? 'MELDINGEN_PORTAAL_URL: is required when MELDINGEN_NOTIFICATIES_AUTH is set'
        : null,
      config.NOTIFYNL_TEMPLATES.nl['zaak-status-email'] === undefined ||
      config.NOTIFYNL_TEMPLATES.nl['zaak-status-sms'] === undefined
        ? 'NOTIFYNL_TEMPLATES: needs nl zaak-status-email and zaak-status-sms when MELDINGEN_NOTIFICATIES_AUTH is set'
        : null,
    ].filter((p): p is string => p !== null);
    if (missing.length > 0) throw new ConfigError(missing);
  }
  return withSubgraphAuth(config);
}

/** The meldingen part of the configuration, or null when meldingen are off. */
export function meldingenConfig(config: VoorkeurenConfig) {
  const auth = config.MELDINGEN_NOTIFICATIES_AUTH;
  const { MELDINGEN_BRONNEN: bronnen, PSEUDONYM_KEY: pseudonymKey, MELDINGEN_PORTAAL_URL: portaalUrl } = config;
  const email = config.NOTIFYNL_TEMPLATES.nl['zaak-status-email'];
  const sms = config.NOTIFYNL_TEMPLATES.nl['zaak-status-sms'];
  if (auth === undefined || !bronnen || !pseudonymKey || !portaalUrl || !email || !sms) return null;
  const en = config.NOTIFYNL_TEMPLATES.en;
  return {
    authorization: auth,
    bronnen,
    pseudonymKey,
    portaalUrl,
    templates: {
      nl: { 'zaak-status-email': email, 'zaak-status-sms': sms },
      ...(en
        ? {
            en: {
              ...(en['zaak-status-email'] ? { 'zaak-status-email': en['zaak-status-email'] } : {}),
              ...(en['zaak-status-sms'] ? { 'zaak-status-sms': en['zaak-status-sms'] } : {}),
            },
          }
        : {}),
    },
    intervalMs: config.MELDINGEN_INTERVAL_SECONDEN * 1_000,
    bewaarMs: config.MELDINGEN_BEWAAR_DAGEN * DAG,
  };
}

/** The limits of verification by code, from the configuration. */
export function verificatieBeleid(config: VoorkeurenConfig): VerificatieBeleid {
  return {
    geldigMs: config.VOORKEUREN_CODE_GELDIG_MINUTEN * MINUUT,
    maxPogingen: config.VOORKEUREN_CODE_MAX_POGINGEN,
    maxVerzendingen: config.VOORKEUREN_CODE_MAX_VERZENDINGEN,
    verzendvensterMs: config.VOORKEUREN_CODE_VENSTER_UREN * UUR,
    maxPerSoort: config.VOORKEUREN_MAX_CONTACTGEGEVENS,
  };
}

/** The retention periods, from the configuration. */
export function bewaartermijnen(config: VoorkeurenConfig): Bewaartermijnen {
  return {
    verificatieMs: config.VOORKEUREN_BEWAAR_CODES_DAGEN * DAG,
    ongeverifieerdMs: config.VOORKEUREN_BEWAAR_ONGEVERIFIEERD_DAGEN * DAG,
    historieMs: config.VOORKEUREN_BEWAAR_HISTORIE_DAGEN * DAG,
    verwerkingenMs: config.VERWERKINGEN_BEWAARTERMIJN_DAGEN * DAG,
  };
}
