/**
 * `npm run overlap`: renders the overlap map (schema/overlap.yaml, the committed default) as a
 * Markdown table and a Mermaid diagram into docs/overlap.md, for architects. `--check` renders in
 * memory and fails when the committed doc differs, so CI catches a map changed without its doc.
 * `--file <path>` renders another map (e.g. a deployment's own) to stdout instead.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { defaultOverlapFile, loadOverlapMap, OverlapMapError, renderOverlapMarkdown } from '../lib/overlap/index.js';

const ROOT = new URL('..', import.meta.url).pathname;
const DOC = join(ROOT, 'docs/overlap.md');

/** The committed doc's content for the committed map. */
export function renderCommittedOverlapDoc(): string {
  const file = defaultOverlapFile();
  return renderOverlapMarkdown(loadOverlapMap(file), relative(ROOT, file));
}

function main(): void {
  const args = process.argv.slice(2);
  const fileIndex = args.indexOf('--file');
  if (fileIndex >= 0) {
    const file = args[fileIndex + 1];
    if (!file) throw new Error('--file needs a path');
    process.stdout.write(renderOverlapMarkdown(loadOverlapMap(file), file));
    return;
  }
  const content = renderCommittedOverlapDoc();
  if (args.includes('--check')) {
    let committed: string | null = null;
    try {
      committed = readFileSync(DOC, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (committed !== content) {
      console.error('docs/overlap.md is out of date with schema/overlap.yaml. Run `npm run overlap` and commit it.');
      process.exit(1);
    }
    console.log('docs/overlap.md matches schema/overlap.yaml.');
    return;
  }
  mkdirSync(dirname(DOC), { recursive: true });
  writeFileSync(DOC, content);
  console.log('Wrote docs/overlap.md');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    main();
  } catch (error) {
    if (!(error instanceof OverlapMapError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
