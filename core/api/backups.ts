import { z } from 'zod';
import { AmountMinor, CalendarDate, Empty, Timestamp } from './common';

export const BackupKind = z.enum(['daily', 'weekly', 'pre-migration', 'manual', 'safety']);
export type BackupKind = z.infer<typeof BackupKind>;

/**
 * A backup's file name as the services listed it: never a path. Anything that is not a
 * name the app writes itself (`manual-2026-11-21T09-30-00-000Z.sqlite`…) is refused.
 */
export const BACKUP_NAME_PATTERN =
  /^(daily|weekly|pre-migration|manual|safety)-[0-9A-Za-z][0-9A-Za-z-]{0,60}\.sqlite$/;

export const BackupName = z
  .string()
  .max(100)
  .regex(BACKUP_NAME_PATTERN, { message: 'Not a backup name' });

export const BackupInfo = z.object({
  name: z.string(),
  kind: BackupKind,
  createdAt: Timestamp,
  sizeBytes: z.number().int().min(0),
  /** null when the file could not be read as a data file. */
  schemaVersion: z.number().int().min(0).nullable(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

const Count = z.number().int().min(0).nullable();

/** What a data file holds. A count is null when that part did not exist in its schema. */
export const DataSummary = z.object({
  schemaVersion: z.number().int().min(0),
  counts: z.object({
    clients: Count,
    engagements: Count,
    invoices: Count,
    creditNotes: Count,
    debtItems: Count,
    slaClauses: Count,
  }),
  latestInvoice: z.object({ number: z.string(), issueDate: CalendarDate }).nullable(),
  /** Issued (numbered, not void) invoices per currency. */
  invoiceTotals: z.array(
    z.object({
      currency: z.string(),
      count: z.number().int().min(0),
      totalMinor: AmountMinor,
    }),
  ),
});
export type DataSummary = z.infer<typeof DataSummary>;

export const BackupPreview = z.object({
  backup: BackupInfo,
  /** 'newer': written by a newer build than this one; it cannot be restored here. */
  schemaStatus: z.enum(['current', 'older', 'newer']),
  knownSchemaVersion: z.number().int().min(0),
  restorable: z.boolean(),
  holds: DataSummary,
  /** The live data the restore would replace, for comparison. */
  current: DataSummary,
});
export type BackupPreview = z.infer<typeof BackupPreview>;

export const RestoreResult = z.object({
  restored: z.string(),
  /** The verified copy of the data as it was just before the restore. */
  safetyBackup: z.string(),
  schemaVersion: z.number().int().min(0),
});
export type RestoreResult = z.infer<typeof RestoreResult>;

const ByName = z.strictObject({ name: BackupName });

export const backupMethods = {
  'backups.list': { kind: 'read', input: Empty, output: z.array(BackupInfo) },
  /** "Back up now": a manual backup, verified before it is listed. */
  'backups.create': { kind: 'read', input: Empty, output: BackupInfo },
  'backups.preview': { kind: 'read', input: ByName, output: BackupPreview },
  /**
   * Replaces the live data with the backup after a verified safety backup. Runs alone: the
   * dispatcher lets calls in flight finish and holds new ones until the data is reopened.
   */
  'backups.restore': { kind: 'read', exclusive: true, input: ByName, output: RestoreResult },
} as const;
