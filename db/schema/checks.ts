import { sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

/** CHECK fragments shared by the tables: stored money is always an integer of minor units. */
export const isInteger = (...columns: AnySQLiteColumn[]): SQL =>
  sql.join(
    columns.map((c) => sql`typeof(${c}) = 'integer'`),
    sql` AND `,
  );

/** An ISO 4217 code as stored: three upper-case letters. */
export const isCurrency = (c: AnySQLiteColumn): SQL => sql`length(${c}) = 3 AND upper(${c}) = ${c}`;
