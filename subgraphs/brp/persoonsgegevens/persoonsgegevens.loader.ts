import DataLoader from 'dataloader';
import { BRP_MAX_BSNS, type BrpClient } from '../upstream/brp-client.js';
import type { BrpPersoon } from '../upstream/brp-types.js';

/**
 * The BRP field paths this subgraph asks for: only what the schema can show (data minimisation),
 * plus the BSN to match each person to its key (the BRP returns only the fields asked for).
 */
export const BRP_FIELDS = ['burgerservicenummer', 'naam', 'adressering'] as const;

/**
 * A per-request loader of BRP persons by BSN: one `POST /personen` per batch of at most 20 BSNs,
 * one result per key in key order (null for a BSN the BRP does not know). A failing call fails
 * every key of its batch with the same UpstreamError.
 */
export function createPersoonLoader(client: BrpClient): DataLoader<string, BrpPersoon | null> {
  return new DataLoader(
    async (bsns) => {
      const personen = await client.raadpleeg(bsns, BRP_FIELDS);
      const byBsn = new Map(personen.map((p) => [p.burgerservicenummer, p]));
      return bsns.map((bsn) => byBsn.get(bsn) ?? null);
    },
    { maxBatchSize: BRP_MAX_BSNS },
  );
}
