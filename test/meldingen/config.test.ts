import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../lib/config.js';
import { loadVoorkeurenConfig, meldingenConfig } from '../../subgraphs/voorkeuren/config.js';
import {
  SIMULATOR_MELDING_TEMPLATES,
  SIMULATOR_TEMPLATES,
  TEST_ENCRYPTION_KEY,
  TEST_NOTIFY_KEY,
} from '../voorkeuren/harness.js';

const BASIS = {
  INTERNAL_TOKEN_PUBLIC_KEYS: JSON.stringify({ keys: [{ kty: 'EC' }] }),
  VOORKEUREN_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
  NOTIFYNL_URL: 'https://api.notifynl.example/',
  NOTIFYNL_API_KEY: `profielservice-${TEST_NOTIFY_KEY.serviceId}-${TEST_NOTIFY_KEY.secret}`,
  NOTIFYNL_TEMPLATES: JSON.stringify({ nl: SIMULATOR_TEMPLATES.nl }),
};
const MELDINGEN = {
  MELDINGEN_NOTIFICATIES_AUTH: 'Bearer abonnement-geheim-0123456789',
  MELDINGEN_BRONNEN: JSON.stringify([
    {
      naam: 'Zaaksysteem',
      zakenUrl: 'https://zaken.example/zaken/api/v1',
      catalogiUrl: 'https://zaken.example/catalogi/api/v1',
      clientId: 'profielservice',
      secret: 'een-geheim-van-voldoende-lengte',
    },
  ]),
  PSEUDONYM_KEY: 'pseudoniem-sleutel-0123456789abcdef0123',
  MELDINGEN_PORTAAL_URL: 'https://mijn.gemeente.example/',
  NOTIFYNL_TEMPLATES: JSON.stringify({
    nl: { ...SIMULATOR_TEMPLATES.nl, ...SIMULATOR_MELDING_TEMPLATES.nl },
    en: { ...SIMULATOR_TEMPLATES.en, ...SIMULATOR_MELDING_TEMPLATES.en },
  }),
};

function problems(env: Record<string, string>): string[] {
  try {
    loadVoorkeurenConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
}

describe('meldingen configuration', () => {
  it('is off without the abonnement’s Authorization', () => {
    expect(meldingenConfig(loadVoorkeurenConfig(BASIS))).toBeNull();
  });

  it('is on with it, with the templates per language and the visibility defaults of the sources', () => {
    const config = meldingenConfig(loadVoorkeurenConfig({ ...BASIS, ...MELDINGEN }));
    expect(config).toMatchObject({
      portaalUrl: 'https://mijn.gemeente.example',
      templates: SIMULATOR_MELDING_TEMPLATES,
      intervalMs: 30_000,
      bewaarMs: 365 * 86_400_000,
    });
    expect(config?.bronnen[0]?.zichtbaarheid.rollen).toEqual(['initiator']);
  });

  it('names every variable meldingen still need', () => {
    expect(problems({ ...BASIS, MELDINGEN_NOTIFICATIES_AUTH: MELDINGEN.MELDINGEN_NOTIFICATIES_AUTH })).toEqual([
      'MELDINGEN_BRONNEN: is required when MELDINGEN_NOTIFICATIES_AUTH is set',
      'PSEUDONYM_KEY: is required when MELDINGEN_NOTIFICATIES_AUTH is set',
      'MELDINGEN_PORTAAL_URL: is required when MELDINGEN_NOTIFICATIES_AUTH is set',
      'NOTIFYNL_TEMPLATES: needs nl zaak-status-email and zaak-status-sms when MELDINGEN_NOTIFICATIES_AUTH is set',
    ]);
  });
});
