import { v7 as uuidv7 } from 'uuid';
import type Database from 'better-sqlite3';
import type { DataLocationWarning } from '../core/api';
import type { AppDatabase } from '../db';

/**
 * The data file's folders and the one capability that swaps the live database. Only a
 * contract method marked `exclusive` may call `replaceWith`: the dispatcher guarantees no
 * other call runs against the handles meanwhile.
 */
export interface DataControl {
  backupDir: string;
  migrationsFolder: string;
  /**
   * Closes the live database, puts `preparedFile` (a verified, up-to-date data file in the
   * data folder) in its place and reopens; `ctx.db`, `ctx.sqlite` and `ctx.app` then point
   * at the new data. On any failure the previous file is put back and reopened.
   */
  replaceWith(preparedFile: string): Promise<void>;
}

/** What every handler may use. Clock and id source are injectable so tests are exact. */
export interface ServiceContext {
  /** The live handles: replaced (never mutated) when a backup is restored. */
  db: AppDatabase;
  sqlite: Database.Database;
  app: {
    name: string;
    version: string;
    dataDir: string;
    databaseFile: string;
    schemaVersion: number;
    dataLocationWarning: DataLocationWarning | null;
    dailyBackupFailed: boolean;
  };
  data: DataControl;
  now(): Date;
  newId(): string;
}

export const systemClock = (): Date => new Date();
export const newUuidV7 = (): string => uuidv7();
