/** A foreign key as `PRAGMA foreign_key_list` reports it, with the child table added. */
export interface ForeignKey {
  child: string;
  parent: string;
  onDelete: string;
}

/** Tables a migration drops: drizzle's rebuild (`__new_x` → `x`) or a plain DROP TABLE. */
export function droppedTables(migrationSql: string): string[] {
  const dropped = new Set<string>();
  for (const match of migrationSql.matchAll(/DROP TABLE\s+(?:IF EXISTS\s+)?[`"]?(\w+)[`"]?/gi)) {
    const name = match[1]!;
    if (!name.startsWith('__new_')) dropped.add(name);
  }
  return [...dropped];
}

/**
 * Dropping a table with foreign keys on deletes every child row whose key cascades.
 * db/migrate.ts turns foreign keys off around migrations, but the SQL must be safe under
 * any runner: a migration that drops (or rebuilds) a table with cascading children is
 * refused until it is rewritten.
 */
export function cascadeViolations(
  migrations: Array<{ tag: string; sql: string }>,
  foreignKeys: ForeignKey[],
): string[] {
  const violations: string[] = [];
  for (const { tag, sql } of migrations) {
    for (const table of droppedTables(sql)) {
      for (const fk of foreignKeys) {
        if (fk.parent === table && fk.onDelete.toUpperCase() === 'CASCADE' && fk.child !== table)
          violations.push(`${tag} drops ${table}, whose rows in ${fk.child} cascade on delete`);
      }
    }
  }
  return violations;
}
