import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';

/** What one stretch of load saw. */
export interface LoadResult {
  /** Answers received (errors included). */
  readonly requests: number;
  /**
   * Requests sent, answered or not: those still in flight when the load stops are served all the
   * same, so calls to subgraphs and upstreams are counted per request sent.
   */
  readonly sent: number;
  readonly errors: number;
  /**
   * Problem → how often: "HTTP 503", "fout UNAUTHENTICATED", "bron NIET_BESCHIKBAAR", "timeout",
   * "antwoord voor een ander" (an answer with another resident's `me.id`).
   */
  readonly problems: ReadonlyMap<string, number>;
  /** Time from the first request to the last answer, ms. */
  readonly wallMs: number;
  readonly latenciesMs: readonly number[];
}

export interface LoadTarget {
  readonly graphqlUrl: string;
  /** The request body, the same bytes for every gateway. */
  readonly body: string;
  /**
   * One access token per resident, with the `me.id` their answers must carry (none: a subgraph's
   * fetch that does not ask for it); taken in turn.
   */
  readonly residents: readonly { readonly token: string; readonly gebruikerId?: string }[];
  readonly connections: number;
}

/** A section whose source status is not OK: the only string-valued `status` in MijnOverzicht is `bron.status`. */
const NOT_OK = /"status":"(?!OK")([A-Z_]+)"/;
const ERROR_CODE = /"code":"([A-Z_]+)"/;

/**
 * Why an answer counts as an error, or undefined when it does not: anything but 200, GraphQL
 * errors, no `me`, a `me` of someone other than `gebruikerId` (when given), or a section whose
 * source is not OK. Read with string searches rather than
 * JSON.parse: the load generator shares its core with the subgraphs, and every millisecond it
 * spends is one they do not get.
 */
export function problemOf(status: number, body: string, gebruikerId?: string): string | undefined {
  if (status !== 200) return `HTTP ${status}`;
  if (body.includes('"errors"')) return `fout ${ERROR_CODE.exec(body)?.[1] ?? 'zonder code'}`;
  if (!body.includes('"me":{')) return 'geen me';
  // A gateway that merges requests of different residents hands one of them the other's page.
  if (gebruikerId !== undefined && !body.includes(`"id":${JSON.stringify(gebruikerId)}`)) {
    return 'antwoord voor een ander';
  }
  const notOk = NOT_OK.exec(body);
  return notOk ? `bron ${notOk[1]}` : undefined;
}

/**
 * `connections` requests in flight for `seconds`, each with the next resident's token (autocannon,
 * in this process). Latency per answer from autocannon's own timing; errors from the answers.
 * Each connection has one request in flight at a time, and autocannon hands `onResponse` the
 * context `setupRequest` filled for that request: so each answer is checked against the resident
 * who asked for it.
 */
export function runLoad(target: LoadTarget, seconds: number, signal: AbortSignal): Promise<LoadResult> {
  const problems = new Map<string, number>();
  const latenciesMs: number[] = [];
  let errors = 0;
  let next = 0;
  let sent = 0;
  const note = (problem: string) => {
    errors += 1;
    problems.set(problem, (problems.get(problem) ?? 0) + 1);
  };
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.graphqlUrl,
        connections: target.connections,
        duration: seconds,
        timeout: 30,
        // One request in flight per connection: what makes the own-answer check exact.
        pipelining: 1,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: target.body,
            // Called once for every request a connection sends.
            setupRequest: (request, context) => {
              sent += 1;
              const resident = target.residents[next];
              next = (next + 1) % target.residents.length;
              context['gebruikerId'] = resident?.gebruikerId;
              return { ...request, headers: { ...request.headers, authorization: `Bearer ${resident?.token ?? ''}` } };
            },
            onResponse: (status, body, context) => {
              const gebruikerId = context['gebruikerId'];
              const problem = problemOf(status, body, typeof gebruikerId === 'string' ? gebruikerId : undefined);
              if (problem !== undefined) note(problem);
            },
          },
        ],
      },
      (error, result) => {
        signal.removeEventListener('abort', stop);
        if (error) {
          reject(error);
          return;
        }
        // Failures without an answer (refused, reset, timed out) have no latency.
        for (let i = 0; i < result.timeouts; i++) note('timeout');
        for (let i = 0; i < result.errors - result.timeouts; i++) note('verbinding');
        resolve({
          requests: latenciesMs.length,
          sent,
          errors,
          problems,
          wallMs: performance.now() - started,
          latenciesMs,
        });
      },
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
      latenciesMs.push(responseTime);
    });
    const stop = () => instance.stop();
    signal.addEventListener('abort', stop, { once: true });
  });
}
