/**
 * `npm run cli -- <command>`: the Engagement Desk command line (see `--help`). It opens the
 * data file through the services, as the app does, and calls the same contract methods;
 * as a trusted caller it may use internal ones (the invoice export into a folder).
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { run } from './main';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(fs.readFileSync(`${root}package.json`, 'utf8')) as {
  version: string;
};

run(
  process.argv.slice(2),
  {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  },
  {
    migrationsFolder: fileURLToPath(new URL('../db/migrations', import.meta.url)),
    appVersion: version,
  },
).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
