import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../lib/config.js';
import { silentLogger } from '../../lib/logging.js';
import { bewaartermijnen, loadVoorkeurenConfig, verificatieBeleid } from '../../subgraphs/voorkeuren/config.js';
import { startOnderhoud } from '../../subgraphs/voorkeuren/store/onderhoud.js';
import { createSqliteVoorkeurenStore } from '../../subgraphs/voorkeuren/store/open.js';
import { SIMULATOR_TEMPLATES, TEST_BELEID, TEST_ENCRYPTION_KEY, TEST_NOTIFY_KEY, testCipher } from './harness.js';

const ENV = {
  INTERNAL_TOKEN_PUBLIC_KEYS: JSON.stringify({ keys: [{ kty: 'EC' }] }),
  VOORKEUREN_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
  NOTIFYNL_URL: 'https://api.notifynl.example/',
  NOTIFYNL_API_KEY: `profielservice-${TEST_NOTIFY_KEY.serviceId}-${TEST_NOTIFY_KEY.secret}`,
  NOTIFYNL_TEMPLATES: JSON.stringify({ nl: SIMULATOR_TEMPLATES.nl }),
};

function problems(env: Record<string, string | undefined>): string[] {
  try {
    loadVoorkeurenConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
}

describe('voorkeuren configuration', () => {
  it('has safe defaults for everything but the secrets and NotifyNL', () => {
    const config = loadVoorkeurenConfig(ENV);
    expect(config.DATABASE_URL).toBeUndefined();
    // A database that does not answer costs a request at most 2 s, a statement at most 5 s.
    expect(config.DATABASE_CONNECT_TIMEOUT_MS).toBe(2_000);
    expect(config.DATABASE_STATEMENT_TIMEOUT_MS).toBe(5_000);
    expect(config.VOORKEUREN_SQLITE_PATH).toBe('data/voorkeuren.sqlite');
    expect(config.VOORKEUREN_WIJZIG_NIVEAU).toBe('MIDDEN');
    expect(config.NOTIFYNL_URL).toBe('https://api.notifynl.example');
    expect(config.NOTIFYNL_API_KEY).toEqual(TEST_NOTIFY_KEY);
    expect(config.VOORKEUREN_ENCRYPTION_KEY.primaryId).toBe('test-1');
    expect(verificatieBeleid(config)).toEqual(TEST_BELEID);
    expect(bewaartermijnen(config)).toEqual({
      verificatieMs: 7 * 86_400_000,
      ongeverifieerdMs: 30 * 86_400_000,
      historieMs: 730 * 86_400_000,
      // A year of "wie heeft mijn gegevens bekeken", with a month's margin.
      verwerkingenMs: 400 * 86_400_000,
    });
    expect(bewaartermijnen(loadVoorkeurenConfig({ ...ENV, VERWERKINGEN_BEWAARTERMIJN_DAGEN: '30' }))).toMatchObject({
      verwerkingenMs: 30 * 86_400_000,
    });
    expect(problems({ ...ENV, VERWERKINGEN_BEWAARTERMIJN_DAGEN: '0' })[0]).toMatch(
      /^VERWERKINGEN_BEWAARTERMIJN_DAGEN:/,
    );
  });

  it('refuses to start without the key, NotifyNL or its templates, naming each variable', () => {
    expect(problems({ INTERNAL_TOKEN_PUBLIC_KEYS: ENV.INTERNAL_TOKEN_PUBLIC_KEYS })).toEqual([
      'VOORKEUREN_ENCRYPTION_KEY: is required',
      'NOTIFYNL_URL: is required',
      'NOTIFYNL_API_KEY: is required',
      'NOTIFYNL_TEMPLATES: is required',
    ]);
  });

  it('names what is wrong with a malformed value, without repeating a secret', () => {
    const [sleutel] = problems({ ...ENV, VOORKEUREN_ENCRYPTION_KEY: 'zonder-id' });
    expect(sleutel).toBe('VOORKEUREN_ENCRYPTION_KEY: each key must be written as id:key');
    expect(problems({ ...ENV, NOTIFYNL_API_KEY: 'geheim' })[0]).toMatch(
      /^NOTIFYNL_API_KEY: must be a NotifyNL API key/,
    );
    expect(problems({ ...ENV, NOTIFYNL_TEMPLATES: '{"nl":{}}' })[0]).toMatch(/^NOTIFYNL_TEMPLATES\.nl\./);
    expect(problems({ ...ENV, DATABASE_URL: 'mysql://x' })).toEqual(['DATABASE_URL: must be a postgres:// URL']);
    expect(problems({ ...ENV, DATABASE_CONNECT_TIMEOUT_MS: '0' })[0]).toMatch(/^DATABASE_CONNECT_TIMEOUT_MS: /);
    expect(loadVoorkeurenConfig({ ...ENV, DATABASE_STATEMENT_TIMEOUT_MS: '800' }).DATABASE_STATEMENT_TIMEOUT_MS).toBe(
      800,
    );
    expect(problems({ ...ENV, VOORKEUREN_WIJZIG_NIVEAU: 'LAAG' })[0]).toMatch(/^VOORKEUREN_WIJZIG_NIVEAU:/);
    expect(problems({ ...ENV, NOTIFYNL_CALLBACK_TOKEN: 'kort' })[0]).toMatch(/^NOTIFYNL_CALLBACK_TOKEN:/);
  });

  it('refuses a retention of sent codes shorter than the resend window it must count', () => {
    expect(problems({ ...ENV, VOORKEUREN_BEWAAR_CODES_DAGEN: '1', VOORKEUREN_CODE_VENSTER_UREN: '48' })).toEqual([
      expect.stringMatching(/^VOORKEUREN_BEWAAR_CODES_DAGEN: must cover VOORKEUREN_CODE_VENSTER_UREN/),
    ]);
  });
});

describe('store maintenance', () => {
  it('purges what is past retention at start-up, and stops cleanly', async () => {
    await using store = await createSqliteVoorkeurenStore(':memory:', { cipher: testCipher() });
    const t0 = new Date('2026-01-01T00:00:00Z');
    await store.voegContactgegevenToe('p1', 'EMAIL', 'nooit-bevestigd@example.nl', '123456', TEST_BELEID, t0);
    const onderhoud = startOnderhoud({
      store,
      termijnen: {
        verificatieMs: 86_400_000,
        ongeverifieerdMs: 86_400_000,
        historieMs: 86_400_000 * 365,
        verwerkingenMs: 86_400_000 * 400,
      },
      intervalMs: 60_000,
      now: () => new Date('2026-01-03T00:00:00Z'),
      logger: silentLogger,
    });
    await onderhoud[Symbol.asyncDispose]();
    expect(await store.contactgegevens('p1')).toEqual([]);
  });
});
