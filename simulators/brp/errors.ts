import { problemResponder, requestPath, type ProblemTemplate } from '../shared/problem.js';

const RFC7231 = 'https://datatracker.ietf.org/doc/html/rfc7231';

/** The BRP API's problem documents (see the `responses` of the contract and its features). */
const CATALOGUE: Readonly<Record<number, ProblemTemplate>> = {
  400: {
    type: `${RFC7231}#section-6.5.1`,
    title: 'Een of meerdere parameters zijn niet correct.',
    code: 'paramsValidation',
  },
  401: {
    type: 'https://datatracker.ietf.org/doc/html/rfc7235#section-3.1',
    title: 'Niet correct geauthenticeerd.',
    code: 'authentication',
  },
  403: {
    type: `${RFC7231}#section-6.5.3`,
    title: 'U bent niet geautoriseerd voor deze operatie.',
    code: 'autorisation',
  },
  404: { type: `${RFC7231}#section-6.5.4`, title: 'Opgevraagde resource bestaat niet.', code: 'notFound' },
  405: {
    type: `${RFC7231}#section-6.5.5`,
    title: 'Gebruikte bevragingsmethode is niet toegestaan.',
    code: 'methodNotAllowed',
  },
  406: {
    type: `${RFC7231}#section-6.5.6`,
    title: 'Gevraagde contenttype wordt niet ondersteund.',
    code: 'notAcceptable',
  },
  415: { type: `${RFC7231}#section-6.5.13`, title: 'Media Type wordt niet ondersteund.', code: 'unsupportedMediaType' },
  429: {
    type: 'https://datatracker.ietf.org/doc/html/rfc6585#section-4',
    title: 'Too many request',
    code: 'tooManyRequests',
  },
  500: { type: `${RFC7231}#section-6.6.1`, title: 'Interne server fout.', code: 'serverError' },
  503: {
    type: `${RFC7231}#section-6.6.4`,
    title: 'Bronservice BRP is tijdelijk niet beschikbaar.',
    code: 'notAvailable',
  },
};

/** Answers errors as the BRP API does: `instance` is the request path. */
export const respondBrpError = problemResponder({
  catalogue: CATALOGUE,
  fallback: () => ({ type: RFC7231, title: 'Er is een fout opgetreden.', code: 'error' }),
  instance: requestPath,
});
