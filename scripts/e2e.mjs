// `npm run test:e2e`: build the renderer, then run the Playwright suite against that build.
// Extra arguments go to Playwright (`npm run test:e2e -- -g search`). Set E2E_SKIP_BUILD=1
// to reuse an existing out/renderer while iterating on tests.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!fs.existsSync(chromium)) {
  console.error(
    `e2e: no Chromium at ${chromium}. Install it with "bash scripts/system-deps.sh" ` +
      '(apt-get install chromium fonts-wqy-microhei) or point CHROMIUM_PATH at one.',
  );
  process.exit(1);
}

function run(label, args) {
  const started = Date.now();
  // process.execPath: the same Node that runs this script (Node 22 under npm scripts), which
  // better-sqlite3 needs for the in-process services.
  const child = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (child.status !== 0) {
    console.error(`e2e: ${label} failed`);
    process.exit(child.status ?? 1);
  }
  console.log(`e2e: ${label} done in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

if (process.env.E2E_SKIP_BUILD !== '1') {
  run('renderer build', [
    'node_modules/vite/bin/vite.js',
    'build',
    '-c',
    'renderer/vite.config.ts',
    '--logLevel',
    'warn',
  ]);
}
run('playwright', [
  'node_modules/@playwright/test/cli.js',
  'test',
  '-c',
  'playwright.config.ts',
  ...process.argv.slice(2),
]);
