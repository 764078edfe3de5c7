/**
 * `npm start`: the whole stack on this machine, embedded, on loopback. Starts the simulated
 * upstreams, the development identity provider, the four subgraphs and the gateway as separate
 * Node processes running the compiled JavaScript, waits until each answers, and prints the URLs.
 * Any variable already set in the environment wins, so a real BRP, zaaksysteem or OIDC broker can
 * be used by setting its URL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { hkdfSync } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { env, parseEnv } from '../lib/config.js';
import { SIMULATOR_DEFAULTS } from '../simulators/config.js';
import { SIMULATED_AFZENDERS } from '../simulators/mijnoverheid/seed.js';
import { NOTIFY_TEMPLATES } from '../simulators/notifynl/templates.js';
import { loadOrCreateDevSecrets } from './dev-secrets.js';

const ROOT = new URL('../..', import.meta.url).pathname; // dist/scripts → project root
/** Logs, the SQLite store and development secrets; `PROFIELSERVICE_DATA_DIR` moves them (tests do). */
const DATA = process.env['PROFIELSERVICE_DATA_DIR'] ?? join(ROOT, 'data');
const LOGS = join(DATA, 'logs');

const ports = parseEnv(
  z.object({
    GATEWAY_PORT: env.port(4000),
    SUBGRAPH_BRP_PORT: env.port(4001),
    SUBGRAPH_ZAKEN_PORT: env.port(4002),
    SUBGRAPH_BERICHTEN_PORT: env.port(4003),
    SUBGRAPH_VOORKEUREN_PORT: env.port(4004),
    IDP_PORT: env.port(4010),
    SIM_BRP_PORT: env.port(4011),
    SIM_ZGW_A_PORT: env.port(4012),
    SIM_ZGW_B_PORT: env.port(4013),
    SIM_MIJNOVERHEID_PORT: env.port(4014),
    SIM_NOTIFYNL_PORT: env.port(4015),
    SIM_ZGW_CLIENT_ID: z.string().default(SIMULATOR_DEFAULTS.zgwClientId),
    SIM_ZGW_SECRET: z.string().default(SIMULATOR_DEFAULTS.zgwSecret),
  }),
  process.env,
);

const local = (port: number, path = '') => `http://127.0.0.1:${port}${path}`;

interface Service {
  name: string;
  script: string;
  env: Record<string, string>;
  health: string;
  show?: { label: string; url: string };
}

const secrets = await loadOrCreateDevSecrets(join(DATA, 'dev-secrets.json'));
const issuer = process.env['OIDC_ISSUER'] ?? `http://localhost:${ports.IDP_PORT}`;
const zgwSource = (naam: string, port: number) => ({
  naam,
  zakenUrl: local(port, '/zaken/api/v1'),
  catalogiUrl: local(port, '/catalogi/api/v1'),
  documentenUrl: local(port, '/documenten/api/v1'),
  clientId: ports.SIM_ZGW_CLIENT_ID,
  secret: ports.SIM_ZGW_SECRET,
});
// The ZGW simulators announce status changes to the voorkeuren subgraph, as a Notificaties
// abonnement would, with this Authorization header (derived from the stored development secret).
const notificatiesAuth = `Bearer ${Buffer.from(
  hkdfSync('sha256', secrets.pseudonymKey, 'npm-start', 'zgw notificaties', 32),
).toString('base64url')}`;
const subgraphEnv = (port: number) => ({
  PORT: String(port),
  INTERNAL_TOKEN_PUBLIC_KEYS: JSON.stringify(secrets.internalPublicJwks),
});

const services: Service[] = [
  {
    name: 'simulators',
    script: 'simulators/index.js',
    env: {
      SIM_NOTIFICATIONS_CALLBACK_URL: local(ports.SUBGRAPH_VOORKEUREN_PORT, '/zgw/notificaties'),
      SIM_NOTIFICATIONS_CALLBACK_AUTH: notificatiesAuth,
    },
    health: local(ports.SIM_BRP_PORT, '/_simulator/health'),
  },
  {
    name: 'idp',
    script: 'simulators/idp/index.js',
    env: {
      IDP_PORT: String(ports.IDP_PORT),
      IDP_ISSUER: issuer,
      // The playground at the gateway's root and `npm run token` log in here.
      IDP_REDIRECT_URIS: [
        `http://localhost:${ports.GATEWAY_PORT}/`,
        `http://127.0.0.1:${ports.GATEWAY_PORT}/`,
        `${issuer}/cli/callback`,
      ].join(','),
    },
    health: `${issuer}/.well-known/openid-configuration`,
    show: { label: 'Inloggen (DigiD-simulator)', url: issuer },
  },
  {
    name: 'brp',
    script: 'subgraphs/brp/index.js',
    env: { ...subgraphEnv(ports.SUBGRAPH_BRP_PORT), BRP_URL: local(ports.SIM_BRP_PORT, '/haalcentraal/api/brp') },
    health: local(ports.SUBGRAPH_BRP_PORT, '/health'),
  },
  {
    name: 'zaken',
    script: 'subgraphs/zaken/index.js',
    env: {
      ...subgraphEnv(ports.SUBGRAPH_ZAKEN_PORT),
      ZAKEN_BRONNEN: JSON.stringify([
        zgwSource('Zaaksysteem gemeente A', ports.SIM_ZGW_A_PORT),
        // Simulator B is Open Zaak: it also finds organisations by KvK number.
        { ...zgwSource('Zaaksysteem gemeente B', ports.SIM_ZGW_B_PORT), kvkFilters: true },
      ]),
      // A key of its own for document links, derived from the stored development secret.
      ZAKEN_DOCUMENT_LINK_SECRET: Buffer.from(
        hkdfSync('sha256', secrets.pseudonymKey, 'npm-start', 'zaken document links', 32),
      ).toString('base64url'),
      // Portals fetch documents through the gateway, which passes them on to this subgraph.
      ZAKEN_DOCUMENT_LINK_BASE_URL: `http://localhost:${ports.GATEWAY_PORT}`,
    },
    health: local(ports.SUBGRAPH_ZAKEN_PORT, '/health'),
  },
  {
    name: 'berichten',
    script: 'subgraphs/berichten/index.js',
    env: {
      ...subgraphEnv(ports.SUBGRAPH_BERICHTEN_PORT),
      MIJNOVERHEID_BERICHTENBOX_URL: local(ports.SIM_MIJNOVERHEID_PORT, '/berichtenbox/api/v1'),
      MIJNOVERHEID_LOPENDEZAKEN_URL: local(ports.SIM_MIJNOVERHEID_PORT, '/lopendezaken/api/v1'),
      MIJNOVERHEID_AFZENDERS: JSON.stringify(SIMULATED_AFZENDERS),
    },
    health: local(ports.SUBGRAPH_BERICHTEN_PORT, '/health'),
  },
  {
    name: 'voorkeuren',
    script: 'subgraphs/voorkeuren/index.js',
    env: {
      ...subgraphEnv(ports.SUBGRAPH_VOORKEUREN_PORT),
      VOORKEUREN_SQLITE_PATH: join(DATA, 'voorkeuren.sqlite'),
      // Keys of its own, derived from the stored development secret (stable across restarts,
      // so the stored contact details stay readable).
      VOORKEUREN_ENCRYPTION_KEY: `dev-1:${Buffer.from(
        hkdfSync('sha256', secrets.pseudonymKey, 'npm-start', 'voorkeuren encryption', 32),
      ).toString('base64url')}`,
      NOTIFYNL_CALLBACK_TOKEN: Buffer.from(
        hkdfSync('sha256', secrets.pseudonymKey, 'npm-start', 'notifynl callback', 32),
      ).toString('base64url'),
      NOTIFYNL_URL: local(ports.SIM_NOTIFYNL_PORT),
      NOTIFYNL_API_KEY: `ontwikkel-${SIMULATOR_DEFAULTS.notifyServiceId}-${SIMULATOR_DEFAULTS.notifySecret}`,
      NOTIFYNL_TEMPLATES: JSON.stringify({
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
      }),
      // Meldingen about zaken: status changes of both zaaksystemen, residents found by pseudonym.
      MELDINGEN_NOTIFICATIES_AUTH: notificatiesAuth,
      MELDINGEN_BRONNEN: JSON.stringify([
        zgwSource('Zaaksysteem gemeente A', ports.SIM_ZGW_A_PORT),
        { ...zgwSource('Zaaksysteem gemeente B', ports.SIM_ZGW_B_PORT), kvkFilters: true },
      ]),
      PSEUDONYM_KEY: secrets.pseudonymKey,
      MELDINGEN_PORTAAL_URL: `http://localhost:${ports.GATEWAY_PORT}`,
    },
    health: local(ports.SUBGRAPH_VOORKEUREN_PORT, '/health'),
  },
  {
    name: 'gateway',
    script: 'gateway/index.js',
    env: {
      PORT: String(ports.GATEWAY_PORT),
      OIDC_ISSUER: issuer,
      OIDC_AUDIENCE: 'profielservice',
      INTERNAL_TOKEN_PRIVATE_KEY: JSON.stringify(secrets.internalPrivateJwk),
      PSEUDONYM_KEY: secrets.pseudonymKey,
      SUBGRAPH_BRP_URL: local(ports.SUBGRAPH_BRP_PORT, '/graphql'),
      SUBGRAPH_ZAKEN_URL: local(ports.SUBGRAPH_ZAKEN_PORT, '/graphql'),
      SUBGRAPH_BERICHTEN_URL: local(ports.SUBGRAPH_BERICHTEN_PORT, '/graphql'),
      SUBGRAPH_VOORKEUREN_URL: local(ports.SUBGRAPH_VOORKEUREN_PORT, '/graphql'),
      SUPERGRAPH_FILE: join(ROOT, 'schema/supergraph.graphql'),
    },
    health: local(ports.GATEWAY_PORT, '/health'),
    show: { label: 'GraphQL gateway', url: `http://localhost:${ports.GATEWAY_PORT}/graphql` },
  },
];

mkdirSync(LOGS, { recursive: true });
const children = new Map<string, ChildProcess>();
let stopping = false;

function stopAll(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children.values()) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 2_000).unref();
  Promise.all(
    [...children.values()].map((c) => new Promise((r) => (c.exitCode === null ? c.once('exit', r) : r(null)))),
  ).then(
    () => process.exit(code),
    () => process.exit(code),
  );
}

function start(service: Service): void {
  const log = createWriteStream(join(LOGS, `${service.name}.log`), { flags: 'a' });
  // Variables the user set win over the defaults, so real upstreams can be configured.
  const childEnv = {
    NODE_ENV: process.env['NODE_ENV'] ?? 'development',
    ...service.env,
    ...pick(process.env, Object.keys(service.env)),
  };
  const child = spawn(process.execPath, ['--enable-source-maps', join(ROOT, 'dist', service.script)], {
    cwd: ROOT,
    env: { ...process.env, ...childEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.on('data', (chunk: Buffer) => {
    log.write(chunk);
    process.stderr.write(chunk); // each process prefixes its own lines with its name
  });
  child.once('exit', (code, signal) => {
    children.delete(service.name);
    if (!stopping) {
      console.error(
        `\n${service.name} stopte onverwacht (${signal ?? `code ${code}`}). Zie ${join(LOGS, `${service.name}.log`)}.`,
      );
      stopAll(1);
    }
  });
  children.set(service.name, child);
}

/** Values from `source` for the names in `keys` that are set there (process-specific names like PORT excluded). */
function pick(source: NodeJS.ProcessEnv, keys: string[]): Record<string, string> {
  const shared = keys.filter((k) => k !== 'PORT');
  return Object.fromEntries(shared.flatMap((k) => (source[k] ? [[k, source[k]]] : [])));
}

async function waitUntilHealthy(service: Service, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (stopping) return;
    try {
      const response = await fetch(service.health, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${service.name} answered no health check within 30 seconds`);
}

process.once('SIGINT', () => stopAll(0));
process.once('SIGTERM', () => stopAll(0));

const started = Date.now();
const deadline = started + 30_000;
const [upstreams, rest] = [services.slice(0, 2), services.slice(2)];
try {
  for (const s of upstreams) start(s);
  await Promise.all(upstreams.map((s) => waitUntilHealthy(s, deadline)));
  for (const s of rest) start(s);
  await Promise.all(rest.map((s) => waitUntilHealthy(s, deadline)));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  stopAll(1);
}
if (!stopping) {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const line = (label: string, url: string) => `  ${label.padEnd(30)} ${url}`;
  console.log(
    [
      '',
      `Profielservice Mijn-Omgeving draait (opgestart in ${seconds} s):`,
      line('Playground (GraphiQL)', `http://localhost:${ports.GATEWAY_PORT}/`),
      ...services.flatMap((s) => (s.show ? [line(s.show.label, s.show.url)] : [])),
      line('Subgraph brp', local(ports.SUBGRAPH_BRP_PORT, '/graphql')),
      line('Subgraph zaken', local(ports.SUBGRAPH_ZAKEN_PORT, '/graphql')),
      line('Subgraph berichten', local(ports.SUBGRAPH_BERICHTEN_PORT, '/graphql')),
      line('Subgraph voorkeuren', local(ports.SUBGRAPH_VOORKEUREN_PORT, '/graphql')),
      line('Simulator BRP Personen v2', local(ports.SIM_BRP_PORT, '/haalcentraal/api/brp')),
      line('Simulator zaaksysteem A', local(ports.SIM_ZGW_A_PORT, '/zaken/api/v1')),
      line('Simulator zaaksysteem B', local(ports.SIM_ZGW_B_PORT, '/zaken/api/v1')),
      line('Simulator MijnOverheid', local(ports.SIM_MIJNOVERHEID_PORT, '/berichtenbox/api/v1')),
      line('Simulator NotifyNL', local(ports.SIM_NOTIFYNL_PORT, '/v2/notifications')),
      '',
      `Token voor een testpersoon:  npm run token -- --bsn 999993653`,
      `Logbestanden:                ${LOGS}`,
      'Stoppen: Ctrl+C',
    ].join('\n'),
  );
}
