import { randomUUID } from 'node:crypto';
import { AsyncResource } from 'node:async_hooks';
import { Counter, Gauge } from 'prom-client';
import { request as undiciRequest, type Dispatcher } from 'undici';
import { REQUEST_ID_HEADER, type InternalTokenSigner } from '../../lib/internal-token.js';
import type { Logger } from '../../lib/logging.js';
import { MAX_VERWERKINGEN_PER_LEVERING, VERWERKINGEN_PATH } from '../../lib/verwerkingen.js';
import { registry, timeSourceCall } from '../../lib/observability/metrics.js';
import type { Verwerking, VerwerkingenRecorder } from './recorder.js';

/** The audience of the service token: the subgraph that keeps the log. */
const VOORKEUREN = 'voorkeuren';

/** Records the gateway handed over, by what became of them. `dropped` is what the log lost. */
const verwerkingenTotal = new Counter({
  name: 'profielservice_verwerkingen_total',
  help: 'Verwerkingenlog records, by outcome: written (stored by the voorkeuren subgraph) or dropped (lost).',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

const live = new Set<{ readonly wachtend: number }>();
new Gauge({
  name: 'profielservice_verwerkingen_buffered',
  help: 'Verwerkingenlog records waiting in the gateway to be delivered to the voorkeuren subgraph.',
  registers: [registry],
  collect() {
    let total = 0;
    for (const batcher of live) total += batcher.wachtend;
    this.set(total);
  },
});

export interface VerwerkingenBatcherOptions {
  /** The voorkeuren subgraph's GraphQL URL (`…/graphql`); the log goes to {@link VERWERKINGEN_PATH} beside it. */
  voorkeurenUrl: string;
  /** Mints the gateway's service token for each delivery. */
  signer: InternalTokenSigner;
  logger: Logger;
  dispatcher?: Dispatcher | undefined;
  /** How often what is waiting is delivered (default 1 s). */
  intervalMs?: number;
  /**
   * Records per delivery; this many waiting starts one at once (default
   * {@link MAX_VERWERKINGEN_PER_LEVERING}, what the voorkeuren subgraph takes).
   */
  maxBatch?: number;
  /**
   * The most records kept while the voorkeuren subgraph cannot take them (default 10 000: some
   * tens of seconds of a busy gemeente's peak, a few megabytes). Beyond it the oldest go, counted
   * as dropped: memory and the residents' requests matter more than a complete log during a long
   * outage.
   */
  maxBuffer?: number;
  /** The longest one delivery may take (default 2 s). */
  timeoutMs?: number;
}

/** What one {@link VerwerkingenBatcher.flush} did. */
export interface FlushResultaat {
  /** Records the voorkeuren subgraph stored. */
  readonly geschreven: number;
  /** Records still waiting (the subgraph did not answer); tried again later. */
  readonly wachtend: number;
}

/**
 * Buffers the verwerkingenlog in the gateway and delivers it in batches, so recording a read never
 * adds a database round trip (or any wait) to a resident's request: {@link registreer} only adds
 * to memory. Several reads of one source in one request become one record.
 */
export interface VerwerkingenBatcher extends VerwerkingenRecorder, AsyncDisposable {
  /** Delivers everything waiting now (after a delivery under way); for shutdown and tests. */
  flush(): Promise<FlushResultaat>;
  /** Stops the timer and delivers what is left; what cannot be delivered is counted as dropped. */
  close(): Promise<void>;
  /** Records waiting to be delivered. */
  readonly wachtend: number;
}

/**
 * One record per request and source: the recorder gives all reads of one source in one request
 * the same id (a portal may send the same `x-request-id` twice; those stay two requests).
 */
const sleutel = (v: Verwerking) => v.id;

/** `later` is the same record, grown: keep everything either lists, under the first time. */
function samen(eerder: Verwerking, later: Verwerking): Verwerking {
  return { ...eerder, gegevens: [...new Set([...eerder.gegevens, ...later.gegevens])] };
}

/** Statuses after which sending the same batch again cannot succeed: it is dropped, not retried forever. */
const GEWEIGERD = new Set([400, 413, 422]);

class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
  constructor(
    readonly reden: string,
    readonly weigering: boolean,
  ) {
    super(`verwerkingen not delivered: ${reden}`);
  }
}

export function createVerwerkingenBatcher(options: VerwerkingenBatcherOptions): VerwerkingenBatcher {
  const { logger, signer, dispatcher } = options;
  const intervalMs = options.intervalMs ?? 1_000;
  const maxBatch = options.maxBatch ?? MAX_VERWERKINGEN_PER_LEVERING;
  const maxBuffer = Math.max(options.maxBuffer ?? 10_000, maxBatch);
  const timeoutMs = options.timeoutMs ?? 2_000;
  // Beside `/graphql`, also when the subgraph sits under a path of its own behind a proxy.
  const url = `${options.voorkeurenUrl.replace(/\/graphql\/?$/, '').replace(/\/$/, '')}${VERWERKINGEN_PATH}`;

  /** Waiting, oldest first (a Map keeps insertion order and drops its first entry cheaply). */
  let buffer = new Map<string, Verwerking>();
  /** The batch being delivered now, by key: a later read of the same request joins it under its id. */
  const onderweg = new Map<string, Verwerking>();
  let running: Promise<FlushResultaat> | null = null;
  let closed = false;
  /** Said once per outage, not once per delivery or record. */
  let failing = false;
  let dropping = false;
  // Deliveries run in the context the batcher was made in, never in a resident's request's
  // (its deadline, its trace): the request that filled the batch does not wait for it.
  const scope = new AsyncResource('verwerkingen');

  const drop = (aantal: number, reden: string) => {
    if (aantal <= 0) return;
    verwerkingenTotal.inc({ outcome: 'dropped' }, aantal);
    if (!dropping) logger.error({ aantal, reden }, 'verwerkingenlog records dropped');
    dropping = true;
  };

  const begrens = () => {
    let weg = 0;
    while (buffer.size > maxBuffer) {
      const oudste = buffer.keys().next();
      if (oudste.done) break;
      buffer.delete(oudste.value);
      weg += 1;
    }
    drop(weg, 'buffer full: the voorkeuren subgraph did not take the log');
  };

  const deliver = async (batch: readonly Verwerking[]): Promise<void> => {
    const done = timeSourceCall('subgraph:voorkeuren/verwerkingen');
    let status: number;
    try {
      const requestId = randomUUID();
      const token = await signer.sign(VOORKEUREN, { kind: 'service', requestId });
      const response = await undiciRequest(url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          [REQUEST_ID_HEADER]: requestId,
        },
        body: JSON.stringify({
          verwerkingen: batch.map((v) => ({ ...v, tijdstip: v.tijdstip.toISOString() })),
        }),
        signal: AbortSignal.timeout(timeoutMs),
        ...(dispatcher ? { dispatcher } : {}),
      });
      status = response.statusCode;
      await response.body.dump();
    } catch (error) {
      const reden =
        error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
          ? 'timeout'
          : 'network';
      done(reden);
      throw new DeliveryError(reden, false);
    }
    const ok = status >= 200 && status <= 299;
    done(ok ? 'ok' : `HTTP ${status}`);
    if (!ok) throw new DeliveryError(`HTTP ${status}`, GEWEIGERD.has(status));
  };

  /** Delivers batches until nothing waits or one fails. */
  const sendAll = async (): Promise<FlushResultaat> => {
    let geschreven = 0;
    while (buffer.size > 0) {
      const batch: Verwerking[] = [];
      for (const [key, verwerking] of buffer) {
        if (batch.length >= maxBatch) break;
        batch.push(verwerking);
        onderweg.set(key, verwerking);
        buffer.delete(key);
      }
      try {
        await deliver(batch);
        verwerkingenTotal.inc({ outcome: 'written' }, batch.length);
        geschreven += batch.length;
        if (failing) logger.info('verwerkingenlog delivered again');
        failing = false;
        dropping = false;
      } catch (error) {
        const { reden, weigering } = error instanceof DeliveryError ? error : { reden: 'unknown', weigering: false };
        if (weigering) {
          // The subgraph refused the records themselves: sending them again would block the log.
          drop(batch.length, `refused by the voorkeuren subgraph (${reden})`);
          continue;
        }
        // Back in front of what came in meanwhile, joined with a later read of the same request.
        const terug = new Map<string, Verwerking>();
        for (const verwerking of batch) {
          const key = sleutel(verwerking);
          const nieuwer = buffer.get(key);
          terug.set(key, nieuwer ? samen(verwerking, nieuwer) : verwerking);
          buffer.delete(key);
        }
        for (const [key, verwerking] of buffer) terug.set(key, verwerking);
        buffer = terug;
        begrens();
        if (!failing) logger.warn({ reden, wachtend: buffer.size }, 'verwerkingenlog not delivered; tried again later');
        failing = true;
        return { geschreven, wachtend: buffer.size };
      } finally {
        onderweg.clear();
      }
    }
    return { geschreven, wachtend: 0 };
  };

  /** One delivery run after another: a flush asked for during a run starts when it ends. */
  const flush = (): Promise<FlushResultaat> => {
    const vorige = running;
    const run = (async () => {
      if (vorige) await vorige.catch(() => undefined);
      return sendAll();
    })();
    running = run;
    void run.finally(() => {
      if (running === run) running = null;
    });
    return run;
  };

  const tick = () => {
    if (running || buffer.size === 0) return;
    scope.runInAsyncScope(() => void flush().catch(() => undefined));
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();

  const batcher: VerwerkingenBatcher = {
    registreer(verwerking) {
      if (closed) {
        drop(1, 'the gateway is stopping');
        return;
      }
      const key = sleutel(verwerking);
      const wachtend = buffer.get(key);
      const bezig = onderweg.get(key);
      if (wachtend) buffer.set(key, samen(wachtend, verwerking));
      // Same id as the record under way: the subgraph stores the fuller one over it.
      else if (bezig) buffer.set(key, samen(bezig, verwerking));
      else buffer.set(key, verwerking);
      begrens();
      if (buffer.size >= maxBatch) tick();
    },
    flush,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      try {
        await flush();
      } finally {
        drop(buffer.size, 'the gateway stopped before the voorkeuren subgraph took the log');
        buffer.clear();
        live.delete(batcher);
      }
    },
    get wachtend() {
      return buffer.size + onderweg.size;
    },
    [Symbol.asyncDispose]() {
      return batcher.close();
    },
  };
  live.add(batcher);
  return batcher;
}
