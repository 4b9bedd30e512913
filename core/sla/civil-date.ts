/**
 * Calendar dates ("2026-03-29") as plain values. Day arithmetic goes through a UTC day
 * number, where every day has 24 hours, so no time zone can shift a date.
 */

const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The parts of a valid `YYYY-MM-DD` date (years 1000–9999), or null. */
export function parseCivilDate(text: string): CivilDate | null {
  const match = CIVIL_DATE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return null;
  }
  return { year, month, day };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

export function formatCivilDate({ year, month, day }: CivilDate): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Midnight UTC of the date, in epoch milliseconds (the wall clock read as if in UTC). */
export function civilDateToUtcMs({ year, month, day }: CivilDate): number {
  return Date.UTC(year, month - 1, day);
}

function fromUtcMs(ms: number): CivilDate {
  const date = new Date(ms);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return fromUtcMs(civilDateToUtcMs(date) + days * DAY_MS);
}

/** The first day of the month `months` after the date's month. */
export function addMonths(date: CivilDate, months: number): CivilDate {
  const index = date.year * 12 + (date.month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1, day: 1 };
}

/** A `YYYY-MM` month key moved by `months` (negative: back). */
export function addMonthsToKey(month: string, months: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return formatCivilDate(addMonths({ year, month: m, day: 1 }, months)).slice(0, 7);
}

/** The last day of a `YYYY-MM` month, as `YYYY-MM-DD`. */
export function lastDayOfMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return formatCivilDate({ year, month: m, day: daysInMonth(year, m) });
}

/** ISO weekday: Monday 1 … Sunday 7. The weekday of a date is the same in every zone. */
export function isoWeekday(date: CivilDate): number {
  const weekday = new Date(civilDateToUtcMs(date)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

export function compareCivilDates(a: CivilDate, b: CivilDate): number {
  return civilDateToUtcMs(a) - civilDateToUtcMs(b);
}
