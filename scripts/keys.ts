/**
 * `npm run keys`: prints fresh secrets for a deployment as .env lines: the gateway's ES256 key for
 * internal tokens (private part for the gateway, public set for the subgraphs) and the pseudonym key.
 */
import { randomBytes } from 'node:crypto';
import { generateInternalKeyPair } from '../lib/internal-token.js';

const { privateJwk, publicJwks } = await generateInternalKeyPair(`intern-${new Date().toISOString().slice(0, 10)}`);
console.log(`INTERNAL_TOKEN_PRIVATE_KEY='${JSON.stringify(privateJwk)}'`);
console.log(`INTERNAL_TOKEN_PUBLIC_KEYS='${JSON.stringify(publicJwks)}'`);
console.log(`PSEUDONYM_KEY=${randomBytes(32).toString('base64url')}`);
