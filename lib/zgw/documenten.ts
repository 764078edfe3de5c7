import type { Readable } from 'node:stream';
import { request, type Dispatcher } from 'undici';
import { createUpstreamClient, UpstreamError, type UpstreamErrorKind } from '../http/upstream.js';
import type { Logger } from '../logging.js';
import { zgwHeaders, type ZgwActor, type ZgwCredentials } from './auth.js';
import { collectPages } from './pages.js';
import type { ZgwInformatieObject } from './types.js';

/** The Documenten API (1.4.2) of one zaaksysteem. */
export interface DocumentenSource extends ZgwCredentials {
  naam: string;
  documentenUrl: string;
}

/** A document's content as the Documenten API streams it. */
export interface DocumentInhoud {
  body: Readable;
  /** `Content-Length` of the upstream answer, when it sent one. */
  lengte: string | undefined;
}

/**
 * Read-only client of a Documenten API. It only calls URLs under the configured base: document
 * URLs come from the Zaken API's answers, and a zaaksysteem must not be able to send this client
 * (with its credentials) to another host.
 */
export interface DocumentenClient {
  /** The informatieobjecten behind `urls`, in one `_zoek` (unknown and foreign URLs are left out). */
  informatieobjecten(urls: readonly string[], actor: ZgwActor): Promise<ZgwInformatieObject[]>;
  /** One informatieobject's metadata; `NOT_FOUND` when it does not exist. */
  informatieobject(url: string, actor: ZgwActor): Promise<ZgwInformatieObject>;
  /** The content of an informatieobject, streamed; the caller must consume or destroy `body`. */
  download(url: string, actor: ZgwActor): Promise<DocumentInhoud>;
  /** True when `url` is an informatieobject of this Documenten API. */
  owns(url: string): boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function kindForStatus(status: number): UpstreamErrorKind {
  if (status === 401 || status === 403) return 'UNAUTHORIZED';
  if (status === 404) return 'NOT_FOUND';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 400) return 'BAD_REQUEST';
  return 'UNAVAILABLE';
}

export function createDocumentenClient(
  source: DocumentenSource,
  options: {
    timeoutMs: number;
    dispatcher?: Dispatcher | undefined;
    maxPages?: number;
    now?: () => number;
    logger?: Logger | undefined;
  },
): DocumentenClient {
  const name = `documenten:${source.naam}`;
  const now = options.now ?? Date.now;
  const http = createUpstreamClient({
    name,
    timeoutMs: options.timeoutMs,
    dispatcher: options.dispatcher,
    logger: options.logger,
  });
  const collection = `${source.documentenUrl}/enkelvoudiginformatieobjecten/`;

  /** The UUID of an informatieobject URL of this API, or undefined for anything else. */
  const uuidOf = (url: string): string | undefined => {
    if (!url.startsWith(collection)) return undefined;
    const uuid = url.slice(collection.length).replace(/\/$/, '');
    return UUID.test(uuid) ? uuid.toLowerCase() : undefined;
  };
  const requireUuid = (url: string): string => {
    const uuid = uuidOf(url);
    if (!uuid) throw new UpstreamError(name, 'NOT_FOUND', null);
    return uuid;
  };

  return {
    owns: (url) => uuidOf(url) !== undefined,
    async informatieobjecten(urls, actor) {
      const uuids = [...new Set(urls.flatMap((url) => uuidOf(url) ?? []))];
      if (uuids.length === 0) return [];
      // The Documenten API 1.4.2 contract names the list `uuid_In` (its camelCase of `uuid__in`).
      const { results } = await collectPages<ZgwInformatieObject>(
        name,
        http,
        { method: 'POST', url: `${collection}_zoek`, body: { uuid_In: uuids }, idempotent: true },
        source.documentenUrl,
        options.maxPages ?? 5,
        () => zgwHeaders(source, actor, now()),
      );
      return results;
    },
    async informatieobject(url, actor) {
      const uuid = requireUuid(url);
      const { body } = await http.json<ZgwInformatieObject | null>({
        method: 'GET',
        url: `${collection}${uuid}`,
        headers: await zgwHeaders(source, actor, now()),
      });
      if (!body || typeof body.titel !== 'string') throw new UpstreamError(name, 'INVALID_RESPONSE', 200);
      return body;
    },
    async download(url, actor) {
      const uuid = requireUuid(url);
      let response: Dispatcher.ResponseData;
      try {
        response = await request(`${collection}${uuid}/download`, {
          method: 'GET',
          headers: { ...(await zgwHeaders(source, actor, now())), accept: '*/*' },
          // A timeout for the answer to start and between chunks, not for the whole transfer:
          // a large document may take longer than one API call.
          headersTimeout: options.timeoutMs,
          bodyTimeout: options.timeoutMs,
          ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
        });
      } catch (error) {
        const timedOut = error instanceof Error && /Timeout/i.test(error.name);
        throw new UpstreamError(name, timedOut ? 'TIMEOUT' : 'UNAVAILABLE', null);
      }
      if (response.statusCode >= 400) {
        response.body.destroy();
        throw new UpstreamError(name, kindForStatus(response.statusCode), response.statusCode);
      }
      const length = response.headers['content-length'];
      return { body: response.body, lengte: typeof length === 'string' ? length : undefined };
    },
  };
}
