import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../lib/config.js';
import { loadSimulatorConfig, SIMULATOR_DEFAULTS } from '../../simulators/config.js';

describe('simulator configuration', () => {
  it('has development defaults for every port and credential', () => {
    expect(loadSimulatorConfig({})).toEqual({
      host: '127.0.0.1',
      ports: { brp: 4011, zgwA: 4012, zgwB: 4013, mijnOverheid: 4014, notifyNl: 4015 },
      zgw: { clientId: 'profielservice', secret: SIMULATOR_DEFAULTS.zgwSecret },
      notifyNl: { serviceId: SIMULATOR_DEFAULTS.notifyServiceId, secret: SIMULATOR_DEFAULTS.notifySecret },
    });
  });

  it('reads the variables and the notifications callback', () => {
    const config = loadSimulatorConfig({
      SIM_BRP_PORT: '5011',
      SIM_BRP_API_KEY: 'key',
      SIM_NOTIFICATIONS_CALLBACK_URL: 'http://127.0.0.1:4000/api/notificaties/',
      SIM_NOTIFICATIONS_CALLBACK_AUTH: 'Token x',
    });
    expect(config.ports.brp).toBe(5011);
    expect(config.brpApiKey).toBe('key');
    expect(config.notificationsCallback).toEqual({
      url: 'http://127.0.0.1:4000/api/notificaties',
      authorization: 'Token x',
    });
  });

  it('refuses production and names bad variables', () => {
    expect(() => loadSimulatorConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadSimulatorConfig({ SIM_ZGW_A_PORT: 'abc', SIM_ZGW_SECRET: 'short' })).toThrow(
      /SIM_ZGW_A_PORT[\s\S]*SIM_ZGW_SECRET/,
    );
  });
});
