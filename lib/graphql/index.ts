export * from './types.js';
export * from './context.js';
export * from './bron.js';
export * from './gebruiker.js';
export * from './build-schema.js';
export * from './subgraph-server.js';
export * from './portaal.js';
export * from './upstream-errors.js';
