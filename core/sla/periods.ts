import { addMonths, type CivilDate } from './civil-date';
import { SlaError } from './errors';
import { toEpochMs, toEpochRange, toIsoString, type Timestamp } from './timestamps';
import { assertTimeZone, wallClockToInstant } from './timezone';

/**
 * A measurement window. Calendar periods have their real length: February 2026 has
 * 40,320 minutes, March 44,640 — and in a time zone with daylight saving, March has one
 * hour less and October one more. Without `timeZone` the period runs in UTC.
 */
export type SlaPeriod =
  | { kind: 'calendar-month'; month: string; timeZone?: string }
  /** A nominal 30-day month (43,200 minutes), as many published SLAs compute. */
  | { kind: '30-day-month' }
  | { kind: 'quarter'; quarter: string; timeZone?: string }
  | { kind: 'year'; year: number; timeZone?: string }
  /** The last `days` days; with `end` it also has a range ending there. */
  | { kind: 'rolling-days'; days: number; end?: Timestamp }
  | { kind: 'range'; start: Timestamp; end: Timestamp };

export interface PeriodRange {
  /** ISO instants, UTC; the period is [start, end). */
  start: string;
  end: string;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

function invalid(period: unknown, field: string): SlaError {
  return new SlaError('SLA_INVALID_PERIOD', { field, value: JSON.stringify(period) ?? '' });
}

function validYear(year: number): boolean {
  return Number.isInteger(year) && year >= 1000 && year <= 9998;
}

/** First day and first day after, for the calendar periods. */
function calendarBounds(period: SlaPeriod): { first: CivilDate; months: number } | null {
  switch (period.kind) {
    case 'calendar-month': {
      const match = MONTH.exec(String(period.month));
      if (!match || !validYear(Number(match[1]))) throw invalid(period.month, 'month');
      return { first: { year: Number(match[1]), month: Number(match[2]), day: 1 }, months: 1 };
    }
    case 'quarter': {
      const match = QUARTER.exec(String(period.quarter));
      if (!match || !validYear(Number(match[1]))) throw invalid(period.quarter, 'quarter');
      const firstMonth = (Number(match[2]) - 1) * 3 + 1;
      return { first: { year: Number(match[1]), month: firstMonth, day: 1 }, months: 3 };
    }
    case 'year':
      if (!validYear(period.year)) throw invalid(period.year, 'year');
      return { first: { year: period.year, month: 1, day: 1 }, months: 12 };
    default:
      return null;
  }
}

function rangeMs(period: SlaPeriod): { startMs: number; endMs: number } | null {
  const calendar = calendarBounds(period);
  if (calendar) {
    const timeZone = 'timeZone' in period && period.timeZone ? period.timeZone : 'UTC';
    assertTimeZone(timeZone);
    const after = addMonths(calendar.first, calendar.months);
    return {
      startMs: wallClockToInstant(timeZone, calendar.first, 0),
      endMs: wallClockToInstant(timeZone, after, 0),
    };
  }
  switch (period.kind) {
    case 'rolling-days': {
      const days = rollingDays(period.days);
      if (period.end === undefined) return null;
      const endMs = toEpochMs(period.end, 'end');
      return { startMs: endMs - days * DAY_MS, endMs };
    }
    case 'range': {
      const range = toEpochRange(period.start, period.end, 'period');
      if (range.endMs === range.startMs) throw invalid(period, 'period');
      return range;
    }
    default:
      return null;
  }
}

function rollingDays(days: number): number {
  if (!Number.isInteger(days) || days <= 0) throw invalid(days, 'days');
  return days;
}

/**
 * Length of the period in minutes: calendar periods by their real start and end in the
 * zone, a 30-day month 43,200, rolling N days N × 1,440.
 */
export function periodMinutes(period: SlaPeriod): number {
  if (period.kind === '30-day-month') return 30 * 1440;
  if (period.kind === 'rolling-days') return rollingDays(period.days) * 1440;
  const range = rangeMs(period);
  if (!range) throw invalid(period, 'kind');
  return (range.endMs - range.startMs) / MINUTE_MS;
}

/** [start, end) of the period, as UTC ISO instants. */
export function periodRange(period: SlaPeriod): PeriodRange {
  const range = periodRangeMs(period);
  return { start: toIsoString(range.startMs), end: toIsoString(range.endMs) };
}

/**
 * [start, end) in epoch milliseconds. Throws `SLA_PERIOD_HAS_NO_RANGE` for a nominal
 * 30-day month or a rolling window without an end.
 */
export function periodRangeMs(period: SlaPeriod): { startMs: number; endMs: number } {
  const knownKinds = ['calendar-month', '30-day-month', 'quarter', 'year', 'rolling-days', 'range'];
  if (!knownKinds.includes(period?.kind)) throw invalid(period, 'kind');
  const range = rangeMs(period);
  if (!range) throw new SlaError('SLA_PERIOD_HAS_NO_RANGE', { kind: period.kind });
  return range;
}
