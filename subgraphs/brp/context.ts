import type { BaseContext } from '../../lib/graphql/index.js';
import type { OverlapMap } from '../../lib/overlap/index.js';
import type { BrpClient } from './upstream/brp-client.js';
import { createPersoonLoader, type PersoonLoader } from './persoonsgegevens/persoonsgegevens.loader.js';
import type { PersoonsgegevensWijzigen } from './persoonsgegevens/persoonsgegevens.type.js';
import { wijzigInstructies, type WijzigLinks } from './persoonsgegevens/wijzigen.js';

export interface BrpContext extends BaseContext {
  readonly personen: PersoonLoader;
  readonly overlap: OverlapMap;
  /** How each part is changed; the same for everyone. */
  readonly wijzigen: PersoonsgegevensWijzigen;
}

/** Dependencies shared by all requests of the process. */
export interface BrpDeps {
  readonly client: BrpClient;
  readonly overlap: OverlapMap;
  /** The gemeente's pages for a verhuizing and for corrections; none by default. */
  readonly wijzigLinks?: WijzigLinks;
}

/** Per-request context: fresh loaders, so nothing is cached across residents. */
export function createBrpContext(deps: BrpDeps) {
  const wijzigen = wijzigInstructies(deps.wijzigLinks ?? { verhuizingUrl: null, correctieUrl: null });
  return (base: BaseContext): BrpContext => ({
    ...base,
    personen: createPersoonLoader(deps.client),
    overlap: deps.overlap,
    wijzigen,
  });
}
