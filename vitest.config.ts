/**
 * Two projects: `unit` (fast, no browser, webextension-polyfill replaced by one shared fake) and
 * `e2e` (real Chromium with the built extension). Kept apart from vite.config.ts so that the
 * crxjs plugin is not loaded for tests. `npm test` runs unit, builds, then e2e.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { riskDatabasePlugin } from './scripts/vite-plugin-database.ts';

const fromRoot = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  // Unit tests import src/core/database.ts, which reads the compiled database.
  plugins: [riskDatabasePlugin(fromRoot('./src/data'))],
  test: {
    projects: [
      {
        extends: true,
        resolve: { alias: { 'webextension-polyfill': fromRoot('./tests/mocks/webextension-polyfill.ts') } },
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
          setupFiles: ['tests/setup-unit.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          // Each file starts its own Chromium; two cores cannot run several at once reliably.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 90_000,
          // Node 20 has a global WebSocket only behind this flag; the Firefox harness speaks
          // WebDriver BiDi over it.
          execArgv: ['--experimental-websocket'],
          globalSetup: ['tests/e2e/harness/global-setup.ts'],
        },
      },
    ],
  },
});
