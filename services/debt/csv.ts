import Papa from 'papaparse';
import {
  DebtCsvField,
  DebtItemFields,
  type DebtItem,
  type MethodName,
  type ParsedInput,
} from '../../core/api';
import { minorDigits, minorToMajorString, parseMoney } from '../../core/money';
import type { ServiceContext } from '../context';
import { issuesOf, ServiceError } from '../errors';
import type { HandlerMap } from '../handler-types';
import { createItem, debtRepo, requireClient } from './common';

/**
 * CSV exchange of debt items.
 *
 * - Amounts are in major units of the currency ("12500.00"); growth and residual are
 *   fractions (a trailing % is accepted: "3%" = 0.03); tags are separated by ";" (also ",",
 *   "，", "；", "|" on import); the cost estimate is the estimator's working as JSON.
 * - Columns map to item fields by header (English or Chinese), or by the user's mapping;
 *   columns left out of the mapping are ignored. Missing low/high of a range default to its
 *   likely; a missing day rate is the client's.
 * - Every row is validated with the contract's own `DebtItemFields`, so the errors are the
 *   form's errors. `row` is the spreadsheet row number (the header is row 1).
 * - Export guards against formula injection: text cells starting with = + - @ (or a tab or
 *   carriage return) get a leading apostrophe, which import strips again. Numeric cells are
 *   written by us and never start with anything but a digit or a minus sign.
 * - The text starts with a UTF-8 byte-order mark so spreadsheet apps read Chinese correctly;
 *   import ignores it.
 */

export const CSV_FIELDS = DebtCsvField.options;
type CsvField = DebtCsvField;

/** English headers written by export (also recognised on import). */
export const CSV_HEADERS: Record<CsvField, string> = {
  title: 'Title',
  description: 'Description',
  category: 'Category',
  impact: 'Impact',
  affectedSystem: 'Affected system',
  status: 'Status',
  quarterlyCostLow: 'Quarterly cost low',
  quarterlyCostLikely: 'Quarterly cost likely',
  quarterlyCostHigh: 'Quarterly cost high',
  growthPerQuarter: 'Growth per quarter',
  fixDaysLow: 'Fix days low',
  fixDaysLikely: 'Fix days likely',
  fixDaysHigh: 'Fix days high',
  dayRate: 'Day rate',
  residualFraction: 'Residual fraction',
  lagQuarters: 'Lag quarters',
  tags: 'Tags',
  evidence: 'Evidence',
  costEstimate: 'Cost estimate (JSON)',
};

/** Informational export columns, never mapped on import. */
const EXTRA_HEADERS = ['Client', 'Currency'] as const;

const SYNONYMS: Record<CsvField, string[]> = {
  title: ['name', 'item', 'debt', '标题', '名称', '事项', '技术债务'],
  description: ['details', 'summary', '描述', '说明', '详情'],
  category: ['type', '类别', '分类', '类型'],
  impact: ['severity', 'impact level', '影响', '影响程度', '影响级别', '严重程度'],
  affectedSystem: ['system', 'component', '受影响系统', '系统', '影响系统', '组件'],
  status: ['state', '状态'],
  quarterlyCostLow: ['cost low', 'low', '季度成本低', '季度成本最低', '最低季度成本', '成本低'],
  quarterlyCostLikely: [
    'quarterly cost',
    'cost',
    'cost likely',
    'likely',
    '季度成本',
    '季度成本最可能',
    '最可能季度成本',
    '成本',
  ],
  quarterlyCostHigh: ['cost high', 'high', '季度成本高', '季度成本最高', '最高季度成本', '成本高'],
  growthPerQuarter: ['growth', 'quarterly growth', '季度增长', '增长率', '季度增长率'],
  fixDaysLow: ['days low', 'effort low', '修复天数低', '修复天数最低', '工作量低'],
  fixDaysLikely: ['fix days', 'days', 'effort', '修复天数', '修复天数最可能', '工作量'],
  fixDaysHigh: ['days high', 'effort high', '修复天数高', '修复天数最高', '工作量高'],
  dayRate: ['rate', 'daily rate', '日费率', '日薪', '人天单价', '日单价'],
  residualFraction: ['residual', '残余比例', '剩余比例', '残余'],
  lagQuarters: ['lag', '滞后季度', '滞后', '生效滞后'],
  tags: ['labels', '标签'],
  evidence: ['notes', 'evidence notes', '证据', '备注', '依据'],
  costEstimate: ['cost estimate', 'estimate', '成本估算', '估算', '成本估算json'],
};

const normalise = (header: string) =>
  header
    .normalize('NFKC')
    .toLocaleLowerCase()
    .replace(/[\s_\-()（）[\]【】:：./]+/g, '');

const HEADER_INDEX = new Map<string, CsvField>();
for (const field of CSV_FIELDS) {
  for (const name of [field, CSV_HEADERS[field], ...SYNONYMS[field]])
    HEADER_INDEX.set(normalise(name), field);
}

/** CSV column -> item field from the header alone; columns nothing fits are left out. */
export function suggestMapping(columns: readonly string[]): Record<string, CsvField> {
  const used = new Set<string>();
  const mapping: Record<string, CsvField> = {};
  for (const column of columns) {
    const field = HEADER_INDEX.get(normalise(column));
    if (field && !used.has(field)) {
      mapping[column] = field;
      used.add(field);
    }
  }
  return mapping;
}

const VALUE_WORDS: Record<'category' | 'impact' | 'status', Record<string, string>> = {
  category: {
    架构: 'architecture',
    代码: 'code',
    基础设施: 'infrastructure',
    测试: 'testing',
    安全: 'security',
    数据: 'data',
    流程: 'process',
  },
  impact: { 严重: 'critical', 关键: 'critical', 高: 'high', 中: 'medium', 低: 'low' },
  status: {
    inprogress: 'in_progress',
    wontfix: 'wont_fix',
    已识别: 'identified',
    已提议: 'proposed',
    已提出: 'proposed',
    已接受: 'accepted',
    进行中: 'in_progress',
    已修复: 'fixed',
    不修复: 'wont_fix',
  },
};

function enumValue(kind: keyof typeof VALUE_WORDS, text: string): string | undefined {
  if (text === '') return undefined;
  const key = text.toLocaleLowerCase().replace(/[\s_'’-]+/g, '');
  return VALUE_WORDS[kind][key] ?? VALUE_WORDS[kind][text] ?? text.toLocaleLowerCase();
}

/** Undoes the export's formula guard. */
function unguard(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** Neutralises formula injection in a text cell (undone by `unguard` on import). */
export function guard(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/**
 * A CSV file for spreadsheet apps: UTF-8 byte-order mark (so they read Chinese), CRLF line
 * ends, a final line end. Text cells are guarded by the caller (`guard`). Also the period
 * export's summary and the workspace's per-table CSVs.
 */
export function spreadsheetCsv(fields: readonly string[], rows: unknown[][]): string {
  const csv = Papa.unparse({ fields: [...fields], data: rows }, { newline: '\r\n' });
  return `\uFEFF${csv}\r\n`;
}

interface CellError {
  field: string;
  code: string;
  message: string;
}

function numberCell(text: string, percentAllowed: boolean): number | string | undefined {
  if (text === '') return undefined;
  const percent = percentAllowed && text.endsWith('%');
  const body = (percent ? text.slice(0, -1) : text).replace(/,/g, '').trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(body)) return text; // zod reports the type
  const value = Number(body);
  return percent ? Number((value / 100).toPrecision(15)) : value;
}

const FIELD_OF_PATH: Record<string, CsvField> = {
  'quarterlyCostMinor.low': 'quarterlyCostLow',
  'quarterlyCostMinor.likely': 'quarterlyCostLikely',
  'quarterlyCostMinor.high': 'quarterlyCostHigh',
  quarterlyCostMinor: 'quarterlyCostLikely',
  'fixDays.low': 'fixDaysLow',
  'fixDays.likely': 'fixDaysLikely',
  'fixDays.high': 'fixDaysHigh',
  fixDays: 'fixDaysLikely',
  dayRateMinor: 'dayRate',
};

function fieldOfPath(path: readonly (string | number)[]): string {
  const two = path.slice(0, 2).join('.');
  return FIELD_OF_PATH[two] ?? FIELD_OF_PATH[String(path[0])] ?? String(path[0] ?? 'row');
}

interface ParsedRow {
  row: number;
  title: string;
  errors: CellError[];
  fields?: ParsedInput<'debt.create'>;
}

/** Reads one CSV row into a `debt.create` input, or the errors that stop it. */
function parseRow(
  cells: Record<CsvField, string | undefined>,
  clientId: string,
  currency: string,
  row: number,
): ParsedRow {
  const errors: CellError[] = [];
  const text = (f: CsvField) => cells[f] ?? '';
  const money = (f: CsvField): number | undefined => {
    const raw = text(f);
    if (raw === '') return undefined;
    const parsed = parseMoney(raw, currency);
    if (parsed.ok) return parsed.amountMinor;
    errors.push({
      field: f,
      code: parsed.code,
      message: `${CSV_HEADERS[f]}: "${raw}" is not an amount in ${currency}.`,
    });
    return undefined;
  };
  const likelyCost = money('quarterlyCostLikely');
  const lowCost = money('quarterlyCostLow');
  const highCost = money('quarterlyCostHigh');
  const days = (f: CsvField) => numberCell(text(f), false);
  const likelyDays = days('fixDaysLikely');
  const dayRate = money('dayRate');

  let costEstimate: unknown = undefined;
  if (text('costEstimate') !== '') {
    try {
      costEstimate = JSON.parse(text('costEstimate'));
    } catch {
      errors.push({
        field: 'costEstimate',
        code: 'INVALID_JSON',
        message: 'Cost estimate is not valid JSON.',
      });
    }
  }

  const candidate: Record<string, unknown> = {
    clientId,
    title: text('title'),
    description: cells.description,
    category: enumValue('category', text('category')),
    impact: enumValue('impact', text('impact')),
    affectedSystem: cells.affectedSystem,
    status: enumValue('status', text('status')),
    quarterlyCostMinor:
      likelyCost === undefined && errors.some((e) => e.field.startsWith('quarterlyCost'))
        ? undefined
        : { low: lowCost ?? likelyCost, likely: likelyCost, high: highCost ?? likelyCost },
    costEstimate,
    growthPerQuarter: numberCell(text('growthPerQuarter'), true),
    fixDays: {
      low: days('fixDaysLow') ?? likelyDays,
      likely: likelyDays,
      high: days('fixDaysHigh') ?? likelyDays,
    },
    dayRateMinor: dayRate,
    residualFraction: numberCell(text('residualFraction'), true),
    lagQuarters: numberCell(text('lagQuarters'), false),
    tags:
      text('tags') === ''
        ? undefined
        : text('tags')
            .split(/[;,，；|]/)
            .map((t) => t.trim())
            .filter(Boolean),
    evidence: cells.evidence,
  };
  for (const key of Object.keys(candidate)) if (candidate[key] === undefined) delete candidate[key];
  if (errors.some((e) => e.field === 'costEstimate')) delete candidate.costEstimate;

  // A range end left empty took the likely value: report its problems on the likely column.
  const reportedAs = (field: string): string => {
    if (/^quarterlyCost(Low|High)$/.test(field) && text(field as CsvField) === '')
      return 'quarterlyCostLikely';
    if (/^fixDays(Low|High)$/.test(field) && text(field as CsvField) === '') return 'fixDaysLikely';
    return field;
  };
  const parsed = DebtItemFields.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of issuesOf(parsed.error)) {
      const field = reportedAs(fieldOfPath(issue.path));
      // One error per field is enough for a preview; a missing money cell already said why.
      if (errors.some((e) => e.field === field)) continue;
      errors.push({ field, code: issue.code, message: issue.message });
    }
  }
  return {
    row,
    title: text('title'),
    errors,
    ...(parsed.success && errors.length === 0 ? { fields: parsed.data } : {}),
  };
}

function checkMapping(mapping: Record<string, CsvField>): void {
  const seen = new Set<string>();
  for (const [column, field] of Object.entries(mapping)) {
    if (seen.has(field)) {
      throw new ServiceError('VALIDATION', `Two columns map to "${field}".`, {
        reason: 'CSV_DUPLICATE_FIELD',
        details: { column, field },
      });
    }
    seen.add(field);
  }
}

function readCsv(
  ctx: ServiceContext,
  input: { clientId: string; csvText: string; mapping?: Record<string, CsvField> | undefined },
) {
  const client = requireClient(ctx, input.clientId);
  const parsed = Papa.parse<string[]>(input.csvText.replace(/^\uFEFF/, ''), {
    header: false,
    skipEmptyLines: 'greedy',
  });
  const [header = [], ...body] = parsed.data;
  const columns = header.map((c) => c.trim());
  if (columns.length === 0) {
    throw new ServiceError('VALIDATION', 'The CSV file has no header row.', {
      reason: 'CSV_EMPTY',
    });
  }
  const mapping = input.mapping ?? suggestMapping(columns);
  checkMapping(mapping);
  const quoteErrors = new Set(
    parsed.errors.filter((e) => e.type === 'Quotes').map((e) => (e.row ?? 0) - 1),
  );
  const rows = body.map((cells, i): ParsedRow => {
    if (quoteErrors.has(i)) {
      return {
        row: i + 2,
        title: '',
        errors: [{ field: 'row', code: 'CSV_QUOTES', message: 'A quoted cell is not closed.' }],
      };
    }
    const values = {} as Record<CsvField, string | undefined>;
    columns.forEach((column, c) => {
      const field = mapping[column];
      if (field) values[field] = unguard((cells[c] ?? '').trim());
    });
    return parseRow(values, client.id, client.defaultCurrency, i + 2);
  });
  return { columns, mapping, rows };
}

function slug(name: string): string {
  return (
    name
      .normalize('NFKC')
      .toLocaleLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'client'
  );
}

function exportRow(item: DebtItem): string[] {
  const digits = minorDigits(item.currency);
  const money = (minor: number) => minorToMajorString(minor, digits);
  const values: Record<CsvField, string> = {
    title: guard(item.title),
    description: guard(item.description),
    category: item.category,
    impact: item.impact,
    affectedSystem: guard(item.affectedSystem),
    status: item.status,
    quarterlyCostLow: money(item.quarterlyCostMinor.low),
    quarterlyCostLikely: money(item.quarterlyCostMinor.likely),
    quarterlyCostHigh: money(item.quarterlyCostMinor.high),
    growthPerQuarter: String(item.growthPerQuarter),
    fixDaysLow: String(item.fixDays.low),
    fixDaysLikely: String(item.fixDays.likely),
    fixDaysHigh: String(item.fixDays.high),
    dayRate: money(item.dayRateMinor),
    residualFraction: String(item.residualFraction),
    lagQuarters: String(item.lagQuarters),
    tags: guard(item.tags.join('; ')),
    evidence: guard(item.evidence),
    costEstimate: item.costEstimate ? JSON.stringify(item.costEstimate) : '',
  };
  return [...CSV_FIELDS.map((f) => values[f]), guard(item.clientName), item.currency];
}

export const csvHandlers: HandlerMap<Extract<MethodName, `debt.csv.${string}`>> = {
  'debt.csv.preview': (input, ctx) => {
    const { columns, mapping, rows } = readCsv(ctx, input);
    const validRows = rows.filter((r) => r.fields).length;
    return {
      columns,
      mapping,
      fields: [...CSV_FIELDS],
      rows: rows.map((r) => ({ row: r.row, ok: !!r.fields, errors: r.errors, title: r.title })),
      validRows,
      invalidRows: rows.length - validRows,
    };
  },

  'debt.csv.import': (input, ctx) => {
    const { rows } = readCsv(ctx, input);
    const invalid = rows.filter((r) => !r.fields);
    if (invalid.length > 0 && !input.skipInvalid) {
      throw new ServiceError(
        'VALIDATION',
        `${invalid.length} row(s) are not valid; nothing was imported. Fix them or agree to skip them.`,
        {
          reason: 'CSV_HAS_INVALID_ROWS',
          details: { invalidRows: invalid.length, firstRow: invalid[0]!.row },
        },
      );
    }
    // The dispatcher runs this in one transaction: a row failing in the database undoes all.
    const now = ctx.now().toISOString();
    let imported = 0;
    for (const row of rows) {
      if (!row.fields) continue;
      createItem(ctx, row.fields, now);
      imported++;
    }
    return { imported, skipped: invalid.length };
  },

  'debt.csv.export': (input, ctx) => {
    const name = input.clientId
      ? slug(requireClient(ctx, input.clientId).displayName)
      : 'all-clients';
    const items = debtRepo(ctx).listAll(input);
    return {
      fileName: `tech-debt-${name}-${ctx.now().toISOString().slice(0, 10)}.csv`,
      csvText: spreadsheetCsv(
        [...CSV_FIELDS.map((f) => CSV_HEADERS[f]), ...EXTRA_HEADERS],
        items.map(exportRow),
      ),
      rows: items.length,
    };
  },
};
