import DataLoader from 'dataloader';
import { UpstreamError } from '../../../lib/http/upstream.js';
import { BRP_MAX_BSNS, type BrpClient } from '../upstream/brp-client.js';
import type { BrpPersoon } from '../upstream/brp-types.js';

/**
 * A per-request loader of BRP persons, made for one request and thrown away with it, so nothing
 * is cached across residents.
 *
 * Contract:
 * - `load(bsn, fields)` resolves to the person with at least `fields`, or null for a BSN the BRP
 *   does not know (the BRP answers 200 with an empty list).
 * - Loads made in the same tick are one `POST /personen` with the union of their fields, in
 *   batches of at most 20 BSNs. A later load whose fields that call already covered is served
 *   from the cache; one that needs more fields asks again for that BSN (correctness first; the
 *   resolvers compute their fields from the whole operation, so in practice this does not occur).
 * - A call with one BSN does not ask for `burgerservicenummer` (its one answer is that person:
 *   data minimisation); a call with several adds it to match answers to keys.
 * - A failing call fails every load of its batch with the same UpstreamError.
 */
export interface PersoonLoader {
  load(bsn: string, fields: readonly string[]): Promise<BrpPersoon | null>;
}

const MATCH_FIELD = 'burgerservicenummer';

export function createPersoonLoader(client: BrpClient): PersoonLoader {
  /** Per BSN, the fields wanted by loads waiting for the next batch. */
  const pending = new Map<string, Set<string>>();
  /** Fields each BSN was (or is being) fetched with. */
  const fetchedWith = new Map<string, ReadonlySet<string>>();

  const loader = new DataLoader<string, BrpPersoon | null>(
    async (bsns) => {
      const fields = [...new Set(bsns.flatMap((bsn) => [...(pending.get(bsn) ?? [])]))].sort();
      for (const bsn of bsns) {
        pending.delete(bsn);
        fetchedWith.set(bsn, new Set(fields));
      }
      if (bsns.length === 1) {
        const personen = await client.raadpleeg(bsns, fields);
        // One BSN asked, so at most one person can be the answer.
        if (personen.length > 1) throw new UpstreamError('BRP', 'INVALID_RESPONSE', 200);
        return [personen[0] ?? null];
      }
      const withMatch = fields.includes(MATCH_FIELD) ? fields : [...fields, MATCH_FIELD].sort();
      const personen = await client.raadpleeg(bsns, withMatch);
      const byBsn = new Map(personen.map((p) => [p.burgerservicenummer, p]));
      return bsns.map((bsn) => byBsn.get(bsn) ?? null);
    },
    { maxBatchSize: BRP_MAX_BSNS },
  );

  return {
    load(bsn, fields) {
      const earlier = fetchedWith.get(bsn);
      if (earlier) {
        if (fields.every((f) => earlier.has(f))) return loader.load(bsn);
        loader.clear(bsn);
        fetchedWith.delete(bsn);
        fields = [...earlier, ...fields];
      }
      const wanted = pending.get(bsn) ?? new Set<string>();
      for (const field of fields) wanted.add(field);
      pending.set(bsn, wanted);
      return loader.load(bsn);
    },
  };
}
