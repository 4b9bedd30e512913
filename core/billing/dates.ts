import { BillingError } from './errors';

/*
 * Calendar dates are `YYYY-MM-DD` text and all arithmetic is on whole days counted in UTC,
 * where every day has 24 hours. Local-time arithmetic (Date#setDate, and date-fns' addDays,
 * which uses it) depends on the machine's zone: a DST change can move midnight, and some
 * local days never existed (Pacific/Apia skipped 2011-12-30), so a due date could shift by
 * a day depending on where the laptop is. Days since the epoch cannot.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export type CalendarDate = { year: number; month: number; day: number };

function utcDayNumber(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day); // keeps years below 100 literal, unlike Date.UTC
  return Math.round(d.getTime() / DAY_MS);
}

/** `YYYY-MM-DD` that names a real day (no 2023-02-29), or INVALID_DATE. */
export function parseCalendarDate(text: string): CalendarDate {
  const match = typeof text === 'string' ? ISO_DATE.exec(text) : null;
  if (!match) throw new BillingError('INVALID_DATE', { value: String(text) });
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const back = fromDayNumber(utcDayNumber(year, month, day));
  if (back !== text) throw new BillingError('INVALID_DATE', { value: text });
  return { year, month, day };
}

// Days already converted, both ways (pure, so never stale; at most 20,000 each): the
// receivables and the dashboard turn the same few thousand due and planned dates into days
// and back on every call, two Date objects and a format each.
const dayNumbers = new Map<string, number>();
const dayTexts = new Map<number, string>();

function fromDayNumber(dayNumber: number): string {
  const known = dayTexts.get(dayNumber);
  if (known !== undefined) return known;
  const d = new Date(dayNumber * DAY_MS);
  const y = d.getUTCFullYear();
  if (y < 0 || y > 9999) throw new BillingError('INVALID_DATE', { value: String(y) });
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const text = `${pad(y, 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
  if (dayTexts.size >= 20_000) dayTexts.clear();
  dayTexts.set(dayNumber, text);
  return text;
}

function dayNumber(text: string): number {
  let n = dayNumbers.get(text);
  if (n === undefined) {
    const { year, month, day } = parseCalendarDate(text);
    n = utcDayNumber(year, month, day);
    if (dayNumbers.size >= 20_000) dayNumbers.clear();
    dayNumbers.set(text, n);
  }
  return n;
}

export function isCalendarDate(text: string): boolean {
  try {
    parseCalendarDate(text);
    return true;
  } catch {
    return false;
  }
}

/** The calendar day `days` after `date` (negative: before). */
export function addCalendarDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new BillingError('INVALID_DAYS', { value: String(days) });
  return fromDayNumber(dayNumber(date) + days);
}

/** Net N: the calendar day N days after issue (Net 30 from 2024-01-31 is 2024-03-01). */
export function dueDate(issueDate: string, netDays: number): string {
  if (!Number.isInteger(netDays) || netDays < 0 || netDays > 3650) {
    throw new BillingError('INVALID_TERMS', { value: String(netDays) });
  }
  return addCalendarDays(issueDate, netDays);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * Days a payment is late on `asOf`: 0 up to and including the due date, 1 on the day after
 * (interest accrues from the day after the due date).
 */
export function daysOverdue(due: string, asOf: string): number {
  return Math.max(0, daysBetween(due, asOf));
}
