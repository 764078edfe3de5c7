import { sameSecret } from '../crypto/same-secret.js';
import { bearerToken } from './bearer.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Express } from 'express';
import { httpDuration, httpRequests, metricsText } from '../observability/metrics.js';

/** One condition a process needs before it takes traffic (e.g. "supergraph loaded"). */
export interface ReadinessCheck {
  readonly name: string;
  check(): boolean | Promise<boolean>;
}

/**
 * Liveness and readiness of one process. `/health` says the process runs (restart it when not);
 * `/ready` says it should get traffic: every check holds and it is not stopping. On SIGTERM the
 * process calls {@link Health.stopping} first, so a load balancer stops sending requests while
 * the ones under way finish.
 */
export interface Health {
  readonly isStopping: boolean;
  stopping(): void;
  readiness(): Promise<{ ready: boolean; checks: Record<string, boolean> }>;
}

export function createHealth(checks: readonly ReadinessCheck[] = []): Health {
  let isStopping = false;
  return {
    get isStopping() {
      return isStopping;
    },
    stopping() {
      isStopping = true;
    },
    async readiness() {
      const results: Record<string, boolean> = {};
      for (const c of checks) {
        try {
          results[c.name] = await c.check();
        } catch {
          results[c.name] = false;
        }
      }
      results['stopt niet'] = !isStopping;
      return { ready: Object.values(results).every(Boolean), checks: results };
    },
  };
}

export interface OperationsOptions {
  /** The process's name in `/health` (e.g. `gateway`, `brp`). */
  name: string;
  health: Health;
  /**
   * `/metrics`: `true` to serve it, `false` to leave it out, or a bearer token it then requires
   * (for a process that faces the internet, such as the gateway).
   */
  metrics: boolean | { token: string };
}

/** Records count and latency of every request, by route (`/graphql`, `/documenten`, …). */
export function requestMetrics(route: string) {
  return (_req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const stop = httpDuration.startTimer({ route });
    res.once('finish', () => {
      stop();
      httpRequests.inc({ route, status: String(res.statusCode) });
    });
    next();
  };
}

/** Mounts `GET /health`, `GET /ready` and (when on) `GET /metrics` on `app`. */
export function mountOperations(app: Express, options: OperationsOptions): void {
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', process: options.name });
  });
  app.get('/ready', async (_req, res) => {
    const { ready, checks } = await options.health.readiness();
    res.status(ready ? 200 : 503).json({ status: ready ? 'klaar' : 'niet klaar', process: options.name, checks });
  });
  const { metrics } = options;
  if (metrics === false) return;
  app.get('/metrics', async (req, res) => {
    if (typeof metrics === 'object' && !sameSecret(bearerToken(req.headers.authorization), metrics.token)) {
      res.status(401).setHeader('www-authenticate', 'Bearer').end();
      return;
    }
    const { contentType, body } = await metricsText();
    res.type(contentType).send(body);
  });
}
