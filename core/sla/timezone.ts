import { addDays, civilDateToUtcMs, formatCivilDate, type CivilDate } from './civil-date';
import { SlaError } from './errors';

/**
 * Wall-clock readings in an IANA zone, from the platform's own time-zone data through
 * Intl.DateTimeFormat (in Node and in Chromium alike), so daylight-saving rules are never
 * hand-written here.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        calendar: 'gregory',
        numberingSystem: 'latn',
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new SlaError('SLA_INVALID_TIME_ZONE', { timeZone: String(timeZone) });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws `SLA_INVALID_TIME_ZONE` unless the platform knows the zone. */
export function assertTimeZone(timeZone: string): void {
  if (typeof timeZone !== 'string' || timeZone.trim() === '') {
    throw new SlaError('SLA_INVALID_TIME_ZONE', { timeZone: String(timeZone) });
  }
  formatterFor(timeZone);
}

interface WallClock extends CivilDate {
  hour: number;
  minute: number;
  second: number;
}

function wallClockAt(timeZone: string, ms: number): WallClock {
  const reading: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') reading[part.type] = Number(part.value);
  }
  return {
    year: reading.year,
    month: reading.month,
    day: reading.day,
    hour: reading.hour,
    minute: reading.minute,
    second: reading.second,
  };
}

/** Local time minus UTC at an instant, read from Intl (one formatToParts call). */
function rawOffsetMsAt(timeZone: string, ms: number): number {
  const wall = wallClockAt(timeZone, ms);
  const wallAsUtc = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour,
    wall.minute,
    wall.second,
  );
  const wholeSecond = Math.floor(ms / 1000) * 1000;
  return wallAsUtc - wholeSecond;
}

/**
 * A zone's offsets over one UTC year (± a day): `offsets[i]` applies from `starts[i]`.
 * Built once per zone and year from a daily reading of Intl plus a binary search to the
 * second of every change, so later lookups are arithmetic (SLA timelines read thousands of
 * wall-clock boundaries). Like `wallClockToInstant`, it assumes at most one offset change
 * within a day, which holds for every zone in use.
 */
interface OffsetTable {
  starts: number[];
  offsets: number[];
}

const OFFSET_DAY_MS = 86_400_000;
const offsetTables = new Map<string, OffsetTable>();

function offsetTable(timeZone: string, year: number): OffsetTable {
  const key = `${timeZone}|${year}`;
  let table = offsetTables.get(key);
  if (table) return table;
  const from = Date.UTC(year, 0, 1) - 2 * OFFSET_DAY_MS;
  const to = Date.UTC(year + 1, 0, 1) + 2 * OFFSET_DAY_MS;
  let previous = rawOffsetMsAt(timeZone, from);
  table = { starts: [from], offsets: [previous] };
  for (let t = from + OFFSET_DAY_MS; t <= to; t += OFFSET_DAY_MS) {
    const offset = rawOffsetMsAt(timeZone, t);
    if (offset === previous) continue;
    // First whole second in (t − 1 day, t] on the new offset.
    let low = t - OFFSET_DAY_MS;
    let high = t;
    while (high - low > 1000) {
      const middle = Math.floor((low + high) / 2000) * 1000;
      if (rawOffsetMsAt(timeZone, middle) === previous) low = middle;
      else high = middle;
    }
    table.starts.push(high);
    table.offsets.push(offset);
    previous = offset;
  }
  offsetTables.set(key, table);
  return table;
}

/** Local time minus UTC at an instant, in milliseconds (+3,600,000 for CET). */
export function offsetMsAt(timeZone: string, ms: number): number {
  const year = new Date(ms).getUTCFullYear();
  if (!Number.isFinite(year)) return rawOffsetMsAt(timeZone, ms);
  formatterFor(timeZone);
  const { starts, offsets } = offsetTable(timeZone, year);
  let index = starts.length - 1;
  while (index > 0 && starts[index]! > ms) index -= 1;
  return offsets[index]!;
}

/** The calendar date the zone's clocks show at an instant. */
export function localDateAt(timeZone: string, ms: number): CivilDate {
  const local = new Date(ms + offsetMsAt(timeZone, ms));
  if (Number.isNaN(local.getTime())) {
    const { year, month, day } = wallClockAt(timeZone, ms);
    return { year, month, day };
  }
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

export function localDateTextAt(timeZone: string, ms: number): string {
  return formatCivilDate(localDateAt(timeZone, ms));
}

const DAY_MS = 86_400_000;

/**
 * The earliest instant at which the zone's clocks read at least `minuteOfDay` minutes past
 * midnight on `date` (1440 = the next midnight). For a reading that occurs twice (clocks
 * going back) that is the first occurrence; for one that is skipped (clocks going forward)
 * it is the moment of the jump. Window boundaries therefore never double-count or lose
 * time: 01:00–04:00 on the night clocks go forward lasts two real hours, four when they
 * go back.
 */
export function wallClockToInstant(timeZone: string, date: CivilDate, minuteOfDay: number): number {
  const day = minuteOfDay >= 1440 ? addDays(date, 1) : date;
  const naive = civilDateToUtcMs(day) + (minuteOfDay % 1440) * 60_000;
  // Assume at most one offset change within a day either side (true of every zone in use).
  const offsetBefore = offsetMsAt(timeZone, naive - DAY_MS);
  const offsetAfter = offsetMsAt(timeZone, naive + DAY_MS);
  const candidates = [naive - offsetBefore, naive - offsetAfter].filter(
    (instant) => instant === naive - offsetMsAt(timeZone, instant),
  );
  if (candidates.length > 0) return Math.min(...candidates);
  // Skipped reading: find the jump between the last instant on the old offset and the
  // first on the new one.
  let low = naive - offsetAfter;
  let high = naive - offsetBefore;
  while (high - low > 1000) {
    const middle = Math.floor((low + high) / 2000) * 1000;
    if (offsetMsAt(timeZone, middle) === offsetBefore) low = middle;
    else high = middle;
  }
  return high;
}
