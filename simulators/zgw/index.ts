export { createZgwSimulator, type ZgwSimulator, type ZgwSimulatorOptions } from './server.js';
export { ZGW_SEEDS, GEMEENTE_A_RSIN, GEMEENTE_B_RSIN, type ZgwSeedName } from './seeds/index.js';
export { ZAKEN_ROOT, CATALOGI_ROOT, DOCUMENTEN_ROOT } from './render.js';
export type { NotificationsCallback, ZgwNotification } from './notificaties.js';
export type { ZgwSeed } from './types.js';
