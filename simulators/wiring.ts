import { NOTIFY_TEMPLATES } from './notifynl/templates.js';

/**
 * How the product's processes reach the simulators: the one description of the development
 * wiring that `npm start` (scripts/start.ts), the soak run and the tests' stack all use. Plain
 * data, so the simulators stay free of product code; each user turns it into its own config.
 */

/** Where each simulated API lives below its simulator's base URL. */
export const SIMULATED_API_PATHS = {
  brp: '/haalcentraal/api/brp',
  zaken: '/zaken/api/v1',
  catalogi: '/catalogi/api/v1',
  documenten: '/documenten/api/v1',
  berichtenbox: '/berichtenbox/api/v1',
  lopendezaken: '/lopendezaken/api/v1',
} as const;

/** A zaaksysteem as the zaken and voorkeuren subgraphs configure one (`ZAKEN_BRONNEN`). */
export interface SimulatedZgwSource {
  naam: string;
  zakenUrl: string;
  catalogiUrl: string;
  documentenUrl: string;
  clientId: string;
  secret: string;
  kvkFilters?: boolean;
}

/**
 * The two simulated zaaksystemen of the development gemeente, given their base URLs and the ZGW
 * application the product uses. Gemeente B's simulator behaves as Open Zaak: it also finds
 * organisations by KvK number, so its source says `kvkFilters`.
 */
export function simulatedZgwSources(
  baseUrls: { readonly a: string; readonly b: string },
  client: { readonly id: string; readonly secret: string },
): SimulatedZgwSource[] {
  const source = (naam: string, baseUrl: string) => ({
    naam,
    zakenUrl: `${baseUrl}${SIMULATED_API_PATHS.zaken}`,
    catalogiUrl: `${baseUrl}${SIMULATED_API_PATHS.catalogi}`,
    documentenUrl: `${baseUrl}${SIMULATED_API_PATHS.documenten}`,
    clientId: client.id,
    secret: client.secret,
  });
  return [
    source('Zaaksysteem gemeente A', baseUrls.a),
    { ...source('Zaaksysteem gemeente B', baseUrls.b), kvkFilters: true },
  ];
}

/** The simulated NotifyNL's template per purpose and language (`NOTIFYNL_TEMPLATES`). */
export const SIMULATED_NOTIFY_TEMPLATES = {
  nl: {
    'verificatiecode-email': NOTIFY_TEMPLATES['verificatiecode-email'].id,
    'verificatiecode-sms': NOTIFY_TEMPLATES['verificatiecode-sms'].id,
    'zaak-status-email': NOTIFY_TEMPLATES['zaak-status-email'].id,
    'zaak-status-sms': NOTIFY_TEMPLATES['zaak-status-sms'].id,
  },
  en: {
    'verificatiecode-email': NOTIFY_TEMPLATES['verificatiecode-email-en'].id,
    'verificatiecode-sms': NOTIFY_TEMPLATES['verificatiecode-sms-en'].id,
    'zaak-status-email': NOTIFY_TEMPLATES['zaak-status-email-en'].id,
    'zaak-status-sms': NOTIFY_TEMPLATES['zaak-status-sms-en'].id,
  },
} as const;
