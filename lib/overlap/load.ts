import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { z } from 'zod';
import { ConfigError } from '../config.js';
import { createOverlapMap, type OverlapMap } from './map.js';
import { overlapKaartSchema, type OverlapKaartDefinitie } from './schema.js';

/**
 * Thrown when an overlap file is not valid. It is a {@link ConfigError}, so a process that loads
 * the map with its configuration refuses to start (exit 78) with one line per problem, each
 * naming the line and column in the file, the field and what is wrong.
 */
export class OverlapMapError extends ConfigError {
  constructor(
    readonly source: string,
    problems: readonly string[],
  ) {
    super(problems.map((p) => `Overlapkaart ${source}: ${p}`));
  }
}

/**
 * The committed default map, `schema/overlap.yaml`: next to the sources two folders up when run
 * from source (tsx, vitest), three up when run from `dist/lib/overlap` (the Docker image copies
 * `schema/` beside `dist/`). There is one file, so the API, the docs and every subgraph agree.
 */
const DEFAULT_CANDIDATES = [
  new URL('../../schema/overlap.yaml', import.meta.url),
  new URL('../../../schema/overlap.yaml', import.meta.url),
];

/** The path of the committed default overlap file. */
export function defaultOverlapFile(): string {
  const file = DEFAULT_CANDIDATES.map((url) => fileURLToPath(url)).find((path) => existsSync(path));
  if (!file) throw new OverlapMapError('schema/overlap.yaml', ['het bestand ontbreekt naast de code']);
  return file;
}

type PathSegment = PropertyKey;

/** Where a path of the parsed file is written: the node itself, or the nearest parent that exists. */
function locate(document: Document, path: readonly PathSegment[], unknownKey?: string): Node | undefined {
  for (let length = path.length; length >= 0; length--) {
    const segments = path.slice(0, length).map((s) => (typeof s === 'symbol' ? String(s) : s));
    const node: unknown = length === 0 ? document.contents : document.getIn(segments, true);
    if (!isNode(node)) continue;
    if (unknownKey !== undefined && length === path.length && isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === unknownKey);
      if (pair && isNode(pair.key)) return pair.key;
    }
    return node;
  }
  return undefined;
}

function formatPath(path: readonly PathSegment[]): string {
  return path.reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`;
    const name = String(segment);
    return text === '' ? name : `${text}.${name}`;
  }, '');
}

/**
 * Parses and validates the text of an overlap file. Throws {@link OverlapMapError} listing every
 * problem with its line: YAML syntax errors as the YAML parser reports them, and schema problems
 * by mapping each zod issue path back to the node it came from.
 */
export function parseOverlapDefinition(text: string, source: string): OverlapKaartDefinitie {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const where = (offset: number | undefined) => {
    if (offset === undefined) return 'regel 1'; // an empty file: the whole document is missing
    const { line, col } = lineCounter.linePos(offset);
    return `regel ${line}, kolom ${col}`;
  };
  if (document.errors.length > 0) {
    throw new OverlapMapError(
      source,
      document.errors.map((error) => `${where(error.pos[0])}: geen geldige YAML (${error.message.split('\n')[0]})`),
    );
  }
  const result = overlapKaartSchema.safeParse(document.toJS(), { error: z.locales.nl().localeError });
  if (result.success) return result.data;
  throw new OverlapMapError(
    source,
    result.error.issues.flatMap((issue) => {
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => {
          const node = locate(document, issue.path, key);
          const veld = formatPath([...issue.path, key]);
          return `${where(node?.range?.[0])} (${veld}): onbekend veld "${key}"; controleer de spelling`;
        });
      }
      const node = locate(document, issue.path);
      return [`${where(node?.range?.[0])} (${formatPath(issue.path) || 'bestand'}): ${issue.message}`];
    }),
  );
}

/**
 * Loads the overlap map from a YAML file, or from the committed default (`schema/overlap.yaml`)
 * when `file` is undefined. Read once at start-up; an invalid file throws {@link OverlapMapError}.
 */
export function loadOverlapMap(file: string | undefined): OverlapMap {
  const path = file ?? defaultOverlapFile();
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'onbekende fout';
    throw new OverlapMapError(path, [`het bestand is niet te lezen (${code})`]);
  }
  return createOverlapMap(parseOverlapDefinition(text, path));
}
