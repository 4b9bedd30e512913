import path from 'node:path';
import type { App } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electron, resetElectronStub } from '../../test/electron-stub';
import { resolveAppPaths } from './paths';

vi.mock('electron', async () => (await import('../../test/electron-stub')).electronModule());

beforeEach(resetElectronStub);

const app = electron.app as unknown as App;
const mainDir = path.join('/app', 'out', 'main');

describe('resolveAppPaths', () => {
  it("uses Electron's userData by default", () => {
    const paths = resolveAppPaths(app, mainDir, {});
    expect(paths).toEqual({
      dataDir: '/fake/userData',
      dataDirFromEnv: false,
      migrationsFolder: path.join('/fake/app', 'db', 'migrations'),
      rendererDir: path.join('/app', 'out', 'renderer'),
      preloadFile: path.join('/app', 'out', 'preload', 'index.js'),
      servicesEntry: path.join('/app', 'out', 'main', 'services.js'),
    });
  });

  it('lets ENGAGEMENT_DESK_DATA_DIR override it, resolved to an absolute path', () => {
    const paths = resolveAppPaths(app, mainDir, { ENGAGEMENT_DESK_DATA_DIR: 'portable/data' });
    expect(paths.dataDir).toBe(path.resolve('portable/data'));
    expect(paths.dataDirFromEnv).toBe(true);
  });

  it('ignores an empty override', () => {
    expect(resolveAppPaths(app, mainDir, { ENGAGEMENT_DESK_DATA_DIR: '  ' }).dataDir).toBe(
      '/fake/userData',
    );
  });
});
