// Runs @doyensec/electronegativity over the Electron shell (electron/) and fails unless every
// finding is reviewed in place: a comment `electronegativity: <CHECK_NAME>[, <CHECK>…] — why`
// on the flagged line or in the 5 lines above it (for findings without a location, anywhere under
// electron/). Prints one line: `electronegativity: N findings, J justified, U unjustified`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const scanned = path.join(root, 'electron');
const electronVersion = JSON.parse(
  fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8'),
).version;
// SARIF, not CSV: the tool writes a CSV's header and rows with two unawaited writes, and when
// the rows land first the header overwrites the start of them (seen on a fresh install).
const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'electronegativity-')), 'out.sarif');

const bin = path.join(root, 'node_modules/@doyensec/electronegativity/dist/index.js');
const run = spawnSync(
  process.execPath,
  [bin, '-i', scanned, '-r', '-v', 'false', '-e', electronVersion, '-o', report],
  { cwd: root, encoding: 'utf8', timeout: 300_000 },
);
if (run.status !== 0 || !fs.existsSync(report)) {
  console.error(run.stdout, run.stderr);
  console.error('electronegativity: the scan did not run');
  process.exit(1);
}

const sarif = JSON.parse(fs.readFileSync(report, 'utf8'));
const data = sarif.runs.flatMap((r) =>
  r.results.map((result) => {
    const where = result.locations?.[0]?.physicalLocation ?? {};
    const uri = where.artifactLocation?.uri ?? 'file:///';
    return {
      issue: result.ruleId,
      // Findings about the whole app (e.g. no CSP found in the scanned files) have no file.
      filename: uri === 'file:///' ? 'N/A' : uri,
      location: `${where.region?.startLine ?? 0}:${where.region?.startColumn ?? 0}`,
      description: result.message?.text ?? '',
    };
  }),
);

const sourceFiles = fs
  .readdirSync(scanned, { recursive: true })
  .filter((f) => /\.(ts|js|html)$/.test(f) && !/\.test\.ts$/.test(f))
  .map((f) => path.join(scanned, f));
const lines = (file) => fs.readFileSync(file, 'utf8').split('\n');
const marker = (check) => new RegExp(`electronegativity:[^\\n]*\\b${check}\\b`);

let justified = 0;
const unjustified = [];
for (const finding of data) {
  const check = finding.issue;
  const file = finding.filename;
  let ok;
  if (!file || file === 'N/A') {
    ok = sourceFiles.some((f) => marker(check).test(fs.readFileSync(f, 'utf8')));
  } else {
    const line = Number(finding.location.split(':')[0]);
    const text = lines(path.join(scanned, file));
    ok = text.slice(Math.max(0, line - 6), line).some((l) => marker(check).test(l));
  }
  if (ok) justified++;
  else unjustified.push(`${check} ${file}:${finding.location} — ${finding.description}`);
}
for (const item of unjustified) console.error(`  unjustified: ${item}`);
console.log(
  `electronegativity: ${data.length} findings, ${justified} justified, ${unjustified.length} unjustified`,
);
process.exit(unjustified.length > 0 ? 1 : 0);
