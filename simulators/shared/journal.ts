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

/**
 * What a simulator was asked, in arrival order, so tests can assert the requests a client sent
 * (the BRP `fields` list, the `X-Ontvanger` header, a retry) rather than the client's internals.
 */
export class Journal {
  readonly #entries: JournalEntry[] = [];

  /** Appends an entry. The journal middleware calls this; tests normally only read. */
  record(entry: JournalEntry): void {
    this.#entries.push(entry);
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

  clear(): void {
    this.#entries.length = 0;
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
