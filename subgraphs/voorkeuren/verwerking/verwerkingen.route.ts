import express, { type Router } from 'express';
import { z } from 'zod';
import { bearerToken } from '../../../lib/http/bearer.js';
import { requestMetrics } from '../../../lib/http/operations.js';
import { REQUEST_ID_HEADER, type InternalCaller, type InternalTokenVerifier } from '../../../lib/internal-token.js';
import type { Logger } from '../../../lib/logging.js';
import { MAX_VERWERKINGEN_PER_LEVERING, VERWERKINGEN_PATH } from '../../../lib/verwerkingen.js';
import { DatabaseUnavailableError } from '../store/sql.js';
import { VERWERKING_BRONNEN, VERWERKING_NAMENS, type VoorkeurenStore } from '../store/store.js';

/** A dotted path of the gateway (`persoonsgegevens.naam`, `Zaak.inMijnOverheid`): GraphQL names only. */
const pad = z
  .string()
  .max(200)
  .regex(/^[_A-Za-z][_0-9A-Za-z]*(\.[_A-Za-z][_0-9A-Za-z]*){0,3}$/);

/** One record as the gateway sends it; anything else in it is refused, not ignored. */
const verwerkingSchema = z
  .object({
    id: z.uuid(),
    gebruikerId: z.string().min(1).max(128),
    tijdstip: z.iso.datetime({ offset: true }).transform((value) => new Date(value)),
    bron: z.enum(VERWERKING_BRONNEN),
    gegevens: z.array(pad).min(1).max(100),
    doel: z.string().min(1).max(300),
    verzoekId: z.string().min(1).max(128),
    // Absent from a gateway that does not send it yet: then the resident read.
    namens: z.enum(VERWERKING_NAMENS).nullable().default(null),
  })
  .strict();

const leveringSchema = z
  .object({ verwerkingen: z.array(verwerkingSchema).min(1).max(MAX_VERWERKINGEN_PER_LEVERING) })
  .strict();

export interface VerwerkingenRouteOptions {
  store: VoorkeurenStore;
  /** The subgraph's own internal-token verifier: only the gateway's service token is let in. */
  verifier: InternalTokenVerifier;
  logger: Logger;
}

/**
 * Takes the verwerkingenlog from the gateway: `POST /intern/verwerkingen` with a batch, behind the
 * gateway's service token (a resident's or an anonymous token is refused: nobody can write
 * someone's log through it, and the log is not a way around `/graphql`). The batch is stored in
 * one transaction before the 204; a database that does not answer gives 503, so the gateway keeps
 * the batch and delivers it again.
 */
export function createVerwerkingenRouter(options: VerwerkingenRouteOptions): Router {
  const { logger } = options;
  const router = express.Router();
  router.post(
    VERWERKINGEN_PATH,
    requestMetrics(VERWERKINGEN_PATH),
    // Before the body is read: nobody but the gateway makes this subgraph parse a megabyte.
    async (req, res, next) => {
      let caller: InternalCaller | undefined;
      try {
        const token = bearerToken(req.headers.authorization);
        if (token) caller = await options.verifier.verify(token, req.headers[REQUEST_ID_HEADER]);
      } catch (error) {
        logger.warn(
          { reason: error instanceof Error ? error.message : 'unknown' },
          'verwerkingen refused: no valid internal token',
        );
      }
      if (!caller) {
        res.status(401).end();
        return;
      }
      if (caller.kind !== 'service') {
        logger.warn({ kind: caller.kind, requestId: caller.requestId }, 'verwerkingen refused: not the gateway');
        res.status(403).end();
        return;
      }
      next();
    },
    express.json({ limit: '1mb' }),
    async (req, res) => {
      const levering = leveringSchema.safeParse(req.body);
      if (!levering.success) {
        // The paths of the problems only: the body holds pseudonyms, never to be logged.
        logger.warn(
          { problemen: levering.error.issues.slice(0, 5).map((i) => i.path.join('.')) },
          'verwerkingen refused: invalid batch',
        );
        res.status(400).end();
        return;
      }
      try {
        await options.store.registreerVerwerkingen(levering.data.verwerkingen);
        res.status(204).end();
      } catch (error) {
        if (error instanceof DatabaseUnavailableError) {
          logger.warn({ reden: error.reden }, 'verwerkingen not stored: database unavailable');
          res.status(503).end();
          return;
        }
        logger.error({ err: error }, 'verwerkingen not stored');
        res.status(500).end();
      }
    },
  );
  return router;
}
