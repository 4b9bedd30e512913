import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo, BackupPreview } from '../../core/api';
import {
  BackupVerificationError,
  backupEntry,
  inspectBackupFile,
  listBackupFiles,
  namedBackup,
  resolveBackup,
  schemaVersionOf,
  stamp,
  summarize,
  upgradeDataFile,
  verifyBackupFile,
  withBackupReadOnly,
  type BackupEntry,
  type BackupHooks,
} from '../../db';
import type { ServiceContext } from '../context';
import { exportRunning } from '../documents/export';
import { ServiceError } from '../errors';
import type { HandlerMap } from '../handler-types';

/**
 * Backups in `<data folder>/backups` (rotation and naming: db/backup.ts). The renderer only
 * ever names a backup by a file name the list gave it; names are checked against the app's
 * own pattern and resolved inside the backups folder, never as a path.
 *
 * Refusals: BACKUP_NOT_FOUND (NOT_FOUND); BACKUP_CORRUPT, BACKUP_FROM_NEWER_VERSION,
 * BACKUP_VERIFY_FAILED, RESTORE_BLOCKED_BY_EXPORT, RESTORE_FAILED (CONFLICT).
 */

/** Tests inject a hook that damages the copy being written, to prove it is refused. */
export const backupTestHooks: { current: BackupHooks | undefined } = { current: undefined };

function requireBackup(ctx: ServiceContext, name: string): string {
  const file = resolveBackup(ctx.data.backupDir, name);
  if (!file) {
    throw new ServiceError('NOT_FOUND', `There is no backup named ${name}.`, {
      reason: 'BACKUP_NOT_FOUND',
      details: { name },
    });
  }
  return file;
}

function corrupt(name: string, cause: unknown): ServiceError {
  return new ServiceError('CONFLICT', `The backup ${name} is damaged or not a data file.`, {
    reason: 'BACKUP_CORRUPT',
    details: { name },
    cause,
  });
}

/** A list entry with its file's schema version (null when it cannot be read). */
function info(ctx: ServiceContext, entry: BackupEntry): BackupInfo {
  let schemaVersion: number | null;
  try {
    schemaVersion = withBackupReadOnly(path.join(ctx.data.backupDir, entry.name), (db) =>
      schemaVersionOf(db),
    );
  } catch {
    schemaVersion = null;
  }
  return { ...entry, schemaVersion };
}

function verificationFailed(error: unknown): ServiceError {
  return new ServiceError(
    'CONFLICT',
    'The backup could not be verified and was deleted; nothing was kept.',
    {
      reason: 'BACKUP_VERIFY_FAILED',
      cause: error,
      ...(error instanceof BackupVerificationError
        ? { details: { problem: error.problem.slice(0, 200) } }
        : {}),
    },
  );
}

async function makeBackup(ctx: ServiceContext, kind: 'manual' | 'safety'): Promise<string> {
  try {
    return await namedBackup(
      ctx.sqlite,
      ctx.data.backupDir,
      kind,
      ctx.now(),
      backupTestHooks.current,
    );
  } catch (error) {
    throw verificationFailed(error);
  }
}

/** The list entry of a backup file in the backups folder (one the app wrote). */
function entryOf(ctx: ServiceContext, file: string): BackupEntry {
  return backupEntry(ctx.data.backupDir, path.basename(file))!;
}

/**
 * Reads a backup on one read-only handle: verified, its schema compared with this build's,
 * and what it holds (an older build's WAL-mode backup is switched to a rollback journal
 * first, so no sidecars are left behind).
 */
function inspect(ctx: ServiceContext, name: string, file: string) {
  try {
    return inspectBackupFile(file, ctx.data.migrationsFolder);
  } catch (error) {
    throw corrupt(name, error);
  }
}

export const backupHandlers: HandlerMap<
  'backups.list' | 'backups.create' | 'backups.preview' | 'backups.restore'
> = {
  'backups.list': (_input, ctx) =>
    listBackupFiles(ctx.data.backupDir).map((entry) => info(ctx, entry)),

  // A verified copy of the live data: its schema version is the live one.
  'backups.create': async (_input, ctx) => ({
    ...entryOf(ctx, await makeBackup(ctx, 'manual')),
    schemaVersion: ctx.app.schemaVersion,
  }),

  'backups.preview': (input, ctx): BackupPreview => {
    const file = requireBackup(ctx, input.name);
    const { schema, holds } = inspect(ctx, input.name, file);
    return {
      backup: { ...entryOf(ctx, file), schemaVersion: holds.schemaVersion },
      schemaStatus: schema.status,
      knownSchemaVersion: schema.known,
      restorable: schema.status !== 'newer',
      holds,
      current: summarize(ctx.sqlite),
    };
  },

  /**
   * 1. check the backup (integrity, app tables, not from a newer build);
   * 2. a verified safety backup of the live data;
   * 3. copy the backup to a temp file in the data folder, upgrade it if it is older,
   *    verify it again;
   * 4. swap it in and reopen (ctx.data.replaceWith puts the old file back on failure).
   * Until step 4 the live file is untouched; the temp file is removed on any failure.
   */
  'backups.restore': async (input, ctx) => {
    const file = requireBackup(ctx, input.name);
    const { schema } = inspect(ctx, input.name, file);
    if (schema.status === 'newer') {
      throw new ServiceError(
        'CONFLICT',
        `The backup ${input.name} was written by a newer version of Engagement Desk (schema ${schema.version}); it cannot be restored here.`,
        {
          reason: 'BACKUP_FROM_NEWER_VERSION',
          details: { name: input.name, schemaVersion: schema.version },
        },
      );
    }
    if (exportRunning(ctx)) {
      throw new ServiceError('CONFLICT', 'An invoice export is still running.', {
        reason: 'RESTORE_BLOCKED_BY_EXPORT',
      });
    }
    const safety = await makeBackup(ctx, 'safety');
    const temp = path.join(ctx.app.dataDir, `.restore-${stamp(ctx.now())}.sqlite`);
    try {
      fs.copyFileSync(file, temp);
      await upgradeDataFile(temp, ctx.data.migrationsFolder);
      verifyBackupFile(temp);
      await ctx.data.replaceWith(temp);
    } catch (error) {
      throw new ServiceError(
        'CONFLICT',
        'The backup could not be restored; your data was not changed.',
        { reason: 'RESTORE_FAILED', details: { name: input.name }, cause: error },
      );
    } finally {
      for (const leftover of [temp, `${temp}-journal`, `${temp}-wal`, `${temp}-shm`]) {
        fs.rmSync(leftover, { force: true });
      }
    }
    return {
      restored: input.name,
      safetyBackup: path.basename(safety),
      schemaVersion: ctx.app.schemaVersion,
    };
  },
};
