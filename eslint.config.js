import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const SUBGRAPHS = ['brp', 'zaken', 'berichten', 'voorkeuren'];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'coverage/',
      'schema/generated/',
      // Code that breaks the rules on purpose, linted by test/lint/boundaries.test.ts.
      'test/lint/fixtures/',
      '**/*.js',
      '!eslint.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-console': ['error', { allow: ['error', 'warn'] }],
      // A package's dist/ layout is not its contract: import what its entry points export.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(@[^/]+/)?[^./][^/]*/dist(/|$)',
              message: "Import from the package's public entry point, not from its dist/ files.",
            },
          ],
        },
      ],
    },
  },
  {
    // The boundaries the README promises, checked on resolved paths (so `../../zaken/…` from a
    // nested file is caught as well as `../zaken/…`): one subgraph never imports another, lib/
    // imports no process, the gateway imports no subgraph or simulator, the simulators import no
    // product process; and no import cycles anywhere. Proven by test/lint/boundaries.test.ts.
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
      // no-cycle reads the imported files too: parse them as TypeScript.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx', '.js'],
    },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './lib',
              from: ['./gateway', './subgraphs', './simulators', './scripts', './test', './portal'],
              message: 'lib/ is shared by every process: it imports no process code.',
            },
            ...SUBGRAPHS.map((name) => ({
              target: `./subgraphs/${name}`,
              from: './subgraphs',
              except: [`./${name}`],
              message: 'Subgraphs do not import each other; move shared code to lib/.',
            })),
            {
              target: './subgraphs',
              from: ['./gateway', './simulators', './scripts', './test'],
              message: 'A subgraph imports neither the gateway, the simulators, scripts nor tests.',
            },
            {
              target: './gateway',
              from: ['./subgraphs', './simulators', './scripts', './test'],
              message: 'The gateway reaches subgraphs over HTTP only; shared code lives in lib/.',
            },
            {
              target: './portal',
              from: ['./gateway', './subgraphs', './simulators', './scripts', './test'],
              message: 'The portal is a client of the gateway: it reaches it over HTTP and shares only lib/.',
            },
            {
              target: './simulators',
              from: ['./gateway', './subgraphs', './scripts', './test'],
              message: 'Simulators stand in for upstreams: they import no product process.',
            },
          ],
        },
      ],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['scripts/**/*.ts', 'test/**/*.ts', 'simulators/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
