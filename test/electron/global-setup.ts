import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { whyElectronSuiteSkips } from './electron-binary';

const require = createRequire(__filename);

/**
 * Runs once per `playwright test -c playwright.electron.config.ts`: says in one line why the
 * suite is skipped, or builds the app so the suite tests the current sources.
 */
export default function globalSetup(): void {
  const reason = whyElectronSuiteSkips();
  if (reason !== null) {
    console.log(reason);
    return;
  }
  const cli = path.join(
    path.dirname(require.resolve('electron-vite')),
    '..',
    'bin',
    'electron-vite.js',
  );
  const root = path.resolve(__dirname, '..', '..');
  const build = spawnSync(process.execPath, [cli, 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0)
    throw new Error('electron-vite build failed; the Electron suite needs out/.');
}
