import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * The HTTP security headers every answer carries, errors included (the Dutch API design rules
 * ask for them; helmet sets them): no MIME sniffing, no framing, no referrer, HTTPS only (HSTS),
 * and `Cache-Control: no-store`, because an answer may hold a resident's personal data and must
 * not stay in any cache. The Content-Security-Policy is left to {@link apiContentSecurityPolicy}
 * and to the playground, which sets its own.
 */
export function securityHeaders(): RequestHandler[] {
  return [
    helmet({
      contentSecurityPolicy: false,
      strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
      referrerPolicy: { policy: 'no-referrer' },
      xFrameOptions: { action: 'deny' },
    }),
    (_req, res, next) => {
      res.setHeader('cache-control', 'no-store');
      next();
    },
  ];
}

/** For JSON answers (GraphQL, health, metrics): nothing in them may load or frame anything. */
export const apiContentSecurityPolicy: RequestHandler = (_req, res, next) => {
  res.setHeader('content-security-policy', "default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
  next();
};

/**
 * The headers {@link securityHeaders} and {@link apiContentSecurityPolicy} set, as one list for a
 * route that answers without express (the GraphQL route's direct way in). Taken from the same
 * middleware once, so both ways carry the same headers; they do not depend on the request.
 */
export function apiSecurityHeaderList(): ReadonlyArray<readonly [string, string]> {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers.set(name.toLowerCase(), String(value));
      return recorder;
    },
    removeHeader(name: string) {
      headers.delete(name.toLowerCase());
    },
  };
  let finished = 0;
  const handlers = [...securityHeaders(), apiContentSecurityPolicy];
  for (const handler of handlers) {
    // helmet and these setters are synchronous: each calls next before returning.
    handler(
      {} as Parameters<RequestHandler>[0],
      recorder as unknown as Parameters<RequestHandler>[1],
      () => void finished++,
    );
  }
  if (finished !== handlers.length) throw new Error('a security-header middleware did not finish synchronously');
  return [...headers];
}
