import { startServices, type Services } from '../../services/host';
import { makeTempDir, MIGRATIONS_FOLDER } from './temp';

export interface TestServices extends Services {
  dir: string;
  dispose(): void;
}

/** Real services on a real SQLite file in a temp folder, with a controllable clock. */
export async function startTestServices(
  options: { dir?: string; now?: () => Date } = {},
): Promise<TestServices> {
  const temp = options.dir ? { dir: options.dir, cleanup: () => {} } : makeTempDir();
  const services = await startServices({
    dataDir: temp.dir,
    migrationsFolder: MIGRATIONS_FOLDER,
    appVersion: '0.0.0-test',
    logError: () => {},
    ...(options.now ? { now: options.now } : {}),
  });
  // Not spread: `database` is a getter that follows a restore.
  return Object.assign(services, {
    dir: temp.dir,
    dispose: () => {
      services.close();
      temp.cleanup();
    },
  });
}
