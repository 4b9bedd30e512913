import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir, MIGRATIONS_FOLDER } from '../test/support/temp';
import { DATABASE_FILE_NAME, openDatabase } from './open';
import { knownSchemaVersion, runMigrations } from './migrate';

const temps: (() => void)[] = [];
afterEach(() => temps.splice(0).forEach((c) => c()));

function temp(): string {
  const t = makeTempDir();
  temps.push(t.cleanup);
  return t.dir;
}

/** A migrations folder in drizzle-kit's layout, written by the test. */
function writeMigrations(
  dir: string,
  migrations: { tag: string; when: number; sql: string }[],
): string {
  const folder = path.join(dir, 'migrations');
  fs.mkdirSync(path.join(folder, 'meta'), { recursive: true });
  fs.writeFileSync(
    path.join(folder, 'meta', '_journal.json'),
    JSON.stringify({
      version: '7',
      dialect: 'sqlite',
      entries: migrations.map((m, idx) => ({
        idx,
        version: '6',
        when: m.when,
        tag: m.tag,
        breakpoints: true,
      })),
    }),
  );
  for (const m of migrations) fs.writeFileSync(path.join(folder, `${m.tag}.sql`), m.sql);
  return folder;
}

const parentAndChild = {
  tag: '0000_init',
  when: 1_700_000_000_000,
  sql: `CREATE TABLE parent (id text PRIMARY KEY);
--> statement-breakpoint
CREATE TABLE child (id text PRIMARY KEY, parent_id text NOT NULL REFERENCES parent(id) ON DELETE CASCADE);`,
};

describe('openDatabase', () => {
  it('creates the file with WAL, FULL sync and foreign keys on, at the shipped schema version', async () => {
    const dir = temp();
    const opened = await openDatabase({ dataDir: dir, migrationsFolder: MIGRATIONS_FOLDER });
    try {
      expect(fs.existsSync(path.join(dir, DATABASE_FILE_NAME))).toBe(true);
      expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(opened.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(opened.schemaVersion).toBe(knownSchemaVersion(MIGRATIONS_FOLDER));
      expect(opened.migration.backupFile).toBeNull(); // nothing to back up in a new file
    } finally {
      opened.close();
    }
  });

  it('reopening an up-to-date file applies nothing and makes no backup', async () => {
    const dir = temp();
    (await openDatabase({ dataDir: dir, migrationsFolder: MIGRATIONS_FOLDER })).close();
    const again = await openDatabase({ dataDir: dir, migrationsFolder: MIGRATIONS_FOLDER });
    expect(again.migration.applied).toEqual([]);
    expect(again.migration.backupFile).toBeNull();
    again.close();
  });

  it('makes one daily backup that opens as a database with the same rows', async () => {
    const dir = temp();
    const first = await openDatabase({
      dataDir: dir,
      migrationsFolder: MIGRATIONS_FOLDER,
      dailyBackup: true,
    });
    first.close();
    const files = fs.readdirSync(path.join(dir, 'backups'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^daily-\d{4}-\d{2}-\d{2}\.sqlite$/);
    const copy = new Database(path.join(dir, 'backups', files[0]!), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
  });

  it('refuses a file that is not a database with a clear error and leaves it alone', async () => {
    const dir = temp();
    const file = path.join(dir, DATABASE_FILE_NAME);
    fs.writeFileSync(file, 'this is a spreadsheet, not a database'.repeat(200));
    const before = fs.readFileSync(file);
    await expect(
      openDatabase({ dataDir: dir, migrationsFolder: MIGRATIONS_FOLDER }),
    ).rejects.toMatchObject({
      code: 'NOT_A_DATABASE',
    });
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});

describe('runMigrations', () => {
  it('backs up a non-empty database before upgrading it, and the backup holds the old data', async () => {
    const dir = temp();
    const v1 = writeMigrations(dir, [parentAndChild]);
    const sqlite = new Database(path.join(dir, 'db.sqlite'));
    await runMigrations(sqlite, { migrationsFolder: v1, backup: async () => 'unused' });
    sqlite.prepare(`INSERT INTO parent VALUES ('p1')`).run();

    const v2 = writeMigrations(path.join(dir, 'v2'), [
      parentAndChild,
      {
        tag: '0001_note',
        when: 1_700_000_100_000,
        sql: `ALTER TABLE parent ADD note text DEFAULT '' NOT NULL;`,
      },
    ]);
    const backups: number[] = [];
    const backupFile = path.join(dir, 'pre.sqlite');
    const report = await runMigrations(sqlite, {
      migrationsFolder: v2,
      backup: async (from) => {
        backups.push(from);
        // The backup must see the schema before any change.
        const cols = sqlite.prepare(`SELECT name FROM pragma_table_info('parent')`).all();
        expect(cols).toEqual([{ name: 'id' }]);
        await sqlite.backup(backupFile);
        return backupFile;
      },
    });
    expect(backups).toEqual([1]);
    expect(report).toMatchObject({ fromVersion: 1, toVersion: 2, backupFile });
    const old = new Database(backupFile, { readonly: true });
    expect(old.prepare('SELECT id FROM parent').all()).toEqual([{ id: 'p1' }]);
    old.close();
    sqlite.close();
  });

  it('runs a table rebuild with foreign keys off, so ON DELETE CASCADE does not wipe children', async () => {
    const dir = temp();
    const sqlite = new Database(path.join(dir, 'db.sqlite'));
    sqlite.pragma('foreign_keys = ON');
    await runMigrations(sqlite, {
      migrationsFolder: writeMigrations(dir, [parentAndChild]),
      backup: async () => '',
    });
    sqlite.exec(`INSERT INTO parent VALUES ('p1'); INSERT INTO child VALUES ('c1', 'p1');`);

    // The shape drizzle-kit generates when it has to rebuild a table.
    const rebuild = {
      tag: '0001_rebuild_parent',
      when: 1_700_000_200_000,
      sql: `CREATE TABLE __new_parent (id text PRIMARY KEY, name text DEFAULT '' NOT NULL);
--> statement-breakpoint
INSERT INTO __new_parent (id) SELECT id FROM parent;
--> statement-breakpoint
DROP TABLE parent;
--> statement-breakpoint
ALTER TABLE __new_parent RENAME TO parent;`,
    };
    await runMigrations(sqlite, {
      migrationsFolder: writeMigrations(path.join(dir, 'v2'), [parentAndChild, rebuild]),
      backup: async () => '',
    });
    expect(sqlite.prepare('SELECT id, parent_id AS parentId FROM child').all()).toEqual([
      { id: 'c1', parentId: 'p1' },
    ]);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    sqlite.close();
  });

  it('rolls back a migration that would leave broken references, changing nothing', async () => {
    const dir = temp();
    const sqlite = new Database(path.join(dir, 'db.sqlite'));
    await runMigrations(sqlite, {
      migrationsFolder: writeMigrations(dir, [parentAndChild]),
      backup: async () => '',
    });
    sqlite.exec(`INSERT INTO parent VALUES ('p1'); INSERT INTO child VALUES ('c1', 'p1');`);
    const breaking = {
      tag: '0001_breaks_refs',
      when: 1_700_000_300_000,
      sql: `DELETE FROM parent;`,
    };
    await expect(
      runMigrations(sqlite, {
        migrationsFolder: writeMigrations(path.join(dir, 'v2'), [parentAndChild, breaking]),
        backup: async () => '',
      }),
    ).rejects.toMatchObject({ code: 'FOREIGN_KEY_VIOLATION' });
    expect(sqlite.prepare('SELECT count(*) AS n FROM parent').get()).toEqual({ n: 1 });
    expect(sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get()).toEqual({
      n: 1,
    });
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    sqlite.close();
  });

  it('rolls back a failing statement and reports MIGRATION_FAILED', async () => {
    const dir = temp();
    const sqlite = new Database(path.join(dir, 'db.sqlite'));
    const bad = {
      tag: '0001_bad',
      when: 1_700_000_400_000,
      sql: `CREATE TABLE ok (id text);\n--> statement-breakpoint\nTHIS IS NOT SQL;`,
    };
    await expect(
      runMigrations(sqlite, {
        migrationsFolder: writeMigrations(dir, [parentAndChild, bad]),
        backup: async () => '',
      }),
    ).rejects.toMatchObject({ code: 'MIGRATION_FAILED' });
    const tables = sqlite
      .prepare(`SELECT name FROM sqlite_master WHERE type='table' AND name IN ('ok','parent')`)
      .all();
    expect(tables).toEqual([]);
    sqlite.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', async () => {
    const dir = temp();
    const file = path.join(dir, DATABASE_FILE_NAME);
    const newer = writeMigrations(path.join(dir, 'newer'), [
      parentAndChild,
      { tag: '0001_future', when: 4_000_000_000_000, sql: `CREATE TABLE future (id text);` },
    ]);
    const sqlite = new Database(file);
    await runMigrations(sqlite, { migrationsFolder: newer, backup: async () => '' });
    sqlite.close();
    const before = fs.readFileSync(file);

    const older = writeMigrations(path.join(dir, 'older'), [parentAndChild]);
    const again = new Database(file);
    await expect(
      runMigrations(again, { migrationsFolder: older, backup: async () => '' }),
    ).rejects.toMatchObject({
      code: 'SCHEMA_TOO_NEW',
      message: expect.stringContaining('newer version'),
    });
    again.close();
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
