import type { RequestHandler } from 'express';
import { request, type Dispatcher } from 'undici';
import type { Logger } from '../lib/logging.js';

/** The headers of a document download that may pass to the portal; nothing else of the subgraph's. */
const PASSED_HEADERS = [
  'content-type',
  'content-length',
  'content-disposition',
  'cache-control',
  'x-content-type-options',
  'content-security-policy',
] as const;

/** Link tokens are compact JWE strings: base64url parts joined by dots. */
const TOKEN = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]*){4}$/;

const MELDING = {
  verlopen: 'Deze link werkt niet (meer). Open het document opnieuw vanuit uw zaak.',
  nietBeschikbaar: 'We kunnen dit document nu niet ophalen. Probeer het later opnieuw.',
} as const;

/**
 * `GET /documenten/{token}` on the gateway: passes a document download through to the zaken
 * subgraph, so a portal only ever talks to the gateway. The link itself authorises the download
 * (encrypted, short-lived, one document of one resident); the zaken subgraph checks it.
 */
export function createDocumentProxy(options: {
  zakenSubgraphUrl: string;
  timeoutMs: number;
  logger: Logger;
  dispatcher?: Dispatcher;
}): RequestHandler {
  const base = new URL('/documenten/', options.zakenSubgraphUrl);
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.status(405).set('allow', 'GET, HEAD').json({ melding: 'Gebruik GET om een document op te halen.' });
      return;
    }
    const token = String(req.params['token'] ?? '');
    if (!TOKEN.test(token) || token.length > 4096) {
      res.status(404).set('cache-control', 'no-store').json({ melding: MELDING.verlopen });
      return;
    }
    try {
      const upstream = await request(new URL(token, base), {
        method: req.method === 'HEAD' ? 'HEAD' : 'GET',
        signal: AbortSignal.timeout(options.timeoutMs),
        ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
      });
      res.status(upstream.statusCode);
      for (const name of PASSED_HEADERS) {
        const value = upstream.headers[name];
        if (value !== undefined) res.setHeader(name, value);
      }
      for await (const chunk of upstream.body) res.write(chunk);
      res.end();
    } catch (error) {
      options.logger.warn({ reason: error instanceof Error ? error.name : 'unknown' }, 'document download failed');
      if (res.headersSent) res.destroy();
      else res.status(503).set('cache-control', 'no-store').json({ melding: MELDING.nietBeschikbaar });
    }
  };
}
