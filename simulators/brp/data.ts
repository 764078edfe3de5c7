import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RawPersoon } from './raw.js';

/**
 * Where the vendored RvIG test persons live: next to this module when run from source (tsx,
 * vitest), or in the source tree when run from `dist/` (tsc does not copy JSON it does not import).
 */
const CANDIDATES = [
  new URL('./data/brp-testdata.json', import.meta.url),
  new URL('../../../simulators/brp/data/brp-testdata.json', import.meta.url),
];

let cached: readonly RawPersoon[] | undefined;

/** The RvIG test persons (`data/brp-testdata.json`), parsed once per process. */
export function loadTestPersons(): readonly RawPersoon[] {
  if (cached) return cached;
  const file = CANDIDATES.map((url) => fileURLToPath(url)).find((path) => existsSync(path));
  if (!file) throw new Error('BRP test data not found: expected simulators/brp/data/brp-testdata.json');
  cached = JSON.parse(readFileSync(file, 'utf8')) as RawPersoon[];
  return cached;
}
