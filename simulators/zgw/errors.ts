import type { Request } from 'express';
import { randomUUID } from 'node:crypto';
import { problemResponder, type ErrorResponder, type InvalidParam, type ProblemTemplate } from '../shared/problem.js';
import { baseUrlOf, type BaseUrl } from '../shared/simulator.js';

/**
 * Errors as vng-api-common (Open Zaak) sends them: `type` points to `/ref/fouten/<Exception>/` on
 * the server itself, `instance` is a fresh `urn:uuid:`, codes and titles are Django REST
 * framework's (Dutch locale).
 */
const ERRORS: Readonly<Record<number, { exception: string; code: string; title: string }>> = {
  400: { exception: 'ValidationError', code: 'invalid', title: 'Invalid input.' },
  401: {
    exception: 'NotAuthenticated',
    code: 'not_authenticated',
    title: 'Authenticatiegegevens zijn niet opgegeven.',
  },
  403: {
    exception: 'PermissionDenied',
    code: 'permission_denied',
    title: 'U heeft geen toestemming om deze actie uit te voeren.',
  },
  404: { exception: 'NotFound', code: 'not_found', title: 'Niet gevonden.' },
  405: { exception: 'MethodNotAllowed', code: 'method_not_allowed', title: 'Methode niet toegestaan.' },
  406: {
    exception: 'NotAcceptable',
    code: 'not_acceptable',
    title: 'Kan niet voldoen aan de opgegeven Accept header.',
  },
  412: { exception: 'PreconditionFailed', code: 'precondition_failed', title: 'Precondition failed' },
  415: {
    exception: 'UnsupportedMediaType',
    code: 'unsupported_media_type',
    title: 'Ongeldige media type in aanvraag.',
  },
  429: { exception: 'Throttled', code: 'throttled', title: 'Verzoek is beperkt.' },
  500: { exception: 'APIException', code: 'error', title: 'Er is een serverfout opgetreden.' },
  503: {
    exception: 'ServiceUnavailable',
    code: 'service_unavailable',
    title: 'Service tijdelijk niet beschikbaar, probeer het later opnieuw.',
  },
};

/** The `type` URI vng-api-common gives an exception class. */
export function foutType(req: Request, baseUrl: BaseUrl | undefined, exception: string): string {
  return `${baseUrlOf(req, baseUrl)}/ref/fouten/${exception}/`;
}

/** Builds the error responder of one ZGW simulator (type URIs depend on its base URL). */
export function zgwErrorResponder(baseUrl: BaseUrl | undefined): ErrorResponder {
  const catalogue: Record<number, ProblemTemplate> = {};
  for (const [status, error] of Object.entries(ERRORS)) {
    catalogue[Number(status)] = {
      type: (req) => foutType(req, baseUrl, error.exception),
      title: error.title,
      code: error.code,
    };
  }
  return problemResponder({
    catalogue,
    fallback: () => ({ type: (req) => foutType(req, baseUrl, 'APIException'), title: 'Fout.', code: 'error' }),
    instance: () => `urn:uuid:${randomUUID()}`,
  });
}

/** One invalid parameter in Django's wording. */
export const invalidParam = (name: string, code: string, reason: string): InvalidParam => ({ name, code, reason });
