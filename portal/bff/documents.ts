import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Request, RequestHandler, Response } from 'express';
import { silentLogger, type Logger } from '../../lib/logging.js';
import type { SessieOpzoeking } from './sessions.js';

/** The portal's route for a document: `GET /documenten/{token}`, the last part of the gateway's link. */
export const DOCUMENT_ROUTE = '/documenten/:token';

/**
 * One path segment as the gateway's link ends in (a compact JWE: base64url parts joined by dots).
 * No slash, no `%`, no `..`: the address built from it stays under the gateway's document path.
 */
const TOKEN = /^[A-Za-z0-9_-][A-Za-z0-9._~-]{0,4095}$/;

/** A media type without parameters; anything else is served as bytes. */
const MEDIA_TYPE = /^[a-z0-9!#$&^_.+-]{1,64}\/[a-z0-9!#$&^_.+-]{1,127}$/i;
/** Types a browser would run or render as a page: served as bytes, whatever the source says. */
const ACTIVE_TYPE =
  /^(text\/(html|xml|javascript)|application\/(xhtml\+xml|xml|javascript|ecmascript)|image\/svg\+xml)$/i;

/** What the resident reads when a download does not work; each says what to do next. */
const MELDING = {
  link: 'Dit document kunnen we niet vinden. Ga terug naar uw zaak en kies het document opnieuw.',
  verlopen: 'Deze link werkt niet meer. Ga terug naar uw zaak en kies het document opnieuw.',
  uitgelogd: 'U bent niet meer ingelogd. Log opnieuw in en kies het document dan opnieuw bij uw zaak.',
  anderesite: 'Open het document vanuit de pagina van uw zaak.',
  nietBeschikbaar: 'We kunnen dit document nu niet ophalen. Probeer het later opnieuw.',
} as const;

export interface DocumentRouteDeps {
  /** The gateway's GraphQL endpoint; its document path `documenten/` is next to it. */
  readonly gatewayUrl: string;
  /** How long the gateway may take to start its answer. */
  readonly gatewayTimeoutMs?: number;
  readonly logger?: Logger;
}

/**
 * The address at the gateway for a token, or undefined for anything that is not one: the only
 * addresses the portal ever fetches a document from are under the gateway's own document path.
 * Built from configuration, never from a host or path the browser names.
 */
export function gatewayDocumentUrl(gatewayUrl: string, token: string): URL | undefined {
  if (!TOKEN.test(token) || /^\.+$/.test(token)) return undefined;
  const base = new URL('documenten/', gatewayUrl);
  const url = new URL(token, base);
  return url.origin === base.origin && url.pathname === `${base.pathname}${token}` ? url : undefined;
}

/**
 * `GET /documenten/{token}`: a document of a zaak, for the resident who is logged in. The
 * gateway's link needs the resident's token, which never reaches the browser, so the page links
 * here and this fetches the document at the gateway with the session's token and streams it on,
 * as a download (Content-Disposition: attachment), with a safe type and name. `session` is how
 * the portal finds the request's session (its cookie).
 */
export function documentRoute(deps: DocumentRouteDeps, session: (req: Request) => SessieOpzoeking): RequestHandler {
  const logger = deps.logger ?? silentLogger;
  return async (req, res) => {
    // Plain text answers only, and nothing in them may run or load anything.
    res.setHeader('content-security-policy', "default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
    // A link on another site may not make the browser fetch a resident's document: only a link
    // on the portal's own pages, or an address the resident typed or saved.
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return tell(res, 403, MELDING.anderesite);

    const url = gatewayDocumentUrl(deps.gatewayUrl, String(req.params['token'] ?? ''));
    if (!url) return tell(res, 404, MELDING.link);
    const found = session(req);
    if (found.status !== 'ACTIEF') return tell(res, 401, MELDING.uitgelogd);

    // The clock runs until the gateway starts its answer; a large document may take longer to stream.
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), deps.gatewayTimeoutMs ?? 8_000);
    let answer: globalThis.Response;
    try {
      answer = await fetch(url, {
        headers: { authorization: `Bearer ${found.sessie.accessToken}` },
        redirect: 'error',
        signal: timeout.signal,
      });
    } catch (error) {
      logger.warn({ err: errorKind(error) }, 'portal: document niet opgehaald');
      return tell(res, 502, MELDING.nietBeschikbaar);
    } finally {
      clearTimeout(timer);
    }
    if (answer.status !== 200 || !answer.body) {
      // Upstream text is never passed on; the log has the status only (never the link: it grants access).
      logger.warn({ status: answer.status }, 'portal: gateway gaf het document niet');
      await answer.body?.cancel();
      if (answer.status === 401) return tell(res, 401, MELDING.uitgelogd);
      if (answer.status === 404 || answer.status === 410) return tell(res, 404, MELDING.verlopen);
      return tell(res, 502, MELDING.nietBeschikbaar);
    }

    const type = (answer.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
    const length = answer.headers.get('content-length');
    res.status(200);
    res.setHeader('content-type', MEDIA_TYPE.test(type) && !ACTIVE_TYPE.test(type) ? type : 'application/octet-stream');
    res.setHeader('content-disposition', attachment(fileName(answer.headers.get('content-disposition'))));
    res.setHeader('cache-control', 'private, no-store');
    res.setHeader('x-content-type-options', 'nosniff');
    // Opened in a tab after all, a document must not run script in the portal's origin.
    res.setHeader('content-security-policy', "sandbox; default-src 'none'");
    if (length && /^\d{1,15}$/.test(length)) res.setHeader('content-length', length);
    try {
      await pipeline(Readable.fromWeb(answer.body as WebReadableStream<Uint8Array>), res);
    } catch (error) {
      // Broken off while streaming: the resident went away, or the gateway stopped.
      logger.info({ err: errorKind(error) }, 'portal: document download afgebroken');
      res.destroy();
    }
  };
}

function tell(res: Response, status: number, melding: string): void {
  res.status(status).type('text/plain; charset=utf-8').send(melding);
}

/** The file name the gateway gives, without any path or control character; "document" if none. */
export function fileName(disposition: string | null): string {
  let naam: string | undefined;
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (encoded) {
    try {
      naam = decodeURIComponent(encoded.trim());
    } catch {
      naam = undefined;
    }
  }
  naam ??= /filename\s*=\s*"([^"]*)"/i.exec(disposition ?? '')?.[1];
  const schoon = (naam ?? '')
    .replace(/^.*[/\\]/, '')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim()
    .slice(0, 150);
  return schoon && !/^\.+$/.test(schoon) ? schoon : 'document';
}

/** `filename*` (RFC 6266/8187) with an ASCII fallback, so any name arrives and none breaks the header. */
function attachment(naam: string): string {
  const ascii = naam.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(naam).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** For logs: the kind of failure, never its message (which may hold the link). */
function errorKind(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${error.name}:${code}` : error.name;
  }
  return typeof error;
}
