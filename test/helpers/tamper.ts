/**
 * `text` with the character at `at` replaced by another one ('B' for an 'A', else 'A'), so the
 * result always differs from `text`. For base64url tokens and ciphertexts: pick a position whose
 * character carries only data bits (not the last one, which may hold padding bits).
 */
export function withOneCharacterChanged(text: string, at: number): string {
  return `${text.slice(0, at)}${text[at] === 'A' ? 'B' : 'A'}${text.slice(at + 1)}`;
}
