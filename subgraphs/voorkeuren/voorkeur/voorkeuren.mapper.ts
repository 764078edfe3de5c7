import { BronStatusCode, bronStatus } from '../../../lib/graphql/index.js';
import { KANALEN, STANDAARD_VOORKEUREN, type StoredVoorkeuren } from '../store/store.js';
import { Kanaal, KanaalVoorkeur, Taal, Voorkeuren } from './voorkeuren.type.js';

/** Stored preferences (or the defaults, when none are stored) as the GraphQL type. */
export function mapVoorkeuren(stored: StoredVoorkeuren | null, now: Date): Voorkeuren {
  const v = stored ?? { ...STANDAARD_VOORKEUREN, gewijzigdOp: null };
  return Object.assign(new Voorkeuren(), {
    bron: bronStatus('Voorkeuren', BronStatusCode.OK, { opgehaaldOp: now }),
    taal: v.taal === 'en' ? Taal.EN : Taal.NL,
    alleenDigitaal: v.alleenDigitaal,
    kanalen: KANALEN.map((kanaal) =>
      Object.assign(new KanaalVoorkeur(), { kanaal: Kanaal[kanaal], aan: v.kanalen[kanaal] }),
    ),
    zelfGekozen: stored !== null,
    gewijzigdOp: v.gewijzigdOp,
  });
}
