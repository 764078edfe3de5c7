export * from './keyring.js';
export * from './field-cipher.js';
