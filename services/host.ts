import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE_NAME, openDatabase, type OpenedDatabase } from '../db';
import { dataLocationWarning } from './app/location';
import { newUuidV7, systemClock, type ServiceContext } from './context';
import {
  createDispatcher,
  defaultLogError,
  type Dispatch,
  type DispatcherOptions,
} from './dispatcher';
import { handlers } from './handlers';

export interface ServicesOptions extends DispatcherOptions {
  dataDir: string;
  migrationsFolder: string;
  appVersion: string;
  dailyBackup?: boolean;
  now?: () => Date;
  newId?: () => string;
}

export interface Services {
  invoke: Dispatch;
  /** The live database: a new one after a backup is restored. */
  readonly database: OpenedDatabase;
  /** The handlers' context (tests build view models on it). */
  readonly context: ServiceContext;
  close(): void;
}

/**
 * What a restore interrupted by a crash can leave beside the data file: its prepared copy
 * (`.restore-….sqlite` and sidecars) and the second name of the file it replaced
 * (`….before-restore-…`). The live file is whole either way (the swap is one rename) and the
 * data it replaced is in the verified safety backup, so both go at the next start.
 */
export function removeRestoreLeftovers(dataDir: string, liveFileName: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dataDir);
  } catch {
    return [];
  }
  const leftovers = names.filter(
    (name) =>
      /^\.restore-[^/\\]+\.sqlite(-journal|-wal|-shm)?$/.test(name) ||
      name.startsWith(`${liveFileName}.before-restore-`),
  );
  for (const name of leftovers) fs.rmSync(path.join(dataDir, name), { force: true });
  return leftovers;
}

/** Opens (and upgrades) the data file and returns the dispatcher over it. */
export async function startServices(options: ServicesOptions): Promise<Services> {
  const dataDir = path.resolve(options.dataDir);
  // Both cheap (one readdir, one statfs: tens of µs), so they run on every start.
  removeRestoreLeftovers(dataDir, DATABASE_FILE_NAME);
  const open = (dailyBackup: boolean) =>
    openDatabase({
      dataDir: options.dataDir,
      migrationsFolder: options.migrationsFolder,
      dailyBackup,
    });
  let database = await open(options.dailyBackup ?? false);
  const logError = options.logError ?? defaultLogError;
  if (database.dailyBackupError) logError('backups.daily', database.dailyBackupError);

  const use = (next: OpenedDatabase) => {
    database = next;
    ctx.db = next.db;
    ctx.sqlite = next.sqlite;
    ctx.app.databaseFile = next.file;
    ctx.app.schemaVersion = next.schemaVersion;
  };

  /**
   * Swap the live file for a prepared one. A second name for the old file (a hard link, or a
   * copy where links are not supported) is kept until the new one has opened; the swap itself
   * is one rename over the live name, so a crash leaves either the old or the new file there,
   * never none, and a failure at any step puts the old one back.
   */
  async function replaceWith(preparedFile: string): Promise<void> {
    const live = database.file;
    const previous = `${live}.before-restore-${process.pid}-${Date.now()}`;
    const sidecars = [`${live}-wal`, `${live}-shm`];
    // Everything committed goes into the main file; a clean close then removes the WAL.
    database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    database.close();
    let keptPrevious = false;
    try {
      const wal = sidecars[0]!;
      if (fs.existsSync(wal) && fs.statSync(wal).size > 0) {
        throw new Error('Another program still has the data file open.');
      }
      try {
        fs.linkSync(live, previous);
      } catch {
        fs.copyFileSync(live, previous);
      }
      keptPrevious = true;
      // Stale sidecars of the old file must never be applied to the restored one.
      for (const sidecar of sidecars) fs.rmSync(sidecar, { force: true });
      fs.renameSync(preparedFile, live);
      use(await open(false));
    } catch (error) {
      if (keptPrevious) {
        for (const sidecar of sidecars) fs.rmSync(sidecar, { force: true });
        fs.renameSync(previous, live);
      }
      use(await open(false));
      throw error;
    }
    fs.rmSync(previous, { force: true });
  }

  const ctx: ServiceContext = {
    db: database.db,
    sqlite: database.sqlite,
    app: {
      name: 'Engagement Desk',
      version: options.appVersion,
      dataDir,
      databaseFile: database.file,
      schemaVersion: database.schemaVersion,
      dataLocationWarning: dataLocationWarning(dataDir),
      dailyBackupFailed: database.dailyBackupError !== null,
    },
    data: {
      backupDir: database.backupDir,
      migrationsFolder: options.migrationsFolder,
      replaceWith,
    },
    now: options.now ?? systemClock,
    newId: options.newId ?? newUuidV7,
  };
  const invoke = createDispatcher(ctx, handlers, { ...options, logError });
  return {
    invoke,
    get database() {
      return database;
    },
    context: ctx,
    close: () => database.close(),
  };
}
