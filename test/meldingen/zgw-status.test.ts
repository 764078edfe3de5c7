import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Listening } from '../../lib/http/listen.js';
import { createZgwClient, zgwHeaders, type ZgwClient } from '../../lib/zgw/index.js';
import { createZgwSimulator } from '../../simulators/zgw/index.js';
import { start } from '../simulators/helpers.js';

const CLIENT = { clientId: 'portaal', secret: 'geheim-voor-de-zgw-client-test-0123456789' };

/**
 * The single-status lookup meldingen use (lib/zgw `statusWijziging`): the same visibility rules
 * as the zaken list decide who is told, and URLs of other systems are not fetched.
 */
describe('ZGW client: the status behind a notification', () => {
  const sim = createZgwSimulator({ seed: 'gemeente-a', clients: { [CLIENT.clientId]: CLIENT.secret } });
  let listening: Listening;
  let client: ZgwClient;
  beforeAll(async () => {
    listening = await start(sim);
    client = createZgwClient(
      {
        naam: 'A',
        zakenUrl: `${listening.url}/zaken/api/v1`,
        catalogiUrl: `${listening.url}/catalogi/api/v1`,
        ...CLIENT,
      },
      { timeoutMs: 2_000 },
    );
  });
  afterAll(() => listening.close());

  const get = async (path: string) => {
    const headers = await zgwHeaders(CLIENT, { userId: 'test', userRepresentation: 'test' }, Date.now());
    const response = await fetch(`${listening.url}${path}`, { headers: { ...headers } });
    return (await response.json()) as { results: { url: string; zaaktype?: string; omschrijving?: string }[] };
  };
  /** The URL of a new status of type `statustype` on the seeded zaak `identificatie`. */
  const zetStatus = async (identificatie: string, statustype: string) => {
    const zaak = (await get(`/zaken/api/v1/zaken?identificatie=${identificatie}`)).results[0];
    const typen = (await get(`/catalogi/api/v1/statustypen?zaaktype=${encodeURIComponent(zaak?.zaaktype ?? '')}`))
      .results;
    const headers = await zgwHeaders(CLIENT, { userId: 'test', userRepresentation: 'test' }, Date.now());
    const response = await fetch(`${listening.url}/zaken/api/v1/statussen`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'content-crs': 'EPSG:4326' },
      body: JSON.stringify({
        zaak: zaak?.url,
        statustype: typen.find((t) => t.omschrijving === statustype)?.url,
        datumStatusGezet: new Date().toISOString(),
      }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { url: string }).url;
  };

  it('finds the zaak, the statustype with informeren and its place, and the initiator', async () => {
    const wijziging = await client.statusWijziging(await zetStatus('ZAAK-2026-0000000107', 'Beoordeling'));
    expect(wijziging).toMatchObject({
      zaak: { identificatie: 'ZAAK-2026-0000000107', _expand: { zaaktype: { identificatie: 'OMGEVINGSVERGUNNING' } } },
      statustype: { omschrijving: 'Beoordeling', informeren: true },
      eersteStatus: false,
      eindstatus: false,
    });
    expect(wijziging?.inwoners.map((i) => i.bsn)).toEqual(['999993653']);
  });

  it('tells no one about a zaak the visibility rules hide (internal zaaktype)', async () => {
    const wijziging = await client.statusWijziging(await zetStatus('ZAAK-2026-0000000104', 'Gestart'));
    expect(wijziging?.zaak.identificatie).toBe('ZAAK-2026-0000000104');
    expect(wijziging?.eersteStatus).toBe(true);
    expect(wijziging?.inwoners).toEqual([]);
  });

  it('does not fetch a status of another system', async () => {
    expect(await client.statusWijziging('https://elders.example/zaken/api/v1/statussen/1')).toBeNull();
  });
});
