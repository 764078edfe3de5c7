import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import express, { type Router } from 'express';
import type { PlaygroundBrowserConfig } from './browser.js';
import { PLAYGROUND_CSS, PLAYGROUND_SCRIPT, renderPlaygroundPage } from './page.js';

export interface PlaygroundOptions {
  /** The OIDC provider to log in at, and the public client registered for the playground. */
  login: { issuer: string; clientId: string } | null;
  /** Example operations shown as tabs, first one first. */
  examples: ReadonlyArray<{ name: string; query: string }>;
}

const ASSETS = '/playground';

/** The prebuilt GraphiQL bundle of @graphql-yoga/graphiql, served from node_modules. */
function graphiqlDist(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@graphql-yoga/graphiql/package.json')), 'dist');
}

/**
 * Reads example operations (`*.graphql`) from a folder, the front page's `MijnOverzicht` first.
 * A missing folder gives no examples (the playground still works).
 */
export function loadExampleOperations(folder: string): Array<{ name: string; query: string }> {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => ({ name: basename(file, '.graphql'), query: readFileSync(join(folder, file), 'utf8') }))
    .sort(
      (a, b) => Number(b.name === 'MijnOverzicht') - Number(a.name === 'MijnOverzicht') || a.name.localeCompare(b.name),
    );
}

/**
 * The playground at `/` and its assets under `/playground`: GraphiQL served from the project's
 * own dependencies, so the page loads nothing from a CDN. Municipal networks block CDNs, and a
 * page that shows BRP data must not call third parties; the Content-Security-Policy enforces it.
 */
export function createPlaygroundRouter(options: PlaygroundOptions): Router {
  const router = express.Router();
  const config: PlaygroundBrowserConfig = {
    endpoint: '/graphql',
    assets: ASSETS,
    login: options.login ? { ...options.login, scope: 'openid' } : null,
    examples: [...options.examples],
  };
  const loginOrigin = options.login ? new URL(options.login.issuer).origin : '';
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    // GraphiQL and its editor set inline styles.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    `connect-src 'self' ${loginOrigin}`.trim(),
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');

  router.get('/', (_req, res) => {
    res.set({ 'content-security-policy': csp, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
    res.type('html').send(renderPlaygroundPage(config));
  });
  router.get(`${ASSETS}/playground.js`, (_req, res) => {
    res.type('application/javascript').send(PLAYGROUND_SCRIPT);
  });
  router.get(`${ASSETS}/playground.css`, (_req, res) => {
    res.type('text/css').send(PLAYGROUND_CSS);
  });
  const dist = graphiqlDist();
  router.get(`${ASSETS}/yoga-graphiql.umd.js`, (_req, res) => res.sendFile(join(dist, 'yoga-graphiql.umd.js')));
  router.get(`${ASSETS}/graphiql.css`, (_req, res) => res.sendFile(join(dist, 'graphiql.css')));
  router.use(`${ASSETS}/monacoeditorwork`, express.static(join(dist, 'monacoeditorwork'), { fallthrough: false }));
  return router;
}
