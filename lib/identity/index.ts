export * from './identity.js';
export * from './niveau.js';
export * from './claims.js';
export * from './pseudonym.js';
export * from './authenticatie.js';
