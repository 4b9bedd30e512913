import { z } from 'zod';
import { Empty } from './common';

/**
 * The data folder is on a cloud-sync folder (Dropbox, OneDrive…) or a network file system:
 * SQLite's locking is not reliable there and a sync client may copy a half-written file.
 */
export const DataLocationWarning = z.object({
  kind: z.enum(['cloud-sync', 'network']),
  /** What was recognised: 'Dropbox', 'OneDrive', 'NFS', 'SMB'… */
  provider: z.string(),
});
export type DataLocationWarning = z.infer<typeof DataLocationWarning>;

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  dataDir: z.string(),
  databaseFile: z.string(),
  schemaVersion: z.number().int().min(0),
  dataLocationWarning: DataLocationWarning.nullable(),
  /** Today's automatic backup failed (or failed its check and was deleted) at start. */
  dailyBackupFailed: z.boolean(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const appMethods = {
  'app.info': { kind: 'read', input: Empty, output: AppInfo },
} as const;
