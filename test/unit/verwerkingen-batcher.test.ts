import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVerwerkingenBatcher, type VerwerkingenBatcher } from '../../gateway/verwerkingen/batcher.js';
import type { Verwerking } from '../../gateway/verwerkingen/recorder.js';
import { listen, type Listening } from '../../lib/http/listen.js';
import {
  createInternalTokenSigner,
  createInternalTokenVerifier,
  generateInternalKeyPair,
  type InternalCaller,
} from '../../lib/internal-token.js';
import { silentLogger } from '../../lib/logging.js';
import { registry } from '../../lib/observability/metrics.js';

/**
 * The gateway's batching of the verwerkingenlog, against a stand-in voorkeuren subgraph that a
 * test makes answer, hang or refuse. What matters: a resident's request never waits for it, a
 * read is delivered once (also after a failed delivery), and what cannot be kept is counted.
 */

type Mode = 'ok' | 'hang' | 'down' | 'refuse';

interface Delivery {
  readonly path: string;
  readonly caller: InternalCaller | string;
  readonly verwerkingen: ReadonlyArray<Record<string, unknown>>;
}

const keys = await generateInternalKeyPair('test-batcher');
const signer = await createInternalTokenSigner(keys.privateJwk);
const verifier = createInternalTokenVerifier(keys.publicJwks, 'voorkeuren');

async function dropped(): Promise<number> {
  const metric = await registry.getSingleMetric('profielservice_verwerkingen_total')?.get();
  return metric?.values.find((v) => v.labels['outcome'] === 'dropped')?.value ?? 0;
}

let n = 0;
function read(extra: Partial<Verwerking> = {}): Verwerking {
  n += 1;
  return {
    id: randomUUID(),
    gebruikerId: 'pseudoniem-a',
    tijdstip: new Date(Date.UTC(2026, 11, 1, 9, 0, n)),
    bron: 'BRP',
    gegevens: ['persoonsgegevens.naam'],
    doel: 'Uw gegevens tonen in Mijn Omgeving',
    verzoekId: `verzoek-${n}`,
    namens: null,
    ...extra,
  };
}

describe('the verwerkingenlog batcher', () => {
  let mode: Mode;
  let deliveries: Delivery[];
  let arrived: Array<() => void>;
  let hanging: ServerResponse[];
  let server: Listening;
  let batcher: VerwerkingenBatcher;

  const nextArrival = () => new Promise<void>((resolve) => arrived.push(resolve));
  const make = (options: { maxBatch?: number; maxBuffer?: number; timeoutMs?: number } = {}) => {
    batcher = createVerwerkingenBatcher({
      voorkeurenUrl: `${server.url}/graphql`,
      signer,
      logger: silentLogger,
      // Long: deliveries in these tests happen when a test says so, or when a batch is full.
      intervalMs: 60_000,
      timeoutMs: 300,
      ...options,
    });
    return batcher;
  };

  beforeEach(async () => {
    mode = 'ok';
    deliveries = [];
    arrived = [];
    hanging = [];
    server = await listen(
      createServer((req: IncomingMessage, res: ServerResponse) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          void (async () => {
            const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
            const caller = await verifier.verify(token).catch((e: unknown) => String(e));
            const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Delivery;
            for (const resolve of arrived.splice(0)) resolve();
            if (mode === 'hang') {
              hanging.push(res);
              return;
            }
            if (mode === 'down') {
              res.writeHead(503).end();
              return;
            }
            if (mode === 'refuse') {
              res.writeHead(400).end();
              return;
            }
            deliveries.push({ path: req.url ?? '', caller, verwerkingen: body.verwerkingen });
            res.writeHead(204).end();
          })();
        });
      }),
      { port: 0 },
    );
  });
  afterEach(async () => {
    await batcher?.close();
    for (const res of hanging) res.destroy();
    await server.close();
  });

  const delivered = () => deliveries.flatMap((d) => d.verwerkingen);

  it('delivers on flush with the gateway’s service token, one record per request and source', async () => {
    make();
    const eerste = read({ verzoekId: 'r1', gegevens: ['zaken.items'], bron: 'ZAKEN' });
    batcher.registreer(eerste);
    // A second call of the same source in the same request (an entity call): the same record, grown.
    batcher.registreer({ ...eerste, tijdstip: new Date(), gegevens: ['zaken.items', 'Zaak.documenten'] });
    batcher.registreer(read({ verzoekId: 'r1', bron: 'MIJNOVERHEID', gegevens: ['berichten.items'] }));
    // A portal that sends the same request id again made another request: another record.
    batcher.registreer(read({ verzoekId: 'r1', bron: 'ZAKEN', gegevens: ['zaken.items'] }));
    expect(deliveries).toEqual([]);
    expect(batcher.wachtend).toBe(3);

    expect(await batcher.flush()).toEqual({ geschreven: 3, wachtend: 0 });
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]?.path).toBe('/intern/verwerkingen');
    expect(deliveries[0]?.caller).toMatchObject({ kind: 'service' });
    expect(delivered()).toEqual([
      {
        id: eerste.id,
        gebruikerId: 'pseudoniem-a',
        tijdstip: eerste.tijdstip.toISOString(),
        bron: 'ZAKEN',
        gegevens: ['zaken.items', 'Zaak.documenten'],
        doel: eerste.doel,
        verzoekId: 'r1',
        namens: null,
      },
      expect.objectContaining({ bron: 'MIJNOVERHEID', verzoekId: 'r1' }),
      expect.objectContaining({ bron: 'ZAKEN', verzoekId: 'r1', gegevens: ['zaken.items'] }),
    ]);
    expect(await batcher.flush()).toEqual({ geschreven: 0, wachtend: 0 });
    expect(deliveries).toHaveLength(1);
  });

  it('a full batch is delivered at once, without waiting for the timer, in batches of at most the maximum', async () => {
    make({ maxBatch: 3 });
    const eerste = nextArrival();
    for (let i = 0; i < 3; i++) batcher.registreer(read());
    await eerste;
    for (let i = 0; i < 4; i++) batcher.registreer(read());
    await batcher.flush();
    expect(deliveries.map((d) => d.verwerkingen.length)).toEqual([3, 3, 1]);
    expect(new Set(delivered().map((v) => v['id'])).size).toBe(7);
  });

  it('never makes the caller wait: registering while the subgraph hangs returns at once', async () => {
    mode = 'hang';
    make({ maxBatch: 2, timeoutMs: 2_000 });
    const start = performance.now();
    for (let i = 0; i < 50; i++) batcher.registreer(read());
    // A delivery started (a full batch) and hangs; the calls above did not wait for it.
    expect(performance.now() - start).toBeLessThan(100);
    await nextArrival();
    mode = 'ok';
    for (const res of hanging.splice(0)) res.destroy();
    await batcher.flush();
    expect(new Set(delivered().map((v) => v['verzoekId'])).size).toBe(50);
  });

  it('keeps what the subgraph did not take, and delivers it later under the same ids', async () => {
    make();
    const reads = [read(), read(), read()];
    for (const r of reads) batcher.registreer(r);
    mode = 'down';
    expect(await batcher.flush()).toEqual({ geschreven: 0, wachtend: 3 });
    mode = 'hang';
    // Too slow counts as not delivered; the stand-in may have stored it, so the ids must not change.
    expect(await batcher.flush()).toEqual({ geschreven: 0, wachtend: 3 });
    // A later call of one of those requests grows its record, still under its id.
    const eerste = reads[0] as Verwerking;
    batcher.registreer({ ...eerste, gegevens: ['persoonsgegevens.naam', 'persoonsgegevens.geboorte'] });
    mode = 'ok';
    expect(await batcher.flush()).toEqual({ geschreven: 3, wachtend: 0 });
    expect(delivered().map((v) => v['id'])).toEqual(reads.map((r) => r.id));
    expect(delivered()[0]?.['gegevens']).toEqual(['persoonsgegevens.naam', 'persoonsgegevens.geboorte']);
  });

  it('while the subgraph is down too long, drops the oldest beyond the bound and counts them', async () => {
    mode = 'down';
    make({ maxBatch: 2, maxBuffer: 4 });
    const voor = await dropped();
    const reads = Array.from({ length: 10 }, () => read());
    for (const r of reads) batcher.registreer(r);
    await batcher.flush();
    expect(batcher.wachtend).toBe(4);
    expect((await dropped()) - voor).toBe(6);
    mode = 'ok';
    await batcher.flush();
    // The newest are kept: the resident's latest reads matter most when the log cannot be complete.
    expect(delivered().map((v) => v['id'])).toEqual(reads.slice(6).map((r) => r.id));
  });

  it('a batch the subgraph refuses is dropped and counted, not sent again forever', async () => {
    make();
    const voor = await dropped();
    batcher.registreer(read());
    mode = 'refuse';
    expect(await batcher.flush()).toEqual({ geschreven: 0, wachtend: 0 });
    expect((await dropped()) - voor).toBe(1);
    mode = 'ok';
    batcher.registreer(read());
    expect(await batcher.flush()).toEqual({ geschreven: 1, wachtend: 0 });
  });

  it('on close, delivers what is left; what cannot be delivered, or comes after, is counted as dropped', async () => {
    make();
    batcher.registreer(read());
    await batcher.close();
    expect(delivered()).toHaveLength(1);

    make();
    const voor = await dropped();
    batcher.registreer(read());
    batcher.registreer(read());
    mode = 'down';
    await batcher.close();
    expect((await dropped()) - voor).toBe(2);
    batcher.registreer(read());
    expect((await dropped()) - voor).toBe(3);
    expect(batcher.wachtend).toBe(0);
  });
});
