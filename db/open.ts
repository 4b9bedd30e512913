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
  close(): void;
}

export interface OpenOptions {
  dataDir: string;
  migrationsFolder: string;
  /** Make today's rotating backup after opening (off in most tests). */
  dailyBackup?: boolean;
}

/** WAL for concurrent reads, FULL sync because invoices must survive a power cut. */
export function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
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
    if (options.dailyBackup) await dailyBackup(sqlite, backupDir);
    return {
      sqlite,
      db: drizzle(sqlite, { schema }),
      file,
      backupDir,
      migration,
      schemaVersion: migration.toVersion,
      close: () => sqlite.close(),
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
