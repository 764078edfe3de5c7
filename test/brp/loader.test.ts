import { describe, expect, it } from 'vitest';
import { UpstreamError } from '../../lib/http/upstream.js';
import type { BrpClient } from '../../subgraphs/brp/upstream/brp-client.js';
import type { BrpPersoon } from '../../subgraphs/brp/upstream/brp-types.js';
import { createPersoonLoader } from '../../subgraphs/brp/persoonsgegevens/persoonsgegevens.loader.js';

/** A client that records its calls and answers a person per known BSN, as the BRP would. */
function recordingClient(known: readonly string[] = [], fail?: UpstreamError) {
  const calls: Array<{ bsns: string[]; fields: string[] }> = [];
  const client: BrpClient = {
    async raadpleeg(bsns, fields) {
      calls.push({ bsns: [...bsns], fields: [...fields] });
      if (fail) throw fail;
      return bsns
        .filter((bsn) => known.includes(bsn))
        .map((bsn): BrpPersoon => ({
          ...(fields.includes('burgerservicenummer') ? { burgerservicenummer: bsn } : {}),
          naam: { volledigeNaam: `Persoon ${bsn}` },
        }));
    },
  };
  return { client, calls };
}

const bsn = (i: number) => String(100000000 + i);

describe('the per-request BRP loader', () => {
  it('merges loads of one tick into one call with the union of their fields', async () => {
    const { client, calls } = recordingClient(['999993653']);
    const loader = createPersoonLoader(client);
    const [a, b] = await Promise.all([
      loader.load('999993653', ['naam.voornamen']),
      loader.load('999993653', ['geboorte.datum', 'naam.voornamen']),
    ]);
    expect(calls).toEqual([{ bsns: ['999993653'], fields: ['geboorte.datum', 'naam.voornamen'] }]);
    expect(a).toBe(b);
  });

  it('does not ask for the BSN when one BSN is asked: its one answer is that person', async () => {
    const { client, calls } = recordingClient(['999993653']);
    const persoon = await createPersoonLoader(client).load('999993653', ['naam.volledigeNaam']);
    expect(calls[0]?.fields).toEqual(['naam.volledigeNaam']);
    expect(persoon?.naam?.volledigeNaam).toBe('Persoon 999993653');
  });

  it('adds the BSN to match answers when several are asked, and batches at most 20', async () => {
    const known = Array.from({ length: 45 }, (_, i) => bsn(i)).filter((_, i) => i % 3 !== 0);
    const { client, calls } = recordingClient(known);
    const loader = createPersoonLoader(client);
    const results = await Promise.all(Array.from({ length: 45 }, (_, i) => loader.load(bsn(i), ['naam'])));
    expect(calls.map((c) => c.bsns.length)).toEqual([20, 20, 5]);
    for (const call of calls) expect(call.fields).toEqual(['burgerservicenummer', 'naam']);
    results.forEach((persoon, i) =>
      expect(persoon?.naam?.volledigeNaam ?? null).toBe(i % 3 === 0 ? null : `Persoon ${bsn(i)}`),
    );
  });

  it('serves a later load from the cache when its fields were asked, and asks again only for more', async () => {
    const { client, calls } = recordingClient(['999993653']);
    const loader = createPersoonLoader(client);
    await loader.load('999993653', ['naam.voornamen', 'leeftijd']);
    await loader.load('999993653', ['leeftijd']);
    expect(calls).toHaveLength(1);
    await loader.load('999993653', ['geboorte.datum']);
    expect(calls).toHaveLength(2);
    expect(calls[1]?.fields).toEqual(['geboorte.datum', 'leeftijd', 'naam.voornamen']);
  });

  it('gives null for a BSN the BRP does not know', async () => {
    const { client } = recordingClient([]);
    await expect(createPersoonLoader(client).load('123456782', ['naam'])).resolves.toBeNull();
  });

  it('fails every load of a failed call with the same error', async () => {
    const failure = new UpstreamError('BRP', 'UNAVAILABLE', 503);
    const { client } = recordingClient([], failure);
    const loader = createPersoonLoader(client);
    const outcomes = await Promise.allSettled([loader.load(bsn(1), ['naam']), loader.load(bsn(2), ['naam'])]);
    expect(outcomes.map((o) => (o.status === 'rejected' ? o.reason : o))).toEqual([failure, failure]);
  });

  it('refuses two persons for one BSN as a broken answer', async () => {
    const client: BrpClient = { raadpleeg: async () => [{ naam: {} }, { naam: {} }] };
    await expect(createPersoonLoader(client).load('999993653', ['naam'])).rejects.toMatchObject({
      kind: 'INVALID_RESPONSE',
    });
  });
});
