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
