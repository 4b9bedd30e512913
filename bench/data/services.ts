import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServices, type Services } from '../../services/host';

const here = path.dirname(fileURLToPath(import.meta.url));
export const MIGRATIONS_FOLDER = path.join(here, '../../db/migrations');

/** Every temp folder a bench made; one exit handler removes them all. */
const tempDirs: string[] = [];

/** A fresh temp folder named after the bench, removed when the run exits. */
export function benchDataDir(name: string): string {
  if (tempDirs.length === 0) {
    process.on('exit', () => {
      for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
    });
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `engagement-desk-bench-${name}-`));
  tempDirs.push(dir);
  return dir;
}

/**
 * The real services on `dataDir` (a fresh temp folder when not given), with the clock fixed
 * at `now` when given. The debt, billing, SLA and dashboard benches start from an empty one;
 * the workspace benches from a copy of the large workspace.
 */
export function startBenchServices(
  name: string,
  options: { now?: Date; dataDir?: string } = {},
): Promise<Services> {
  const { now } = options;
  return startServices({
    dataDir: options.dataDir ?? benchDataDir(name),
    migrationsFolder: MIGRATIONS_FOLDER,
    appVersion: 'bench',
    ...(now ? { now: () => now } : {}),
  });
}

/** A contract method's result data; a refusal throws, naming the method and the error. */
export async function must(services: Services, method: string, input: unknown): Promise<unknown> {
  const result = await services.invoke(method, input);
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.data;
}
