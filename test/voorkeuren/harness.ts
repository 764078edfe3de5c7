import type { Dispatcher } from 'undici';
import { createFieldCipher, parseKeyring, type FieldCipher } from '../../lib/crypto/index.js';
import { createNotifyClient, type NotifyApiKey } from '../../lib/notifynl/index.js';
import { createNotifySimulator, type NotifySimulator } from '../../simulators/notifynl/index.js';
import { SIMULATED_NOTIFY_TEMPLATES } from '../../simulators/wiring.js';
import type { ContactgegevensDeps } from '../../subgraphs/voorkeuren/context.js';
import { createCodeVerzender, type NotifyTemplates } from '../../subgraphs/voorkeuren/contactgegeven/code-verzender.js';
import { AFLEVERSTATUS_PATH } from '../../subgraphs/voorkeuren/afleverstatus/afleverstatus.route.js';
import type { MeldingTemplates } from '../../subgraphs/voorkeuren/melding/verwerker.js';
import type { VerificatieBeleid } from '../../subgraphs/voorkeuren/store/store.js';

/** Test-only secrets; never used outside tests. */
export const TEST_ENCRYPTION_KEY = `test-1:${Buffer.alloc(32, 7).toString('base64')}`;
export const TEST_NOTIFY_KEY: NotifyApiKey = {
  serviceId: '5f0c9e8a-1d2b-4c3e-8f4a-5b6c7d8e9f01',
  secret: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
};
export const TEST_CALLBACK_TOKEN = 'test-afleverstatus-token-0123456789';
/** The `Authorization` header of the test stack's ZGW Notificaties abonnement. */
export const TEST_ZGW_NOTIFICATIES_AUTH = 'Bearer test-zgw-notificaties-0123456789';

const pick = <K extends string>(keys: readonly K[]) => {
  const of = (taal: 'nl' | 'en') =>
    Object.fromEntries(
      keys.map((key) => [
        key,
        SIMULATED_NOTIFY_TEMPLATES[taal][key as keyof (typeof SIMULATED_NOTIFY_TEMPLATES)['nl']],
      ]),
    ) as Record<K, string>;
  return { nl: of('nl'), en: of('en') };
};

/** The simulator's verification-code templates, in the shape `NOTIFYNL_TEMPLATES` configures. */
export const SIMULATOR_TEMPLATES: NotifyTemplates = pick(['verificatiecode-email', 'verificatiecode-sms']);

/** The simulator's zaak-status templates, in the shape meldingen use. */
export const SIMULATOR_MELDING_TEMPLATES: MeldingTemplates = pick(['zaak-status-email', 'zaak-status-sms']);

/** The configuration defaults (15 minutes, 5 attempts, 5 codes a day, 5 details per kind). */
export const TEST_BELEID: VerificatieBeleid = {
  geldigMs: 15 * 60_000,
  maxPogingen: 5,
  maxVerzendingen: 5,
  verzendvensterMs: 24 * 3_600_000,
  maxPerSoort: 5,
};

export function testCipher(): FieldCipher {
  return createFieldCipher(parseKeyring(TEST_ENCRYPTION_KEY));
}

/**
 * A NotifyNL simulator that accepts the test key and posts delivery receipts to the voorkeuren
 * subgraph whose GraphQL URL `voorkeurenUrl` gives (known only once it listens).
 */
export function createTestNotifySimulator(voorkeurenUrl: () => string): NotifySimulator {
  return createNotifySimulator({
    services: { [TEST_NOTIFY_KEY.serviceId]: TEST_NOTIFY_KEY.secret },
    deliveryStatusCallback: {
      url: () => voorkeurenUrl().replace(/\/graphql$/, AFLEVERSTATUS_PATH),
      bearerToken: TEST_CALLBACK_TOKEN,
    },
    onCallbackError: () => undefined,
  });
}

/** Verification through the NotifyNL simulator at `notifyUrl`. */
export function testContactgegevensDeps(notifyUrl: string, dispatcher?: Dispatcher): ContactgegevensDeps {
  const client = createNotifyClient({
    baseUrl: notifyUrl,
    apiKey: TEST_NOTIFY_KEY,
    timeoutMs: 2_000,
    ...(dispatcher ? { dispatcher } : {}),
  });
  return { verzender: createCodeVerzender(client, SIMULATOR_TEMPLATES, 15), beleid: TEST_BELEID };
}
