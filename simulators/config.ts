import { z } from 'zod';
import { ConfigError, env, parseEnv } from '../lib/config.js';

/**
 * Development-only credentials the simulators accept when none are configured. They are public
 * (this file is in the repository), which is fine because the simulators refuse to run in
 * production. The launcher gives the gateway the same values, so exported here.
 */
export const SIMULATOR_DEFAULTS = {
  zgwClientId: 'profielservice',
  zgwSecret: 'ontwikkel-geheim-zgw-niet-voor-productie',
  notifyServiceId: 'f0f4b2c5-8c8e-4a55-9d3e-4b1d8b0c6a11',
  notifySecret: '9b1e2f3a-6c7d-4e8f-a0b1-c2d3e4f5a6b7',
} as const;

const schema = z.object({
  NODE_ENV: env.nodeEnv(),
  SIM_HOST: z.string().min(1).default('127.0.0.1'),
  SIM_BRP_PORT: env.port(4011),
  SIM_ZGW_A_PORT: env.port(4012),
  SIM_ZGW_B_PORT: env.port(4013),
  SIM_MIJNOVERHEID_PORT: env.port(4014),
  SIM_NOTIFYNL_PORT: env.port(4015),
  SIM_ZGW_CLIENT_ID: z.string().min(1).default(SIMULATOR_DEFAULTS.zgwClientId),
  SIM_ZGW_SECRET: env.secret().default(SIMULATOR_DEFAULTS.zgwSecret),
  SIM_NOTIFYNL_SERVICE_ID: z.uuid('must be a UUID (the Notify service id)').default(SIMULATOR_DEFAULTS.notifyServiceId),
  SIM_NOTIFYNL_SECRET: env.secret().default(SIMULATOR_DEFAULTS.notifySecret),
  SIM_BRP_API_KEY: z.string().min(1).optional(),
  SIM_MIJNOVERHEID_TOKEN: z.string().min(1).optional(),
  SIM_NOTIFICATIONS_CALLBACK_URL: env.url().optional(),
  SIM_NOTIFICATIONS_CALLBACK_AUTH: z.string().min(1).optional(),
});

/** Configuration of the simulator process (`simulators/index.ts`). */
export interface SimulatorConfig {
  readonly host: string;
  readonly ports: {
    readonly brp: number;
    readonly zgwA: number;
    readonly zgwB: number;
    readonly mijnOverheid: number;
    readonly notifyNl: number;
  };
  readonly zgw: { readonly clientId: string; readonly secret: string };
  readonly notifyNl: { readonly serviceId: string; readonly secret: string };
  /** When set, the BRP simulator requires it in `X-API-KEY`. */
  readonly brpApiKey?: string;
  /** When set, the MijnOverheid simulator requires it as bearer token. */
  readonly mijnOverheidToken?: string;
  /** Where the ZGW simulators deliver notifications of new statuses. */
  readonly notificationsCallback?: { readonly url: string; readonly authorization?: string };
}

/**
 * Reads the simulator configuration from the environment once, at start-up. Throws
 * {@link ConfigError} naming each bad variable, and refuses `NODE_ENV=production`: simulated
 * upstreams with public credentials must never stand in for real ones.
 */
export function loadSimulatorConfig(
  environment: Readonly<Record<string, string | undefined>> = process.env,
): SimulatorConfig {
  const e = parseEnv(schema, environment);
  if (e.NODE_ENV === 'production') {
    throw new ConfigError(['NODE_ENV: the simulators are for development and tests; they refuse to run in production']);
  }
  return Object.freeze({
    host: e.SIM_HOST,
    ports: {
      brp: e.SIM_BRP_PORT,
      zgwA: e.SIM_ZGW_A_PORT,
      zgwB: e.SIM_ZGW_B_PORT,
      mijnOverheid: e.SIM_MIJNOVERHEID_PORT,
      notifyNl: e.SIM_NOTIFYNL_PORT,
    },
    zgw: { clientId: e.SIM_ZGW_CLIENT_ID, secret: e.SIM_ZGW_SECRET },
    notifyNl: { serviceId: e.SIM_NOTIFYNL_SERVICE_ID, secret: e.SIM_NOTIFYNL_SECRET },
    ...(e.SIM_BRP_API_KEY !== undefined ? { brpApiKey: e.SIM_BRP_API_KEY } : {}),
    ...(e.SIM_MIJNOVERHEID_TOKEN !== undefined ? { mijnOverheidToken: e.SIM_MIJNOVERHEID_TOKEN } : {}),
    ...(e.SIM_NOTIFICATIONS_CALLBACK_URL !== undefined
      ? {
          notificationsCallback: {
            url: e.SIM_NOTIFICATIONS_CALLBACK_URL,
            ...(e.SIM_NOTIFICATIONS_CALLBACK_AUTH !== undefined
              ? { authorization: e.SIM_NOTIFICATIONS_CALLBACK_AUTH }
              : {}),
          },
        }
      : {}),
  });
}
