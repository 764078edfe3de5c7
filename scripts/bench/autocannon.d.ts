/**
 * Typed boundary for `autocannon` 9.x, which ships no type declarations of its own.
 *
 * Only the part the benchmark uses (scripts/bench/load.ts) is declared, checked against the
 * library's source (autocannon.js, lib/init.js, lib/run.js, lib/requestIterator.js). When
 * `@types/autocannon` is added to package.json, delete this file: the two would clash.
 */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  namespace autocannon {
    /** One request as the request builder sees it; `setupRequest` returns a changed copy. */
    interface RequestParams {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string | Buffer;
    }

    interface Request extends RequestParams {
      /** Called before every request of this kind: the place to put a different token each time. */
      setupRequest?: (request: RequestParams, context: Record<string, unknown>) => RequestParams;
      /** Called with every answer; autocannon keeps the body only when this is set. */
      onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
    }

    interface Options {
      url: string;
      connections?: number;
      /** Seconds. */
      duration?: number;
      /** Seconds after which a request counts as timed out. */
      timeout?: number;
      pipelining?: number;
      headers?: Record<string, string>;
      requests?: Request[];
    }

    interface Result {
      /** Seconds, as autocannon measured it (stops on its next one-second tick). */
      duration: number;
      errors: number;
      timeouts: number;
      non2xx: number;
      totalCompletedRequests: number;
    }

    /** The running job: 'response' (client, status, bytes, ms) per answer, 'reqError' per failure. */
    interface Instance extends EventEmitter {
      stop(): void;
    }
  }

  function autocannon(
    options: autocannon.Options,
    done: (error: Error | null, result: autocannon.Result) => void,
  ): autocannon.Instance;

  export = autocannon;
}
