import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test/support/temp';
import { writeCounts } from './table-writes';

const temps: (() => void)[] = [];
const handles: Database.Database[] = [];
afterEach(() => {
  handles.splice(0).forEach((h) => h.close());
  temps.splice(0).forEach((c) => c());
});

/** A file with a watched parent/child pair and an unrelated table; a second connection to it. */
function files() {
  const t = makeTempDir();
  temps.push(t.cleanup);
  const file = path.join(t.dir, 'data.sqlite');
  const open = () => {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    handles.push(db);
    return db;
  };
  const db = open();
  db.exec(`CREATE TABLE parents (id INTEGER PRIMARY KEY, name TEXT);
           CREATE TABLE children (id INTEGER PRIMARY KEY,
             parent_id INTEGER NOT NULL REFERENCES parents(id) ON DELETE CASCADE, v TEXT);
           CREATE TABLE other (id INTEGER PRIMARY KEY, v TEXT);
           INSERT INTO parents VALUES (1, 'a'), (2, 'b');
           INSERT INTO children VALUES (1, 1, 'x'), (2, 2, 'y');`);
  // Children count for their parent; a parent's own row for itself.
  const counts = () => {
    const w = writeCounts(db, 'parent_writes', [
      { table: 'parents', key: 'id' },
      { table: 'children', key: 'parent_id' },
    ]);
    return w && { base: w.base, counts: Object.fromEntries(w.counts) };
  };
  return { db, open, counts };
}

describe('writeCounts', () => {
  it('counts the writes of each key, and writes elsewhere count for nothing', () => {
    const { db, counts } = files();
    const { base } = counts()!;
    const expectCounts = (sql: string, expected: Record<string, number>) => {
      db.exec(sql);
      expect(counts(), sql).toEqual({ base, counts: expected });
    };
    expectCounts(`INSERT INTO other VALUES (1, 'z')`, {});
    expectCounts(`INSERT INTO children VALUES (3, 1, 'w')`, { 1: 1 });
    expectCounts(`UPDATE children SET v = 'v' WHERE id = 3`, { 1: 3 });
    // An update counts for the key before and after: moved to another parent, both change.
    expectCounts(`UPDATE children SET parent_id = 2 WHERE id = 3`, { 1: 4, 2: 1 });
    expectCounts(`DELETE FROM children WHERE id = 3`, { 1: 4, 2: 2 });
    expectCounts(`UPDATE parents SET name = 'c' WHERE id = 1`, { 1: 6, 2: 2 });
    // Deleting parent 2 cascades to its child 2: both rows count.
    expectCounts(`DELETE FROM parents WHERE id = 2`, { 1: 6, 2: 4 });
    expectCounts(`UPDATE other SET v = 'y'`, { 1: 6, 2: 4 });
  });

  it('is null inside a transaction, and a rolled-back write counts for nothing', () => {
    const { db, counts } = files();
    const before = counts();
    db.exec('BEGIN');
    db.exec(`INSERT INTO children VALUES (3, 1, 'w')`);
    expect(counts()).toBeNull();
    db.exec('ROLLBACK');
    expect(counts()).toEqual(before);
  });

  it("moves the base when another connection commits, and leaves nothing in the file's schema", () => {
    const { open, counts } = files();
    const before = counts()!;
    const other = open();
    other.exec(`INSERT INTO other VALUES (2, 'from the CLI')`);
    expect(counts()!.base).not.toBe(before.base);
    const objects = other
      .prepare(`SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger') ORDER BY name`)
      .pluck()
      .all();
    expect(objects).toEqual(['children', 'other', 'parents']);
  });
});
