export { createMijnOverheidSimulator, type MijnOverheidSimulatorOptions } from './server.js';
export { BERICHTENBOX_ROOT } from './berichtenbox.routes.js';
export { LOPENDEZAKEN_ROOT } from './lopendezaken.routes.js';
export { BERICHTEN, LOPENDE_ZAKEN, OIN, type BerichtSeed, type LopendeZaakSeed } from './seed.js';
