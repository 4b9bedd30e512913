import { defineConfig } from '@playwright/test';
import { whyElectronSuiteSkips } from './test/electron/electron-binary';

// Where the suite cannot run, global-setup prints the one line saying why and the tests
// skip themselves; the reporter stays quiet so that line is all the output.
const skipped = whyElectronSuiteSkips() !== null;

/** The `_electron.launch` suite: the real app, in the real Electron, on a temp data folder. */
export default defineConfig({
  testDir: 'test/electron',
  testMatch: '**/*.spec.ts',
  globalSetup: './test/electron/global-setup.ts',
  // One Electron at a time: each run owns a window and a services process.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: 'test-results/electron',
  reporter: skipped ? [['./test/electron/quiet-reporter.ts']] : [['list']],
});
