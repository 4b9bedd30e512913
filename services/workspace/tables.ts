import { is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { CalendarDate, Id, Timestamp } from '../../core/api';
import { schema } from '../../db';

/**
 * The tables of a workspace file, in the order rows are written on import (parents before
 * the rows that reference them). Every table of db/schema must be listed here:
 * tables.test.ts fails otherwise (unless it is one of the `DERIVED_TABLES`), so a new table is a
 * decision, never a silent omission.
 */
export const WORKSPACE_TABLES = [
  'consultant_profile',
  'number_series',
  'clients',
  'debt_model_settings',
  'debt_items',
  'debt_selections',
  'engagements',
  'engagement_debt_items',
  'milestones',
  'invoices',
  'invoice_lines',
  'payments',
  'credit_notes',
  'credit_note_lines',
  'sla_clauses',
  'sla_incidents',
  'sla_measurements',
  'engagement_document_settings',
  'engagement_clauses',
  'audit_log',
] as const;
export type WorkspaceTable = (typeof WORKSPACE_TABLES)[number];

/**
 * Tables of values computed from the others, never exported or imported: the importing
 * file's own triggers drop what the imported rows make stale, and they are computed again
 * when next asked (db/schema/sla.ts `slaPeriodResults`).
 */
export const DERIVED_TABLES = ['sla_period_results'] as const;

/** Lines go with their document: compared, kept or replaced as one with it. */
export const OWNED_BY: Partial<Record<WorkspaceTable, { parent: WorkspaceTable; column: string }>> =
  {
    invoice_lines: { parent: 'invoices', column: 'invoice_id' },
    credit_note_lines: { parent: 'credit_notes', column: 'credit_note_id' },
  };

/** Rows that are never changed once written (the audit log's triggers refuse an UPDATE). */
export const APPEND_ONLY: ReadonlySet<WorkspaceTable> = new Set(['audit_log']);

export type Row = Record<string, unknown>;

export interface TableInfo {
  name: WorkspaceTable;
  /** SQL column names in table order. */
  columns: string[];
  /** Primary key columns. */
  key: string[];
  /** Validates one row of the file: exactly the table's columns, each of its type. */
  row: z.ZodType<Row>;
}

/** Every drizzle table of db/schema, by SQL name. */
export function schemaTables(): Map<string, SQLiteTable> {
  const tables = new Map<string, SQLiteTable>();
  for (const value of Object.values(schema)) {
    if (is(value, SQLiteTable)) tables.set(getTableConfig(value).name, value);
  }
  return tables;
}

const CURRENCY = z.string().regex(/^[A-Z]{3}$/, { message: 'Not an ISO 4217 currency code' });
const SAFE_INTEGER = z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);

/**
 * A column's schema from its drizzle definition: type, nullability, enum values, and what its
 * name says (ids and references are UUIDv7, `*_at` UTC timestamps, `*_date` calendar dates,
 * currencies ISO codes). The database's own CHECK constraints still apply on insert.
 */
function columnSchema(column: SQLiteColumn, isId: boolean): z.ZodType {
  const name = column.name;
  let base: z.ZodType;
  switch (column.columnType) {
    case 'SQLiteBoolean':
      base = z.union([z.literal(0), z.literal(1)]);
      break;
    case 'SQLiteInteger':
      base = SAFE_INTEGER;
      break;
    case 'SQLiteReal':
      base = z.number();
      break;
    default: {
      const values = (column as { enumValues?: string[] }).enumValues;
      if (values && values.length > 0) base = z.enum(values as [string, ...string[]]);
      else if (isId) base = Id;
      else if (name.endsWith('_at')) base = Timestamp;
      else if (name === 'date' || name.endsWith('_date')) base = CalendarDate;
      else if (name === 'currency' || name.endsWith('_currency')) base = CURRENCY;
      else base = z.string();
    }
  }
  return column.notNull ? base : base.nullable();
}

function describe(name: WorkspaceTable, table: SQLiteTable): TableInfo {
  const config = getTableConfig(table);
  const columns = config.columns.map((c) => c.name);
  const composite = config.primaryKeys[0]?.columns.map((c) => c.name);
  const key = composite ?? config.columns.filter((c) => c.primary).map((c) => c.name);
  const references = new Set(
    config.foreignKeys.flatMap((fk) => fk.reference().columns.map((c) => c.name)),
  );
  const shape: Record<string, z.ZodType> = {};
  for (const column of config.columns) {
    const isId =
      column.columnType === 'SQLiteText' && (references.has(column.name) || column.name === 'id');
    shape[column.name] = columnSchema(column, isId);
  }
  return { name, columns, key, row: z.strictObject(shape) as unknown as z.ZodType<Row> };
}

let cached: Map<WorkspaceTable, TableInfo> | undefined;

/** The listed tables, described from db/schema (throws if one is missing there). */
export function workspaceTables(): Map<WorkspaceTable, TableInfo> {
  if (cached) return cached;
  const tables = schemaTables();
  const described = new Map<WorkspaceTable, TableInfo>();
  for (const name of WORKSPACE_TABLES) {
    const table = tables.get(name);
    if (!table) throw new Error(`The workspace export lists ${name}, which db/schema lacks.`);
    described.set(name, describe(name, table));
  }
  cached = described;
  return described;
}

/** A row's key as text: its id, or the key columns joined with `/`. */
export function keyOf(info: TableInfo, row: Row): string {
  return info.key.map((c) => String(row[c])).join('/');
}
