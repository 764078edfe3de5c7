import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import { ConfigError } from '../../lib/config.js';
import { ERROR_MESSAGES } from '../../lib/errors.js';
import type { Logger } from '../../lib/logging.js';
import { graphqlErrors } from '../../lib/observability/metrics.js';

/**
 * Persisted documents and safelist mode. `npm run codegen` writes the manifest
 * (`schema/generated/persisted-documents.json`: `"sha256:<hex>"` → operation text) of the
 * operations in `schema/operations/`. This module lets a portal send such an operation by its id
 * (the GraphQL-over-HTTP persisted-documents proposal), and, in safelist mode, refuses every
 * operation that is not in the manifest before Apollo reads it.
 *
 * Safelist mode closes the gateway to operations nobody reviewed: no probing of the schema, no
 * hand-made expensive queries, no introspection (the manifest holds none). The check compares the
 * sha256 of the exact text, so it costs a hash of at most 100 kB and never a parse.
 */

/** The checked manifest: the lower-case sha256 hex of each operation (no prefix) → its exact text. */
export type PersistedDocuments = ReadonlyMap<string, string>;

const DOCUMENT_ID = /^sha256:([0-9a-f]{64})$/;
const BARE_HASH = /^[0-9a-f]{64}$/;

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

const manifestSchema = z
  .record(z.string(), z.string().min(1, 'must be the text of an operation'))
  .superRefine((manifest, ctx) => {
    const ids = Object.keys(manifest);
    if (ids.length === 0) ctx.addIssue({ code: 'custom', message: 'holds no operations' });
    for (const id of ids) {
      const text = manifest[id];
      const hash = DOCUMENT_ID.exec(id)?.[1];
      if (hash === undefined) {
        ctx.addIssue({ code: 'custom', path: [id], message: 'is not "sha256:" followed by 64 lower-case hex digits' });
      } else if (typeof text === 'string' && sha256Hex(text) !== hash) {
        // A hand-edited text, or a manifest from another codegen run: the id would name an
        // operation other than the one that runs.
        ctx.addIssue({
          code: 'custom',
          path: [id],
          message: `is not the sha256 of its text (that is ${sha256Hex(text)})`,
        });
      }
    }
  });

/**
 * Checks a parsed manifest; `source` names it in the error. Throws {@link ConfigError} listing
 * every fault, so the gateway refuses to start rather than serve ids that name other text.
 */
export function parsePersistedDocuments(json: unknown, source: string): PersistedDocuments {
  const result = manifestSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const where = issue.path.length > 0 ? ` entry "${issue.path.map(String).join('.')}"` : '';
      return `${source}:${where} ${issue.message}`;
    });
    throw new ConfigError([...problems, `${source}: regenerate it with npm run codegen`]);
  }
  return new Map(Object.entries(result.data).map(([id, text]) => [id.slice('sha256:'.length), text]));
}

/** Reads and checks the manifest at `file`; see {@link parsePersistedDocuments}. */
export function loadPersistedDocuments(file: string): PersistedDocuments {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as { code?: unknown }).code;
    throw new ConfigError([`${file}: cannot be read (${typeof reason === 'string' ? reason : 'unknown'})`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ConfigError([`${file}: is not JSON; regenerate it with npm run codegen`]);
  }
  return parsePersistedDocuments(json, file);
}

export interface PersistedDocumentsOptions {
  documents: PersistedDocuments;
  /** Accept only operations of the manifest: by id, by APQ hash or by their exact text. */
  safelist: boolean;
  logger: Logger;
}

/** Why a request is refused before GraphQL runs. `detail` is for the developer, in English. */
interface Refusal {
  code: 'BAD_REQUEST' | 'PERSISTED_QUERY_NOT_FOUND' | 'VRAAG_NIET_TOEGESTAAN';
  detail: string;
}

const NOT_ALLOWED: Refusal = {
  code: 'VRAAG_NIET_TOEGESTAAN',
  detail:
    'This gateway runs in safelist mode: it accepts only the operations of its persisted-document manifest, ' +
    'sent by documentId, by extensions.persistedQuery.sha256Hash or by their exact text.',
};

type Fields = Record<string, unknown>;

function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}

/**
 * Resolves a `documentId` to its text and, in safelist mode, checks and rewrites the request so
 * Apollo sees only manifest text and no APQ extension. Mutates `request`; returns a refusal or
 * nothing.
 */
function resolve(request: Fields, documents: PersistedDocuments, safelist: boolean): Refusal | undefined {
  const documentId = request['documentId'];
  if (documentId !== undefined && documentId !== null) {
    if (typeof documentId !== 'string') return { code: 'BAD_REQUEST', detail: 'documentId must be a string.' };
    if (request['query'] !== undefined && request['query'] !== null)
      return { code: 'BAD_REQUEST', detail: 'Send either documentId or query, not both.' };
    const hash = DOCUMENT_ID.exec(documentId)?.[1] ?? (BARE_HASH.test(documentId) ? documentId : undefined);
    const text = hash === undefined ? undefined : documents.get(hash);
    if (text === undefined)
      return {
        code: 'PERSISTED_QUERY_NOT_FOUND',
        detail: 'No persisted document has this documentId. Use "sha256:<hex>" of an operation in the manifest.',
      };
    request['query'] = text;
    delete request['documentId'];
  }
  if (!safelist) return undefined;

  // Apollo reads `query` only when it is a string, and an APQ hash from `extensions.persistedQuery`
  // whenever that is truthy; anything it could run from must be in the manifest.
  const query = request['query'];
  const extensions = isRecord(request['extensions']) ? request['extensions'] : undefined;
  const persisted = extensions?.['persistedQuery'];
  if (query !== undefined && query !== null && (typeof query !== 'string' || !documents.has(sha256Hex(query))))
    return NOT_ALLOWED;
  let persistedHash: string | undefined;
  if (persisted) {
    const hash = isRecord(persisted) ? persisted['sha256Hash'] : undefined;
    if (typeof hash !== 'string' || !documents.has(hash)) return NOT_ALLOWED;
    persistedHash = hash;
  }
  if (typeof query === 'string' && persistedHash !== undefined && sha256Hex(query) !== persistedHash)
    return { code: 'BAD_REQUEST', detail: 'extensions.persistedQuery.sha256Hash is not the sha256 of query.' };
  if (persistedHash !== undefined && extensions) {
    // Answered from the manifest, so Apollo's APQ cache is neither read nor written in safelist
    // mode: nobody can register a hash, and a cache someone tampered with is never consulted.
    if (typeof query !== 'string') request['query'] = documents.get(persistedHash);
    const { persistedQuery: _, ...rest } = extensions;
    request['extensions'] = rest;
  }
  return undefined;
}

/** The parameters of a GET request as a record, as Apollo reads them (`extensions` is JSON). */
function fromSearch(params: URLSearchParams): { request: Fields } | { refusal: Refusal } {
  const request: Fields = {};
  for (const name of ['query', 'documentId'] as const) {
    const values = params.getAll(name);
    if (values.length > 1)
      return { refusal: { code: 'BAD_REQUEST', detail: `The ${name} parameter may be given only once.` } };
    if (values[0] !== undefined) request[name] = values[0];
  }
  const extensions = params.get('extensions');
  if (extensions !== null) {
    try {
      request['extensions'] = JSON.parse(extensions) as unknown;
    } catch {
      // Apollo refuses extensions that are not JSON before it looks at the operation.
    }
  }
  return { request };
}

/**
 * Express middleware for `/graphql`, after `express.json()` and before Apollo's middleware.
 *
 * - A request with `documentId` (`"sha256:<hex>"` or the bare hex) and no `query` gets the
 *   manifest's text as `query`. An unknown id is refused with PERSISTED_QUERY_NOT_FOUND and HTTP
 *   400: like a document that does not parse, there is nothing to run, and Apollo answers that
 *   with 400 too. A 404 would read as "wrong URL" to monitoring and load balancers, and shared
 *   caches may store a 404 without being told to.
 * - In safelist mode any other `query` text, APQ hash, or introspection is refused with
 *   `VRAAG_NIET_TOEGESTAAN` (HTTP 400) before Apollo parses it, reads its APQ cache or
 *   registers a hash. GET requests (which Apollo also executes) and batches are checked as well.
 *   400 and not 403: the request is what is wrong, not the resident's rights, and a portal that
 *   treats 403 as "log in again" must not send the resident through DigiD for it.
 */
export function persistedDocumentsMiddleware(options: PersistedDocumentsOptions): RequestHandler {
  const { documents, safelist, logger } = options;

  const refuse = (req: Request, res: Response, refusal: Refusal): void => {
    // The client's text and id stay out of the log: a query may hold a BSN as a literal.
    logger.info({ code: refusal.code, method: req.method }, 'graphql request refused before parsing');
    graphqlErrors.inc({ code: refusal.code });
    const message = ERROR_MESSAGES[refusal.code];
    const type = req.accepts(['application/json', 'application/graphql-response+json']) || 'application/json';
    res
      .status(400)
      .type(type)
      .send(JSON.stringify({ errors: [{ message, extensions: { code: refusal.code, detail: refusal.detail } }] }));
  };

  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method === 'GET') {
      const at = req.url.indexOf('?');
      if (at === -1) return next();
      const params = new URLSearchParams(req.url.slice(at + 1));
      const parsed = fromSearch(params);
      if ('refusal' in parsed) return refuse(req, res, parsed.refusal);
      const { request } = parsed;
      const refusal = resolve(request, documents, safelist);
      if (refusal) return refuse(req, res, refusal);
      // Apollo reads a GET request from the URL: write the resolved request back into it.
      params.delete('documentId');
      if (typeof request['query'] === 'string') params.set('query', request['query']);
      if (params.has('extensions') && isRecord(request['extensions']))
        params.set('extensions', JSON.stringify(request['extensions']));
      req.url = `${req.url.slice(0, at)}?${params.toString()}`;
      return next();
    }
    const body: unknown = req.body;
    // Apollo refuses batches unless told otherwise; checking each one keeps safelist mode closed
    // when somebody turns batching on.
    for (const request of Array.isArray(body) ? body : [body]) {
      if (!isRecord(request)) continue;
      const refusal = resolve(request, documents, safelist);
      if (refusal) return refuse(req, res, refusal);
    }
    next();
  };
}
