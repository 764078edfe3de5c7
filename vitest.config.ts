import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

/**
 * Tests that start no process, open no socket and need no database: `npx vitest run --project unit`
 * runs them in seconds. Everything else (the stack, simulators, PostgreSQL, Redis, Chromium) is
 * the `e2e` project. `npm test` runs both.
 */
const UNIT = [
  'test/unit/config.test.ts',
  'test/unit/identity.test.ts',
  'test/unit/internal-token.test.ts',
  'test/unit/metrics.test.ts',
  'test/unit/query-limits.test.ts',
  'test/unit/reuse-operations.test.ts',
  'test/unit/verified-tokens.test.ts',
  'test/unit/verwerkingen-gegevens.test.ts',
  'test/unit/schema-changes.test.ts',
  'scripts/bench/bench.test.ts',
  'test/berichten/mapping.test.ts',
  'test/brp/fields.test.ts',
  'test/brp/loader.test.ts',
  'test/deploy/compose.test.ts',
  'test/idp/config.test.ts',
  'test/idp/cookie-jar.test.ts',
  'test/idp/login-form.test.ts',
  'test/meldingen/beslissing.test.ts',
  'test/meldingen/config.test.ts',
  'test/meldingen/loop.test.ts',
  'test/overlap/overlap-map.test.ts',
  'test/schema/query-plan.test.ts',
  'test/simulators/brp-transform.test.ts',
  'test/simulators/config.test.ts',
  'test/voorkeuren/config.test.ts',
  'test/voorkeuren/crypto.test.ts',
  'test/voorkeuren/validatie.test.ts',
  'test/zaken/unit.test.ts',
];

export default defineConfig({
  resolve: {
    // One graphql module for everything. Node loads graphql's CommonJS build for every package
    // (its package.json has no "exports"), vite would give our code the ESM one: two GraphQLError
    // classes, and an error of one is not an instance of the other, as Apollo checks.
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }],
  },
  test: {
    exclude: ['node_modules/**', 'dist/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    setupFiles: ['test/setup.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT } },
      {
        extends: true,
        test: { name: 'e2e', include: ['**/*.test.ts'], exclude: [...UNIT, 'node_modules/**', 'dist/**'] },
      },
    ],
  },
});
