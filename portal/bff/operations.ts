import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse } from 'graphql';

/** One operation the front-end may ask for. */
export interface PortalOperation {
  readonly name: string;
  /** A mutation changes something: the back-end asks more of the request before it passes one on. */
  readonly kind: 'query' | 'mutation';
  readonly text: string;
  /**
   * The operation's id in the gateway's persisted-operation manifest, when it is there: the
   * portal then asks for it by id, which a gateway in safelist mode requires.
   */
  readonly documentId?: string;
}

/**
 * The id of an operation: the sha256 of its file's text, as the gateway's persisted-operation
 * manifest writes it. `portal/vite.config.ts` computes the same id when it bundles the file.
 */
export function operationId(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

/**
 * Reads the `.graphql` files of `dir`, each holding exactly one named query or mutation
 * (fragments may follow). Throws at start-up on anything else (a subscription, two operations,
 * one without a name), so a mistake is found before a resident is.
 */
export function loadPortalOperations(dir: string, manifestFile?: string): ReadonlyMap<string, PortalOperation> {
  const manifest = manifestFile ? manifestIdsByName(manifestFile) : new Map<string, string>();
  const operations = new Map<string, PortalOperation>();
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.graphql'))
    .sort()) {
    const text = readFileSync(join(dir, file), 'utf8');
    const definitions = parse(text).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    const [only, ...others] = definitions;
    if (!only || others.length > 0 || (only.operation !== 'query' && only.operation !== 'mutation') || !only.name) {
      throw new Error(`${file}: moet precies één query of mutation met een naam bevatten`);
    }
    const documentId = manifest.get(only.name.value);
    operations.set(operationId(text), {
      name: only.name.value,
      kind: only.operation,
      text,
      ...(documentId ? { documentId } : {}),
    });
  }
  if (operations.size === 0) throw new Error(`${dir}: geen operaties gevonden`);
  return operations;
}

/** The gateway's manifest (`npm run codegen`) as operation name → id. */
function manifestIdsByName(file: string): Map<string, string> {
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  const ids = new Map<string, string>();
  for (const [id, text] of Object.entries(manifest)) {
    for (const definition of parse(text).definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) ids.set(definition.name.value, id);
    }
  }
  return ids;
}
