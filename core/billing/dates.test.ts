import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  daysBetween,
  daysOverdue,
  dueDate,
  isCalendarDate,
  parseCalendarDate,
} from './dates';

describe('dueDate (Net N)', () => {
  it.each([
    ['2024-01-31', 30, '2024-03-01'], // leap year February
    ['2023-01-31', 30, '2023-03-02'],
    ['2024-12-15', 30, '2025-01-14'], // over the year end
    ['2024-02-29', 365, '2025-02-28'],
    ['2024-03-01', 0, '2024-03-01'],
    ['2024-03-09', 1, '2024-03-10'], // US DST starts on 2024-03-10
    ['2024-10-26', 1, '2024-10-27'], // EU DST ends on 2024-10-27
    ['2011-12-29', 1, '2011-12-30'], // a day Pacific/Apia never had
    ['0099-12-31', 1, '0100-01-01'], // two-digit years are not 19xx
  ])('%s + Net %i = %s', (issue, net, due) => {
    expect(dueDate(issue, net)).toBe(due);
  });

  it('refuses bad dates and terms with codes', () => {
    for (const bad of [
      '2023-02-29',
      '2024-13-01',
      '2024-1-5',
      '2024-01-32',
      '20240101',
      '',
      '2024-01-01T00:00',
    ]) {
      expect(() => dueDate(bad, 30), bad).toThrowError(/INVALID_DATE/);
    }
    for (const bad of [-1, 1.5, Number.NaN, 4000]) {
      expect(() => dueDate('2024-01-01', bad), String(bad)).toThrowError(/INVALID_TERMS/);
    }
  });
});

describe('calendar helpers', () => {
  it('parses and validates', () => {
    expect(parseCalendarDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(isCalendarDate('2100-02-29')).toBe(false); // not a leap year
    expect(isCalendarDate('2000-02-29')).toBe(true);
  });

  it('counts days overdue from the day after the due date', () => {
    expect(daysOverdue('2024-03-01', '2024-02-20')).toBe(0);
    expect(daysOverdue('2024-03-01', '2024-03-01')).toBe(0);
    expect(daysOverdue('2024-03-01', '2024-03-02')).toBe(1);
    expect(daysOverdue('2024-03-01', '2025-03-01')).toBe(365);
    expect(daysBetween('2024-03-01', '2024-02-01')).toBe(-29);
    expect(addCalendarDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('addCalendarDays and daysBetween are inverse (property)', () => {
    const date = fc
      .integer({ min: 0, max: 2_000_000 })
      .map((n) => addCalendarDays('1900-01-01', n));
    fc.assert(
      fc.property(date, fc.integer({ min: -100_000, max: 100_000 }), (d, n) => {
        expect(daysBetween(d, addCalendarDays(d, n))).toBe(n);
        expect(isCalendarDate(addCalendarDays(d, n))).toBe(true);
      }),
    );
  });
});

describe('no time zone shifts', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it.each([
    'UTC',
    'America/New_York',
    'America/Sao_Paulo',
    'Pacific/Apia',
    'Asia/Shanghai',
    'Australia/Lord_Howe',
    'Pacific/Kiritimati',
  ])('same answers with TZ=%s', (tz) => {
    process.env.TZ = tz;
    if (tz === 'Pacific/Apia') {
      // the zone really is in effect: local 2011-12-30 does not exist there
      expect(new Date(2011, 11, 30, 12).getDate()).toBe(31);
    }
    expect(dueDate('2011-12-29', 1)).toBe('2011-12-30');
    expect(dueDate('2024-03-09', 1)).toBe('2024-03-10');
    expect(dueDate('2024-01-31', 30)).toBe('2024-03-01');
    expect(daysBetween('2024-03-01', '2024-11-01')).toBe(245);
  });
});
