import Papa from 'papaparse';
import {
  CalendarDate,
  type MethodName,
  type SlaIncident,
  type SlaMeasurement,
} from '../../core/api';
import type { schema } from '../../db';
import { ServiceError } from '../errors';
import type { HandlerMap } from '../handler-types';
import { stashForUndo } from '../audit/undo';
import {
  invalid,
  isoUtc,
  requireClauseRow,
  requireIncidentRow,
  requireMeasurementRow,
  slaRepo,
} from './common';

type IncidentRow = typeof schema.slaIncidents.$inferSelect;
type MeasurementRow = typeof schema.slaMeasurements.$inferSelect;
type RecordMethod = Extract<MethodName, `sla.incidents.${string}` | `sla.measurements.${string}`>;

export function toIncident(row: IncidentRow): SlaIncident {
  return {
    id: row.id,
    clauseId: row.clauseId,
    start: row.startAt,
    end: row.endAt,
    cause: row.cause,
    excluded: row.excluded,
    exclusionKind: row.exclusionKind as SlaIncident['exclusionKind'],
    note: row.note,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toMeasurement(row: MeasurementRow): SlaMeasurement {
  return {
    id: row.id,
    clauseId: row.clauseId,
    date: row.date,
    value: row.value,
    note: row.note,
    updatedAt: row.updatedAt,
  };
}

function checkIncident(values: {
  startAt: string;
  endAt: string;
  excluded: boolean;
  exclusionKind: string | null;
}): void {
  if (values.endAt <= values.startAt) {
    throw invalid('SLA_END_BEFORE_START', 'The incident ends before it starts.', {
      start: values.startAt,
      end: values.endAt,
    });
  }
  if (values.excluded && values.exclusionKind === null) {
    throw invalid('SLA_EXCLUSION_NEEDS_KIND', 'An excluded incident needs the kind of exclusion.');
  }
}

interface CsvRow {
  row: number;
  ok: boolean;
  date: string;
  value: number | null;
  error: string | null;
}

const NUMBER = /^\d+(\.\d+)?$/;

/**
 * Two columns, date and value; a first row whose first cell is not a date is a header.
 * `row` is the spreadsheet row number (the first line is row 1). Errors are stable codes:
 * CSV_BAD_DATE, CSV_BAD_VALUE, CSV_DUPLICATE_DATE, CSV_MISSING_VALUE.
 */
export function readMeasurementsCsv(text: string): CsvRow[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    skipEmptyLines: 'greedy',
  });
  const lines = parsed.data;
  const out: CsvRow[] = [];
  const seen = new Set<string>();
  lines.forEach((cells, index) => {
    const date = (cells[0] ?? '').trim();
    const valueText = (cells[1] ?? '').trim();
    const isDate = CalendarDate.safeParse(date).success;
    if (index === 0 && !isDate && !/^\d/.test(date)) return;
    let error: string | null = null;
    let value: number | null = null;
    if (!isDate) error = 'CSV_BAD_DATE';
    else if (valueText === '') error = 'CSV_MISSING_VALUE';
    else if (!NUMBER.test(valueText) || !(Number(valueText) <= 1e12)) error = 'CSV_BAD_VALUE';
    else if (seen.has(date)) error = 'CSV_DUPLICATE_DATE';
    if (!error) {
      value = Number(valueText);
      seen.add(date);
    }
    out.push({ row: index + 1, ok: error === null, date, value, error });
  });
  return out;
}

export const recordHandlers: HandlerMap<RecordMethod> = {
  'sla.incidents.list': (input, ctx) => {
    requireClauseRow(ctx, input.clauseId);
    const from = input.from === undefined ? undefined : isoUtc(input.from);
    const to = input.to === undefined ? undefined : isoUtc(input.to);
    return slaRepo(ctx).incidents(input.clauseId, from, to).map(toIncident);
  },

  'sla.incidents.create': (input, ctx) => {
    requireClauseRow(ctx, input.clauseId);
    const now = ctx.now().toISOString();
    const row = {
      id: ctx.newId(),
      clauseId: input.clauseId,
      startAt: isoUtc(input.start),
      endAt: isoUtc(input.end),
      cause: input.cause,
      excluded: input.excluded,
      exclusionKind: input.exclusionKind,
      note: input.note,
      createdAt: now,
      updatedAt: now,
    };
    checkIncident(row);
    return toIncident(slaRepo(ctx).insertIncident(row));
  },

  'sla.incidents.update': (input, ctx) => {
    const current = requireIncidentRow(ctx, input.id);
    const c = input.changes;
    const next = {
      startAt: c.start !== undefined ? isoUtc(c.start) : current.startAt,
      endAt: c.end !== undefined ? isoUtc(c.end) : current.endAt,
      cause: c.cause ?? current.cause,
      excluded: c.excluded ?? current.excluded,
      exclusionKind: c.exclusionKind !== undefined ? c.exclusionKind : current.exclusionKind,
      note: c.note ?? current.note,
    };
    checkIncident(next);
    return toIncident(
      slaRepo(ctx).updateIncident(input.id, { ...next, updatedAt: ctx.now().toISOString() }),
    );
  },

  'sla.incidents.delete': (input, ctx) => {
    requireIncidentRow(ctx, input.id);
    stashForUndo(ctx, 'sla_incident', input.id);
    slaRepo(ctx).removeIncident(input.id);
    return { id: input.id };
  },

  'sla.measurements.list': (input, ctx) => {
    requireClauseRow(ctx, input.clauseId);
    return slaRepo(ctx).measurements(input.clauseId, input.from, input.to).map(toMeasurement);
  },

  'sla.measurements.upsert': (input, ctx) => {
    requireClauseRow(ctx, input.clauseId);
    return toMeasurement(
      slaRepo(ctx).upsertMeasurement({
        id: ctx.newId(),
        clauseId: input.clauseId,
        date: input.date,
        value: input.value,
        note: input.note,
        updatedAt: ctx.now().toISOString(),
      }),
    );
  },

  'sla.measurements.delete': (input, ctx) => {
    requireMeasurementRow(ctx, input.id);
    slaRepo(ctx).removeMeasurement(input.id);
    return { id: input.id };
  },

  'sla.measurements.importCsv': (input, ctx) => {
    requireClauseRow(ctx, input.clauseId);
    const rows = readMeasurementsCsv(input.csvText);
    const bad = rows.filter((r) => !r.ok);
    const report = {
      rows,
      validRows: rows.length - bad.length,
      invalidRows: bad.length,
      imported: 0,
      skipped: 0,
    };
    if (input.dryRun) return report;
    if (rows.length === 0) {
      throw invalid('CSV_EMPTY', 'The file has no rows of date and value.');
    }
    if (bad.length > 0 && !input.skipInvalid) {
      throw new ServiceError(
        'VALIDATION',
        `${bad.length} row(s) are not valid; nothing was imported. Fix them or agree to skip them.`,
        {
          reason: 'CSV_HAS_INVALID_ROWS',
          details: { invalidRows: bad.length, firstRow: bad[0]!.row, firstError: bad[0]!.error! },
        },
      );
    }
    // One transaction (the dispatcher's): a failure undoes every row.
    const repo = slaRepo(ctx);
    const now = ctx.now().toISOString();
    for (const row of rows) {
      if (!row.ok) continue;
      repo.upsertMeasurement({
        id: ctx.newId(),
        clauseId: input.clauseId,
        date: row.date,
        value: row.value!,
        note: '',
        updatedAt: now,
      });
    }
    return { ...report, imported: report.validRows, skipped: bad.length };
  },
};
