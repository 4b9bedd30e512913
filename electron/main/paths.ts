import path from 'node:path';
import type { App } from 'electron';

export interface AppPaths {
  /** Holds the SQLite file, its backups and the window state. */
  dataDir: string;
  /** Whether `dataDir` came from ENGAGEMENT_DESK_DATA_DIR (tests, portable use). */
  dataDirFromEnv: boolean;
  /** drizzle-kit's SQL; electron-builder ships it (see electron-builder.yml `files`). */
  migrationsFolder: string;
  /** The built renderer that app:// serves. */
  rendererDir: string;
  preloadFile: string;
  /** Entry of the services utility process. */
  servicesEntry: string;
}

/**
 * Every path the shell needs, in one place. `mainDir` is the folder of the bundled main
 * script (out/main); electron-vite writes preload and renderer beside it, inside the asar
 * once packaged.
 */
export function resolveAppPaths(
  app: Pick<App, 'getPath' | 'getAppPath'>,
  mainDir: string,
  env: NodeJS.ProcessEnv = process.env,
): AppPaths {
  const override = env.ENGAGEMENT_DESK_DATA_DIR?.trim();
  return {
    dataDir: override ? path.resolve(override) : app.getPath('userData'),
    dataDirFromEnv: Boolean(override),
    migrationsFolder: path.join(app.getAppPath(), 'db', 'migrations'),
    rendererDir: path.join(mainDir, '..', 'renderer'),
    preloadFile: path.join(mainDir, '..', 'preload', 'index.js'),
    servicesEntry: path.join(mainDir, 'services.js'),
  };
}
