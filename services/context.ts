import { v7 as uuidv7 } from 'uuid';
import type Database from 'better-sqlite3';
import type { AppDatabase } from '../db';

/** What every handler may use. Clock and id source are injectable so tests are exact. */
export interface ServiceContext {
  db: AppDatabase;
  sqlite: Database.Database;
  app: {
    name: string;
    version: string;
    dataDir: string;
    databaseFile: string;
    schemaVersion: number;
  };
  now(): Date;
  newId(): string;
}

export const systemClock = (): Date => new Date();
export const newUuidV7 = (): string => uuidv7();
