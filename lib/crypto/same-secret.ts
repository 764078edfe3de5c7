import { timingSafeEqual } from 'node:crypto';

/**
 * Whether a secret a caller sent equals the one configured, in time that does not depend on
 * where they differ (so the secret cannot be guessed byte by byte from response times). A
 * missing value never matches.
 */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
