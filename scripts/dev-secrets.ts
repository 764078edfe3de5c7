import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import type { JSONWebKeySet, JWK } from 'jose';
import { generateInternalKeyPair } from '../lib/internal-token.js';

export interface DevSecrets {
  internalPrivateJwk: JWK;
  internalPublicJwks: JSONWebKeySet;
  pseudonymKey: string;
}

/**
 * Secrets for `npm start`: made once and kept in data/ (git-ignored), so pseudonyms and thus
 * stored preferences survive a restart. Never used in production, where each is configured.
 */
export async function loadOrCreateDevSecrets(file: string): Promise<DevSecrets> {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DevSecrets;
  const { privateJwk, publicJwks } = await generateInternalKeyPair('dev-intern-1');
  const secrets: DevSecrets = {
    internalPrivateJwk: privateJwk,
    internalPublicJwks: publicJwks,
    pseudonymKey: randomBytes(32).toString('base64url'),
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
