import type Database from 'better-sqlite3';

export interface Dependent {
  table: string;
  count: number;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Every row anywhere in the schema that references `table`'s row `id` through a declared
 * foreign key that would block deleting it (cascading children are owned, not dependents).
 * Found from the schema itself, so tables added by later features are covered without
 * touching the delete code.
 */
export function findDependents(sqlite: Database.Database, table: string, id: string): Dependent[] {
  const tables = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .all() as { name: string }[];
  const found: Dependent[] = [];
  for (const { name } of tables) {
    const keys = sqlite
      .prepare(`SELECT "from", "table", on_delete AS onDelete FROM pragma_foreign_key_list(?)`)
      .all(name) as { from: string; table: string; onDelete: string }[];
    // Rows that cascade are owned by the parent (settings, saved selections) and go with it.
    for (const key of keys.filter((k) => k.table === table && k.onDelete !== 'CASCADE')) {
      const row = sqlite
        .prepare(`SELECT count(*) AS n FROM ${quoteIdent(name)} WHERE ${quoteIdent(key.from)} = ?`)
        .get(id) as { n: number };
      if (row.n > 0) found.push({ table: name, count: row.n });
    }
  }
  return found;
}
