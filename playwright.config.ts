import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS, PAGE_OPTIONS } from './test/e2e/support/chromium';

/**
 * The renderer e2e suite: the built renderer (out/renderer, built by scripts/e2e.mjs) in
 * Debian's Chromium, with `window.api` bound to the real services on a temp data folder.
 * No server and no port: test/e2e/support/fixtures.ts serves the files itself.
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e-artifacts',
  fullyParallel: true,
  // The project's machines have two cores.
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    browserName: 'chromium',
    ...PAGE_OPTIONS,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
  },
});
