import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh folder per test, removed afterwards by the returned cleanup. */
export function makeTempDir(prefix = 'engagement-desk-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export const MIGRATIONS_FOLDER = path.resolve(__dirname, '../../db/migrations');
