/**
 * `npm run keys`: prints fresh secrets for a deployment as .env lines: the gateway's ES256 key for
 * internal tokens (private part for the gateway, public set for the subgraphs), the pseudonym
 * key, the key that encrypts contact details at rest, and the key of document download links.
 */
import { randomBytes } from 'node:crypto';
import { generateInternalKeyPair } from '../lib/internal-token.js';

const { privateJwk, publicJwks } = await generateInternalKeyPair(`intern-${new Date().toISOString().slice(0, 10)}`);
console.log(`INTERNAL_TOKEN_PRIVATE_KEY='${JSON.stringify(privateJwk)}'`);
console.log(`INTERNAL_TOKEN_PUBLIC_KEYS='${JSON.stringify(publicJwks)}'`);
const today = new Date().toISOString().slice(0, 10);
console.log(`PSEUDONYM_KEY=${randomBytes(32).toString('base64url')}`);
console.log(`VOORKEUREN_ENCRYPTION_KEY=${today}:${randomBytes(32).toString('base64url')}`);
console.log(`ZAKEN_DOCUMENT_LINK_SECRET=${randomBytes(32).toString('base64url')}`);
console.log(`NOTIFYNL_CALLBACK_TOKEN=${randomBytes(32).toString('base64url')}`);
console.log(`PORTAL_SESSION_SECRET=${randomBytes(32).toString('base64url')}`);
