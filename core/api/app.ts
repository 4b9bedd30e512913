import { z } from 'zod';
import { Empty } from './common';

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  dataDir: z.string(),
  databaseFile: z.string(),
  schemaVersion: z.number().int().min(0),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const appMethods = {
  'app.info': { kind: 'read', input: Empty, output: AppInfo },
} as const;
