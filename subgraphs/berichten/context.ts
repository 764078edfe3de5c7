import type { BaseContext } from '../../lib/graphql/index.js';
import type { OverlapMap } from '../../lib/overlap/index.js';
import type { MijnOverheidAdapter } from './upstream/mijnoverheid.js';

export interface BerichtenDeps {
  readonly mijnOverheid: MijnOverheidAdapter;
  readonly overlap: OverlapMap;
  /** The name of a sender, by OIN. */
  readonly afzenderNaam: (oin: string) => string;
  /** Link to a bericht in MijnOverheid, for `portaal.url`. */
  readonly berichtUrl: (id: string) => string;
}

export interface BerichtenContext extends BaseContext, BerichtenDeps {}

export function createBerichtenContext(deps: BerichtenDeps) {
  return (base: BaseContext): BerichtenContext => ({ ...base, ...deps });
}
