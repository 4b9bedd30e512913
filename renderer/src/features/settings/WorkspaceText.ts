import { ApiError } from '@core/api';
import type { TFunction } from 'i18next';
import { i18n } from '../../i18n';
import { describeError } from '../../i18n/apiErrors';

/** A table's name as people say it (`invoice_lines` → "Invoice lines"). */
export function tableLabel(t: TFunction, table: string): string {
  const key = `workspaceData.tables.${table}`;
  return i18n.exists(key) ? String(t(key as never)) : table;
}

/** Where each table's fields are named on its own screen. */
const FIELD_NAMESPACES: Record<string, string> = {
  consultant_profile: 'profile',
  clients: 'clients',
  debt_items: 'debt',
  engagements: 'engagements',
  milestones: 'milestones',
  invoices: 'invoices',
  credit_notes: 'invoices',
  sla_clauses: 'sla',
};

/**
 * A column as its screen names it (`contract_value_minor` → "Contract value"): the table's
 * own form label, else the History panel's, else the column itself. `lines` stands for a
 * document's lines.
 */
export function columnLabel(t: TFunction, table: string, column: string): string {
  const camel = column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  const ns = FIELD_NAMESPACES[table];
  const candidates = [
    `workspaceData.fields.${camel}`,
    ...(ns ? [`${ns}.fields.${camel}`, `${ns}.fields.${camel.replace(/Minor$/, '')}`] : []),
    `audit.fields.${camel}`,
  ];
  for (const key of candidates) {
    const label: unknown = i18n.exists(key) ? t(key as never, { returnObjects: true }) : null;
    if (typeof label === 'string') return label;
  }
  return column;
}

/**
 * A failed export or import as one translated sentence: the import's own refusals name the
 * table, row and column; anything else is described as everywhere else.
 */
export function describeWorkspaceError(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && error.reason) {
    const key = `workspaceData.errors.${error.reason}`;
    if (i18n.exists(key)) {
      const details: Record<string, unknown> = { ...(error.details ?? {}) };
      if (typeof details.table === 'string') details.table = tableLabel(t, details.table);
      if (typeof details.parent === 'string') details.parent = tableLabel(t, details.parent);
      const problemKey = `workspaceData.problems.${String(details.problem)}`;
      if (error.reason === 'IMPORT_INVALID_ROW' && i18n.exists(problemKey)) {
        details.problem = String(t(problemKey as never));
      }
      if (typeof details.byteLength === 'number') {
        details.size = Math.ceil(details.byteLength / 1_000_000);
        details.limit = Math.round(Number(details.limit ?? 0) / 1_000_000);
      }
      return String(t(key as never, details as never));
    }
  }
  return describeError(error, t);
}
