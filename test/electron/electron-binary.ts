import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(__filename);

/**
 * The Electron executable if it is installed, else null. Looked up the way the `electron`
 * package's index.js does, minus its lazy download: requiring `electron` where the binary
 * cannot be fetched would try, fail noisily, and leave nothing to launch. (scripts/start.mjs
 * holds the same lookup for `npm start`.)
 */
export function electronBinaryPath(): string | null {
  let packageDir: string;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const full = override
    ? path.join(override, executable || 'electron')
    : executable
      ? path.join(packageDir, 'dist', executable)
      : null;
  return full !== null && existsSync(full) ? full : null;
}

/** Why the suite cannot run here, or null when it can. */
export function whyElectronSuiteSkips(): string | null {
  if (electronBinaryPath() === null) {
    return 'Electron suite skipped: the Electron binary is not installed here (npm test covers the app in Chromium).';
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'Electron suite skipped: no display (run it under xvfb-run).';
  }
  return null;
}
