import path from 'node:path';
import { openDatabase, type OpenedDatabase } from '../db';
import { newUuidV7, systemClock, type ServiceContext } from './context';
import { createDispatcher, type Dispatch, type DispatcherOptions } from './dispatcher';
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
  database: OpenedDatabase;
  close(): void;
}

/** Opens (and upgrades) the data file and returns the dispatcher over it. */
export async function startServices(options: ServicesOptions): Promise<Services> {
  const database = await openDatabase({
    dataDir: options.dataDir,
    migrationsFolder: options.migrationsFolder,
    dailyBackup: options.dailyBackup ?? false,
  });
  const ctx: ServiceContext = {
    db: database.db,
    sqlite: database.sqlite,
    app: {
      name: 'Engagement Desk',
      version: options.appVersion,
      dataDir: path.resolve(options.dataDir),
      databaseFile: database.file,
      schemaVersion: database.schemaVersion,
    },
    now: options.now ?? systemClock,
    newId: options.newId ?? newUuidV7,
  };
  return {
    invoke: createDispatcher(ctx, handlers, options),
    database,
    close: () => database.close(),
  };
}
