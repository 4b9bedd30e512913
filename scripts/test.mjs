// `npm test`: the system packages the tests need (installed when missing), lint, typecheck,
// the Electron security scan, unit, crash and e2e tests, in that order, stopping at the first
// failing step; ends with one summary line counting every test that ran.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const results = path.join(root, 'test-results');
fs.mkdirSync(results, { recursive: true });
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(label, command, args, env = {}) {
  const started = Date.now();
  console.log(`\n▶ ${label}`);
  const child = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (child.status !== 0) {
    console.error(`✖ ${label} failed after ${seconds}s`);
    process.exit(child.status ?? 1);
  }
  console.log(`✔ ${label} (${seconds}s)`);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

// Chromium, poppler-utils and a CJK font, from apt when missing (root only; one clear line otherwise).
run('system packages', 'bash', [path.join(root, 'scripts/system-deps.sh')]);
run('lint', npm, ['run', '--silent', 'lint']);
run('typecheck', npm, ['run', '--silent', 'typecheck']);
// Electron's security checklist: every finding of @doyensec/electronegativity is justified in place.
run('electronegativity', process.execPath, [path.join(root, 'scripts/electronegativity.mjs')]);
const unitJson = path.join(results, 'unit.json');
run('unit tests', npm, [
  'run',
  '--silent',
  'test:unit',
  '--',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${unitJson}`,
]);
// A few SIGKILLs during writes (`npm run test:crash` runs many more).
run('crash test', npm, ['run', '--silent', 'test:crash', '--', '--trials', '8']);
const e2eJson = path.join(results, 'e2e.json');
run('e2e tests', npm, ['run', '--silent', 'test:e2e'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson });

// Runs the same app in the real Electron binary where one is installed; one line otherwise.
run('electron tests', npm, ['run', '--silent', 'test:electron']);

let passed = 0;
let failed = 0;
let skipped = 0;
const unit = readJson(unitJson);
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  skipped += unit.numPendingTests + unit.numTodoTests;
}
const e2e = readJson(e2eJson);
if (e2e?.stats) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected;
  skipped += e2e.stats.skipped;
}
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
