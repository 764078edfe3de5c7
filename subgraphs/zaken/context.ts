import type { BaseContext } from '../../lib/graphql/index.js';
import type { OverlapMap } from '../../lib/overlap/index.js';
import type { ZgwClient } from '../../lib/zgw/client.js';

export interface ZakenDeps {
  readonly sources: readonly ZgwClient[];
  readonly overlap: OverlapMap;
}

export interface ZakenContext extends BaseContext, ZakenDeps {}

export function createZakenContext(deps: ZakenDeps) {
  return (base: BaseContext): ZakenContext => ({ ...base, ...deps });
}
