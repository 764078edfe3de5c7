export * from './api-key.js';
export * from './client.js';
export * from './callback.js';
