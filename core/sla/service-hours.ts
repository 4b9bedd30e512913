import {
  addDays,
  compareCivilDates,
  formatCivilDate,
  isoWeekday,
  parseCivilDate,
  type CivilDate,
} from './civil-date';
import { SlaError } from './errors';
import { periodMinutes, periodRangeMs, type SlaPeriod } from './periods';
import { toEpochRange, type Timestamp } from './timestamps';
import { assertTimeZone, localDateAt, wallClockToInstant } from './timezone';

/** Monday 1 … Sunday 7. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Wall-clock window on some weekdays: `from` inclusive, `to` exclusive ("24:00" = midnight). */
export interface ServiceWindow {
  days: readonly IsoWeekday[];
  from: string;
  to: string;
}

/**
 * When the service is owed. Outside these hours downtime does not count, and the period's
 * denominator shrinks to the service minutes too. Windows are local wall-clock times in
 * `timeZone`, so "09:00–18:00 Mon–Fri" keeps meaning that across daylight-saving changes.
 * `excludedDates` (local `YYYY-MM-DD`, e.g. public holidays) have no service at all.
 */
export type ServiceHours =
  | { kind: '24x7' }
  | { kind: '24x5'; timeZone: string; excludedDates?: readonly string[] }
  | {
      kind: 'weekly';
      timeZone: string;
      windows: readonly ServiceWindow[];
      excludedDates?: readonly string[];
    };

export const SERVICE_HOURS_24X7: ServiceHours = { kind: '24x7' };

/** Business hours, by default 09:00–18:00 Monday to Friday. */
export function businessHours(
  timeZone: string,
  options: {
    from?: string;
    to?: string;
    days?: readonly IsoWeekday[];
    excludedDates?: readonly string[];
  } = {},
): ServiceHours {
  return {
    kind: 'weekly',
    timeZone,
    windows: [
      {
        days: options.days ?? [1, 2, 3, 4, 5],
        from: options.from ?? '09:00',
        to: options.to ?? '18:00',
      },
    ],
    ...(options.excludedDates ? { excludedDates: options.excludedDates } : {}),
  };
}

interface DailyWindow {
  fromMinute: number;
  toMinute: number;
}

interface WeeklySchedule {
  timeZone: string;
  byWeekday: Map<number, DailyWindow[]>;
  excluded: CivilDate[];
}

const CLOCK = /^([01]\d|2[0-4]):([0-5]\d)$/;

function clockMinutes(text: string, field: string): number {
  const match = CLOCK.exec(String(text));
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  if (!match || minutes > 1440) {
    throw new SlaError('SLA_INVALID_SERVICE_HOURS', { field, value: String(text) });
  }
  return minutes;
}

function schedule(hours: Exclude<ServiceHours, { kind: '24x7' }>): WeeklySchedule {
  assertTimeZone(hours.timeZone);
  const windows: readonly ServiceWindow[] =
    hours.kind === '24x5' ? [{ days: [1, 2, 3, 4, 5], from: '00:00', to: '24:00' }] : hours.windows;
  if (!Array.isArray(windows) || windows.length === 0) {
    throw new SlaError('SLA_INVALID_SERVICE_HOURS', { field: 'windows', reason: 'empty' });
  }
  const byWeekday = new Map<number, DailyWindow[]>();
  windows.forEach((window, index) => {
    const field = `windows.${index}`;
    const fromMinute = clockMinutes(window.from, `${field}.from`);
    const toMinute = clockMinutes(window.to, `${field}.to`);
    if (fromMinute >= toMinute) {
      throw new SlaError('SLA_INVALID_SERVICE_HOURS', { field, reason: 'from-not-before-to' });
    }
    if (!Array.isArray(window.days) || window.days.length === 0) {
      throw new SlaError('SLA_INVALID_SERVICE_HOURS', { field: `${field}.days`, reason: 'empty' });
    }
    for (const day of window.days) {
      if (!Number.isInteger(day) || day < 1 || day > 7) {
        throw new SlaError('SLA_INVALID_SERVICE_HOURS', {
          field: `${field}.days`,
          value: String(day),
        });
      }
      const sameDay = byWeekday.get(day) ?? [];
      // Overlapping windows would count the same minute twice.
      if (sameDay.some((other) => fromMinute < other.toMinute && other.fromMinute < toMinute)) {
        throw new SlaError('SLA_INVALID_SERVICE_HOURS', { field, reason: 'overlap', weekday: day });
      }
      sameDay.push({ fromMinute, toMinute });
      byWeekday.set(day, sameDay);
    }
  });
  const excluded = (hours.excludedDates ?? []).map((text, index) => {
    const date = parseCivilDate(String(text));
    if (!date) {
      throw new SlaError('SLA_INVALID_SERVICE_HOURS', {
        field: `excludedDates.${index}`,
        value: String(text),
      });
    }
    return date;
  });
  return { timeZone: hours.timeZone, byWeekday, excluded };
}

/** The weekly schedule, or null around the clock. */
function scheduleOf(hours: ServiceHours): WeeklySchedule | null {
  if (hours?.kind === '24x7') return null;
  if (hours?.kind !== '24x5' && hours?.kind !== 'weekly') {
    const kind: unknown = (hours as { kind?: unknown } | undefined)?.kind;
    throw new SlaError('SLA_INVALID_SERVICE_HOURS', { field: 'kind', value: String(kind) });
  }
  return schedule(hours);
}

/** Throws `SLA_INVALID_SERVICE_HOURS` / `SLA_INVALID_TIME_ZONE` for malformed hours. */
export function validateServiceHours(hours: ServiceHours): void {
  scheduleOf(hours);
}

/**
 * The service windows inside [startMs, endMs), clipped, in time order, non-overlapping:
 * one read of the zone per window boundary, after which any number of spans can be
 * intersected with them in plain arithmetic (see `intersectMillis`).
 */
export function serviceWindowsBetween(
  startMs: number,
  endMs: number,
  hours: ServiceHours,
): { startMs: number; endMs: number }[] {
  const weekly = scheduleOf(hours);
  if (endMs <= startMs) return [];
  if (!weekly) return [{ startMs, endMs }];
  const { timeZone, byWeekday, excluded } = weekly;
  const excludedText = new Set(excluded.map(formatCivilDate));
  const last = addDays(localDateAt(timeZone, endMs), 1);
  const out: { startMs: number; endMs: number }[] = [];
  for (
    let date = addDays(localDateAt(timeZone, startMs), -1);
    compareCivilDates(date, last) <= 0;
    date = addDays(date, 1)
  ) {
    const windows = byWeekday.get(isoWeekday(date));
    if (!windows || excludedText.has(formatCivilDate(date))) continue;
    for (const window of windows) {
      const from = Math.max(wallClockToInstant(timeZone, date, window.fromMinute), startMs);
      const to = Math.min(wallClockToInstant(timeZone, date, window.toMinute), endMs);
      if (to > from) out.push({ startMs: from, endMs: to });
    }
  }
  return out.sort((a, b) => a.startMs - b.startMs);
}

/** Service time inside [startMs, endMs), in milliseconds. */
export function serviceMillisBetween(startMs: number, endMs: number, hours: ServiceHours): number {
  return serviceWindowsBetween(startMs, endMs, hours).reduce(
    (total, w) => total + (w.endMs - w.startMs),
    0,
  );
}

/** Milliseconds of [startMs, endMs) inside sorted, non-overlapping windows. */
export function intersectMillis(
  startMs: number,
  endMs: number,
  windows: readonly { startMs: number; endMs: number }[],
): number {
  // First window that ends after the span starts (binary search), then walk.
  let low = 0;
  let high = windows.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (windows[middle]!.endMs <= startMs) low = middle + 1;
    else high = middle;
  }
  let total = 0;
  for (let i = low; i < windows.length && windows[i]!.startMs < endMs; i += 1) {
    total += Math.min(windows[i]!.endMs, endMs) - Math.max(windows[i]!.startMs, startMs);
  }
  return total;
}

/** Service time inside [start, end), in integer milliseconds. */
export function serviceMillisInRange(
  start: Timestamp,
  end: Timestamp,
  hours: ServiceHours,
): number {
  const { startMs, endMs } = toEpochRange(start, end, 'range');
  return serviceMillisBetween(startMs, endMs, hours);
}

/** Service time inside [start, end), in minutes. */
export function serviceMinutesInRange(
  start: Timestamp,
  end: Timestamp,
  hours: ServiceHours,
): number {
  return serviceMillisInRange(start, end, hours) / 60_000;
}

/**
 * The availability denominator: the period's service minutes. Around the clock that is the
 * period's length (a nominal 30-day month included); other hours need a period with a range.
 */
export function servicePeriodMinutes(
  period: SlaPeriod,
  hours: ServiceHours = SERVICE_HOURS_24X7,
): number {
  validateServiceHours(hours);
  if (hours.kind === '24x7') return periodMinutes(period);
  const { startMs, endMs } = periodRangeMs(period);
  return serviceMillisBetween(startMs, endMs, hours) / 60_000;
}
