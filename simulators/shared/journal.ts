import type { RequestHandler } from 'express';

/** One request a simulator received, with the status it answered. */
export interface JournalEntry {
  method: string;
  /** The path without the query string, e.g. `/haalcentraal/api/brp/personen`. */
  path: string;
  query: Record<string, string | string[]>;
  /** All request headers, names lower-cased. Credentials included: this is a test double. */
  headers: Record<string, string>;
  /** The parsed JSON body, or `undefined` when the request had none. */
  body: unknown;
  status: number;
  /** When the request arrived (ISO 8601). */
  at: string;
}

/** Filter for {@link Journal.entries}; a string `path` must match exactly. */
export interface JournalFilter {
  method?: string;
  path?: string | RegExp;
}

/** On `GET /_simulator/journal`: how many entries the journal let go since it was last cleared. */
export const JOURNAL_DROPPED_HEADER = 'x-journal-dropped';

/** The most entries a journal keeps by default: tests read tens, a benchmark run some thousands. */
export const JOURNAL_CAPACITY = 20_000;

/**
 * What a simulator was asked, in arrival order, so tests can assert the requests a client sent
 * (the BRP `fields` list, the `X-Ontvanger` header, a retry) rather than the client's internals.
 * It keeps the newest {@link JOURNAL_CAPACITY} entries and counts what it let go, so a simulator
 * under hours of load (a soak, `npm start` left running) does not grow without end.
 */
export class Journal {
  readonly #entries: JournalEntry[] = [];
  readonly #capacity: number;
  #dropped = 0;

  constructor(capacity = JOURNAL_CAPACITY) {
    this.#capacity = capacity;
  }

  /** Appends an entry. The journal middleware calls this; tests normally only read. */
  record(entry: JournalEntry): void {
    this.#entries.push(entry);
    // The oldest go a tenth at a time, not one per request.
    if (this.#entries.length > this.#capacity) {
      const weg = this.#entries.length - this.#capacity + Math.floor(this.#capacity / 10);
      this.#entries.splice(0, weg);
      this.#dropped += weg;
    }
  }

  /** A copy of the recorded entries, optionally filtered by method and path. */
  entries(filter: JournalFilter = {}): JournalEntry[] {
    const method = filter.method?.toUpperCase();
    return this.#entries.filter(
      (entry) =>
        (method === undefined || entry.method === method) &&
        (filter.path === undefined ||
          (typeof filter.path === 'string' ? entry.path === filter.path : filter.path.test(entry.path))),
    );
  }

  /** Entries let go since the journal was last cleared: when not 0, {@link entries} is not every request. */
  get dropped(): number {
    return this.#dropped;
  }

  clear(): void {
    this.#entries.length = 0;
    this.#dropped = 0;
  }
}

function flattenHeaders(headers: NodeJS.Dict<string | string[]>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function normaliseQuery(query: unknown): Record<string, string | string[]> {
  const normalised: Record<string, string | string[]> = {};
  if (typeof query !== 'object' || query === null) return normalised;
  for (const [key, value] of Object.entries(query)) {
    if (typeof value === 'string') normalised[key] = value;
    else if (Array.isArray(value)) normalised[key] = value.map(String);
  }
  return normalised;
}

/**
 * Express middleware that records every request once its response has been sent, so the entry
 * carries the final status (including statuses produced by fault injection and error handlers).
 * Mount it before the body parsers: it reads `req.body` only when the response finishes.
 */
export function journalMiddleware(journal: Journal): RequestHandler {
  return (req, res, next) => {
    const at = new Date().toISOString();
    // Captured now: routers mounted on a prefix rewrite `req.url` while they handle the request.
    const path = new URL(req.originalUrl, 'http://simulator').pathname;
    const query = normaliseQuery(req.query);
    res.once('finish', () => {
      journal.record({
        method: req.method,
        path,
        query,
        headers: flattenHeaders(req.headers),
        body: req.body as unknown,
        status: res.statusCode,
        at,
      });
    });
    next();
  };
}
