import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Engagement Desk';

/**
 * The app's data folder, as the app finds it: `ENGAGEMENT_DESK_DATA_DIR` when set (like
 * electron/main/paths.ts), else Electron's `userData` for the product name — Linux
 * `$XDG_CONFIG_HOME/Engagement Desk` (default `~/.config`), macOS
 * `~/Library/Application Support/Engagement Desk`, Windows `%APPDATA%\Engagement Desk`.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  const override = env.ENGAGEMENT_DESK_DATA_DIR?.trim();
  if (override) return path.resolve(override);
  if (platform === 'win32') {
    const appData = env.APPDATA?.trim() || path.win32.join(home, 'AppData', 'Roaming');
    return path.win32.join(appData, PRODUCT_NAME);
  }
  if (platform === 'darwin') {
    return path.posix.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  }
  const config = env.XDG_CONFIG_HOME?.trim() || path.posix.join(home, '.config');
  return path.posix.join(config, PRODUCT_NAME);
}
