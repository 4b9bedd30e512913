// npm start: build the app and run it in Electron.
//
// Electron downloads its binary lazily, on the first `require('electron')`. Where that
// download is impossible (the project's build machines), requiring it would try anyway and
// fail with a stack trace, so the binary is looked for the same way electron/index.js
// does, without the download, and a missing one is reported in one line.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const MISSING =
  'Engagement Desk: the Electron binary is not installed (it could not be downloaded here). ' +
  'Run "npm test" to exercise the app in Chromium, or reinstall where Electron can download.';

const require = createRequire(import.meta.url);

/** The Electron executable if it is installed, else null. */
function electronBinary() {
  let packageDir;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override)
    return existsSync(path.join(override, executable || 'electron'))
      ? path.join(override, executable || 'electron')
      : null;
  if (!executable) return null;
  const full = path.join(packageDir, 'dist', executable);
  return existsSync(full) ? full : null;
}

/** Runs electron-vite with this same Node (npm's scripts use the project's Node 22). */
function electronVite(args, env = process.env) {
  // The package's exports hide bin/, so find it from the package's entry.
  const cli = path.join(
    path.dirname(require.resolve('electron-vite')),
    '..',
    'bin',
    'electron-vite.js',
  );
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: 'inherit', env });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(1));
  });
}

const binary = electronBinary();
if (binary === null) {
  console.error(MISSING);
  process.exit(1);
}

const built = await electronVite(['build']);
if (built !== 0) process.exit(built);
// Hand electron-vite the binary found above, so both agree on which Electron runs.
process.exit(await electronVite(['preview'], { ...process.env, ELECTRON_EXEC_PATH: binary }));
