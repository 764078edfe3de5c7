import { migration0001 } from './0001-voorkeuren.js';
import { migration0002 } from './0002-contactgegevens.js';
import { migration0003 } from './0003-meldingen.js';
import { migration0004 } from './0004-verwerkingen.js';
import { migration0005 } from './0005-verwerkingen-namens.js';
import type { Migration } from './migration.js';

export type { Migration } from './migration.js';

/** Every migration, in order. Add new ones at the end, in a file of their own. */
export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
];
