import { sameSecret } from '../../../lib/crypto/index.js';
import express, { type Router } from 'express';
import type { Logger } from '../../../lib/logging.js';
import { DatabaseUnavailableError } from '../store/sql.js';
import type { MeldingenStore } from './meldingen-store.js';
import { eventSleutel, isStatusWijziging, notificatieSchema } from './verwerker.js';

/** Where the Notificaties API delivers messages (the abonnement's `callbackUrl`). */
export const NOTIFICATIES_PATH = '/zgw/notificaties';

export interface NotificatiesRouteOptions {
  store: MeldingenStore;
  /** The abonnement's `auth`: the exact `Authorization` header the Notificaties API sends. */
  authorization: string;
  logger: Logger;
  now: () => Date;
  /** Called after a new event was stored, to process it soon (not awaited). */
  onOntvangen?: () => void;
}

/** The whole answer when an event could not be stored: nothing internal, only what the sender needs. */
const NIET_OPGESLAGEN = {
  code: 'BRON_NIET_BESCHIKBAAR',
  message: 'De notificatie is niet opgeslagen. Stuur haar later opnieuw.',
} as const;

/** A hint for the sender; the Notificaties API keeps its own retry schedule. */
const RETRY_AFTER_SECONDS = 30;

/**
 * The ZGW Notificaties callback. A status change is stored durably (deduplicated on its key)
 * BEFORE the 204: a message we answered is never lost, and one delivered twice is kept once.
 * Anything else, such as the test message the Notificaties API sends when the abonnement is
 * made, gets 204 without being stored. When the event cannot be stored (the database does not
 * answer) the answer is 503 with a small JSON body, so the sender delivers it again later.
 */
export function createNotificatiesRouter(options: NotificatiesRouteOptions): Router {
  const router = express.Router();
  router.post(NOTIFICATIES_PATH, express.json({ limit: '64kb' }), async (req, res) => {
    if (!sameSecret(req.headers.authorization, options.authorization)) {
      options.logger.warn('ZGW notification refused: wrong or missing Authorization');
      res.status(403).end();
      return;
    }
    const parsed = notificatieSchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).end();
      return;
    }
    if (!isStatusWijziging(parsed.data)) {
      res.status(204).end();
      return;
    }
    const sleutel = eventSleutel(parsed.data);
    try {
      const nieuw = await options.store.ontvangEvent(sleutel, parsed.data, options.now());
      options.logger.info({ event: sleutel, nieuw }, 'ZGW notification stored');
      res.status(204).end();
      if (nieuw) options.onOntvangen?.();
    } catch (error) {
      // Not stored, so not accepted: a 5xx makes the Notificaties API deliver it again later.
      if (error instanceof DatabaseUnavailableError) {
        options.logger.warn({ reden: error.reden, event: sleutel }, 'ZGW notification refused: database unavailable');
        res.status(503).set('retry-after', String(RETRY_AFTER_SECONDS)).json(NIET_OPGESLAGEN);
        return;
      }
      options.logger.error({ err: error, event: sleutel }, 'ZGW notification not stored');
      res.status(500).json(NIET_OPGESLAGEN);
    }
  });
  return router;
}
