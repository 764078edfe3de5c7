import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { UpstreamError } from '../../../lib/http/upstream.js';
import type { Logger } from '../../../lib/logging.js';
import type { ZgwClient } from '../../../lib/zgw/client.js';
import { DEFAULT_VISIBILITY, isDocumentVisible } from '../../../lib/zgw/visibility.js';
import { DOCUMENT_PATH, type DocumentLinks } from './document-links.js';

const MELDING = {
  verlopen: 'Deze link werkt niet (meer). Open het document opnieuw vanuit uw zaak.',
  nietBeschikbaar: 'We kunnen dit document nu niet ophalen. Probeer het later opnieuw.',
  methode: 'Gebruik GET om een document op te halen.',
} as const;

function answer(res: ServerResponse, status: number, melding: string): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify({ melding }));
}

/** `filename*` (RFC 6266/8187) plus an ASCII fallback, so any file name survives. */
function contentDisposition(bestandsnaam: string): string {
  const ascii = bestandsnaam.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(bestandsnaam)}`;
}

/** A media type as `formaat` should hold one; anything else is served as bytes. */
const MEDIA_TYPE = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/i;

/**
 * `GET /documenten/{token}`: streams one document from the Documenten API of the zaaksysteem the
 * link names, after checking the link (see document-links.ts) and, again, the document's own
 * confidentiality and state: a document that became confidential after the link was made is
 * not served. Answers carry no upstream detail; the log says what went wrong.
 */
export function createDownloadHandler(deps: {
  links: DocumentLinks;
  sources: readonly ZgwClient[];
  logger: Logger;
}): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      answer(res, 405, MELDING.methode);
      return;
    }
    const token = (req.url ?? '').slice(DOCUMENT_PATH.length).split('?')[0] ?? '';
    const claims = await deps.links.open(token);
    const client = claims ? deps.sources.find((s) => s.source.naam === claims.bron) : undefined;
    const documenten = client?.documenten;
    if (!claims || !client || !documenten || !documenten.owns(claims.document)) {
      answer(res, 404, MELDING.verlopen);
      return;
    }
    const actor = { userId: claims.gebruiker, userRepresentation: 'Mijn-Omgeving (document downloaden)' };
    try {
      const document = await documenten.informatieobject(claims.document, actor);
      if (!isDocumentVisible(document, client.source.zichtbaarheid ?? DEFAULT_VISIBILITY)) {
        answer(res, 404, MELDING.verlopen);
        return;
      }
      const inhoud = await documenten.download(claims.document, actor);
      res.writeHead(200, {
        'content-type':
          document.formaat && MEDIA_TYPE.test(document.formaat) ? document.formaat : 'application/octet-stream',
        'content-disposition': contentDisposition(document.bestandsnaam || `${document.titel}`),
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
        // Opened in a browser tab, a document must not run script in this origin.
        'content-security-policy': "sandbox; default-src 'none'",
        ...(inhoud.lengte ? { 'content-length': inhoud.lengte } : {}),
      });
      if (req.method === 'HEAD') {
        inhoud.body.destroy();
        res.end();
        return;
      }
      await pipeline(inhoud.body, res);
    } catch (error) {
      if (res.headersSent) {
        // Broken off while streaming (the portal went away, or the source stalled).
        deps.logger.info(
          { bron: claims.bron, reason: error instanceof Error ? error.message : 'unknown' },
          'document download broken off',
        );
        res.destroy();
        return;
      }
      if (!(error instanceof UpstreamError)) {
        deps.logger.error({ err: error }, 'document download failed');
        answer(res, 500, MELDING.nietBeschikbaar);
        return;
      }
      deps.logger.warn(
        { bron: claims.bron, upstream: error.upstream, kind: error.kind, status: error.status },
        'document download failed',
      );
      if (error.kind === 'NOT_FOUND') answer(res, 404, MELDING.verlopen);
      else answer(res, 503, MELDING.nietBeschikbaar);
    }
  };
}
