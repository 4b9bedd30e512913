import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import {
  BACKUP_NAME_PATTERN,
  kindOfBackup,
  tableNames,
  useRollbackJournal,
  verifyOpenBackup,
  type BackupKind,
} from './backup';

/** What a data file holds, read without changing it. Counts are null when a table is absent. */
export interface DataSummary {
  schemaVersion: number;
  counts: {
    clients: number | null;
    engagements: number | null;
    invoices: number | null;
    creditNotes: number | null;
    debtItems: number | null;
    slaClauses: number | null;
  };
  latestInvoice: { number: string; issueDate: string } | null;
  /** Issued (numbered, not void) invoices per currency, integer minor units. */
  invoiceTotals: { currency: string; count: number; totalMinor: number }[];
}

export interface BackupEntry {
  name: string;
  kind: BackupKind;
  createdAt: string;
  sizeBytes: number;
}

/** The list entry of one backup file; null for a name that is not a backup or not a file. */
export function backupEntry(backupDir: string, name: string): BackupEntry | null {
  const kind = kindOfBackup(name);
  if (!kind) return null;
  const stat = fs.lstatSync(path.join(backupDir, name));
  if (!stat.isFile()) return null;
  return { name, kind, createdAt: stat.mtime.toISOString(), sizeBytes: stat.size };
}

/** Backup files in the folder, newest first. Stray files (partials, others) are ignored. */
export function listBackupFiles(backupDir: string): BackupEntry[] {
  if (!fs.existsSync(backupDir)) return [];
  const entries: BackupEntry[] = [];
  for (const name of fs.readdirSync(backupDir)) {
    const entry = backupEntry(backupDir, name);
    if (entry) entries.push(entry);
  }
  return entries.sort((a, b) =>
    a.createdAt === b.createdAt ? b.name.localeCompare(a.name) : b.createdAt < a.createdAt ? -1 : 1,
  );
}

/**
 * The path of a backup by its name, or null when the name is not one the app writes or no
 * such regular file is in the backups folder. Never resolves outside that folder.
 */
export function resolveBackup(backupDir: string, name: string): string | null {
  if (!BACKUP_NAME_PATTERN.test(name) || path.basename(name) !== name) return null;
  const file = path.join(backupDir, name);
  if (path.dirname(path.resolve(file)) !== path.resolve(backupDir)) return null;
  try {
    return fs.lstatSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

export type SchemaStatus = 'current' | 'older' | 'newer';

/**
 * Like the migration runner: a file that applied a migration this build lacks is newer.
 * `known` is this build's schema version (the migrations it ships).
 */
export function schemaStatusOf(
  sqlite: Database.Database,
  migrationsFolder: string,
): { version: number; status: SchemaStatus; known: number } {
  const known = readMigrationFiles({ migrationsFolder });
  const knownMillis = new Set(known.map((m) => m.folderMillis));
  const rows = sqlite
    .prepare(`SELECT created_at AS createdAt FROM "__drizzle_migrations"`)
    .all() as { createdAt: number }[];
  const newer = rows.some((r) => !knownMillis.has(Number(r.createdAt)));
  const version = rows.length;
  const status = newer ? 'newer' : version < known.length ? 'older' : 'current';
  return { version, status, known: known.length };
}

/** The schema version of a data file: how many migrations it applied (0 without the table). */
export function schemaVersionOf(
  sqlite: Database.Database,
  tables: Set<string> = tableNames(sqlite),
): number {
  return tables.has('__drizzle_migrations')
    ? (sqlite.prepare(`SELECT count(*) AS n FROM "__drizzle_migrations"`).get() as { n: number }).n
    : 0;
}

/** Counts and invoice figures; tolerant of older (and newer) schemas: absent parts are null. */
export function summarize(sqlite: Database.Database): DataSummary {
  const tables = tableNames(sqlite);
  const count = (table: string): number | null => {
    if (!tables.has(table)) return null;
    try {
      return (sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
    } catch {
      return null;
    }
  };
  let latestInvoice: DataSummary['latestInvoice'] = null;
  let invoiceTotals: DataSummary['invoiceTotals'] = [];
  if (tables.has('invoices')) {
    try {
      const latest = sqlite
        .prepare(
          `SELECT number, issue_date AS issueDate FROM invoices
           WHERE number IS NOT NULL AND issue_date IS NOT NULL
           ORDER BY issue_date DESC, issued_at DESC, number DESC LIMIT 1`,
        )
        .get() as { number: string; issueDate: string } | undefined;
      latestInvoice = latest ?? null;
      invoiceTotals = sqlite
        .prepare(
          `SELECT currency, count(*) AS count, sum(total_minor) AS totalMinor FROM invoices
           WHERE number IS NOT NULL AND status <> 'void'
           GROUP BY currency ORDER BY currency`,
        )
        .all() as DataSummary['invoiceTotals'];
    } catch {
      latestInvoice = null;
      invoiceTotals = [];
    }
  }
  return {
    schemaVersion: schemaVersionOf(sqlite, tables),
    counts: {
      clients: count('clients'),
      engagements: count('engagements'),
      invoices: count('invoices'),
      creditNotes: count('credit_notes'),
      debtItems: count('debt_items'),
      slaClauses: count('sla_clauses'),
    },
    latestInvoice,
    invoiceTotals,
  };
}

/**
 * Opens a backup read-only for `read`. A backup written by an older build may still be in
 * WAL mode; it is switched to a rollback journal first (content unchanged) so no `-wal` or
 * `-shm` files are left in the backups folder.
 */
export function withBackupReadOnly<T>(file: string, read: (sqlite: Database.Database) => T): T {
  useRollbackJournal(file);
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return read(sqlite);
  } finally {
    sqlite.close();
  }
}

/** What `backups.preview` and `backups.restore` learn of a backup: one read-only open. */
export interface BackupInspection {
  schema: { version: number; status: SchemaStatus; known: number };
  holds: DataSummary;
}

/**
 * Verifies a backup (as `verifyBackupFile`: integrity, the app's tables) and reads its schema
 * status and what it holds, on one read-only handle. Throws BackupVerificationError (or
 * SQLite's error) when the file is not a usable backup.
 */
export function inspectBackupFile(file: string, migrationsFolder: string): BackupInspection {
  return withBackupReadOnly(file, (sqlite) => {
    verifyOpenBackup(sqlite, file);
    return { schema: schemaStatusOf(sqlite, migrationsFolder), holds: summarize(sqlite) };
  });
}
