import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BACKUP_NAME_PATTERN, type BackupKind } from '../core/api/backups';

export const BACKUP_DIR_NAME = 'backups';

/**
 * Retention, applied after every automatic daily backup:
 * - `daily-YYYY-MM-DD.sqlite` (UTC day): the 7 newest are kept.
 * - A daily that falls out of those 7 is not deleted but renamed to
 *   `weekly-GGGG-Www.sqlite` (its ISO week), replacing an older weekly of the same week.
 *   Dailies leave the window oldest first, so a weekly ends up holding the newest day of
 *   its week that is no longer a daily. The 4 newest weeklies are kept.
 * - `pre-migration-v<N>-<stamp>.sqlite`: one before every upgrade, the 10 newest kept.
 * - `manual-<stamp>.sqlite` ("Back up now") and `safety-<stamp>.sqlite` (made before every
 *   restore) are never deleted automatically.
 */
export const DAILY_KEEP = 7;
export const WEEKLY_KEEP = 4;
const PRE_MIGRATION_KEEP = 10;

/** Only names the app itself writes; anything else (a path, `..`) is never a backup. */
export { BACKUP_NAME_PATTERN, type BackupKind };

/** Tables every Engagement Desk data file has had since its first schema version. */
const REQUIRED_TABLES = ['__drizzle_migrations', 'clients'];

export class BackupVerificationError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`The backup ${path.basename(file)} failed verification: ${problem}`);
    this.name = 'BackupVerificationError';
  }
}

export function kindOfBackup(name: string): BackupKind | null {
  const match = BACKUP_NAME_PATTERN.exec(name);
  return match ? (match[1] as BackupKind) : null;
}

export function stamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** ISO 8601 week of a UTC calendar day, e.g. `2026-W47` (weeks start on Monday). */
export function isoWeekOf(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(date.getTime() + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  const firstWeekday = (firstThursday.getUTCDay() + 6) % 7;
  const week1Monday = firstThursday.getTime() - firstWeekday * 86_400_000;
  const week = 1 + Math.floor((thursday.getTime() - week1Monday) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Hooks for tests: `afterWrite` may damage the unverified copy to prove it is refused. */
export interface BackupHooks {
  afterWrite?: (partialFile: string) => void;
}

/** Names of the tables in a data file. */
export function tableNames(db: Database.Database): Set<string> {
  return new Set(
    (
      db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as {
        name: string;
      }[]
    ).map((r) => r.name),
  );
}

/**
 * A file is a usable Engagement Desk backup when SQLite's `integrity_check` says `ok` and
 * it has the app's tables. Opened read-only; throws BackupVerificationError otherwise.
 */
export function verifyBackupFile(file: string): void {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupVerificationError(file, `cannot be opened (${(error as Error).message})`);
  }
  try {
    verifyOpenBackup(db, file);
  } finally {
    db.close();
  }
}

/** `verifyBackupFile`'s checks on a handle already open (read-only) on `file`. */
export function verifyOpenBackup(db: Database.Database, file: string): void {
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    if (rows.length !== 1 || rows[0]?.integrity_check !== 'ok') {
      throw new BackupVerificationError(
        file,
        `integrity check: ${rows
          .map((r) => r.integrity_check)
          .join('; ')
          .slice(0, 300)}`,
      );
    }
    const tables = tableNames(db);
    const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
    if (missing.length > 0) {
      throw new BackupVerificationError(file, `missing tables ${missing.join(', ')}`);
    }
  } catch (error) {
    if (error instanceof BackupVerificationError) throw error;
    throw new BackupVerificationError(file, (error as Error).message);
  }
}

/**
 * A backup file stands alone: rollback journal instead of WAL, so opening it read-only later
 * never leaves `-wal`/`-shm` files behind in the backups folder.
 */
export function useRollbackJournal(file: string): void {
  const header = Buffer.alloc(20);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, 20, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (header[18] !== 2 && header[19] !== 2) return; // not WAL
  const { atime, mtime } = fs.statSync(file);
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
    fs.utimesSync(file, atime, mtime); // the list shows when the backup was made
  }
}

/**
 * A consistent copy made with SQLite's online backup API (safe while WAL writers are
 * active, unlike copying the file), written to a temp name first and verified there: a
 * crash or a damaged copy never leaves a file that looks like a backup. A copy that fails
 * verification is deleted and BackupVerificationError is thrown.
 */
export async function backupTo(
  sqlite: Database.Database,
  target: string,
  options: { now?: Date; hooks?: BackupHooks } = {},
): Promise<string> {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    await sqlite.backup(partial);
    useRollbackJournal(partial);
    options.hooks?.afterWrite?.(partial);
    verifyBackupFile(partial);
    const when = options.now ?? new Date();
    fs.utimesSync(partial, when, when);
    fs.renameSync(partial, target);
  } catch (error) {
    for (const leftover of [partial, `${partial}-journal`, `${partial}-wal`, `${partial}-shm`]) {
      fs.rmSync(leftover, { force: true });
    }
    throw error;
  }
  return target;
}

function backupsOf(dir: string, kind: BackupKind): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => kindOfBackup(f) === kind)
    .sort();
}

function prune(dir: string, kind: BackupKind, keep: number): void {
  const files = backupsOf(dir, kind);
  for (const old of files.slice(0, Math.max(0, files.length - keep))) {
    fs.rmSync(path.join(dir, old), { force: true });
  }
}

/** Dailies beyond the newest 7 become their week's weekly; then the newest 4 weeklies stay. */
export function rotateBackups(dir: string): void {
  const dailies = backupsOf(dir, 'daily');
  for (const old of dailies.slice(0, Math.max(0, dailies.length - DAILY_KEEP))) {
    const day = old.slice('daily-'.length, 'daily-'.length + 10);
    const weekly = path.join(dir, `weekly-${isoWeekOf(day)}.sqlite`);
    fs.renameSync(path.join(dir, old), weekly); // replaces an older day of the same week
  }
  prune(dir, 'weekly', WEEKLY_KEEP);
}

export async function backupBeforeMigration(
  sqlite: Database.Database,
  backupDir: string,
  fromVersion: number,
  now: Date = new Date(),
): Promise<string> {
  const file = path.join(backupDir, `pre-migration-v${fromVersion}-${stamp(now)}.sqlite`);
  await backupTo(sqlite, file, { now });
  prune(backupDir, 'pre-migration', PRE_MIGRATION_KEEP);
  return file;
}

/** One backup per calendar day (UTC), then rotation. Returns null when today's exists. */
export async function dailyBackup(
  sqlite: Database.Database,
  backupDir: string,
  now: Date = new Date(),
  hooks?: BackupHooks,
): Promise<string | null> {
  const file = path.join(backupDir, `daily-${now.toISOString().slice(0, 10)}.sqlite`);
  if (fs.existsSync(file)) return null;
  await backupTo(sqlite, file, { now, ...(hooks ? { hooks } : {}) });
  rotateBackups(backupDir);
  return file;
}

/** "Back up now" and the copy made before a restore: never pruned automatically. */
export async function namedBackup(
  sqlite: Database.Database,
  backupDir: string,
  kind: 'manual' | 'safety',
  now: Date = new Date(),
  hooks?: BackupHooks,
): Promise<string> {
  let file = path.join(backupDir, `${kind}-${stamp(now)}.sqlite`);
  for (let n = 2; fs.existsSync(file); n++) {
    file = path.join(backupDir, `${kind}-${stamp(now)}-${n}.sqlite`);
  }
  return backupTo(sqlite, file, { now, ...(hooks ? { hooks } : {}) });
}
