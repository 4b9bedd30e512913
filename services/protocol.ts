import type { ApiResult } from '../core/api';

/** Messages between Electron main and the services utility process. */
export type ToServices =
  | { type: 'start'; dataDir: string; migrationsFolder: string; appVersion: string }
  | { type: 'invoke'; id: number; method: string; input: unknown };

export type FromServices =
  | { type: 'ready'; schemaVersion: number; databaseFile: string }
  | { type: 'fatal'; code: string; message: string }
  | { type: 'result'; id: number; result: ApiResult<unknown> };

/** The slice of Electron's `parentPort` (or a Node MessagePort) the host needs. */
export interface PortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: FromServices): void;
}
