/**
 * Writes the upgrade-test fixture of one schema version: a data file made by the build of
 * that version, through its own services, holding clients and (where the version has it)
 * the Chinese demo workspace.
 *
 *   node --import tsx test/upgrade/make-fixture.ts --root <checkout of that version> --out <file>
 *
 * Run it on a `git worktree` of the commit that added each migration (see README in
 * test/fixtures/db); the newest one on the current tree. Fixtures are committed and never
 * regenerated for an old version.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';

interface Started {
  invoke(method: string, input: unknown): Promise<{ ok: boolean; data?: unknown; error?: unknown }>;
  close(): void;
  database: { file: string; schemaVersion: number };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { root: { type: 'string' }, out: { type: 'string' } },
  });
  if (!values.root || !values.out) {
    console.error('usage: make-fixture.ts --root <checkout> --out <file.sqlite>');
    process.exit(2);
  }
  const root = path.resolve(values.root);
  const host = (await import(pathToFileURL(path.join(root, 'services/host.ts')).href)) as {
    startServices(options: object): Promise<Started>;
  };
  const api = (await import(pathToFileURL(path.join(root, 'core/api/index.ts')).href)) as {
    isMethodName(name: string): boolean;
  };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'engagement-desk-fixture-'));
  const services = await host.startServices({
    dataDir,
    migrationsFolder: path.join(root, 'db/migrations'),
    appVersion: 'fixture',
    now: () => new Date('2026-11-21T09:00:00.000Z'),
  });
  const call = async (method: string, input: unknown) => {
    const result = await services.invoke(method, input);
    if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
    return result.data;
  };
  await call('clients.create', { displayName: 'Fixture GmbH', defaultCurrency: 'EUR' });
  await call('clients.create', { displayName: '华东零售有限公司', defaultCurrency: 'CNY' });
  if (api.isMethodName('demo.load')) {
    // The demo loads once per file; the Chinese one puts CJK text in every table.
    await call('demo.load', { locale: 'zh-CN' });
  }
  const version = services.database.schemaVersion;
  services.close();

  // One self-contained file: WAL folded in, rollback journal mode.
  const db = new Database(path.join(dataDir, 'engagement-desk.sqlite'));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  db.exec('VACUUM');
  db.close();
  fs.mkdirSync(path.dirname(path.resolve(values.out)), { recursive: true });
  fs.copyFileSync(path.join(dataDir, 'engagement-desk.sqlite'), values.out);
  fs.rmSync(dataDir, { recursive: true, force: true });
  console.log(`fixture: schema version ${version} -> ${values.out}`);
}

void main();
