export * from './verifier.js';
export * from './verified-tokens.js';
export * from './caller.js';
