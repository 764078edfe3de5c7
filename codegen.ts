import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations: the documents a front-end uses (schema/operations/*.graphql) become typed
 * DocumentNodes against the client-facing schema, plus a persisted-operation manifest
 * (hash → document) that the gateway can use as a safelist. `npm run codegen`; CI checks that
 * the committed output is current.
 */
const config: CodegenConfig = {
  schema: 'schema/api.graphql',
  // The reference portal's operations are in the manifest too, so a safelisting gateway serves it.
  documents: ['schema/operations/*.graphql', 'portal/src/operations/*.graphql'],
  ignoreNoDocuments: false,
  // The project is ESM with NodeNext resolution: relative imports need their .js extension.
  emitLegacyCommonJSImports: false,
  generates: {
    'schema/generated/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { mode: 'embedHashInDocument', hashAlgorithm: 'sha256' },
      },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        strictScalars: true,
        scalars: { DateTimeISO: 'string' },
        avoidOptionals: { field: true, inputValue: false, object: false },
        skipTypename: true,
      },
    },
  },
};

export default config;
