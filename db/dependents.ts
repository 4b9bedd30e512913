import type Database from 'better-sqlite3';

export interface Dependent {
  table: string;
  count: number;
}

/** A declared foreign key of `table`: its column `from` references the parent's `to`. */
export interface ReferenceKey {
  table: string;
  from: string;
  to: string;
  onDelete: string;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

interface SchemaKeys {
  /** `PRAGMA schema_version`: any change to the schema bumps it, and the keys are read again. */
  version: number;
  referencesTo: Map<string, ReferenceKey[]>;
  primaryKeys: Map<string, string[]>;
}

const keysByHandle = new WeakMap<Database.Database, SchemaKeys>();

/** The schema's foreign and primary keys, read once per handle and schema version. */
function schemaKeys(sqlite: Database.Database): SchemaKeys {
  const version = sqlite.pragma('schema_version', { simple: true }) as number;
  const known = keysByHandle.get(sqlite);
  if (known && known.version === version) return known;
  const tables = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .all() as { name: string }[];
  const foreignKeys = sqlite.prepare(
    `SELECT "from", "to", "table", on_delete AS onDelete FROM pragma_foreign_key_list(?)`,
  );
  const columns = sqlite.prepare(`SELECT name, pk FROM pragma_table_info(?)`);
  const keys: SchemaKeys = { version, referencesTo: new Map(), primaryKeys: new Map() };
  for (const { name } of tables) {
    const declared = foreignKeys.all(name) as {
      from: string;
      to: string | null;
      table: string;
      onDelete: string;
    }[];
    for (const key of declared) {
      const list = keys.referencesTo.get(key.table) ?? [];
      list.push({ table: name, from: key.from, to: key.to ?? 'id', onDelete: key.onDelete });
      keys.referencesTo.set(key.table, list);
    }
    const pk = (columns.all(name) as { name: string; pk: number }[])
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name);
    keys.primaryKeys.set(name, pk);
  }
  keysByHandle.set(sqlite, keys);
  return keys;
}

/** Every declared foreign key that points at `parent`, in the order of the schema's tables. */
export function referencesTo(sqlite: Database.Database, parent: string): ReferenceKey[] {
  return schemaKeys(sqlite).referencesTo.get(parent) ?? [];
}

/** A table's primary key columns, in key order. */
export function primaryKeyOf(sqlite: Database.Database, table: string): string[] {
  return schemaKeys(sqlite).primaryKeys.get(table) ?? [];
}

/**
 * Every row anywhere in the schema that references `table`'s row `id` through a declared
 * foreign key that would block deleting it (cascading children are owned, not dependents).
 * Found from the schema itself, so tables added by later features are covered without
 * touching the delete code.
 */
export function findDependents(sqlite: Database.Database, table: string, id: string): Dependent[] {
  const found: Dependent[] = [];
  // Rows that cascade are owned by the parent (settings, saved selections) and go with it.
  for (const key of referencesTo(sqlite, table).filter((k) => k.onDelete !== 'CASCADE')) {
    const row = sqlite
      .prepare(
        `SELECT count(*) AS n FROM ${quoteIdent(key.table)} WHERE ${quoteIdent(key.from)} = ?`,
      )
      .get(id) as { n: number };
    if (row.n > 0) found.push({ table: key.table, count: row.n });
  }
  return found;
}
