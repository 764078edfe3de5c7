import DataLoader from 'dataloader';
import type { Identity } from '../../lib/identity/index.js';
import type { MijnOverheidAdapter, MoBericht, MoLopendeZaak } from './upstream/mijnoverheid.js';

/**
 * The caller's MijnOverheid data for one request. Each list is fetched at most once, however
 * many fields ask for it (`me.berichten`, `Zaak.inMijnOverheid` for every zaak of a page, …).
 * Created per request in the context, so nothing is shared between residents.
 */
export interface MijnOverheidLoader {
  berichten(): Promise<MoBericht[]>;
  /** null when the deployment is not connected to Lopende Zaken. */
  lopendeZaken(): Promise<MoLopendeZaak[] | null>;
  /** One bericht in full (attachment metadata), by id. */
  readonly bericht: DataLoader<string, MoBericht>;
}

/** The loader for one request of one resident (see {@link MijnOverheidLoader}). */
export function createMijnOverheidLoader(adapter: MijnOverheidAdapter, identity: Identity): MijnOverheidLoader {
  let berichten: Promise<MoBericht[]> | undefined;
  let lopendeZaken: Promise<MoLopendeZaak[] | null> | undefined;
  const { lopendeZaken: lz } = adapter;
  return {
    berichten: () => (berichten ??= adapter.berichtenbox.berichten(identity)),
    lopendeZaken: () => (lopendeZaken ??= lz ? lz.lopendeZaken(identity) : Promise.resolve(null)),
    // The Berichtenbox reads one bericht per call (no batch endpoint): the loader keeps it to one
    // call per id and request, and a failure fails only its own key.
    bericht: new DataLoader<string, MoBericht>((ids) =>
      Promise.all(
        ids.map((id) => adapter.berichtenbox.bericht(identity, id).catch((error: unknown) => error as Error)),
      ),
    ),
  };
}
