import type Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { DbError } from './errors';

/** drizzle's own bookkeeping table, kept compatible so drizzle-kit tooling still works. */
const MIGRATIONS_TABLE = '__drizzle_migrations';

export interface MigrationReport {
  /** Migrations known to this build. */
  known: number;
  /** Schema version before and after: the count of applied migrations. */
  fromVersion: number;
  toVersion: number;
  applied: string[];
  backupFile: string | null;
}

export interface MigrateOptions {
  migrationsFolder: string;
  /** Called once, before anything is changed, when a non-empty database is upgraded. */
  backup: (fromVersion: number) => Promise<string>;
}

function userTableCount(sqlite: Database.Database): number {
  const row = sqlite
    .prepare(
      `SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> ?`,
    )
    .get(MIGRATIONS_TABLE) as { n: number };
  return row.n;
}

/**
 * Applies pending drizzle-kit migrations the safe way:
 * - refuses a database written by a newer build (it would lose data silently otherwise),
 * - backs the file up first,
 * - turns foreign keys off *outside* the transaction (inside one the pragma is a no-op, and
 *   drizzle-kit's table rebuilds would fire ON DELETE CASCADE and wipe child rows),
 * - runs `foreign_key_check` before commit and rolls back on any violation.
 */
export async function runMigrations(
  sqlite: Database.Database,
  options: MigrateOptions,
): Promise<MigrationReport> {
  const known = readMigrationFiles({ migrationsFolder: options.migrationsFolder });
  sqlite.exec(
    `CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (id INTEGER PRIMARY KEY, hash text NOT NULL, created_at numeric)`,
  );
  const applied = sqlite
    .prepare(`SELECT hash, created_at AS createdAt FROM "${MIGRATIONS_TABLE}" ORDER BY created_at`)
    .all() as { hash: string; createdAt: number }[];

  const knownMillis = new Set(known.map((m) => m.folderMillis));
  const latestKnown = known.length ? Math.max(...known.map((m) => m.folderMillis)) : 0;
  const foreign = applied.filter(
    (a) => Number(a.createdAt) > latestKnown || !knownMillis.has(Number(a.createdAt)),
  );
  if (foreign.length > 0) {
    throw new DbError(
      'SCHEMA_TOO_NEW',
      `This data file uses schema version ${applied.length}, but this version of Engagement Desk knows only up to ${known.length}. Install the newer version of the app that wrote it; the file was not changed.`,
    );
  }

  const lastApplied = applied.length ? Number(applied[applied.length - 1]!.createdAt) : 0;
  const pending = known.filter((m) => m.folderMillis > lastApplied);
  const fromVersion = applied.length;
  const report: MigrationReport = {
    known: known.length,
    fromVersion,
    toVersion: fromVersion,
    applied: [],
    backupFile: null,
  };
  if (pending.length === 0) return report;

  if (userTableCount(sqlite) > 0) report.backupFile = await options.backup(fromVersion);

  sqlite.pragma('foreign_keys = OFF');
  try {
    sqlite.exec('BEGIN IMMEDIATE');
    try {
      const record = sqlite.prepare(
        `INSERT INTO "${MIGRATIONS_TABLE}" (hash, created_at) VALUES (?, ?)`,
      );
      for (const migration of pending) {
        for (const statement of migration.sql) {
          if (statement.trim()) sqlite.exec(statement);
        }
        record.run(migration.hash, migration.folderMillis);
        report.applied.push(String(migration.folderMillis));
      }
      const violations = sqlite.pragma('foreign_key_check') as unknown[];
      if (violations.length > 0) {
        throw new DbError(
          'FOREIGN_KEY_VIOLATION',
          `The upgrade would break ${violations.length} reference(s) between records; nothing was changed.`,
        );
      }
      sqlite.exec('COMMIT');
    } catch (error) {
      sqlite.exec('ROLLBACK');
      if (error instanceof DbError) throw error;
      throw new DbError(
        'MIGRATION_FAILED',
        `The data file could not be upgraded; nothing was changed. (${String((error as Error).message)})`,
        { cause: error },
      );
    }
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
  report.toVersion = fromVersion + pending.length;
  return report;
}

/** Count of migrations this build ships: the schema version it writes. */
export function knownSchemaVersion(migrationsFolder: string): number {
  return readMigrationFiles({ migrationsFolder }).length;
}
