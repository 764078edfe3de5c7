import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { listen, type Listening } from '../../lib/http/listen.js';
import { loadPortalOperations } from '../../portal/bff/operations.js';
import { createPortal } from '../../portal/bff/portal.js';
import { createMemorySessionStore } from '../../portal/bff/sessions.js';
import type { Stack } from '../helpers/stack.js';

const VITE_CONFIG = fileURLToPath(new URL('../../portal/vite.config.ts', import.meta.url));
export const OPERATIONS_DIR = fileURLToPath(new URL('../../portal/src/operations', import.meta.url));
const MANIFEST = fileURLToPath(new URL('../../schema/generated/persisted-documents.json', import.meta.url));

/** Builds the front-end into a fresh folder, so a test never serves a stale or half-written build. */
export async function buildFrontEnd(): Promise<{ dir: string; remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'portaal-web-'));
  // As `npx vite build` does: React's and urql's production builds, which vitest's NODE_ENV=test
  // would turn off. NODE_ENV goes back afterwards: the DigiD-simulator refuses "production".
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({
      configFile: VITE_CONFIG,
      mode: 'production',
      logLevel: 'silent',
      build: { outDir: dir, emptyOutDir: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = nodeEnv;
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface RunningPortal extends AsyncDisposable {
  readonly url: string;
  /** Moves the portal's clock forward, e.g. past the idle timeout of its sessions. */
  advanceClock(ms: number): void;
}

/** A socket for the portal on 127.0.0.1:0, open before the stack, whose IdP must know its callback. */
export async function reservePortal(): Promise<{ server: Server; listening: Listening; callbackUrl: string }> {
  const server = createServer();
  const listening = await listen(server, { port: 0 });
  return { server, listening, callbackUrl: `${listening.url}/callback` };
}

/** The portal's back-end on the reserved socket, against a test stack. */
export async function startPortal(
  stack: Stack,
  reserved: { server: Server; listening: Listening; callbackUrl: string },
  options: { staticDir: string; idleMs?: number },
): Promise<RunningPortal> {
  let offset = 0;
  const now = () => Date.now() + offset;
  const { server, listening } = reserved;
  const portal = createPortal({
    publicUrl: listening.url,
    gatewayUrl: stack.gatewayUrl,
    gatewayTimeoutMs: 5_000,
    oidc: { issuer: stack.idp.issuer, clientId: stack.idp.clientId, redirectUri: reserved.callbackUrl },
    sessions: createMemorySessionStore({
      secret: 'test-portaal-sessie-geheim-0123456789',
      idleMs: options.idleMs ?? 15 * 60_000,
      now,
    }),
    // By the gateway manifest's ids, as `npm start` runs it.
    operations: loadPortalOperations(OPERATIONS_DIR, MANIFEST),
    staticDir: options.staticDir,
    now,
  });
  server.on('request', portal.handler);
  return {
    url: listening.url,
    advanceClock: (ms) => {
      offset += ms;
    },
    [Symbol.asyncDispose]: () => listening.close(),
  };
}
