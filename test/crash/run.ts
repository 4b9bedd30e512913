/**
 * `npm run test:crash [-- --trials N] [-- --seed S]`: kills the services process with
 * SIGKILL at random moments while it writes, many times over one data file, and after
 * every kill checks the file (see check.ts). Ends with one line:
 *   crash: N trials, L lost, P partial, C corrupt
 * and exits 1 when any of L, P, C is not 0.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createRandom } from '../../core/techdebt/random';
import { checkDatabase, emptyAcks, recordAck, type Acks } from './check';
import { BATCH_ROWS } from './constants';

const { values } = parseArgs({
  options: {
    trials: { type: 'string', default: '50' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    /** Longest time a worker writes before the kill, ms. */
    'max-ms': { type: 'string', default: '700' },
    keep: { type: 'boolean', default: false },
  },
});
const trials = Number(values.trials);
const seed = Number(values.seed);
const maxMs = Number(values['max-ms']);
if (!Number.isInteger(trials) || trials < 1 || !Number.isInteger(seed) || !(maxMs > 0)) {
  console.error('crash: --trials and --seed must be whole numbers, --max-ms positive');
  process.exit(2);
}

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'engagement-desk-crash-'));
const file = path.join(dataDir, 'engagement-desk.sqlite');
const random = createRandom(seed);
const randomMs = (max: number) => Math.floor(random.nextOpen01() * max);

/** Starts a worker, waits until it writes, kills it after a random delay. */
function trial(tag: string, acks: Acks): Promise<{ acked: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(here, 'worker.ts'), dataDir, tag],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let buffer = '';
    let stderr = '';
    let acked = 0;
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (line === 'READY' && !timer) {
          timer = setTimeout(() => child.kill('SIGKILL'), randomMs(maxMs));
        } else if (line.startsWith('ACK ')) {
          recordAck(acks, line);
          acked++;
        }
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve({ acked, stderr });
      else reject(new Error(`worker ${tag} exited on its own (code ${code}):\n${stderr}`));
    });
  });
}

async function main(): Promise<void> {
  const acks = emptyAcks();
  let lost = 0;
  let partial = 0;
  let corrupt = 0;
  let writes = 0;
  let completed = 0;
  try {
    for (let i = 1; i <= trials; i++) {
      const { acked } = await trial(`t${i}`, acks);
      writes += acked;
      completed++;
      const result = checkDatabase(file, acks, BATCH_ROWS);
      lost += result.lost.length;
      partial += result.partial.length;
      corrupt += result.corrupt.length;
      for (const problem of [...result.lost, ...result.partial, ...result.corrupt])
        console.error(`trial ${i}: ${problem}`);
    }
  } catch (error) {
    console.error(`crash: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    if (!values.keep) fs.rmSync(dataDir, { recursive: true, force: true });
    else console.log(`crash: data kept in ${dataDir}`);
  }
  console.log(`crash: acknowledged writes checked: ${writes} (seed ${seed})`);
  console.log(`crash: ${completed} trials, ${lost} lost, ${partial} partial, ${corrupt} corrupt`);
  if (lost + partial + corrupt > 0 || completed < trials) process.exitCode = 1;
}

void main();
