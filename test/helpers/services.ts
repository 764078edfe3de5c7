import { createClient } from 'redis';

/** Where tests find Redis (CI and these machines: 127.0.0.1:6379). */
export const TEST_REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

export type ServiceProbe = { ok: true } | { ok: false; reason: string };

/**
 * Whether a real Redis answers at `url`. Tests that need it skip, printing this reason, only when
 * it does not; CI always provides one.
 */
export async function probeRedis(url: string = TEST_REDIS_URL): Promise<ServiceProbe> {
  const probe = createClient({ url, socket: { connectTimeout: 1_000, reconnectStrategy: false } });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    await probe.ping();
    await probe.close();
    return { ok: true };
  } catch (error) {
    probe.destroy();
    return {
      ok: false,
      reason: `Redis at ${url} does not answer (${error instanceof Error ? error.message : 'unknown'})`,
    };
  }
}
