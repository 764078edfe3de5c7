import { toBronFout } from '../../lib/graphql/index.js';
import type { BerichtenContext } from './context.js';
import type { MoLopendeZaak } from './upstream/mijnoverheid.js';

/** The two parts of MijnOverheid this subgraph reads, as `bron.naam` and in logs. */
export const BRON_BERICHTENBOX = 'MijnOverheid Berichtenbox';
export const BRON_LOPENDE_ZAKEN = 'MijnOverheid Lopende Zaken';

/**
 * The resident's Lopende Zaken where they only help (linking a bericht to its zaak by number):
 * when they cannot be had, the link falls back to the other references instead of failing.
 */
export async function lopendeZakenAlsHulp(context: BerichtenContext): Promise<MoLopendeZaak[]> {
  try {
    return (await context.mijnOverheidData().lopendeZaken()) ?? [];
  } catch (error) {
    toBronFout(error, context, BRON_LOPENDE_ZAKEN); // logs; rethrows what is not an upstream failure
    return [];
  }
}
