export { createBrpSimulator, BRP_PERSONEN_PATH, type BrpSimulatorOptions } from './server.js';
export { toPersoon, type TransformContext } from './transform.js';
export { applyFields, checkField } from './fields.js';
export { loadTestPersons } from './data.js';
export type { RawPersoon } from './raw.js';
export type { Json, JsonObject } from './json.js';
