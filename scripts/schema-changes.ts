import type { BreakingChange } from 'graphql';

/**
 * The schema coordinate a breaking change is about (`Gebruiker.zaken`, `BronStatusCode`), as
 * graphql-js's description starts with it.
 */
export function coordinateOf(change: Pick<BreakingChange, 'description'>): string {
  return /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?/.exec(change.description)?.[0] ?? change.description;
}

/** The text of the changelog's "Unreleased" section (up to the next `## ` heading). */
export function unreleasedSection(changelog: string): string {
  const start = changelog.search(/^## Unreleased\b/m);
  if (start === -1) return '';
  const rest = changelog.slice(start + 1);
  const next = rest.search(/^## /m);
  return next === -1 ? rest : rest.slice(0, next);
}

/**
 * The breaking changes a reviewer was not told about: those whose schema coordinate the
 * changelog's "Unreleased" section does not name (in backticks, e.g. `Gebruiker.zaken`).
 */
export function unacknowledged(
  breaking: readonly Pick<BreakingChange, 'description' | 'type'>[],
  changelog: string,
): Array<Pick<BreakingChange, 'description' | 'type'>> {
  const section = unreleasedSection(changelog);
  return breaking.filter((change) => !section.includes(`\`${coordinateOf(change)}\``));
}
