import type Database from 'better-sqlite3';
import { prepared } from './repositories/sql';

/**
 * Write counts per key (a clause id, say) over a few tables, for caches of values computed
 * from those rows: the SLA timelines of a clause read only its own row, incidents and
 * measurements, so an invoice, a payment or another clause's incident must not throw them
 * away.
 *
 * SQLite keeps no such counter, so this connection counts its own writes with TEMP
 * triggers: they live in the connection's temp schema (never in the file, a backup or an
 * export), see every INSERT, UPDATE and DELETE made through it — repositories, imports,
 * undo, cascades — and roll back with the transaction that made them. Commits by other
 * connections (the CLI on the same file) move `data_version` and schema changes
 * `schema_version`: both make up `base`, which, when it moves, invalidates every key.
 */
export interface WriteCounts {
  /** Changes when any key's rows may have changed behind the counts' back. */
  base: string;
  /** Writes made through this connection per key; absent = none yet. */
  counts: Map<string, number>;
}

/** A table whose rows belong to a key: its column holding the key. */
export interface KeyedTable {
  table: string;
  key: string;
}

const installed = new WeakMap<Database.Database, Set<string>>();

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

function install(sqlite: Database.Database, name: string, sources: readonly KeyedTable[]): void {
  let done = installed.get(sqlite);
  if (!done) {
    done = new Set();
    installed.set(sqlite, done);
  }
  if (done.has(name)) return;
  const counts = `temp.${quoteIdent(name)}`;
  const bump = (row: 'NEW' | 'OLD', key: string) =>
    `INSERT INTO ${counts} (key, n) VALUES (${row}.${quoteIdent(key)}, 1)
       ON CONFLICT (key) DO UPDATE SET n = n + 1;`;
  const statements = [
    `CREATE TEMP TABLE IF NOT EXISTS ${quoteIdent(name)} (key TEXT PRIMARY KEY, n INTEGER NOT NULL);`,
  ];
  for (const { table, key } of sources) {
    const body = {
      INSERT: bump('NEW', key),
      DELETE: bump('OLD', key),
      // A row moved to another key changes both.
      UPDATE: `${bump('OLD', key)}\n${bump('NEW', key)}`,
    };
    for (const [event, program] of Object.entries(body)) {
      const trigger = quoteIdent(`${name}_${table}_${event.toLowerCase()}`);
      statements.push(
        `CREATE TEMP TRIGGER IF NOT EXISTS ${trigger} AFTER ${event} ON main.${quoteIdent(table)}
         BEGIN ${program} END;`,
      );
    }
  }
  sqlite.exec(statements.join('\n'));
  done.add(name);
}

/**
 * This connection's writes per key to `sources` (counted from the first call on), and the
 * `base` that moves with anything else. `name` names the counter (one per cache). Null
 * inside a transaction, whose writes may still roll back: do not cache then.
 */
export function writeCounts(
  sqlite: Database.Database,
  name: string,
  sources: readonly KeyedTable[],
): WriteCounts | null {
  if (sqlite.inTransaction) return null;
  install(sqlite, name, sources);
  const base = prepared(
    sqlite,
    `SELECT (SELECT data_version FROM pragma_data_version) AS data,
            (SELECT schema_version FROM pragma_schema_version) AS schema`,
  ).get() as { data: number; schema: number };
  const rows = prepared(sqlite, `SELECT key, n FROM temp.${quoteIdent(name)}`).all() as {
    key: string;
    n: number;
  }[];
  return {
    base: `${base.data}|${base.schema}`,
    counts: new Map(rows.map((r) => [r.key, r.n])),
  };
}
