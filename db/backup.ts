import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

export const BACKUP_DIR_NAME = 'backups';
const DAILY_KEEP = 7;
const PRE_MIGRATION_KEEP = 10;

function stamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/**
 * A consistent copy made with SQLite's online backup API (safe while WAL writers are
 * active, unlike copying the file). Written to a temp name first so a crash never leaves a
 * half-written file that looks like a backup.
 */
export async function backupTo(sqlite: Database.Database, target: string): Promise<string> {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  await sqlite.backup(partial);
  fs.renameSync(partial, target);
  return target;
}

function prune(dir: string, prefix: string, keep: number): void {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.sqlite'))
    .sort();
  for (const old of files.slice(0, Math.max(0, files.length - keep))) {
    fs.rmSync(path.join(dir, old), { force: true });
  }
}

export async function backupBeforeMigration(
  sqlite: Database.Database,
  backupDir: string,
  fromVersion: number,
  now: Date = new Date(),
): Promise<string> {
  const file = path.join(backupDir, `pre-migration-v${fromVersion}-${stamp(now)}.sqlite`);
  await backupTo(sqlite, file);
  prune(backupDir, 'pre-migration-', PRE_MIGRATION_KEEP);
  return file;
}

/** One backup per calendar day (UTC), the last week kept. Returns null when today's exists. */
export async function dailyBackup(
  sqlite: Database.Database,
  backupDir: string,
  now: Date = new Date(),
): Promise<string | null> {
  const file = path.join(backupDir, `daily-${now.toISOString().slice(0, 10)}.sqlite`);
  if (fs.existsSync(file)) return null;
  await backupTo(sqlite, file);
  prune(backupDir, 'daily-', DAILY_KEEP);
  return file;
}
