import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir, MIGRATIONS_FOLDER } from '../test/support/temp';
import { runMigrations } from './migrate';

const temps: (() => void)[] = [];
afterEach(() => temps.splice(0).forEach((c) => c()));

/** The shipped migrations up to (not including) `tag`, in drizzle-kit's layout. */
function migrationsBefore(dir: string, tag: string): string {
  const journal = JSON.parse(
    fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'),
  ) as { entries: { tag: string }[] };
  const entries = journal.entries.slice(
    0,
    journal.entries.findIndex((e) => e.tag === tag),
  );
  const folder = path.join(dir, 'old-migrations');
  fs.mkdirSync(path.join(folder, 'meta'), { recursive: true });
  fs.writeFileSync(
    path.join(folder, 'meta', '_journal.json'),
    JSON.stringify({ ...journal, entries }),
  );
  for (const e of entries)
    fs.copyFileSync(
      path.join(MIGRATIONS_FOLDER, `${e.tag}.sql`),
      path.join(folder, `${e.tag}.sql`),
    );
  return folder;
}

describe('0004_documents', () => {
  it('upgrades a file with a saved profile: the row keeps its values and gets the defaults', async () => {
    const t = makeTempDir();
    temps.push(t.cleanup);
    const sqlite = new Database(path.join(t.dir, 'db.sqlite'));
    sqlite.pragma('foreign_keys = ON');
    await runMigrations(sqlite, {
      migrationsFolder: migrationsBefore(t.dir, '0004_documents'),
      backup: async () => 'unused',
    });
    sqlite
      .prepare(
        `INSERT INTO consultant_profile (id, name, default_currency, default_payment_terms_days,
           default_tax_rate_percent, invoice_number_pattern, credit_note_number_pattern,
           late_interest_annual_rate, updated_at)
         VALUES (1, 'Ada', 'EUR', 30, '19', 'INV-{SEQ}', 'CN-{SEQ}', '0.08', '2026-01-01T00:00:00.000Z')`,
      )
      .run();
    const report = await runMigrations(sqlite, {
      migrationsFolder: MIGRATIONS_FOLDER,
      backup: async () => 'unused',
    });
    expect(report.toVersion).toBeGreaterThan(report.fromVersion);
    expect(
      sqlite.prepare('SELECT name, accent_color, document_footer FROM consultant_profile').get(),
    ).toEqual({ name: 'Ada', accent_color: '#1F6FEB', document_footer: '' });
    // The colour is checked by the database too.
    expect(() =>
      sqlite.prepare(`UPDATE consultant_profile SET accent_color = 'blue'`).run(),
    ).toThrow(/CHECK constraint failed/);
    sqlite.prepare(`UPDATE consultant_profile SET accent_color = '#a1b2c3'`).run();
    sqlite.close();
  });
});
