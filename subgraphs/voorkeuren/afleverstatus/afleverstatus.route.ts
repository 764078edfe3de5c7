import { sameSecret } from '../../../lib/crypto/index.js';
import { bearerToken } from '../../../lib/http/bearer.js';
import express, { type Router } from 'express';
import type { Logger } from '../../../lib/logging.js';
import { deliveryOutcome, deliveryReceiptSchema } from '../../../lib/notifynl/index.js';
import type { MeldingenStore } from '../melding/meldingen-store.js';
import { DatabaseUnavailableError } from '../store/sql.js';
import type { VoorkeurenStore } from '../store/store.js';

/** Where NotifyNL posts delivery receipts (configure this URL and the token at NotifyNL). */
export const AFLEVERSTATUS_PATH = '/notifynl/afleverstatus';

export interface AfleverstatusOptions {
  store: VoorkeurenStore;
  /** Meldingen about zaken: a receipt is looked up in their outbox first. */
  meldingen?: MeldingenStore | undefined;
  /** The bearer token NotifyNL sends (`NOTIFYNL_CALLBACK_TOKEN`). */
  token: string;
  logger: Logger;
  now: () => Date;
}

/**
 * NotifyNL's delivery-status callback: a permanent failure marks the contact detail the message
 * went to as bouncing (the resident sees it in `voorkeuren`); a later delivery clears it. Answers
 * 204 for receipts it has nothing to do with (unknown reference, an intermediate status), so
 * NotifyNL does not retry them, and 503 (the database does not answer) or 500 when the store
 * fails, so it does. Logs our reference and
 * the outcome only: never the recipient (`to`).
 */
export function createAfleverstatusRouter(options: AfleverstatusOptions): Router {
  const router = express.Router();
  router.post(AFLEVERSTATUS_PATH, express.json({ limit: '16kb' }), async (req, res) => {
    if (!sameSecret(bearerToken(req.headers.authorization), options.token)) {
      options.logger.warn('delivery receipt refused: wrong or missing bearer token');
      res.status(401).end();
      return;
    }
    const receipt = deliveryReceiptSchema.safeParse(req.body);
    if (!receipt.success) {
      res.status(400).end();
      return;
    }
    const uitkomst = deliveryOutcome(receipt.data.status);
    const referentie = receipt.data.reference;
    if (uitkomst === undefined || referentie === null) {
      res.status(204).end();
      return;
    }
    try {
      const melding = await options.meldingen?.registreerAfleverstatus(referentie, uitkomst, options.now());
      if (melding) {
        const resultaat = await options.store.registreerMeldingAfleverstatus(
          melding.contactId,
          melding.verzondenOp,
          uitkomst,
          options.now(),
        );
        options.logger.info({ referentie, uitkomst, resultaat }, 'delivery receipt of a melding');
        res.status(204).end();
        return;
      }
      const resultaat = await options.store.registreerAfleverstatus(referentie, uitkomst, options.now());
      options.logger.info({ referentie, uitkomst, resultaat }, 'delivery receipt');
      res.status(204).end();
    } catch (error) {
      if (error instanceof DatabaseUnavailableError) {
        options.logger.warn({ reden: error.reden, referentie }, 'delivery receipt refused: database unavailable');
        res.status(503).end();
        return;
      }
      options.logger.error({ err: error, referentie }, 'delivery receipt not stored');
      res.status(500).end();
    }
  });
  return router;
}
