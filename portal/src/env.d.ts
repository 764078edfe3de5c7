/** `vite.config.ts` turns an operation file into a document that carries only its id. */
declare module '*.graphql' {
  const document: { readonly kind: 'Document'; readonly definitions: readonly []; readonly documentId: string };
  export default document;
}
