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
