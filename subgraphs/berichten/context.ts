import { requireSignedIn, type BaseContext } from '../../lib/graphql/index.js';
import type { OverlapMap } from '../../lib/overlap/index.js';
import { createMijnOverheidLoader, type MijnOverheidLoader } from './mijnoverheid.loader.js';
import type { MijnOverheidAdapter } from './upstream/mijnoverheid.js';

/** What the berichten subgraph is built with: the MijnOverheid adapter, the overlap map, names and links. */
export interface BerichtenDeps {
  readonly mijnOverheid: MijnOverheidAdapter;
  readonly overlap: OverlapMap;
  /** The name of a sender, by OIN. */
  readonly afzenderNaam: (oin: string) => string;
  /** Link to a bericht in MijnOverheid, for `portaal.url`. */
  readonly berichtUrl: (id: string) => string;
  /** Link to Lopende Zaken in MijnOverheid, for `portaal.url` of a lopende zaak. */
  readonly lopendeZakenUrl: string;
}

export interface BerichtenContext extends BaseContext, BerichtenDeps {
  /** The caller's MijnOverheid data, fetched at most once per request; UNAUTHENTICATED without a person. */
  mijnOverheidData(): MijnOverheidLoader;
}

/** The per-request context factory; each request gets its own {@link MijnOverheidLoader}. */
export function createBerichtenContext(deps: BerichtenDeps) {
  return (base: BaseContext): BerichtenContext => {
    let loader: MijnOverheidLoader | undefined;
    return {
      ...base,
      ...deps,
      mijnOverheidData() {
        const { identity } = requireSignedIn(base);
        return (loader ??= createMijnOverheidLoader(deps.mijnOverheid, identity));
      },
    };
  };
}
