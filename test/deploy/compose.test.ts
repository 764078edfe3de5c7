import { loadPortalConfig } from '../../portal/bff/config.js';
import { readFileSync } from 'node:fs';
import { parseEnv as parseDotenv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateInternalKeyPair } from '../../lib/internal-token.js';
import { loadGatewayConfig } from '../../gateway/config.js';
import { loadExampleOperations } from '../../gateway/playground/playground.js';
import { loadBrpConfig } from '../../subgraphs/brp/config.js';
import { loadZakenConfig } from '../../subgraphs/zaken/config.js';
import { loadBerichtenConfig } from '../../subgraphs/berichten/config.js';
import { loadVoorkeurenConfig } from '../../subgraphs/voorkeuren/config.js';
import { loadSimulatorConfig } from '../../simulators/config.js';
import { loadIdpConfig } from '../../simulators/idp/config.js';
import { PRODUCT_ENV, PRODUCT_NODE_FLAGS } from '../../scripts/product-runtime.js';

/**
 * No Docker engine runs on the project's machines, so the compose file is checked as data:
 * structure, health checks, dependencies, and that every process accepts the environment it
 * gets (its own config loader runs on it, as at start-up).
 */

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  profiles?: string[];
  ports?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string; required?: boolean }>;
}

const compose = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};
const { services } = compose;

/** Compose's variable interpolation: ${X}, ${X:-default}, ${X-default}, ${X:?error}. */
function interpolate(value: string, env: Record<string, string>): string {
  return value.replace(
    /\$\{([A-Z0-9_]+)(?:(:?-)([^}]*)|(:?\?)([^}]*))?\}/g,
    (_m, name: string, dash, fallback, question, message) => {
      const set = env[name];
      if (dash) return (dash === ':-' ? set || fallback : (set ?? fallback)) as string;
      if (question && !set) throw new Error(`${name} is required: ${message as string}`);
      return set ?? '';
    },
  );
}

async function deploymentEnv(): Promise<Record<string, string>> {
  const { privateJwk, publicJwks } = await generateInternalKeyPair('compose-test');
  return {
    ...parseDotenv(readFileSync('.env.example', 'utf8')),
    INTERNAL_TOKEN_PRIVATE_KEY: JSON.stringify(privateJwk),
    INTERNAL_TOKEN_PUBLIC_KEYS: JSON.stringify(publicJwks),
    PSEUDONYM_KEY: 'p'.repeat(43),
    VOORKEUREN_ENCRYPTION_KEY: `test:${'k'.repeat(43)}`,
    ZAKEN_DOCUMENT_LINK_SECRET: 'd'.repeat(43),
    PORTAL_SESSION_SECRET: 's'.repeat(43),
  };
}

const LOADERS: Record<string, (env: Record<string, string>) => unknown> = {
  gateway: loadGatewayConfig,
  brp: loadBrpConfig,
  zaken: loadZakenConfig,
  berichten: loadBerichtenConfig,
  voorkeuren: loadVoorkeurenConfig,
  simulators: loadSimulatorConfig,
  idp: loadIdpConfig,
  portal: loadPortalConfig,
};

describe('docker-compose.yml', () => {
  it('has the gateway, four subgraphs, Redis and PostgreSQL, and simulators, IdP and portal only under the dev profile', () => {
    expect(Object.keys(services).sort()).toEqual(
      ['berichten', 'brp', 'gateway', 'idp', 'portal', 'postgres', 'redis', 'simulators', 'voorkeuren', 'zaken'].sort(),
    );
    expect(services['simulators']?.profiles).toEqual(['dev']);
    expect(services['idp']?.profiles).toEqual(['dev']);
    expect(services['portal']?.profiles).toEqual(['dev']);
    for (const name of ['gateway', 'brp', 'zaken', 'berichten', 'voorkeuren', 'redis', 'postgres']) {
      expect(services[name]?.profiles, name).toBeUndefined();
    }
    expect(services['gateway']?.ports).toEqual(['4000:4000']);
  });

  it('gives every service a health check, and starts dependants only when what they need is healthy', () => {
    for (const [name, service] of Object.entries(services)) {
      expect(service.healthcheck?.test, name).toBeDefined();
      for (const [dependency, condition] of Object.entries(service.depends_on ?? {})) {
        expect(services[dependency], `${name} depends on ${dependency}`).toBeDefined();
        expect(condition.condition).toBe('service_healthy');
        // A dev-only service may be absent in production; the dependency must say so.
        if (services[dependency]?.profiles) expect(condition.required).toBe(false);
      }
    }
    expect(Object.keys(services['gateway']?.depends_on ?? {})).toEqual(
      expect.arrayContaining(['brp', 'zaken', 'berichten', 'voorkeuren']),
    );
  });

  it('health checks ask each process on the port it listens on', async () => {
    const env = await deploymentEnv();
    for (const [name, service] of Object.entries(services)) {
      if (!service.build) continue;
      const port = service.environment?.['PORT'] ?? { simulators: '4011', idp: '4010', portal: '4020' }[name];
      expect(service.healthcheck?.test.join(' '), name).toContain(`127.0.0.1:${interpolate(port ?? '', env)}/`);
    }
  });

  it.each(Object.keys(LOADERS))('the %s process accepts the environment compose gives it', async (name) => {
    const env = await deploymentEnv();
    const given = Object.fromEntries(
      Object.entries(services[name]?.environment ?? {}).map(([key, value]) => [key, interpolate(String(value), env)]),
    );
    expect(() => LOADERS[name]?.(given)).not.toThrow();
  });

  it('refuses to start without the secrets (compose stops with the message)', () => {
    expect(() => interpolate(String(services['gateway']?.environment?.['PSEUDONYM_KEY']), {})).toThrow(/npm run keys/);
  });

  it('with the dev profile the gateway serves what npm start serves: playground, login, example operations', async () => {
    const env = await deploymentEnv();
    const gatewayEnv = Object.fromEntries(
      Object.entries(services['gateway']?.environment ?? {}).map(([k, v]) => [k, interpolate(String(v), env)]),
    );
    const config = loadGatewayConfig(gatewayEnv);
    expect(config.playground).toBe(true);
    expect(config.introspection).toBe(true);
    expect(config.playgroundClientId).toBe('mijn-omgeving-dev');
    // The IdP registers the playground at the gateway's published address as a redirect URI.
    const idp = loadIdpConfig(
      Object.fromEntries(
        Object.entries(services['idp']?.environment ?? {}).map(([k, v]) => [k, interpolate(String(v), env)]),
      ),
    );
    expect(idp.redirectUris).toContain('http://localhost:4000/');
    // The example operations are in the image: their folder is one the Dockerfile's runtime stage copies.
    const dockerfile = readFileSync('Dockerfile', 'utf8');
    const copied = [...dockerfile.matchAll(/^COPY --chown=\S+ (\S+) \S+$/gm)].map((m) => m[1]);
    expect(copied.some((dir) => dir && config.PLAYGROUND_OPERATIONS_DIR.startsWith(`${dir}/`))).toBe(true);
    expect(loadExampleOperations(config.PLAYGROUND_OPERATIONS_DIR).map((e) => e.name)).toContain('MijnOverzicht');
  });

  it('runs the compiled code of one multi-stage image as a non-root user', () => {
    const dockerfile = readFileSync('Dockerfile', 'utf8');
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/RUN npm ci/);
    expect(dockerfile).toMatch(/npm run build/);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).not.toMatch(/npm install/);
    for (const [name, service] of Object.entries(services)) {
      if (!service.build) continue;
      expect(service.command?.[0], name).toBe('node');
      expect(service.command?.at(-1), name).toMatch(/^dist\/.+\.js$/);
    }
  });

  it('runs the gateway and the subgraphs with the heap limits and malloc settings npm start gives them', () => {
    // The limits are what the memory targets were measured with; a deployment that drifts from
    // npm start would run with figures nobody measured.
    for (const [name, flags] of Object.entries(PRODUCT_NODE_FLAGS)) {
      expect(services[name]?.command, name).toEqual(['node', ...flags, expect.stringMatching(/^dist\/.+\.js$/)]);
    }
    const dockerfile = readFileSync('Dockerfile', 'utf8');
    const cmd = dockerfile.match(/^CMD (\[.*\])$/m)?.[1];
    expect(JSON.parse(cmd ?? '[]')).toEqual(['node', ...PRODUCT_NODE_FLAGS.gateway, 'dist/gateway/index.js']);
    // The runtime stage's ENV reaches every container of the image.
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('FROM '));
    const env = Object.fromEntries(
      [...runtime.matchAll(/^ENV (.+)$/gm)].flatMap((m) => (m[1] ?? '').split(/\s+/).map((pair) => pair.split('='))),
    );
    for (const [variable, value] of Object.entries(PRODUCT_ENV)) expect(env[variable], variable).toBe(value);
  });
});
