import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db';
import { makeTempDir, MIGRATIONS_FOLDER } from '../support/temp';
import { cascadeViolations, droppedTables, type ForeignKey } from './cascade';

/**
 * Upgrade safety: a data file of every schema version since the first (made by the build
 * of that version, see make-fixture.ts) upgrades to the current one with every row and
 * every money sum intact; and no migration drops a table whose children cascade.
 */

const FIXTURES = path.resolve(__dirname, '../fixtures/db');
const journal = JSON.parse(
  fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8'),
) as { entries: Array<{ idx: number; tag: string }> };
const tags = journal.entries.map((entry) => entry.tag);

interface Snapshot {
  rows: Record<string, number>;
  /** `table.column[currency]` -> sum of a `*_minor` column. */
  money: Record<string, number>;
}

function snapshot(db: Database.Database): Snapshot {
  const tables = (
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'",
      )
      .all() as Array<{ name: string }>
  ).map((t) => t.name);
  const rows: Record<string, number> = {};
  const money: Record<string, number> = {};
  for (const table of tables) {
    rows[table] = (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
    const columns = (db.pragma(`table_info("${table}")`) as Array<{ name: string }>).map(
      (c) => c.name,
    );
    const hasCurrency = columns.includes('currency');
    for (const column of columns.filter((c) => c.endsWith('_minor'))) {
      const sums = db
        .prepare(
          hasCurrency
            ? `SELECT currency AS c, total("${column}") AS s FROM "${table}" GROUP BY currency`
            : `SELECT '' AS c, total("${column}") AS s FROM "${table}"`,
        )
        .all() as Array<{ c: string; s: number }>;
      for (const { c, s } of sums) money[`${table}.${column}[${c}]`] = s;
    }
  }
  return { rows, money };
}

const temps: Array<() => void> = [];
afterEach(() => temps.splice(0).forEach((cleanup) => cleanup()));

describe('upgrading a data file of every earlier schema version', () => {
  it('has a fixture for every migration', () => {
    const missing = tags.filter((tag) => !fs.existsSync(path.join(FIXTURES, `${tag}.sqlite`)));
    expect(missing, 'make one with test/upgrade/make-fixture.ts').toEqual([]);
  });

  it.each(tags)('%s upgrades with every row and money sum intact', async (tag) => {
    const temp = makeTempDir('engagement-desk-upgrade-');
    temps.push(temp.cleanup);
    const file = path.join(temp.dir, 'engagement-desk.sqlite');
    fs.copyFileSync(path.join(FIXTURES, `${tag}.sqlite`), file);
    const before = new Database(file, { readonly: true });
    const old = snapshot(before);
    before.close();
    expect(Object.values(old.rows).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);

    const opened = await openDatabase({ dataDir: temp.dir, migrationsFolder: MIGRATIONS_FOLDER });
    try {
      expect(opened.schemaVersion).toBe(tags.length);
      const now = snapshot(opened.sqlite);
      for (const [table, count] of Object.entries(old.rows))
        expect(now.rows[table], `rows of ${table}`).toBe(count);
      for (const [key, sum] of Object.entries(old.money))
        expect(now.money[key], `sum of ${key}`).toBe(sum);
      expect(opened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(opened.sqlite.pragma('foreign_key_check')).toEqual([]);
      if (tags.indexOf(tag) < tags.length - 1)
        expect(opened.migration.applied.length).toBeGreaterThan(0);
    } finally {
      opened.close();
    }
  });
});

describe('migrations that drop tables', () => {
  it('never drop or rebuild a table whose children cascade on delete', async () => {
    const temp = makeTempDir('engagement-desk-fk-');
    temps.push(temp.cleanup);
    const opened = await openDatabase({ dataDir: temp.dir, migrationsFolder: MIGRATIONS_FOLDER });
    const tables = (
      opened.sqlite
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .all() as Array<{ name: string }>
    ).map((t) => t.name);
    const foreignKeys: ForeignKey[] = tables.flatMap((child) =>
      (
        opened.sqlite.pragma(`foreign_key_list("${child}")`) as Array<{
          table: string;
          on_delete: string;
        }>
      ).map((fk) => ({ child, parent: fk.table, onDelete: fk.on_delete })),
    );
    opened.close();
    expect(foreignKeys.some((fk) => fk.onDelete === 'CASCADE')).toBe(true);
    const migrations = tags.map((tag) => ({
      tag,
      sql: fs.readFileSync(path.join(MIGRATIONS_FOLDER, `${tag}.sql`), 'utf8'),
    }));
    expect(cascadeViolations(migrations, foreignKeys)).toEqual([]);
  });

  it('the check catches a drizzle table rebuild of a parent with cascading children', () => {
    const rebuild = [
      'CREATE TABLE `__new_engagements` (`id` text PRIMARY KEY NOT NULL);',
      'INSERT INTO `__new_engagements`("id") SELECT "id" FROM `engagements`;',
      'DROP TABLE `engagements`;',
      'ALTER TABLE `__new_engagements` RENAME TO `engagements`;',
    ].join('\n--> statement-breakpoint\n');
    expect(droppedTables(rebuild)).toEqual(['engagements']);
    expect(
      cascadeViolations(
        [{ tag: '0099_x', sql: rebuild }],
        [
          { child: 'milestones', parent: 'engagements', onDelete: 'CASCADE' },
          { child: 'invoices', parent: 'engagements', onDelete: 'RESTRICT' },
        ],
      ),
    ).toEqual(['0099_x drops engagements, whose rows in milestones cascade on delete']);
  });
});
