import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test/generated/', '**/*.js', '!eslint.config.js'] },
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
    },
  },
  {
    // lib/ is shared by every process: it must not depend on any of them.
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/gateway/**', '**/subgraphs/**', '**/simulators/**'],
              message: 'lib/ imports no process code.',
            },
          ],
        },
      ],
    },
  },
  ...['brp', 'zaken', 'berichten', 'voorkeuren'].map((name) => ({
    // A subgraph never reaches into another subgraph; shared code lives in lib/.
    files: [`subgraphs/${name}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['brp', 'zaken', 'berichten', 'voorkeuren']
                .filter((other) => other !== name)
                .flatMap((other) => [`**/subgraphs/${other}/**`, `../${other}/**`]),
              message: 'Subgraphs do not import each other; move shared code to lib/.',
            },
            {
              group: ['**/gateway/**', '**/simulators/**'],
              message: 'A subgraph does not import the gateway or simulators.',
            },
          ],
        },
      ],
    },
  })),
  {
    files: ['scripts/**/*.ts', 'test/**/*.ts', 'simulators/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
