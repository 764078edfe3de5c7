import { assertNever } from '../../../lib/errors.js';
import { Kanaal, Onderwerp } from '../voorkeur/voorkeuren.type.js';
import { redenTekst } from './beslissing.js';
import { Melding, MeldingReden, MeldingStatus } from './melding.type.js';
import type { StoredMelding } from './meldingen-store.js';

function statusVan(melding: StoredMelding): MeldingStatus {
  if (!melding.versturen || melding.status === null) return MeldingStatus.NIET_VERSTUURD;
  switch (melding.status) {
    case 'WACHTEND':
    case 'VERZENDEN':
      return MeldingStatus.GEPLAND;
    case 'MISLUKT':
      return MeldingStatus.MISLUKT;
    case 'VERZONDEN':
      if (melding.afleverstatus === 'AFGELEVERD') return MeldingStatus.AFGELEVERD;
      if (melding.afleverstatus === 'ONBESTELBAAR') return MeldingStatus.NIET_AFGELEVERD;
      return MeldingStatus.VERSTUURD;
    default:
      return assertNever(melding.status);
  }
}

/** A stored decision as the resident sees it. */
export function mapMelding(melding: StoredMelding): Melding {
  return Object.assign(new Melding(), {
    id: melding.id,
    zaakIdentificatie: melding.zaakIdentificatie,
    zaaktype: melding.zaaktype,
    onderwerp: Onderwerp[melding.onderwerp],
    kanaal: Kanaal[melding.kanaal],
    beslotenOp: melding.beslotenOp,
    status: statusVan(melding),
    verstuurdOp: melding.verzondenOp,
    redenCode: melding.reden === null ? null : MeldingReden[melding.reden],
    reden: melding.reden === null ? null : redenTekst(melding.reden),
  });
}
