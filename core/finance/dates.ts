import { FinanceError } from './errors';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/**
 * Day number (days since 1970-01-01) of an ISO `YYYY-MM-DD` calendar date.
 * Only dates Excel can hold are accepted (years 1900-9999); anything else, including
 * impossible days such as 2023-02-29, is #VALUE! as a non-date is in Excel.
 * Excel's phantom 1900-02-29 is not reproduced, so spans that cross it are one day
 * shorter than in Excel; cash flows in early 1900 are not a concern for this app.
 */
export function isoDateToDayNumber(date: string, name = 'date'): number {
  const match = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  if (!match) throw new FinanceError('VALUE', `${name} must be a YYYY-MM-DD date`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new FinanceError('VALUE', `${name} is not a valid calendar date`);
  }
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
