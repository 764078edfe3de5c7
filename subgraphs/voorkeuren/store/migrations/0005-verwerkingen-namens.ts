import type { Migration } from './migration.js';

/**
 * Who read: `namens` holds the kind of machtiging when someone acting for the resident did
 * (`DIGID_MACHTIGEN`, `EHERKENNING_KETENMACHTIGING`), and stays empty when the resident did.
 */
export const migration0005: Migration = {
  name: '0005-verwerkingen-namens',
  statements() {
    return ['ALTER TABLE verwerkingen ADD COLUMN namens TEXT'];
  },
};
