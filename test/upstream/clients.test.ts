import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type Listening } from '../../lib/http/listen.js';
import { UpstreamError } from '../../lib/http/upstream.js';
import type { Identity } from '../../lib/identity/index.js';
import { createZgwClient } from '../../lib/zgw/client.js';
import { createBrpClient } from '../../subgraphs/brp/upstream/brp-client.js';
import { createFbsAdapter } from '../../subgraphs/berichten/upstream/fbs-client.js';
import { createBrpSimulator } from '../../simulators/brp/server.js';
import { createZgwSimulator } from '../../simulators/zgw/server.js';
import { createMijnOverheidSimulator } from '../../simulators/mijnoverheid/server.js';

const SUZANNE: Identity = { soort: 'INWONER', middel: 'DIGID', niveau: 'SUBSTANTIEEL', bsn: '999993653' };

describe('upstream clients against their simulators', () => {
  const brp = createBrpSimulator();
  const zgw = createZgwSimulator({ seed: 'gemeente-a', clients: { portaal: 'geheim-voor-de-test-0123456789' } });
  const mijnOverheid = createMijnOverheidSimulator({});
  let servers: Listening[] = [];
  beforeAll(async () => {
    servers = await Promise.all([brp, zgw, mijnOverheid].map((s) => listen(createServer(s.app), { port: 0 })));
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });
  const url = (i: number) => servers[i]?.url ?? '';

  const brpClient = () =>
    createBrpClient({
      baseUrl: `${url(0)}/haalcentraal/api/brp`,
      timeoutMs: 2_000,
      protocollering: { doelbinding: 'D'.repeat(300), verwerking: 'Mijn-Omgeving', originOin: '00000001002564440000' },
    });

  it('BRP: asks for the given fields only and sends protocollering headers, cut to length', async () => {
    brp.journal.clear();
    const [persoon] = await brpClient().raadpleeg(['999993653'], ['burgerservicenummer', 'naam.volledigeNaam']);
    expect(persoon).toEqual({ burgerservicenummer: '999993653', naam: { volledigeNaam: 'Suzanne Moulin' } });
    const [request] = brp.journal.entries({ method: 'POST' });
    expect(request?.body).toEqual({
      type: 'RaadpleegMetBurgerservicenummer',
      burgerservicenummer: ['999993653'],
      fields: ['burgerservicenummer', 'naam.volledigeNaam'],
    });
    expect(request?.headers['x-doelbinding']).toHaveLength(242);
    expect(request?.headers['x-origin-oin']).toBe('00000001002564440000');
  });

  it('BRP: an unknown BSN is simply absent (the BRP answers 200 with an empty list)', async () => {
    await expect(brpClient().raadpleeg(['100000009'], ['burgerservicenummer'])).resolves.toEqual([]);
  });

  it('BRP: a request that breaks the contract becomes BAD_REQUEST naming the invalid parameter, not the body', async () => {
    const error = await brpClient()
      .raadpleeg(['999993653'], ['bestaatNiet'])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ kind: 'BAD_REQUEST', status: 400, invalidParams: ['fields[0]'] });
    expect((error as Error).message).not.toMatch(/bestaatNiet|De foutieve/);
  });

  it('BRP: more than 20 BSNs is refused before any call', async () => {
    const bsns = Array.from({ length: 21 }, () => '999993653');
    await expect(brpClient().raadpleeg(bsns, ['naam'])).rejects.toThrow(RangeError);
  });

  it('ZGW: finds her zaken with one _zoek call, BSN in the body, and hides what she may not see', async () => {
    zgw.journal.clear();
    const client = createZgwClient(
      {
        naam: 'A',
        zakenUrl: `${url(1)}/zaken/api/v1`,
        catalogiUrl: `${url(1)}/catalogi/api/v1`,
        clientId: 'portaal',
        secret: 'geheim-voor-de-test-0123456789',
      },
      { timeoutMs: 2_000 },
    );
    const zaken = await client.zakenVan(SUZANNE, { userId: 'pseudo', userRepresentation: 'Inwoner' });
    expect(zaken.map((z) => z.identificatie).sort()).toEqual([
      'ZAAK-2026-0000000101',
      'ZAAK-2026-0000000102',
      'ZAAK-2026-0000000107',
    ]);
    const calls = zgw.journal.entries();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.path).toBe('/zaken/api/v1/zaken/_zoek');
    expect(calls[0]?.body).toEqual({ rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn: '999993653' });
    const jwt = JSON.parse(
      Buffer.from((calls[0]?.headers['authorization'] ?? '').split('.')[1] ?? '', 'base64url').toString(),
    );
    expect(jwt).toMatchObject({ client_id: 'portaal', user_id: 'pseudo', user_representation: 'Inwoner' });
    expect(Number.isInteger(jwt.iat)).toBe(true);
    expect(jwt.iat).toBeLessThan(10_000_000_000); // seconds, not milliseconds
  });

  it('ZGW: wrong credentials are UNAUTHORIZED', async () => {
    const client = createZgwClient(
      {
        naam: 'A',
        zakenUrl: `${url(1)}/zaken/api/v1`,
        catalogiUrl: '',
        clientId: 'portaal',
        secret: 'fout-geheim-0123456789abcdef',
      },
      { timeoutMs: 2_000 },
    );
    await expect(client.zakenVan(SUZANNE, { userId: 'p', userRepresentation: 'i' })).rejects.toMatchObject({
      kind: 'UNAUTHORIZED',
    });
  });

  it('MijnOverheid: the recipient travels in X-Ontvanger, never in the URL', async () => {
    mijnOverheid.journal.clear();
    const berichten = await createFbsAdapter({ baseUrl: `${url(2)}/berichtenbox/api/v1`, timeoutMs: 2_000 }).berichten(
      SUZANNE,
    );
    expect(berichten.length).toBe(3);
    expect(berichten.filter((b) => !b.gelezen)).toHaveLength(1);
    const [request] = mijnOverheid.journal.entries();
    expect(request?.headers['x-ontvanger']).toBe('BSN:999993653');
    expect(request?.path + JSON.stringify(request?.query)).not.toContain('999993653');
  });

  it('a source that does not answer in time is a TIMEOUT', async () => {
    brp.setFaults({ latencyMs: 1_000 });
    const slow = createBrpClient({
      baseUrl: `${url(0)}/haalcentraal/api/brp`,
      timeoutMs: 100,
      protocollering: { doelbinding: 'D', verwerking: 'V' },
    });
    await expect(slow.raadpleeg(['999993653'], ['naam'])).rejects.toMatchObject({ kind: 'TIMEOUT' });
    brp.setFaults({});
  });
});
