import type DataLoader from 'dataloader';
import type { BaseContext } from '../../lib/graphql/index.js';
import type { OverlapMap } from '../../lib/overlap/index.js';
import type { BrpClient } from './upstream/brp-client.js';
import type { BrpPersoon } from './upstream/brp-types.js';
import { createPersoonLoader } from './persoonsgegevens/persoonsgegevens.loader.js';

export interface BrpContext extends BaseContext {
  readonly personen: DataLoader<string, BrpPersoon | null>;
  readonly overlap: OverlapMap;
}

/** Dependencies shared by all requests of the process. */
export interface BrpDeps {
  readonly client: BrpClient;
  readonly overlap: OverlapMap;
}

/** Per-request context: fresh loaders, so nothing is cached across residents. */
export function createBrpContext(deps: BrpDeps) {
  return (base: BaseContext): BrpContext => ({
    ...base,
    personen: createPersoonLoader(deps.client),
    overlap: deps.overlap,
  });
}
