import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { BACKUP_DIR_NAME, backupBeforeMigration, dailyBackup } from './backup';
import { DbError } from './errors';
import { runMigrations, type MigrationReport } from './migrate';
import * as schema from './schema';

export const DATABASE_FILE_NAME = 'engagement-desk.sqlite';

export type AppDatabase = BetterSQLite3Database<typeof schema>;

export interface OpenedDatabase {
  sqlite: Database.Database;
  db: AppDatabase;
  file: string;
  backupDir: string;
  migration: MigrationReport;
  schemaVersion: number;
  /** Why today's automatic backup could not be made (the data file itself is fine). */
  dailyBackupError: Error | null;
  close(): void;
}

export interface OpenOptions {
  dataDir: string;
  migrationsFolder: string;
  /** Make today's rotating backup after opening (off in most tests). */
  dailyBackup?: boolean;
}

/**
 * WAL for concurrent reads, FULL sync because invoices must survive a power cut. A page
 * cache of up to 64 MiB (SQLite's default is 2 MiB): with years of data the lists and
 * totals otherwise re-read the same pages from the OS on every call (docs/PERFORMANCE.md).
 */
export function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -65536');
}

export async function openDatabase(options: OpenOptions): Promise<OpenedDatabase> {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const file = path.join(options.dataDir, DATABASE_FILE_NAME);
  const backupDir = path.join(options.dataDir, BACKUP_DIR_NAME);
  const sqlite = new Database(file);
  try {
    try {
      applyPragmas(sqlite);
    } catch (error) {
      throw new DbError('NOT_A_DATABASE', `${file} is not an Engagement Desk data file.`, {
        cause: error,
      });
    }
    const migration = await runMigrations(sqlite, {
      migrationsFolder: options.migrationsFolder,
      backup: (from) => backupBeforeMigration(sqlite, backupDir, from),
    });
    let dailyBackupError: Error | null = null;
    if (options.dailyBackup) {
      try {
        await dailyBackup(sqlite, backupDir);
      } catch (error) {
        // A failed (or unverifiable) backup was deleted; the app still opens on its data.
        dailyBackupError = error instanceof Error ? error : new Error(String(error));
      }
    }
    return {
      sqlite,
      db: drizzle(sqlite, { schema }),
      file,
      backupDir,
      migration,
      schemaVersion: migration.toVersion,
      dailyBackupError,
      close: () => sqlite.close(),
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/**
 * Brings a standalone copy (a backup about to be restored) up to this build's schema, in
 * place, and leaves it with a rollback journal so it is one self-contained file. The copy
 * is itself the "before" state, so no further backup is made.
 */
export async function upgradeDataFile(file: string, migrationsFolder: string): Promise<number> {
  const sqlite = new Database(file, { fileMustExist: true });
  try {
    sqlite.pragma('foreign_keys = ON');
    const report = await runMigrations(sqlite, { migrationsFolder, backup: async () => file });
    sqlite.pragma('journal_mode = DELETE');
    return report.toVersion;
  } finally {
    sqlite.close();
  }
}
