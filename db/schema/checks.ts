import { sql, type SQL } from 'drizzle-orm';
import { customType, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

/** CHECK fragments shared by the tables: stored money is always an integer of minor units. */
export const isInteger = (...columns: AnySQLiteColumn[]): SQL =>
  sql.join(
    columns.map((c) => sql`typeof(${c}) = 'integer'`),
    sql` AND `,
  );

/** An ISO 4217 code as stored: three upper-case letters. */
export const isCurrency = (c: AnySQLiteColumn): SQL => sql`length(${c}) = 3 AND upper(${c}) = ${c}`;

/**
 * A text column with its own column-level CHECK (`condition` names the column by its SQL
 * name). For columns added to an existing table: a table-level `check()` makes drizzle-kit
 * rebuild the table, and its rebuild copies the new column from the old table, where it does
 * not exist yet (drizzle-orm issues #5822, #5360), so the upgrade would fail. A column-level
 * CHECK is added with a plain `ALTER TABLE … ADD`, which SQLite checks against existing rows.
 */
export const textWithCheck = (name: string, condition: string) =>
  customType<{ data: string; driverData: string }>({
    dataType: () => `text CHECK(${condition})`,
  })(name);
