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

/**
 * Narrows the receivables and dashboard aggregates (invoices, credit notes, payments,
 * engagements); absent fields do not filter.
 */
export interface MoneyFilter {
  clientId?: string | undefined;
  engagementId?: string | undefined;
  currency?: string | undefined;
}

/**
 * `AND <alias>client_id = @clientId …` for the fields that are set, with their named
 * parameters. Only the terms in use are written, so the unfiltered statement keeps its
 * covering index and each combination is prepared once. The engagement is `e.id` on the
 * engagements table (alias `e.`), `engagement_id` elsewhere.
 */
export function filterClause(
  filter: MoneyFilter,
  alias: '' | 'e.' | 'i.' | 'p.',
): { clause: string; params: Record<string, string> } {
  const parts: string[] = [];
  const params: Record<string, string> = {};
  const add = (column: string, name: keyof MoneyFilter) => {
    const value = filter[name];
    if (value === undefined) return;
    parts.push(`AND ${alias}${column} = @${name}`);
    params[name] = value;
  };
  add('client_id', 'clientId');
  add(alias === 'e.' ? 'id' : 'engagement_id', 'engagementId');
  add('currency', 'currency');
  return { clause: parts.join(' '), params };
}

const CACHE_WRITE_REFUSALS = /^SQLITE_(BUSY|LOCKED|READONLY|FULL)/;

/**
 * A write of derived rows (a cache), made only if it can be made at once: it never waits
 * for another connection's write lock, and a file that is locked, read-only or full, or a
 * snapshot another connection has moved past (`readSnapshot`: SQLITE_BUSY_SNAPSHOT), makes
 * it write nothing (a savepoint undoes a part written) and return false. Other errors throw.
 */
export function writeIfFree(sqlite: Database.Database, write: () => void): boolean {
  const busyTimeout = sqlite.pragma('busy_timeout', { simple: true }) as number;
  sqlite.pragma('busy_timeout = 0');
  try {
    sqlite.transaction(write)();
    return true;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && CACHE_WRITE_REFUSALS.test(code)) return false;
    throw error;
  } finally {
    sqlite.pragma(`busy_timeout = ${busyTimeout}`);
  }
}

/**
 * Runs a read in one deferred transaction, so all its statements see the file as it was when
 * the first one ran, and any derived rows it stores with `writeIfFree` are refused if another
 * connection has committed since (they would have been computed from old rows). What it
 * stored is committed; a commit that fails loses only those rows, never the read's result.
 * Inside a caller's transaction it simply runs.
 */
export function readSnapshot<T>(sqlite: Database.Database, read: () => T): T {
  if (sqlite.inTransaction) return read();
  prepared(sqlite, 'BEGIN DEFERRED').run();
  let result: T;
  try {
    result = read();
  } catch (error) {
    if (sqlite.inTransaction) prepared(sqlite, 'ROLLBACK').run();
    throw error;
  }
  try {
    if (sqlite.inTransaction) prepared(sqlite, 'COMMIT').run();
  } catch {
    if (sqlite.inTransaction) prepared(sqlite, 'ROLLBACK').run();
  }
  return result;
}
