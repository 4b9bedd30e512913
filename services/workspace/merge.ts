import { createHash } from 'node:crypto';
import type { z } from 'zod';
import {
  IMPORT_CONFLICTS_LISTED,
  WORKSPACE_FORMAT,
  WORKSPACE_FORMAT_VERSION,
  WorkspaceFileHeader,
  type ImportConflict,
  type ImportPolicy,
  type ImportPreview,
  type ImportResult,
  type ImportTableCounts,
} from '../../core/api';
import { createDebtRepository } from '../../db';
import { invoicesRepo } from '../billing/invoice-view';
import { settle, settlementOf } from '../billing/settlement';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { readWorkspace } from './format';
import {
  APPEND_ONLY,
  keyOf,
  OWNED_BY,
  WORKSPACE_TABLES,
  workspaceTables,
  type Row,
  type TableInfo,
  type WorkspaceTable,
} from './tables';

/**
 * Import of a workspace file: parse and validate it, compare it with the workspace row by
 * row (by primary key), then write it in one transaction. The rules are documented with the
 * contract (core/api/workspace.ts).
 *
 * Refusals (nothing is changed): IMPORT_NOT_JSON, IMPORT_NOT_WORKSPACE_FILE,
 * IMPORT_INVALID_FILE, IMPORT_UNKNOWN_TABLE, IMPORT_MISSING_TABLE, IMPORT_INVALID_ROW,
 * IMPORT_ROW_REJECTED, IMPORT_FOREIGN_KEY (VALIDATION);
 * IMPORT_FORMAT_NEWER, IMPORT_SCHEMA_NEWER, IMPORT_NUMBER_TAKEN, IMPORT_NUMBER_MISMATCH,
 * IMPORT_FILE_CHANGED (CONFLICT).
 */

type Details = Record<string, string | number | boolean>;

const invalid = (reason: string, message: string, details?: Details) =>
  new ServiceError('VALIDATION', message, { reason, ...(details ? { details } : {}) });
const refused = (reason: string, message: string, details?: Details) =>
  new ServiceError('CONFLICT', message, { reason, ...(details ? { details } : {}) });

export interface ParsedFile {
  digest: string;
  formatVersion: number;
  schemaVersion: number;
  exportedAt: string;
  appVersion: string;
  rows: Map<WorkspaceTable, Row[]>;
}

export const digestOf = (text: string): string =>
  createHash('sha256').update(text, 'utf8').digest('hex');

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads and validates a workspace file; every row is checked against its table's columns. */
export function parseWorkspaceFile(ctx: ServiceContext, text: string): ParsedFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalid('IMPORT_NOT_JSON', 'The file is not JSON: it is not a workspace export.');
  }
  if (!isRecord(json) || json.format !== WORKSPACE_FORMAT) {
    throw invalid('IMPORT_NOT_WORKSPACE_FILE', 'The file is not an Engagement Desk workspace.');
  }
  if (typeof json.version === 'number' && json.version > WORKSPACE_FORMAT_VERSION) {
    throw refused(
      'IMPORT_FORMAT_NEWER',
      `The file has format version ${json.version}; this version of the app reads up to ${WORKSPACE_FORMAT_VERSION}. Update the app to import it.`,
      { version: json.version, supported: WORKSPACE_FORMAT_VERSION },
    );
  }
  if (typeof json.schemaVersion === 'number' && json.schemaVersion > ctx.app.schemaVersion) {
    throw refused(
      'IMPORT_SCHEMA_NEWER',
      `The file was written by a newer version of the app (data version ${json.schemaVersion}, this one has ${ctx.app.schemaVersion}). Update the app to import it.`,
      { schemaVersion: json.schemaVersion, supported: ctx.app.schemaVersion },
    );
  }
  const header = WorkspaceFileHeader.safeParse(json);
  if (!header.success) {
    const issue = header.error.issues[0]!;
    const field = issue.path.map(String).join('.');
    throw invalid('IMPORT_INVALID_FILE', `The file's ${field} is not valid: ${issue.message}`, {
      field,
      problem: issue.message,
    });
  }
  const { data } = header.data;
  const tables = workspaceTables();
  for (const table of Object.keys(data)) {
    if (!tables.has(table as WorkspaceTable)) {
      throw invalid(
        'IMPORT_UNKNOWN_TABLE',
        `The file has a table this app does not know: ${table}.`,
        {
          table,
        },
      );
    }
  }
  const rows = new Map<WorkspaceTable, Row[]>();
  let problems = 0;
  let first: Details | undefined;
  for (const info of tables.values()) {
    const given = data[info.name];
    if (!given) {
      // A table added after the file's schema version is simply empty there.
      if (header.data.schemaVersion < ctx.app.schemaVersion) {
        rows.set(info.name, []);
        continue;
      }
      throw invalid('IMPORT_MISSING_TABLE', `The file lacks the table ${info.name}.`, {
        table: info.name,
      });
    }
    const parsed: Row[] = [];
    const seen = new Set<string>();
    given.forEach((raw, index) => {
      const row = info.row.safeParse(raw);
      if (!row.success) {
        problems += row.error.issues.length;
        first ??= { table: info.name, row: index + 1, ...problemOf(row.error.issues[0]!, raw) };
        return;
      }
      const key = keyOf(info, row.data);
      if (seen.has(key)) {
        problems++;
        first ??= {
          table: info.name,
          row: index + 1,
          field: info.key.join('/'),
          problem: 'duplicate',
        };
        return;
      }
      seen.add(key);
      parsed.push(row.data);
    });
    rows.set(info.name, parsed);
  }
  if (first) {
    throw invalid(
      'IMPORT_INVALID_ROW',
      `${first.table}, row ${first.row}, ${first.field}: ${first.problem}` +
        (problems > 1 ? ` (and ${problems - 1} more problems)` : ''),
      { ...first, problems },
    );
  }
  return {
    digest: digestOf(text),
    formatVersion: header.data.version,
    schemaVersion: header.data.schemaVersion,
    exportedAt: header.data.exportedAt,
    appVersion: header.data.app.version,
    rows,
  };
}

/**
 * What is wrong with a value, as a stable code the UI translates (`workspaceData.problems`):
 * `missing`, `wholeNumber`, `number`, `text`, `format`, `value`, `range`, `unknownField`,
 * `duplicate` (set by the caller), `invalid`.
 */
function problemOf(issue: z.core.$ZodIssue, raw: unknown): { field: string; problem: string } {
  const field = issue.path.map(String).join('.');
  switch (issue.code) {
    case 'unrecognized_keys':
      return { field: issue.keys.join(', '), problem: 'unknownField' };
    case 'invalid_type': {
      if (isRecord(raw) && !Object.prototype.hasOwnProperty.call(raw, field)) {
        return { field, problem: 'missing' };
      }
      const expected: Record<string, string> = { int: 'wholeNumber', number: 'number' };
      return { field, problem: expected[issue.expected] ?? 'text' };
    }
    case 'invalid_format':
      return { field, problem: 'format' };
    case 'invalid_value':
    case 'invalid_union':
      return { field, problem: 'value' };
    case 'too_big':
    case 'too_small':
      return { field, problem: 'range' };
    default:
      return { field, problem: 'invalid' };
  }
}

type Decision =
  | { kind: 'new' }
  | { kind: 'identical' }
  | {
      kind: 'conflict';
      fields: string[];
      rule: ImportConflict['rule'];
      /** Which side the rule picks; null: the policy decides. */
      winner: 'mine' | 'theirs' | null;
      mine: Row;
    };

interface TablePlan {
  info: TableInfo;
  theirs: Row[];
  decisions: Decision[];
}

export interface MergePlan {
  file: ParsedFile;
  tables: Map<WorkspaceTable, TablePlan>;
}

const sameValue = (a: unknown, b: unknown) => a === b || (a == null && b == null);

/**
 * Columns the repositories derive from the others (`search_text`: the names, folded for
 * search). They differ only when those do, or when an older build folded them differently,
 * so they are neither shown nor a conflict of their own; an imported row is stored as is.
 */
const DERIVED_COLUMNS = new Set(['search_text']);

function differingFields(info: TableInfo, mine: Row, theirs: Row): string[] {
  return info.columns.filter((c) => !DERIVED_COLUMNS.has(c) && !sameValue(mine[c], theirs[c]));
}

/** A document's lines as one comparable text, keyed by the owning row's key. */
function linesByParent(info: TableInfo, column: string, rows: Row[]): Map<string, string> {
  const grouped = new Map<string, Row[]>();
  for (const row of rows) {
    const parent = String(row[column]);
    const list = grouped.get(parent) ?? [];
    list.push(row);
    grouped.set(parent, list);
  }
  const result = new Map<string, string>();
  for (const [parent, list] of grouped) {
    list.sort((a, b) => (a.position as number) - (b.position as number));
    result.set(parent, JSON.stringify(list.map((r) => info.columns.map((c) => r[c] ?? null))));
  }
  return result;
}

function ruleFor(
  table: WorkspaceTable,
  mine: Row,
  theirs: Row,
): Pick<Extract<Decision, { kind: 'conflict' }>, 'rule' | 'winner'> {
  if (table === 'number_series') {
    return {
      rule: 'highest',
      winner: (theirs.next_value as number) > (mine.next_value as number) ? 'theirs' : 'mine',
    };
  }
  if (APPEND_ONLY.has(table)) return { rule: 'append-only', winner: 'mine' };
  if (table === 'invoices' || table === 'credit_notes') {
    const a = mine.number as string | null;
    const b = theirs.number as string | null;
    if (a !== null && b !== null && a !== b) {
      throw refused(
        'IMPORT_NUMBER_MISMATCH',
        `The same ${table === 'invoices' ? 'invoice' : 'credit note'} was issued as ${a} here and as ${b} in the file; it cannot be merged.`,
        { table, number: a, theirNumber: b },
      );
    }
    if (a === null && b !== null) return { rule: 'issued', winner: 'theirs' };
    if (a !== null && b === null) return { rule: 'issued', winner: 'mine' };
  }
  return { rule: 'policy', winner: null };
}

/** Compares the file with the workspace; refuses numbering conflicts whatever the policy. */
export function planMerge(ctx: ServiceContext, file: ParsedFile): MergePlan {
  const infos = workspaceTables();
  const tables = new Map<WorkspaceTable, TablePlan>();
  const mineRows = readWorkspace(ctx);

  // Owned lines: compared as part of their document.
  const lineDiffs = new Map<WorkspaceTable, Set<string>>();
  for (const [lineTable, owner] of Object.entries(OWNED_BY) as Array<
    [WorkspaceTable, { parent: WorkspaceTable; column: string }]
  >) {
    const info = infos.get(lineTable)!;
    const mine = linesByParent(info, owner.column, mineRows.get(lineTable)!);
    const theirs = linesByParent(info, owner.column, file.rows.get(lineTable)!);
    const differ = new Set<string>();
    for (const parent of new Set([...mine.keys(), ...theirs.keys()])) {
      if (mine.get(parent) !== theirs.get(parent)) differ.add(parent);
    }
    lineDiffs.set(owner.parent, differ);
  }

  for (const info of infos.values()) {
    const mineByKey = new Map(mineRows.get(info.name)!.map((r) => [keyOf(info, r), r]));
    const theirs = file.rows.get(info.name)!;
    const linesDiffer = lineDiffs.get(info.name);
    const decisions = theirs.map((row): Decision => {
      const key = keyOf(info, row);
      const mine = mineByKey.get(key);
      if (!mine) return { kind: 'new' };
      const fields = differingFields(info, mine, row);
      if (linesDiffer?.has(key)) fields.push('lines');
      if (fields.length === 0) return { kind: 'identical' };
      return { kind: 'conflict', fields, mine, ...ruleFor(info.name, mine, row) };
    });
    tables.set(info.name, { info, theirs, decisions });
  }

  // A number issued here to another document cannot be imported.
  for (const table of ['invoices', 'credit_notes'] as const) {
    const plan = tables.get(table)!;
    const holder = new Map<string, string>();
    for (const row of mineRows.get(table)!) {
      if (row.number !== null) holder.set(row.number as string, row.id as string);
    }
    plan.theirs.forEach((row, index) => {
      const number = row.number as string | null;
      if (number === null) return;
      const held = holder.get(number);
      if (held !== undefined && held !== row.id) {
        throw refused(
          'IMPORT_NUMBER_TAKEN',
          `The number ${number} is already used here by another ${table === 'invoices' ? 'invoice' : 'credit note'}; importing would number two documents alike.`,
          { table, number, row: index + 1 },
        );
      }
    });
  }
  return { file, tables };
}

/** A name a person recognises a row by (ours, for a conflict). */
export function labelOf(table: WorkspaceTable, row: Row, key: string): string {
  const text = (...values: unknown[]) =>
    values.find((v): v is string => typeof v === 'string' && v.trim() !== '');
  const label = (() => {
    switch (table) {
      case 'clients':
        return text(row.display_name);
      case 'consultant_profile':
        return text(row.business_name, row.name);
      case 'number_series':
        return `${String(row.series)} ${String(row.period)}`;
      case 'engagements':
      case 'debt_items':
        return text(row.title);
      case 'milestones':
        return text(row.name);
      case 'invoices':
      case 'credit_notes':
        return text(row.number, row.client_name);
      case 'payments':
        return `${String(row.date)} ${String(row.amount_minor)} ${String(row.currency)}`;
      case 'sla_clauses':
        return text(row.label, row.custom_name_en, row.subject_en, row.metric);
      case 'sla_incidents':
        return text(row.start_at);
      case 'sla_measurements':
        return text(row.date);
      case 'audit_log':
        return text(row.action);
      default:
        return undefined;
    }
  })();
  return label ?? key;
}

export function previewOf(plan: MergePlan): ImportPreview {
  const tables: ImportTableCounts[] = [];
  const conflicts: ImportConflict[] = [];
  let conflictsTotal = 0;
  for (const { info, theirs, decisions } of plan.tables.values()) {
    const counts = {
      table: info.name,
      inFile: theirs.length,
      new: 0,
      identical: 0,
      conflicting: 0,
    };
    decisions.forEach((d, i) => {
      if (d.kind === 'new') counts.new++;
      else if (d.kind === 'identical') counts.identical++;
      else {
        counts.conflicting++;
        conflictsTotal++;
        if (conflicts.length < IMPORT_CONFLICTS_LISTED) {
          const key = keyOf(info, theirs[i]!);
          conflicts.push({
            table: info.name,
            key,
            label: labelOf(info.name, d.mine, key),
            fields: d.fields,
            rule: d.rule,
            winner: d.winner,
          });
        }
      }
    });
    tables.push(counts);
  }
  const { file } = plan;
  return {
    digest: file.digest,
    formatVersion: file.formatVersion,
    schemaVersion: file.schemaVersion,
    exportedAt: file.exportedAt,
    appVersion: file.appVersion,
    tables,
    conflicts,
    conflictsTotal,
  };
}

class DryRun extends Error {
  constructor(readonly result: ImportResult) {
    super('dry run');
  }
}

/**
 * Writes the plan. Must run inside a transaction (the dispatcher's, for apply); a dry run
 * writes inside a savepoint and rolls it back. Foreign keys are checked once at the end,
 * so rows may come in any order within the file.
 */
export function applyPlan(
  ctx: ServiceContext,
  plan: MergePlan,
  policy: ImportPolicy,
  dryRun: boolean,
): ImportResult {
  const run = () => write(ctx, plan, policy, dryRun);
  if (!dryRun) return run();
  try {
    ctx.sqlite.transaction(() => {
      throw new DryRun(run());
    })();
  } catch (error) {
    if (error instanceof DryRun) return error.result;
    throw error;
  }
  throw new Error('unreachable');
}

function write(
  ctx: ServiceContext,
  plan: MergePlan,
  policy: ImportPolicy,
  dryRun: boolean,
): ImportResult {
  const { sqlite } = ctx;
  sqlite.pragma('defer_foreign_keys = ON');
  const result: ImportResult = {
    policy,
    dryRun,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    tables: [],
    invoicesResettled: 0,
  };
  /** Per owning table: documents inserted or replaced, whose lines come from the file. */
  const written = new Map<WorkspaceTable, { inserted: Set<string>; replaced: Set<string> }>();
  const touchedInvoices = new Set<string>();
  const touchedDebtClients = new Set<string>();

  for (const table of WORKSPACE_TABLES) {
    const { info, theirs, decisions } = plan.tables.get(table)!;
    const counts = { table, inserted: 0, updated: 0, unchanged: 0 };
    const columns = info.columns;
    const insert = sqlite.prepare(
      `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    );
    const others = columns.filter((c) => !info.key.includes(c));
    const where = info.key.map((c) => `"${c}" = ?`).join(' AND ');
    const update =
      others.length > 0
        ? sqlite.prepare(
            `UPDATE "${table}" SET ${others.map((c) => `"${c}" = ?`).join(', ')} WHERE ${where}`,
          )
        : null;
    const rowError = (index: number, error: unknown): never => {
      const message = error instanceof Error ? error.message : String(error);
      if (/constraint/i.test(message)) {
        throw invalid(
          'IMPORT_ROW_REJECTED',
          `${table}, row ${index + 1}: the data file refuses it (${message}).`,
          { table, row: index + 1, problem: message.slice(0, 200) },
        );
      }
      throw error;
    };
    const owner = OWNED_BY[table];
    const parentWrites = owner ? written.get(owner.parent) : undefined;
    if (owner && parentWrites) {
      const remove = sqlite.prepare(`DELETE FROM "${table}" WHERE "${owner.column}" = ?`);
      for (const parent of parentWrites.replaced) remove.run(parent);
    }
    const mine = { inserted: new Set<string>(), replaced: new Set<string>() };

    theirs.forEach((row, index) => {
      const decision = decisions[index]!;
      const values = columns.map((c) => row[c] ?? null);
      const key = keyOf(info, row);
      if (owner && parentWrites) {
        // Lines follow their document: written when it was inserted or replaced.
        const parent = String(row[owner.column]);
        const replaced = parentWrites.replaced.has(parent);
        if (replaced || parentWrites.inserted.has(parent)) {
          try {
            insert.run(...values);
          } catch (error) {
            rowError(index, error);
          }
          if (replaced) counts.updated++;
          else counts.inserted++;
        } else counts.unchanged++;
        return;
      }
      let action: 'insert' | 'update' | 'keep' = 'keep';
      if (decision.kind === 'new') action = 'insert';
      else if (decision.kind === 'conflict') {
        const winner = decision.winner ?? (policy === 'take-theirs' ? 'theirs' : 'mine');
        if (winner === 'theirs') action = 'update';
      }
      try {
        if (action === 'insert') insert.run(...values);
        else if (action === 'update' && update) {
          update.run(...others.map((c) => row[c] ?? null), ...info.key.map((c) => row[c]));
        }
      } catch (error) {
        rowError(index, error);
      }
      if (action === 'keep') {
        counts.unchanged++;
        return;
      }
      if (action === 'insert') {
        counts.inserted++;
        mine.inserted.add(key);
      } else {
        counts.updated++;
        mine.replaced.add(key);
      }
      if (table === 'invoices') touchedInvoices.add(key);
      if (table === 'payments' || table === 'credit_notes') {
        touchedInvoices.add(String(row.invoice_id));
      }
      if (table === 'debt_items' || table === 'debt_model_settings') {
        touchedDebtClients.add(String(row.client_id));
      }
    });
    written.set(table, mine);
    result.inserted += counts.inserted;
    result.updated += counts.updated;
    result.unchanged += counts.unchanged;
    result.tables.push(counts);
  }

  checkForeignKeys(ctx, plan);

  // Derived figures where the merge mixed sides: settlement and debt evaluation.
  const repo = invoicesRepo(ctx);
  const paidOf = sqlite.prepare(
    `SELECT coalesce(sum(amount_minor), 0) AS n FROM payments WHERE invoice_id = ?`,
  );
  const creditedOf = sqlite.prepare(
    `SELECT coalesce(sum(total_minor), 0) AS n FROM credit_notes WHERE invoice_id = ?`,
  );
  for (const id of touchedInvoices) {
    const invoice = repo.get(id);
    if (!invoice || !['issued', 'partly_paid', 'paid'].includes(invoice.status)) continue;
    const figures = settlementOf(
      invoice.amountDueMinor,
      (paidOf.get(id) as { n: number }).n,
      (creditedOf.get(id) as { n: number }).n,
    );
    const keys = Object.keys(figures) as Array<keyof typeof figures>;
    if (keys.some((key) => invoice[key] !== figures[key])) {
      settle(ctx, invoice);
      result.invoicesResettled++;
    }
  }
  const debt = createDebtRepository(sqlite);
  for (const clientId of touchedDebtClients) {
    debt.reevaluateClient(clientId, debt.settings(clientId));
  }
  return result;
}

/** `PRAGMA foreign_key_check` before commit: names the first file row that points nowhere. */
function checkForeignKeys(ctx: ServiceContext, plan: MergePlan): void {
  const violations = ctx.sqlite.pragma('foreign_key_check') as Array<{
    table: string;
    rowid: number;
    parent: string;
  }>;
  if (violations.length === 0) return;
  const v = violations[0]!;
  const tablePlan = plan.tables.get(v.table as WorkspaceTable);
  let row = 0;
  if (tablePlan) {
    const { info, theirs } = tablePlan;
    const keyRow = ctx.sqlite
      .prepare(
        `SELECT ${info.key.map((c) => `"${c}"`).join(', ')} FROM "${v.table}" WHERE rowid = ?`,
      )
      .get(v.rowid) as Row | undefined;
    if (keyRow) {
      const key = keyOf(info, keyRow);
      row = theirs.findIndex((r) => keyOf(info, r) === key) + 1;
    }
  }
  throw invalid(
    'IMPORT_FOREIGN_KEY',
    `${v.table}, row ${row}: it refers to a ${v.parent} row that is neither in the file nor here` +
      (violations.length > 1 ? ` (and ${violations.length - 1} more)` : '') +
      '.',
    { table: v.table, row, parent: v.parent, problems: violations.length },
  );
}
