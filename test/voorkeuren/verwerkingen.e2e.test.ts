import { afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import {
  MijnGegevensDocument,
  MijnOverzichtDocument,
  MijnVerwerkingenDocument,
  type MijnVerwerkingenQuery,
} from '../../schema/generated/graphql.js';
import { meOf, postGraphQL, stackForTests, type Stack } from '../helpers/stack.js';

/**
 * "Wie heeft mijn gegevens bekeken", end to end: a resident's pages read the BRP, the zaaksystemen
 * and MijnOverheid through the gateway; each read becomes one entry of `me.verwerkingen` (per
 * request and source), delivered to the voorkeuren subgraph in batches that no request waits for.
 * Tests deliver what is waiting with `stack.verwerkingen.flush()` instead of sleeping.
 */

type Verwerkingen = NonNullable<NonNullable<MijnVerwerkingenQuery['me']>['verwerkingen']>;
type Verwerking = Verwerkingen['items'][number];

const BRP_DOEL = 'Uw gegevens tonen in Mijn Omgeving';
const OVERZICHT_BRP = ['Naam', 'Naam en adres op brieven'];
const MIJN_GEGEVENS_BRP = [
  'Geheimhouding van uw gegevens',
  'Naam',
  'Naam en adres op brieven',
  'Geboortedatum en geboorteplaats',
  'Adres',
  'Gemeente waar u staat ingeschreven',
  'Burgerlijke staat',
  'Partner',
  'Kinderen',
  'Ouders',
  'Nationaliteit',
  'Overlijden',
];

/** Delivers what waits, then reads the resident's whole log (newest first). */
async function verwerkingenVan(stack: Stack, token: string): Promise<Verwerking[]> {
  await stack.verwerkingen.flush();
  const response = await stack.query(MijnVerwerkingenDocument, { token, variables: { eerste: 100 } });
  const verwerkingen = meOf(response).verwerkingen;
  expect(verwerkingen.bron.status).toBe('OK');
  return verwerkingen.items;
}

/** The entries of one request, by source. */
function vanVerzoek(items: readonly Verwerking[], verzoekId: string | null): Record<string, Verwerking> {
  return Object.fromEntries(items.filter((v) => v.verzoekId === verzoekId).map((v) => [v.bron, v]));
}

/** The value of one sample in Prometheus text format (labels matched as a subset), or 0. */
function sample(metrics: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of metrics.split('\n')) {
    if (line.startsWith(`${name} `)) return wanted.length === 0 ? Number(line.slice(name.length + 1)) : 0;
    if (!line.startsWith(`${name}{`)) continue;
    const labelText = line.slice(name.length + 1, line.indexOf('}'));
    if (wanted.every((w) => labelText.split(',').includes(w))) return Number(line.slice(line.indexOf('}') + 1));
  }
  return 0;
}

async function timed<T>(call: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await call();
  return { result, ms: performance.now() - start };
}

describe('the verwerkingenlog: what a resident sees in me.verwerkingen', () => {
  const world = stackForTests({
    subgraphProxies: true,
    // Deliveries only when a test flushes, so each test sees exactly what its requests recorded.
    verwerkingen: { intervalMs: 60_000 },
  });
  afterEach(() => {
    for (const proxy of Object.values(world.stack.subgraphProxies)) proxy.setMode('forward');
    world.stack.simulators.brp.setFaults({});
  });

  it('after MijnOverzicht and MijnGegevens: a BRP read with the fields asked, a zaken and a MijnOverheid read, by request id', async () => {
    const { stack, token } = world;
    const overzicht = await stack.query(MijnOverzichtDocument, {
      token,
      headers: { 'x-request-id': 'portaal-overzicht-0001' },
    });
    meOf(overzicht);
    expect(overzicht.headers.get('x-request-id')).toBe('portaal-overzicht-0001');
    const gegevens = await stack.query(MijnGegevensDocument, { token });
    meOf(gegevens);
    const gegevensId = gegevens.headers.get('x-request-id');
    expect(gegevensId).toMatch(/^[0-9a-f-]{36}$/);

    const items = await verwerkingenVan(stack, token);
    // Newest first: the MijnGegevens page was the last one read.
    expect(items[0]?.verzoekId).toBe(gegevensId);
    expect(vanVerzoek(items, gegevensId)).toEqual({
      BRP: {
        tijdstip: expect.any(String),
        bron: 'BRP',
        gegevens: MIJN_GEGEVENS_BRP,
        doel: BRP_DOEL,
        verzoekId: gegevensId,
      },
    });
    expect(vanVerzoek(items, 'portaal-overzicht-0001')).toEqual({
      BRP: {
        tijdstip: expect.any(String),
        bron: 'BRP',
        gegevens: OVERZICHT_BRP,
        doel: BRP_DOEL,
        verzoekId: 'portaal-overzicht-0001',
      },
      ZAKEN: {
        tijdstip: expect.any(String),
        bron: 'ZAKEN',
        gegevens: ['Uw zaken bij de gemeente'],
        doel: 'Uw zaken bij de gemeente tonen in Mijn Omgeving',
        verzoekId: 'portaal-overzicht-0001',
      },
      MIJNOVERHEID: {
        tijdstip: expect.any(String),
        bron: 'MIJNOVERHEID',
        gegevens: ['Aantal ongelezen berichten', 'Berichten in uw Berichtenbox', 'Lopende zaken'],
        doel: 'Uw berichten en lopende zaken uit MijnOverheid tonen in Mijn Omgeving',
        verzoekId: 'portaal-overzicht-0001',
      },
    });
    const tijdstippen = items.map((v) => Date.parse(v.tijdstip));
    expect(tijdstippen).toEqual([...tijdstippen].sort((a, b) => b - a));
    expect(Date.now() - (tijdstippen[0] ?? 0)).toBeLessThan(60_000);
    // Reading the log itself, and the resident's own preferences, are not reads of a source.
    const lezen = await stack.query(MijnVerwerkingenDocument, { token, headers: { 'x-request-id': 'log-lezen-0001' } });
    meOf(lezen);
    expect(vanVerzoek(await verwerkingenVan(stack, token), 'log-lezen-0001')).toEqual({});
  });

  it('one entry per request and source, also when a page makes the gateway ask a source twice', async () => {
    const { stack, token } = world;
    // Zaken of the berichten are looked up in the zaaksystemen, and zaken in MijnOverheid's
    // Lopende zaken: each of those two subgraphs is called twice for this one request.
    const detail = await stack.query(
      '{ me { berichten { items { onderwerp zaak { omschrijving documenten { titel } } } } zaken { items { identificatie inMijnOverheid { status { statustekst } } } } } }',
      { token, headers: { 'x-request-id': 'detail-0001' } },
    );
    expect(detail.body.errors).toBeUndefined();
    const entries = (await verwerkingenVan(stack, token)).filter((v) => v.verzoekId === 'detail-0001');
    expect(entries.map((v) => v.bron).sort()).toEqual(['MIJNOVERHEID', 'ZAKEN']);
    const [zaken, mijnOverheid] = ['ZAKEN', 'MIJNOVERHEID'].map((bron) => entries.find((v) => v.bron === bron));
    expect([...(zaken?.gegevens ?? [])].sort()).toEqual(['Documenten bij uw zaken', 'Uw zaken bij de gemeente']);
    expect([...(mijnOverheid?.gegevens ?? [])].sort()).toEqual(['Berichten in uw Berichtenbox', 'Lopende zaken']);

    // A portal that sends the same request id twice made two requests: two entries.
    for (let i = 0; i < 2; i++) {
      meOf(await stack.query(MijnGegevensDocument, { token, headers: { 'x-request-id': 'dubbel-0001' } }));
    }
    const dubbel = (await verwerkingenVan(stack, token)).filter((v) => v.verzoekId === 'dubbel-0001');
    expect(dubbel.map((v) => v.bron)).toEqual(['BRP', 'BRP']);
  });

  it('pages through the log with volgende, without repeating or skipping an entry', async () => {
    const { stack, token } = world;
    for (let i = 0; i < 3; i++) await stack.query(MijnGegevensDocument, { token });
    const alles = await verwerkingenVan(stack, token);
    const gezien: Verwerking[] = [];
    let na: string | null = null;
    do {
      const pagina: Verwerkingen = meOf(
        await stack.query(MijnVerwerkingenDocument, { token, variables: { eerste: 2, na } }),
      ).verwerkingen;
      expect(pagina.items.length).toBeLessThanOrEqual(2);
      gezien.push(...pagina.items);
      na = pagina.volgende;
    } while (na);
    expect(gezien).toEqual(alles);

    const kapot = await stack.query(MijnVerwerkingenDocument, { token, variables: { na: 'v1.kapot' } });
    expect(kapot.body.data?.me?.verwerkingen).toBeNull();
    expect(kapot.body.errors?.map((e) => [e.path, e.extensions?.['code']])).toEqual([
      [['me', 'verwerkingen'], 'BAD_USER_INPUT'],
    ]);
    const teVeel = await stack.query(MijnVerwerkingenDocument, { token, variables: { eerste: 101 } });
    expect(teVeel.body.errors?.[0]?.message).toBe('U kunt per keer 1 tot en met 100 regels opvragen. U vroeg om 101.');
  });

  it('resident B sees only their own reads, and A none of B’s', async () => {
    const { stack, token } = world;
    const tokenB = await stack.login({ bsn: '999970008' });
    const b = await stack.query(MijnOverzichtDocument, {
      token: tokenB,
      headers: { 'x-request-id': 'inwoner-b-0001' },
    });
    meOf(b);
    const vanB = await verwerkingenVan(stack, tokenB);
    expect(new Set(vanB.map((v) => v.verzoekId))).toEqual(new Set(['inwoner-b-0001']));
    expect(vanB.map((v) => v.bron).sort()).toEqual(['BRP', 'MIJNOVERHEID', 'ZAKEN']);
    expect((await verwerkingenVan(stack, token)).map((v) => v.verzoekId)).not.toContain('inwoner-b-0001');
  });

  it('an anonymous request records nothing', async () => {
    const { stack, token } = world;
    await stack.verwerkingen.flush();
    const anoniem = await stack.query(MijnOverzichtDocument, { headers: { 'x-request-id': 'anoniem-00000001' } });
    expect(anoniem.body.data?.me).toBeNull();
    expect(anoniem.body.errors?.map((e) => e.extensions?.['code'])).toEqual(['UNAUTHENTICATED']);
    expect(stack.verwerkingen.wachtend).toBe(0);
    expect(await stack.verwerkingen.flush()).toEqual({ geschreven: 0, wachtend: 0 });
    expect((await verwerkingenVan(stack, token)).map((v) => v.verzoekId)).not.toContain('anoniem-00000001');
  });

  it('a brp subgraph that is down records nothing for the BRP; the sources that answered are recorded', async () => {
    const { stack, token } = world;
    stack.subgraphProxies.brp?.setMode('reset');
    const response = await stack.query(MijnOverzichtDocument, { token, headers: { 'x-request-id': 'brp-weg-0001' } });
    expect(response.body.data?.me?.persoonsgegevens).toBeNull();
    expect(Object.keys(vanVerzoek(await verwerkingenVan(stack, token), 'brp-weg-0001')).sort()).toEqual([
      'MIJNOVERHEID',
      'ZAKEN',
    ]);
  });

  it('a BRP that does not answer (the brp subgraph does, with NIET_BESCHIKBAAR) records no BRP read', async () => {
    const { stack, token } = world;
    stack.simulators.brp.setFaults({ failureRate: 1 });
    const response = await stack.query(MijnGegevensDocument, { token, headers: { 'x-request-id': 'brp-stil-0001' } });
    expect(meOf(response).persoonsgegevens.bron.status).toBe('NIET_BESCHIKBAAR');
    expect(vanVerzoek(await verwerkingenVan(stack, token), 'brp-stil-0001')).toEqual({});
  });
});

describe('the route the gateway delivers the log to', () => {
  const world = stackForTests({ verwerkingen: { intervalMs: 60_000 } });
  const route = (stack: Stack) => stack.subgraphUrls.voorkeuren.replace(/\/graphql$/, '/intern/verwerkingen');
  const post = async (stack: Stack, body: unknown, token?: string) =>
    fetch(route(stack), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const record = (gebruikerId: string, verzoekId: string) => ({
    id: randomUUID(),
    gebruikerId,
    tijdstip: new Date().toISOString(),
    bron: 'BRP',
    gegevens: ['persoonsgegevens.naam'],
    doel: BRP_DOEL,
    verzoekId,
  });
  const service = (stack: Stack, audience = 'voorkeuren') =>
    stack.internalSigner.sign(audience, { kind: 'service', requestId: randomUUID() });

  it('takes a batch only with the gateway’s service token; a resident’s token cannot write anyone’s log', async () => {
    const { stack, token } = world;
    const me = meOf(await stack.query<{ me: { id: string } | null }>('{ me { id } }', { token }));
    const person = await stack.internalSigner.sign('voorkeuren', {
      kind: 'person',
      requestId: 'r-person-0001',
      gebruikerId: me.id,
      identity: { soort: 'INWONER', middel: 'DIGID', niveau: 'SUBSTANTIEEL', bsn: '999993653' },
    });
    const anonymous = await stack.internalSigner.sign('voorkeuren', { kind: 'anonymous', requestId: 'r-anon-0001' });
    const vervalst = { verwerkingen: [record(me.id, 'vervalst-0001')] };
    expect((await post(stack, vervalst)).status).toBe(401);
    expect((await post(stack, vervalst, 'geen-token')).status).toBe(401);
    expect((await post(stack, vervalst, person)).status).toBe(403);
    expect((await post(stack, vervalst, anonymous)).status).toBe(403);
    // A service token for another subgraph is no token for this one.
    expect((await post(stack, vervalst, await service(stack, 'brp'))).status).toBe(401);
    expect((await verwerkingenVan(stack, token)).map((v) => v.verzoekId)).not.toContain('vervalst-0001');

    expect((await post(stack, { verwerkingen: [record(me.id, 'gateway-0001')] }, await service(stack))).status).toBe(
      204,
    );
    expect(vanVerzoek(await verwerkingenVan(stack, token), 'gateway-0001')['BRP']?.gegevens).toEqual(['Naam']);
  });

  it('refuses a batch that is not what the gateway sends, or too large, and stores none of it', async () => {
    const { stack, token } = world;
    const me = meOf(await stack.query<{ me: { id: string } | null }>('{ me { id } }', { token }));
    const goed = record(me.id, 'ongeldig-0001');
    for (const body of [
      { verwerkingen: [goed, { ...record(me.id, 'ongeldig-0001'), bsn: '999993653' }] },
      { verwerkingen: [goed, { ...record(me.id, 'ongeldig-0001'), gegevens: ['<script>alert(1)</script>'] }] },
      { verwerkingen: [goed, { ...record(me.id, 'ongeldig-0001'), bron: 'VOORKEUREN' }] },
      { verwerkingen: [] },
      'geen json',
    ]) {
      expect((await post(stack, body, await service(stack))).status, JSON.stringify(body)).toBe(400);
    }
    const groot = { verwerkingen: [{ ...goed, doel: 'x'.repeat(2_000_000) }] };
    expect((await post(stack, groot, await service(stack))).status).toBe(413);
    const teVeel = { verwerkingen: Array.from({ length: 501 }, () => record(me.id, 'ongeldig-0001')) };
    expect((await post(stack, teVeel, await service(stack))).status).toBe(400);
    expect((await verwerkingenVan(stack, token)).map((v) => v.verzoekId)).not.toContain('ongeldig-0001');
  });

  it('the service token reads nothing: every subgraph refuses it on /graphql', async () => {
    const { stack } = world;
    for (const name of ['voorkeuren', 'brp', 'zaken', 'berichten'] as const) {
      const response = await postGraphQL(stack.subgraphUrls[name], '{ me { id } }', {
        headers: { authorization: `Bearer ${await service(stack, name)}` },
      });
      expect(response.status, name).toBe(401);
      expect(response.body.data ?? null, name).toBeNull();
      expect(
        response.body.errors?.map((e) => e.extensions?.['code']),
        name,
      ).toEqual(['UNAUTHENTICATED']);
    }
  });
});

describe('the verwerkingenlog never makes a request wait for the voorkeuren subgraph', () => {
  const DELIVERY_TIMEOUT_MS = 2_000;
  const world = stackForTests({
    subgraphProxies: true,
    // Two reads fill a batch, so requests start deliveries themselves; at most three wait.
    verwerkingen: { intervalMs: 60_000, maxBatch: 2, maxBuffer: 3, timeoutMs: DELIVERY_TIMEOUT_MS },
  });
  afterEach(() => {
    world.stack.subgraphProxies.voorkeuren?.setMode('forward');
  });

  const metrics = async (stack: Stack) => (await fetch(stack.gatewayUrl.replace(/\/graphql$/, '/metrics'))).text();

  it('while it hangs, pages that do not need it answer at once; their reads are written when it is back', async () => {
    const { stack, token } = world;
    stack.subgraphProxies.voorkeuren?.setMode('blackhole');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const verzoekId = `traag-${i}-${randomUUID()}`;
      // The second read fills a batch: its delivery starts and hangs while the third request runs.
      const { result, ms } = await timed(() =>
        stack.query(MijnGegevensDocument, { token, headers: { 'x-request-id': verzoekId } }),
      );
      expect(meOf(result).persoonsgegevens.bron.status).toBe('OK');
      expect(ms).toBeLessThan(DELIVERY_TIMEOUT_MS * 0.75);
      ids.push(verzoekId);
    }
    expect(stack.verwerkingen.wachtend).toBe(3);
    expect(await stack.verwerkingen.flush()).toEqual({ geschreven: 0, wachtend: 3 });

    stack.subgraphProxies.voorkeuren?.setMode('forward');
    const items = await verwerkingenVan(stack, token);
    for (const id of ids) expect(vanVerzoek(items, id)['BRP']?.gegevens).toEqual(MIJN_GEGEVENS_BRP);
  });

  it('while it is down too long, the oldest reads are dropped and counted in /metrics; the newest are kept', async () => {
    const { stack, token } = world;
    const voor = sample(await metrics(stack), 'profielservice_verwerkingen_total', { outcome: 'dropped' });
    stack.subgraphProxies.voorkeuren?.setMode('reset');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const verzoekId = `weg-${i}-${randomUUID()}`;
      meOf(await stack.query(MijnGegevensDocument, { token, headers: { 'x-request-id': verzoekId } }));
      ids.push(verzoekId);
    }
    await stack.verwerkingen.flush();
    expect(stack.verwerkingen.wachtend).toBe(3);
    const na = await metrics(stack);
    expect(sample(na, 'profielservice_verwerkingen_total', { outcome: 'dropped' }) - voor).toBe(2);
    expect(sample(na, 'profielservice_verwerkingen_buffered', {})).toBe(3);
    // Nothing about a person in the metrics.
    expect(na).not.toMatch(/weg-\d|999993653/);

    stack.subgraphProxies.voorkeuren?.setMode('forward');
    const gezien = (await verwerkingenVan(stack, token)).map((v) => v.verzoekId);
    expect(ids.filter((id) => gezien.includes(id))).toEqual(ids.slice(2));
  });
});
