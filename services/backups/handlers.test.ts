import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult, BackupInfo, BackupPreview, Client, RestoreResult } from '../../core/api';
import { DATABASE_FILE_NAME, knownSchemaVersion } from '../../db';
import { startTestServices, type TestServices } from '../../test/support/services';
import { makeTempDir, MIGRATIONS_FOLDER } from '../../test/support/temp';
import { startServices } from '../host';
import { backupTestHooks } from './handlers';

let services: TestServices;
let clock = new Date('2026-11-21T09:00:00.000Z');
beforeEach(async () => {
  clock = new Date('2026-11-21T09:00:00.000Z');
  services = await startTestServices({ now: () => clock });
});
afterEach(() => {
  backupTestHooks.current = undefined;
  services.dispose();
});

async function ok<T>(promise: Promise<ApiResult<unknown>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.data as T;
}
async function refused(promise: Promise<ApiResult<unknown>>) {
  const result = await promise;
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

const backupDir = () => path.join(services.dir, 'backups');
const createClient = (displayName: string) =>
  ok<Client>(services.invoke('clients.create', { displayName, defaultCurrency: 'EUR' }));
const clientNames = async () =>
  (await ok<{ items: Client[] }>(services.invoke('clients.list', { archived: 'all' }))).items.map(
    (c) => c.displayName,
  );
const backUpNow = () => ok<BackupInfo>(services.invoke('backups.create', {}));
const list = () => ok<BackupInfo[]>(services.invoke('backups.list', {}));
const restore = (name: string) => ok<RestoreResult>(services.invoke('backups.restore', { name }));
const liveBytes = () => fs.readFileSync(path.join(services.dir, DATABASE_FILE_NAME));
const KNOWN = knownSchemaVersion(MIGRATIONS_FOLDER);

describe('backups.create and backups.list', () => {
  it('"Back up now" writes a verified manual backup that the list shows', async () => {
    expect(await list()).toEqual([]);
    await createClient('Acme');
    const made = await backUpNow();
    expect(made).toMatchObject({
      name: 'manual-2026-11-21T09-00-00-000Z.sqlite',
      kind: 'manual',
      createdAt: '2026-11-21T09:00:00.000Z',
      schemaVersion: KNOWN,
    });
    expect(made.sizeBytes).toBeGreaterThan(4096);
    // Same second again: a second file, not an overwrite.
    const again = await backUpNow();
    expect(again.name).toBe('manual-2026-11-21T09-00-00-000Z-2.sqlite');
    expect((await list()).map((b) => b.name).sort()).toEqual([made.name, again.name].sort());
  });

  it('a backup that fails verification is deleted and reported; nothing is listed', async () => {
    backupTestHooks.current = {
      afterWrite: (partial) => fs.writeFileSync(partial, 'definitely not SQLite'.repeat(100)),
    };
    const error = await refused(services.invoke('backups.create', {}));
    expect(error).toMatchObject({ code: 'CONFLICT', reason: 'BACKUP_VERIFY_FAILED' });
    expect(await list()).toEqual([]);
    expect(fs.readdirSync(backupDir())).toEqual([]);
  });
});

describe('backups.preview', () => {
  it('tells what a backup holds next to what the live data holds', async () => {
    await ok(services.invoke('demo.load', { locale: 'en' }));
    const made = await backUpNow();
    await createClient('Added later');
    const preview = await ok<BackupPreview>(
      services.invoke('backups.preview', { name: made.name }),
    );
    expect(preview).toMatchObject({
      backup: { name: made.name, kind: 'manual' },
      schemaStatus: 'current',
      knownSchemaVersion: KNOWN,
      restorable: true,
    });
    const sqlite = services.database.sqlite;
    const n = (table: string) =>
      (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect(preview.current.counts).toEqual({
      clients: n('clients'),
      engagements: n('engagements'),
      invoices: n('invoices'),
      creditNotes: n('credit_notes'),
      debtItems: n('debt_items'),
      slaClauses: n('sla_clauses'),
    });
    expect(preview.holds.counts).toEqual({ ...preview.current.counts, clients: n('clients') - 1 });
    expect(preview.holds.counts.invoices).toBeGreaterThan(0);
    const totals = sqlite
      .prepare(
        `SELECT currency, count(*) AS count, sum(total_minor) AS totalMinor FROM invoices
         WHERE number IS NOT NULL AND status <> 'void' GROUP BY currency ORDER BY currency`,
      )
      .all();
    expect(totals.length).toBeGreaterThan(0);
    expect(preview.holds.invoiceTotals).toEqual(totals);
    for (const t of preview.holds.invoiceTotals) expect(Number.isInteger(t.totalMinor)).toBe(true);
    const latest = sqlite
      .prepare(
        `SELECT number, issue_date AS issueDate FROM invoices WHERE number IS NOT NULL
         ORDER BY issue_date DESC, issued_at DESC, number DESC LIMIT 1`,
      )
      .get();
    expect(preview.holds.latestInvoice).toEqual(latest);
    // Reading a backup leaves nothing beside it.
    expect(fs.readdirSync(backupDir())).toEqual([made.name]);
  });

  it('an unknown, malformed or path-like name is refused before any file is touched', async () => {
    expect(
      await refused(services.invoke('backups.preview', { name: 'manual-nope.sqlite' })),
    ).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'BACKUP_NOT_FOUND',
    });
    for (const name of [
      '../engagement-desk.sqlite',
      '/etc/passwd',
      'manual-a/../../x.sqlite',
      'x.sqlite',
    ]) {
      for (const method of ['backups.preview', 'backups.restore'] as const) {
        expect((await refused(services.invoke(method, { name }))).code).toBe('VALIDATION');
      }
    }
  });
});

describe('backups.restore', () => {
  it('brings back exactly the backed-up data, after a safety backup of the current data', async () => {
    await createClient('A');
    const backup = await backUpNow();
    clock = new Date('2026-11-21T10:00:00.000Z');
    await createClient('B');
    expect((await clientNames()).sort()).toEqual(['A', 'B']);

    const result = await restore(backup.name);
    expect(result).toEqual({
      restored: backup.name,
      safetyBackup: 'safety-2026-11-21T10-00-00-000Z.sqlite',
      schemaVersion: KNOWN,
    });
    expect(await clientNames()).toEqual(['A']);
    // The services keep working on the restored file: writes land in it.
    await createClient('C');
    expect((await clientNames()).sort()).toEqual(['A', 'C']);

    const listed = await list();
    expect(listed.map((b) => [b.name, b.kind])).toEqual(
      expect.arrayContaining([
        [backup.name, 'manual'],
        [result.safetyBackup, 'safety'],
      ]),
    );
    // The safety backup holds B: restoring it brings B back.
    const safety = await ok<BackupPreview>(
      services.invoke('backups.preview', { name: result.safetyBackup }),
    );
    expect(safety.holds.counts.clients).toBe(2);
    await restore(result.safetyBackup);
    expect((await clientNames()).sort()).toEqual(['A', 'B']);
    // No temp or moved-aside files are left in the data folder.
    expect(
      fs
        .readdirSync(services.dir)
        .filter((f) => !['backups'].includes(f))
        .sort(),
    ).toEqual(
      [DATABASE_FILE_NAME, `${DATABASE_FILE_NAME}-shm`, `${DATABASE_FILE_NAME}-wal`].filter((f) =>
        fs.existsSync(path.join(services.dir, f)),
      ),
    );
    expect(services.database.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(services.database.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('a corrupt backup is refused and the live data is untouched (no safety backup either)', async () => {
    await createClient('A');
    const name = 'manual-2026-11-20T09-00-00-000Z.sqlite';
    fs.mkdirSync(backupDir(), { recursive: true });
    const good = await backUpNow();
    const bytes = fs.readFileSync(path.join(backupDir(), good.name));
    bytes.fill(0x41, 4096); // every page after the first overwritten
    fs.writeFileSync(path.join(backupDir(), name), bytes);
    services.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const before = liveBytes();

    for (const method of ['backups.preview', 'backups.restore'] as const) {
      expect(await refused(services.invoke(method, { name }))).toMatchObject({
        code: 'CONFLICT',
        reason: 'BACKUP_CORRUPT',
      });
    }
    expect(liveBytes().equals(before)).toBe(true);
    expect(await clientNames()).toEqual(['A']);
    expect((await list()).filter((b) => b.kind === 'safety')).toEqual([]);
  });

  it('a backup from a newer schema is shown as such and refused', async () => {
    const made = await backUpNow();
    const file = path.join(backupDir(), made.name);
    const db = new Database(file);
    db.prepare('INSERT INTO "__drizzle_migrations" (hash, created_at) VALUES (?, ?)').run(
      'future',
      9_999_999_999_999,
    );
    db.close();
    await createClient('Live');
    const preview = await ok<BackupPreview>(
      services.invoke('backups.preview', { name: made.name }),
    );
    expect(preview).toMatchObject({ schemaStatus: 'newer', restorable: false });
    expect(preview.holds.schemaVersion).toBe(KNOWN + 1);
    expect(await refused(services.invoke('backups.restore', { name: made.name }))).toMatchObject({
      code: 'CONFLICT',
      reason: 'BACKUP_FROM_NEWER_VERSION',
      details: { schemaVersion: KNOWN + 1 },
    });
    expect(await clientNames()).toEqual(['Live']);
    expect((await list()).filter((b) => b.kind === 'safety')).toEqual([]);
  });

  it('an older backup is upgraded to this schema as it is restored, rows intact', async () => {
    const fixture = path.resolve(__dirname, '../../test/fixtures/db/0002_billing.sqlite');
    const old = new Database(fixture, { readonly: true });
    const oldClients = (old.prepare('SELECT count(*) AS n FROM clients').get() as { n: number }).n;
    const oldVersion = (
      old.prepare('SELECT count(*) AS n FROM "__drizzle_migrations"').get() as { n: number }
    ).n;
    old.close();
    expect(oldVersion).toBeLessThan(KNOWN);
    fs.mkdirSync(backupDir(), { recursive: true });
    const name = 'manual-2020-01-01T00-00-00-000Z.sqlite';
    fs.copyFileSync(fixture, path.join(backupDir(), name));

    const preview = await ok<BackupPreview>(services.invoke('backups.preview', { name }));
    expect(preview).toMatchObject({ schemaStatus: 'older', restorable: true });
    expect(preview.holds.schemaVersion).toBe(oldVersion);
    expect(preview.holds.counts.slaClauses).toBeNull(); // no SLA tables in that schema yet

    const result = await restore(name);
    expect(result.schemaVersion).toBe(KNOWN);
    expect((await clientNames()).length).toBe(oldClients);
    const info = await ok<{ schemaVersion: number }>(services.invoke('app.info', {}));
    expect(info.schemaVersion).toBe(KNOWN);
    // The backup itself is unchanged by the restore (it was copied, then upgraded).
    expect(fs.readFileSync(path.join(backupDir(), name)).equals(fs.readFileSync(fixture))).toBe(
      true,
    );
  });

  it('if the swap fails the live file is put back unchanged and the services keep working', async () => {
    await createClient('A');
    const made = await backUpNow();
    await createClient('B');
    const real = services.context.data.replaceWith;
    services.context.data.replaceWith = async (prepared) => {
      fs.writeFileSync(prepared, 'broken on the way');
      return real(prepared);
    };
    try {
      expect(await refused(services.invoke('backups.restore', { name: made.name }))).toMatchObject({
        code: 'CONFLICT',
        reason: 'RESTORE_FAILED',
      });
    } finally {
      services.context.data.replaceWith = real;
    }
    expect((await clientNames()).sort()).toEqual(['A', 'B']);
    await createClient('C');
    expect((await clientNames()).sort()).toEqual(['A', 'B', 'C']);
    expect(fs.readdirSync(services.dir).filter((f) => f.includes('restore'))).toEqual([]);
  });

  it('runs alone: calls made meanwhile wait and then see the restored data', async () => {
    await createClient('A');
    const made = await backUpNow();
    await createClient('B');
    const restoring = services.invoke('backups.restore', { name: made.name });
    const during = [
      services.invoke('clients.list', {}),
      services.invoke('clients.create', { displayName: 'C', defaultCurrency: 'EUR' }),
    ];
    const [restored, listed, created] = await Promise.all([restoring, ...during]);
    expect(restored!.ok).toBe(true);
    expect(
      listed!.ok && (listed.data as { items: Client[] }).items.map((c) => c.displayName),
    ).toEqual(['A']);
    expect(created!.ok).toBe(true);
    expect((await clientNames()).sort()).toEqual(['A', 'C']);
  });

  it('is refused while an invoice export is still writing documents', async () => {
    await ok(services.invoke('demo.load', { locale: 'en' }));
    const made = await backUpNow();
    const folder = makeTempDir('engagement-desk-export-');
    try {
      const job = await ok<{ jobId: string }>(
        services.invoke('documents.exportInvoices.start', {
          range: { from: '2000-01-01', to: '2100-12-31' },
          folder: folder.dir,
        }),
      );
      expect(await refused(services.invoke('backups.restore', { name: made.name }))).toMatchObject({
        code: 'CONFLICT',
        reason: 'RESTORE_BLOCKED_BY_EXPORT',
      });
      expect((await list()).filter((b) => b.kind === 'safety')).toEqual([]);
      await ok(services.invoke('documents.exportInvoices.cancel', { jobId: job.jobId }));
      for (let i = 0; i < 200; i++) {
        const status = await ok<{ state: string }>(
          services.invoke('documents.exportInvoices.status', { jobId: job.jobId }),
        );
        if (status.state !== 'running') break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      folder.cleanup();
    }
  });
});

describe("today's automatic backup", () => {
  it('a failed daily backup does not stop the app opening; app.info reports it', async () => {
    const dir = makeTempDir();
    // A file where the backups folder should be: the backup cannot be written.
    fs.writeFileSync(path.join(dir.dir, 'backups'), 'in the way');
    const logged: string[] = [];
    const started = await startServices({
      dataDir: dir.dir,
      migrationsFolder: MIGRATIONS_FOLDER,
      appVersion: '0.0.0-test',
      dailyBackup: true,
      logError: (method) => logged.push(method),
    });
    try {
      const info = await ok<{ dailyBackupFailed: boolean }>(started.invoke('app.info', {}));
      expect(info.dailyBackupFailed).toBe(true);
      expect(logged).toEqual(['backups.daily']);
      expect(
        (
          await ok<Client>(
            started.invoke('clients.create', {
              displayName: 'Still works',
              defaultCurrency: 'EUR',
            }),
          )
        ).displayName,
      ).toBe('Still works');
    } finally {
      started.close();
      dir.cleanup();
    }
  });

  it('a good daily backup at start is listed and app.info reports no failure', async () => {
    const dir = makeTempDir();
    const started = await startServices({
      dataDir: dir.dir,
      migrationsFolder: MIGRATIONS_FOLDER,
      appVersion: '0.0.0-test',
      dailyBackup: true,
      logError: () => {},
    });
    try {
      const info = await ok<{ dailyBackupFailed: boolean }>(started.invoke('app.info', {}));
      expect(info.dailyBackupFailed).toBe(false);
      const listed = await ok<BackupInfo[]>(started.invoke('backups.list', {}));
      expect(listed.map((b) => b.kind)).toEqual(['daily']);
      expect(listed[0]!.schemaVersion).toBe(KNOWN);
    } finally {
      started.close();
      dir.cleanup();
    }
  });
});

describe('a restore interrupted by a crash', () => {
  it('leaves files beside the data file that the next start removes, data intact', async () => {
    await createClient('Kept GmbH');
    const dir = services.dir;
    services.close();
    const live = path.join(dir, DATABASE_FILE_NAME);
    const leftovers = [
      '.restore-2026-11-21T09-00-00-000Z.sqlite',
      '.restore-2026-11-21T09-00-00-000Z.sqlite-wal',
      `${DATABASE_FILE_NAME}.before-restore-4242-1795000000000`,
    ];
    for (const name of leftovers) fs.copyFileSync(live, path.join(dir, name));
    // Not ours: a user's own file that merely looks alike is left alone.
    fs.writeFileSync(path.join(dir, 'notes-before-restore.txt'), 'mine');

    const again = await startServices({
      dataDir: dir,
      migrationsFolder: MIGRATIONS_FOLDER,
      appVersion: '0.0.0-test',
      logError: () => {},
    });
    try {
      for (const name of leftovers) expect(fs.existsSync(path.join(dir, name)), name).toBe(false);
      expect(fs.existsSync(path.join(dir, 'notes-before-restore.txt'))).toBe(true);
      const listed = await again.invoke('clients.list', { archived: 'all' });
      expect(
        listed.ok && (listed.data as { items: Client[] }).items.map((c) => c.displayName),
      ).toEqual(['Kept GmbH']);
    } finally {
      again.close();
    }
  });
});
