import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The repository explains itself: design notes live in docs/, and nothing points at documents a
 * reader of the repository does not have (the team's brief outside it).
 */
describe('the repository explains itself', () => {
  it('no file refers to design documents outside the repository', () => {
    const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { encoding: 'utf8' })
      .split('\n')
      .filter(
        (f) => (/\.(ts|md|ya?ml|json|graphql)$/.test(f) || f.startsWith('.ci/')) && !f.endsWith('repository.test.ts'),
      );
    const outside = /\b(DESIGN|STYLE|NOTES)\.md\b|\.\.\/shared\/(specs|hooks)\b/;
    const offenders = files.filter((f) => {
      try {
        return outside.test(readFileSync(f, 'utf8'));
      } catch {
        return false; // listed but deleted in the work tree
      }
    });
    expect(offenders).toEqual([]);
  });

  it('every docs/architecture.md section a comment names exists', () => {
    const architecture = readFileSync('docs/architecture.md', 'utf8');
    const sections = new Set([...architecture.matchAll(/^#{2,3} (\d+(?:\.\d+)?)\b/gm)].map((m) => m[1]));
    const cited = execFileSync('git', ['grep', '-ho', 'architecture\\.md §[0-9.]*[0-9]'], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map((c) => c.replace(/.*§/, ''));
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.filter((c) => !sections.has(c))).toEqual([]);
  });
});
