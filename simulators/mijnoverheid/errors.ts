import { randomUUID } from 'node:crypto';
import { problemResponder, type ProblemTemplate } from '../shared/problem.js';

const TITLES: Readonly<Record<number, string>> = {
  400: 'Ongeldig verzoek',
  401: 'Niet geauthenticeerd',
  403: 'Geen toegang',
  404: 'Niet gevonden',
  406: 'Niet acceptabel',
  415: 'Media type niet ondersteund',
  429: 'Te veel verzoeken',
  500: 'Interne fout',
  503: 'Dienst tijdelijk niet beschikbaar',
};

const catalogue: Record<number, ProblemTemplate> = Object.fromEntries(
  Object.entries(TITLES).map(([status, title]) => [status, { type: 'about:blank', title }]),
);

/**
 * Errors as the FBS Berichtenmagazijn PoC answers them: RFC 9457 problem details with
 * `type: about:blank` and a correlation id as `instance`.
 */
export const respondMijnOverheidError = problemResponder({
  catalogue,
  fallback: () => ({ type: 'about:blank', title: 'Fout' }),
  instance: () => `urn:uuid:${randomUUID()}`,
});
