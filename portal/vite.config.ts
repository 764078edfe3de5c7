import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Turns each `src/operations/*.graphql` import into a document that carries only its id (the
 * sha256 of the file, as `bff/operations.ts` computes it). urql then sends `{ documentId }`, the
 * back-end passes on the text it holds itself, and the browser can name no other operation.
 */
function operationIds(): Plugin {
  return {
    name: 'portal-operation-ids',
    load(id) {
      if (!id.endsWith('.graphql')) return null;
      const documentId = `sha256:${createHash('sha256').update(readFileSync(id, 'utf8')).digest('hex')}`;
      return `export default ${JSON.stringify({ kind: 'Document', definitions: [], documentId })};`;
    },
  };
}

/** Builds the front-end to `dist/portal/web/`, which the back-end serves. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  publicDir: false,
  plugins: [react(), operationIds()],
  build: {
    outDir: fileURLToPath(new URL('../dist/portal/web', import.meta.url)),
    emptyOutDir: true,
    // The page's policy allows scripts from the portal only; the polyfill would be an inline one.
    modulePreload: { polyfill: false },
  },
});
