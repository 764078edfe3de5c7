import { request } from 'undici';
import { SIMULATED_API_PATHS } from '../../simulators/wiring.js';
import { JOURNAL_DROPPED_HEADER } from '../../simulators/shared/journal.js';
import type { PortVariable } from '../soak/stack.js';
import type { Mode } from './options.js';

/**
 * The simulated upstreams as the benchmark sees them: the latency each is given per mode, what
 * each was asked (from its request journal, `GET /_simulator/journal`), and what each subgraph
 * was asked (from its `/metrics`).
 */

/** The simulators the product reads from while it answers MijnOverzicht, by their port variable. */
export const SOURCES = {
  SIM_BRP_PORT: 'BRP',
  SIM_ZGW_A_PORT: 'zaaksysteem A',
  SIM_ZGW_B_PORT: 'zaaksysteem B',
  SIM_MIJNOVERHEID_PORT: 'MijnOverheid',
} as const satisfies Partial<Record<PortVariable, string>>;
export type SourcePort = keyof typeof SOURCES;
export const SOURCE_PORTS = Object.keys(SOURCES) as SourcePort[];

/**
 * Latency per source in the realistic mode (issue 14): BRP 80 ms, zaken 120 ms (both
 * zaaksystemen), MijnOverheid 150 ms. Injected by each simulator before it answers, so every
 * call to it waits this long; catalogus calls too.
 */
export const REALISTIC_LATENCY_MS: Readonly<Record<SourcePort, number>> = {
  SIM_BRP_PORT: 80,
  SIM_ZGW_A_PORT: 120,
  SIM_ZGW_B_PORT: 120,
  SIM_MIJNOVERHEID_PORT: 150,
};

/** The slowest source of the realistic mode: a page cannot be faster than this. */
export const SLOWEST_SOURCE_MS = Math.max(...Object.values(REALISTIC_LATENCY_MS));

type Url = (port: PortVariable, path?: string) => string;

async function callWithHeaders(
  url: string,
  method: 'GET' | 'PUT' | 'DELETE',
  body?: unknown,
): Promise<{ text: string; headers: Readonly<Record<string, string | string[] | undefined>> }> {
  const response = await request(url, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    headersTimeout: 30_000,
    bodyTimeout: 60_000,
  });
  const text = await response.body.text();
  if (response.statusCode >= 300) throw new Error(`${method} ${url}: HTTP ${response.statusCode}`);
  return { text, headers: response.headers };
}

async function call(url: string, method: 'GET' | 'PUT' | 'DELETE', body?: unknown): Promise<string> {
  return (await callWithHeaders(url, method, body)).text;
}

/** Puts every source in the latency of `mode` (PUT replaces all faults: nothing else is injected). */
export async function setLatencyMode(url: Url, mode: Mode): Promise<void> {
  await Promise.all(
    SOURCE_PORTS.map((port) =>
      call(
        url(port, '/_simulator/faults'),
        'PUT',
        mode === 'realistic' ? { latencyMs: REALISTIC_LATENCY_MS[port] } : {},
      ),
    ),
  );
}

/** Empties the journals, so the next reading holds one measured run only. */
export async function clearJournals(url: Url): Promise<void> {
  await Promise.all(SOURCE_PORTS.map((port) => call(url(port, '/_simulator/journal'), 'DELETE')));
}

/** The API a path belongs to ("BRP personen", "zaaksysteem A catalogi", …). */
function apiOf(source: string, path: string): string {
  const api = Object.entries(SIMULATED_API_PATHS).find(([, prefix]) => path.startsWith(prefix))?.[0];
  if (!api) return `${source} (other)`;
  return source === 'BRP' ? 'BRP' : `${source} ${api}`;
}

/**
 * Requests per API in the journals since they were last emptied, then empties them: the journal
 * holds every request with its headers and body, and would otherwise grow for the whole run.
 */
export async function readJournals(url: Url): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const port of SOURCE_PORTS) {
    const { text, headers } = await callWithHeaders(url(port, '/_simulator/journal'), 'GET');
    // A journal that let entries go would make the calls per request look fewer than they were.
    const dropped = Number(headers[JOURNAL_DROPPED_HEADER] ?? 0);
    if (dropped > 0) {
      throw new Error(`the ${SOURCES[port]} simulator's journal let ${dropped} requests go: run shorter (--seconds)`);
    }
    const entries = JSON.parse(text) as { path?: unknown }[];
    for (const entry of entries) {
      const api = apiOf(SOURCES[port], typeof entry.path === 'string' ? entry.path : '');
      counts.set(api, (counts.get(api) ?? 0) + 1);
    }
  }
  await clearJournals(url);
  return counts;
}

/** The subgraphs and the port of their `/graphql` (and `/metrics`). */
export const SUBGRAPH_PORTS = {
  brp: 'SUBGRAPH_BRP_PORT',
  zaken: 'SUBGRAPH_ZAKEN_PORT',
  berichten: 'SUBGRAPH_BERICHTEN_PORT',
  voorkeuren: 'SUBGRAPH_VOORKEUREN_PORT',
} as const satisfies Record<string, PortVariable>;
export type SubgraphName = keyof typeof SUBGRAPH_PORTS;
export const SUBGRAPHS = Object.keys(SUBGRAPH_PORTS) as SubgraphName[];

/** `/graphql` requests each subgraph has served so far (every status), from its `/metrics`; null when unreadable. */
export async function subgraphRequestCounts(url: Url): Promise<Record<SubgraphName, number | null>> {
  const entries = await Promise.all(
    SUBGRAPHS.map(async (name) => {
      try {
        const text = await call(url(SUBGRAPH_PORTS[name], '/metrics'), 'GET');
        let total = 0;
        for (const match of text.matchAll(/^profielservice_http_requests_total\{([^}]*)\} (\S+)$/gm)) {
          if ((match[1] ?? '').includes('route="/graphql"')) total += Number(match[2]);
        }
        return [name, total] as const;
      } catch {
        return [name, null] as const;
      }
    }),
  );
  return Object.fromEntries(entries) as Record<SubgraphName, number | null>;
}
