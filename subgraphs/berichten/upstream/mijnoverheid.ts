import type { Identity } from '../../../lib/identity/index.js';

/** A bericht in the resident's Berichtenbox, independent of how MijnOverheid is reached. */
export interface MoBericht {
  id: string;
  /** OIN of the sending organisation. */
  afzender: string;
  onderwerp: string;
  ontvangen: Date;
  gelezen: boolean;
  aantalBijlagen: number;
}

/**
 * The MijnOverheid side of the graph. Logius offers Berichtenbox and Lopende Zaken over
 * Digikoppeling only; this interface lets a Digikoppeling adapter replace the REST one
 * (modelled on the MinBZK FBS proof of concept) without touching the schema.
 */
export interface MijnOverheidAdapter {
  berichten(identity: Identity): Promise<MoBericht[]>;
}
