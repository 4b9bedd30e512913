import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir, MIGRATIONS_FOLDER } from '../test/support/temp';
import {
  BackupVerificationError,
  backupTo,
  dailyBackup,
  isoWeekOf,
  kindOfBackup,
  namedBackup,
  verifyBackupFile,
} from './backup';
import { listBackupFiles, resolveBackup, withBackupReadOnly } from './backup-inspect';
import { openDatabase, type OpenedDatabase } from './open';

const temps: (() => void)[] = [];
const opened: OpenedDatabase[] = [];
afterEach(() => {
  opened.splice(0).forEach((o) => o.close());
  temps.splice(0).forEach((c) => c());
});

async function appDatabase(): Promise<{ dir: string; db: OpenedDatabase }> {
  const t = makeTempDir();
  temps.push(t.cleanup);
  const db = await openDatabase({ dataDir: t.dir, migrationsFolder: MIGRATIONS_FOLDER });
  opened.push(db);
  db.sqlite.exec('CREATE TABLE marker (day text NOT NULL)');
  return { dir: t.dir, db };
}

const DAY = 86_400_000;
const dayOf = (date: Date) => date.toISOString().slice(0, 10);
const markerIn = (file: string): string => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT max(day) AS d FROM marker').get() as { d: string }).d;
  } finally {
    db.close();
  }
};

describe('isoWeekOf', () => {
  it.each([
    ['2026-11-21', '2026-W47'],
    ['2026-11-16', '2026-W47'],
    ['2026-11-15', '2026-W46'],
    ['2026-01-01', '2026-W01'], // a Thursday: week 1 of 2026
    ['2025-12-29', '2026-W01'], // Monday of 2026's first week
    ['2021-01-03', '2020-W53'], // Sunday still in 2020's last week
    ['2024-12-30', '2025-W01'],
  ])('%s is in %s', (day, week) => {
    expect(isoWeekOf(day)).toBe(week);
  });
});

describe('daily rotation with a fake clock', () => {
  it('after 60 days of daily backups: the 7 newest dailies and 4 weeklies holding the newest older day of their ISO week', async () => {
    const { dir, db } = await appDatabase();
    const backups = path.join(dir, 'backups');
    const end = Date.parse('2026-11-21T08:00:00.000Z'); // a Saturday
    for (let i = 59; i >= 0; i--) {
      const now = new Date(end - i * DAY);
      db.sqlite.prepare('INSERT INTO marker (day) VALUES (?)').run(dayOf(now));
      expect(await dailyBackup(db.sqlite, backups, now)).toMatch(
        /daily-\d{4}-\d{2}-\d{2}\.sqlite$/,
      );
      // A second start on the same day makes nothing new.
      expect(await dailyBackup(db.sqlite, backups, new Date(now.getTime() + 3_600_000))).toBeNull();
    }
    expect(fs.readdirSync(backups).sort()).toEqual([
      'daily-2026-11-15.sqlite',
      'daily-2026-11-16.sqlite',
      'daily-2026-11-17.sqlite',
      'daily-2026-11-18.sqlite',
      'daily-2026-11-19.sqlite',
      'daily-2026-11-20.sqlite',
      'daily-2026-11-21.sqlite',
      'weekly-2026-W43.sqlite',
      'weekly-2026-W44.sqlite',
      'weekly-2026-W45.sqlite',
      'weekly-2026-W46.sqlite',
    ]);
    // Each file holds the data of its day: a weekly is the newest day of its week that has
    // left the daily window (W46's Sunday, the 15th, is still a daily).
    expect(markerIn(path.join(backups, 'daily-2026-11-15.sqlite'))).toBe('2026-11-15');
    expect(markerIn(path.join(backups, 'weekly-2026-W46.sqlite'))).toBe('2026-11-14');
    expect(markerIn(path.join(backups, 'weekly-2026-W45.sqlite'))).toBe('2026-11-08');
    expect(markerIn(path.join(backups, 'weekly-2026-W44.sqlite'))).toBe('2026-11-01');
    expect(markerIn(path.join(backups, 'weekly-2026-W43.sqlite'))).toBe('2026-10-25');
    // Listed newest first with the clock's time, kinds from the names.
    const listed = listBackupFiles(backups);
    expect(listed[0]).toMatchObject({ name: 'daily-2026-11-21.sqlite', kind: 'daily' });
    expect(listed[0]!.createdAt).toBe('2026-11-21T08:00:00.000Z');
    expect(listed.at(-1)).toMatchObject({ name: 'weekly-2026-W43.sqlite', kind: 'weekly' });
    expect(listed.at(-1)!.createdAt).toBe('2026-10-25T08:00:00.000Z');
  });

  it('days without a backup (laptop off) do not shorten the history: the 7 newest dailies stay', async () => {
    const { dir, db } = await appDatabase();
    const backups = path.join(dir, 'backups');
    const days = ['2026-11-02', '2026-11-03', '2026-11-09', '2026-11-10', '2026-11-11'];
    days.push('2026-11-16', '2026-11-20', '2026-11-21', '2026-11-22');
    for (const day of days) await dailyBackup(db.sqlite, backups, new Date(`${day}T09:00:00Z`));
    expect(fs.readdirSync(backups).sort()).toEqual([
      'daily-2026-11-09.sqlite',
      'daily-2026-11-10.sqlite',
      'daily-2026-11-11.sqlite',
      'daily-2026-11-16.sqlite',
      'daily-2026-11-20.sqlite',
      'daily-2026-11-21.sqlite',
      'daily-2026-11-22.sqlite',
      'weekly-2026-W45.sqlite',
    ]);
  });
});

describe('verification', () => {
  it('a written backup is a standalone file that passes integrity_check (no -wal/-shm left)', async () => {
    const { dir, db } = await appDatabase();
    const file = await namedBackup(db.sqlite, path.join(dir, 'backups'), 'manual', new Date());
    verifyBackupFile(file);
    expect(fs.readdirSync(path.dirname(file))).toEqual([path.basename(file)]);
  });

  it('a copy damaged after writing is deleted and reported, never kept as a backup', async () => {
    const { dir, db } = await appDatabase();
    db.sqlite.exec(`INSERT INTO marker (day) SELECT hex(randomblob(200)) FROM
      (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500) SELECT i FROM n)`);
    const backups = path.join(dir, 'backups');
    let damaged = '';
    const error = await dailyBackup(db.sqlite, backups, new Date('2026-11-21T08:00:00Z'), {
      afterWrite: (partial) => {
        damaged = partial;
        const fd = fs.openSync(partial, 'r+');
        const size = fs.fstatSync(fd).size;
        // Scribble over every page after the first (schema page still readable).
        fs.writeSync(fd, Buffer.alloc(size - 4096, 0x5a), 0, size - 4096, 4096);
        fs.closeSync(fd);
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupVerificationError);
    expect(damaged).toMatch(/\.partial$/);
    expect(fs.readdirSync(backups)).toEqual([]);
    expect(listBackupFiles(backups)).toEqual([]);
  });

  it('a copy without the app tables fails verification too', async () => {
    const { dir, db } = await appDatabase();
    const target = path.join(dir, 'backups', 'manual-x.sqlite');
    await expect(
      backupTo(db.sqlite, target, {
        hooks: {
          afterWrite: (partial) => {
            const w = new Database(partial);
            w.pragma('foreign_keys = OFF');
            w.exec('DROP TABLE clients');
            w.close();
          },
        },
      }),
    ).rejects.toThrow(/missing tables clients/);
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.readdirSync(path.dirname(target))).toEqual([]);
  });

  it('a file that is not SQLite fails verification', () => {
    const t = makeTempDir();
    temps.push(t.cleanup);
    const file = path.join(t.dir, 'x.sqlite');
    fs.writeFileSync(file, 'not a database, just text '.repeat(200));
    expect(() => verifyBackupFile(file)).toThrow(BackupVerificationError);
  });
});

describe('backup names', () => {
  it('only names the app writes are backups; paths and other files never are', () => {
    const t = makeTempDir();
    temps.push(t.cleanup);
    const dir = path.join(t.dir, 'backups');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'manual-2026-11-21T08-00-00-000Z.sqlite'), '');
    fs.writeFileSync(path.join(t.dir, 'engagement-desk.sqlite'), '');
    fs.mkdirSync(path.join(dir, 'daily-2026-11-21.sqlite')); // a folder, not a file
    fs.writeFileSync(path.join(dir, 'daily-2026-11-20.sqlite.partial'), '');
    fs.symlinkSync(
      path.join(t.dir, 'engagement-desk.sqlite'),
      path.join(dir, 'safety-link.sqlite'),
    );

    expect(resolveBackup(dir, 'manual-2026-11-21T08-00-00-000Z.sqlite')).toBe(
      path.join(dir, 'manual-2026-11-21T08-00-00-000Z.sqlite'),
    );
    for (const bad of [
      '../engagement-desk.sqlite',
      'manual-../../engagement-desk.sqlite',
      `manual-x${path.sep}..${path.sep}y.sqlite`,
      'manual-x\\..\\y.sqlite',
      '/etc/passwd',
      'engagement-desk.sqlite',
      'daily-2026-11-21.sqlite', // a directory
      'daily-2026-11-20.sqlite.partial',
      'safety-link.sqlite', // a symlink out of the folder
      'manual-missing.sqlite',
      '',
    ]) {
      expect(resolveBackup(dir, bad), bad).toBeNull();
    }
    expect(listBackupFiles(dir).map((b) => b.name)).toEqual([
      'manual-2026-11-21T08-00-00-000Z.sqlite',
    ]);
    expect(kindOfBackup('pre-migration-v3-2026-11-21T08-00-00-000Z.sqlite')).toBe('pre-migration');
    expect(kindOfBackup('weekly-2026-W47.sqlite')).toBe('weekly');
    expect(kindOfBackup('nightly-2026-11-21.sqlite')).toBeNull();
  });
});

describe('backups written by an older build (WAL mode)', () => {
  it('are read without leaving -wal/-shm files and keep their date', async () => {
    const { dir, db } = await appDatabase();
    const backups = path.join(dir, 'backups');
    fs.mkdirSync(backups);
    const file = path.join(backups, 'daily-2026-11-01.sqlite');
    await db.sqlite.backup(file); // the old way: the copy keeps the WAL header
    const made = new Date('2026-11-01T07:00:00.000Z');
    fs.utimesSync(file, made, made);
    expect(fs.readFileSync(file)[18]).toBe(2);
    const marker = withBackupReadOnly(file, (copy) =>
      copy.prepare('SELECT count(*) AS n FROM marker').get(),
    );
    expect(marker).toEqual({ n: 0 });
    expect(fs.readdirSync(backups)).toEqual(['daily-2026-11-01.sqlite']);
    expect(listBackupFiles(backups)[0]!.createdAt).toBe('2026-11-01T07:00:00.000Z');
  });
});
