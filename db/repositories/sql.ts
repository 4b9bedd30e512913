import type Database from 'better-sqlite3';

/** Escapes LIKE wildcards so a search for `50%` finds "50%", not everything. */
export function likePattern(needle: string): string {
  return `%${needle.toLocaleLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Statements prepared once per connection and SQL text. Repositories are created on every
 * handler call, so a statement prepared in the factory or the method would be compiled again
 * each time; a restore reopens the database, and the new handle gets its own cache.
 */
const statementCache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function prepared(sqlite: Database.Database, sql: string): Database.Statement {
  let cache = statementCache.get(sqlite);
  if (!cache) {
    cache = new Map();
    statementCache.set(sqlite, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = sqlite.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}
