import type { ZgwSeed } from '../types.js';
import { gemeenteA } from './gemeente-a.js';
import { gemeenteB } from './gemeente-b.js';

export { GEMEENTE_A_RSIN } from './gemeente-a.js';
export { GEMEENTE_B_RSIN } from './gemeente-b.js';

/** The named seeds a ZGW simulator can be started with. */
export const ZGW_SEEDS = { 'gemeente-a': gemeenteA, 'gemeente-b': gemeenteB } as const satisfies Record<
  string,
  ZgwSeed
>;
export type ZgwSeedName = keyof typeof ZGW_SEEDS;
