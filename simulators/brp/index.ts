export { createBrpSimulator, BRP_PERSONEN_PATH, type BrpSimulator, type BrpSimulatorOptions } from './server.js';
export { BRP_TOKEN_PATH, type BrpOAuthOptions, type TokenIssuer } from './oauth.js';
export { toPersoon, type TransformContext } from './transform.js';
export { applyFields, checkField } from './fields.js';
export { loadTestPersons } from './data.js';
export type { RawPersoon } from './raw.js';
export type { Json, JsonObject } from './json.js';
