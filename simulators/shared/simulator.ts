import express, { type ErrorRequestHandler, type Express, type Request } from 'express';
import { FaultInjector, faultOptionsSchema, type FaultOptions } from './faults.js';
import { JOURNAL_DROPPED_HEADER, Journal, journalMiddleware } from './journal.js';
import type { ErrorResponder } from './problem.js';

export type { FaultOptions };

/** The time source of a simulator; tests inject a fixed clock. */
export type Clock = () => Date;

/** A simulated upstream: an express app that is built but not listening. */
export interface Simulator {
  readonly name: string;
  readonly app: Express;
  readonly journal: Journal;
  /** Replaces the injected faults (an omitted member means "no fault"); see {@link FaultOptions}. */
  setFaults(faults: FaultOptions): void;
}

/** Options every simulator factory accepts. */
export interface CommonSimulatorOptions {
  /** Faults active from the start; change them later with `setFaults` or `PUT /_simulator/faults`. */
  faults?: FaultOptions | undefined;
}

/** A function giving the externally visible base URL (scheme, host, port; no trailing slash). */
export type BaseUrl = string | (() => string);

/**
 * The base URL to put in absolute links: the configured one, else the one the client used to
 * reach us (its Host header). The latter makes port-0 test servers work without configuration.
 */
export function baseUrlOf(req: Request, configured: BaseUrl | undefined): string {
  const base = typeof configured === 'function' ? configured() : configured;
  return (base ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`).replace(/\/+$/, '');
}

interface SimulatorSpec extends CommonSimulatorOptions {
  name: string;
  /** Answers errors in the simulated upstream's own format. */
  respondError: ErrorResponder;
  /** Media types parsed as JSON bodies. */
  jsonTypes?: string[];
  /** Registers the upstream's routes. */
  routes: (app: Express) => void;
}

interface BodyParserError {
  type: string;
  status?: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return typeof error === 'object' && error !== null && typeof (error as { type?: unknown }).type === 'string';
}

/**
 * Builds the express app shared by all simulators:
 * `/_simulator/health`, `/_simulator/journal` (GET, DELETE) and `/_simulator/faults` (GET, PUT)
 * are neither journaled nor subject to faults; every other request is journaled, has its JSON
 * body parsed, may be delayed or failed by the fault injector, and ends in the upstream's routes
 * or in a 404/400/500 in the upstream's error format.
 */
export function createSimulatorApp(spec: SimulatorSpec): Simulator {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  const journal = new Journal();
  const faults = new FaultInjector(spec.faults);

  const control = express.Router();
  control.get('/health', (_req, res) => {
    res.json({ status: 'UP', simulator: spec.name });
  });
  control.get('/journal', (_req, res) => {
    // Not 0 when the oldest entries were let go: a count of the entries is then too low.
    res.setHeader(JOURNAL_DROPPED_HEADER, String(journal.dropped));
    res.json(journal.entries());
  });
  control.delete('/journal', (_req, res) => {
    journal.clear();
    res.status(204).end();
  });
  control.get('/faults', (_req, res) => {
    res.json(faults.current);
  });
  control.put('/faults', express.json(), (req, res) => {
    const parsed = faultOptionsSchema.safeParse(req.body ?? {});
    if (!parsed.success) {
      res.status(400).json({ error: 'invalid faults', issues: parsed.error.issues });
      return;
    }
    faults.set(parsed.data);
    res.json(faults.current);
  });
  app.use('/_simulator', control);

  app.use(journalMiddleware(journal));
  // Parsed before faults are applied, so the journal shows what a failed request asked for too.
  app.use(express.json({ type: spec.jsonTypes ?? ['application/json', 'application/*+json'], limit: '1mb' }));
  app.use(faults.middleware(spec.respondError));
  spec.routes(app);
  app.use((req, res) => {
    spec.respondError(req, res, 404, { detail: `Geen resource op ${req.method} ${req.path}.` });
  });
  const onError: ErrorRequestHandler = (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    if (isBodyParserError(error) && error.type === 'entity.parse.failed') {
      spec.respondError(req, res, 400, { detail: 'De request body is geen geldige JSON.' });
    } else if (isBodyParserError(error) && error.type === 'entity.too.large') {
      spec.respondError(req, res, 413, { detail: 'De request body is te groot.' });
    } else {
      console.error(`[${spec.name}] unexpected error`, error);
      spec.respondError(req, res, 500);
    }
  };
  app.use(onError);

  return {
    name: spec.name,
    app,
    journal,
    setFaults: (options) => faults.set(options),
  };
}
