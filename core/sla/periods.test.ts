import { describe, expect, it } from 'vitest';
import { periodMinutes, periodRange, type SlaPeriod } from './periods';
import { errorCode } from './test-helpers';

describe('periodMinutes', () => {
  it('gives calendar months their real length', () => {
    expect(periodMinutes({ kind: 'calendar-month', month: '2026-02' })).toBe(28 * 1440);
    expect(periodMinutes({ kind: 'calendar-month', month: '2024-02' })).toBe(29 * 1440);
    expect(periodMinutes({ kind: 'calendar-month', month: '2026-03' })).toBe(31 * 1440);
    expect(periodMinutes({ kind: 'calendar-month', month: '2026-04' })).toBe(30 * 1440);
  });

  it('shortens and lengthens months in which the zone changes its clocks', () => {
    // Europe/Berlin: clocks go forward on 2026-03-29 and back on 2026-10-25.
    expect(
      periodMinutes({ kind: 'calendar-month', month: '2026-03', timeZone: 'Europe/Berlin' }),
    ).toBe(31 * 1440 - 60);
    expect(
      periodMinutes({ kind: 'calendar-month', month: '2026-10', timeZone: 'Europe/Berlin' }),
    ).toBe(31 * 1440 + 60);
    // America/New_York: forward on 2026-03-08, back on 2026-11-01.
    expect(
      periodMinutes({ kind: 'calendar-month', month: '2026-03', timeZone: 'America/New_York' }),
    ).toBe(31 * 1440 - 60);
    expect(
      periodMinutes({ kind: 'calendar-month', month: '2026-11', timeZone: 'America/New_York' }),
    ).toBe(30 * 1440 + 60);
    // No change in June.
    expect(
      periodMinutes({ kind: 'calendar-month', month: '2026-06', timeZone: 'Asia/Shanghai' }),
    ).toBe(30 * 1440);
  });

  it('handles 30-day months, quarters, years and rolling windows', () => {
    expect(periodMinutes({ kind: '30-day-month' })).toBe(43_200);
    expect(periodMinutes({ kind: 'quarter', quarter: '2026-Q1' })).toBe(90 * 1440);
    expect(periodMinutes({ kind: 'quarter', quarter: '2024-Q1' })).toBe(91 * 1440);
    expect(periodMinutes({ kind: 'quarter', quarter: '2026-Q3' })).toBe(92 * 1440);
    expect(periodMinutes({ kind: 'quarter', quarter: '2026-Q1', timeZone: 'Europe/Berlin' })).toBe(
      90 * 1440 - 60,
    );
    expect(periodMinutes({ kind: 'year', year: 2026 })).toBe(525_600);
    expect(periodMinutes({ kind: 'year', year: 2024 })).toBe(527_040);
    expect(periodMinutes({ kind: 'year', year: 2026, timeZone: 'Europe/Berlin' })).toBe(525_600);
    expect(periodMinutes({ kind: 'rolling-days', days: 28 })).toBe(28 * 1440);
    expect(
      periodMinutes({ kind: 'range', start: '2026-01-01T00:00:00Z', end: '2026-01-01T01:30:00Z' }),
    ).toBe(90);
  });
});

describe('periodRange', () => {
  it('starts and ends at local midnight in the zone', () => {
    expect(
      periodRange({ kind: 'calendar-month', month: '2026-03', timeZone: 'Europe/Berlin' }),
    ).toEqual({
      start: '2026-02-28T23:00:00.000Z',
      end: '2026-03-31T22:00:00.000Z',
    });
    expect(periodRange({ kind: 'quarter', quarter: '2026-Q4' })).toEqual({
      start: '2026-10-01T00:00:00.000Z',
      end: '2027-01-01T00:00:00.000Z',
    });
    expect(periodRange({ kind: 'year', year: 2026, timeZone: 'Asia/Shanghai' })).toEqual({
      start: '2025-12-31T16:00:00.000Z',
      end: '2026-12-31T16:00:00.000Z',
    });
  });

  it('ends a rolling window at its end', () => {
    expect(
      periodRange({ kind: 'rolling-days', days: 7, end: '2026-03-10T12:00:00+01:00' }),
    ).toEqual({
      start: '2026-03-03T11:00:00.000Z',
      end: '2026-03-10T11:00:00.000Z',
    });
  });

  it('refuses periods that have no start and end', () => {
    expect(errorCode(() => periodRange({ kind: '30-day-month' }))).toBe('SLA_PERIOD_HAS_NO_RANGE');
    expect(errorCode(() => periodRange({ kind: 'rolling-days', days: 30 }))).toBe(
      'SLA_PERIOD_HAS_NO_RANGE',
    );
  });
});

describe('period validation', () => {
  it('rejects malformed periods with codes', () => {
    const bad: [unknown, string][] = [
      [{ kind: 'calendar-month', month: '2026-13' }, 'SLA_INVALID_PERIOD'],
      [{ kind: 'calendar-month', month: '2026-3' }, 'SLA_INVALID_PERIOD'],
      [{ kind: 'quarter', quarter: '2026-Q5' }, 'SLA_INVALID_PERIOD'],
      [{ kind: 'year', year: 2026.5 }, 'SLA_INVALID_PERIOD'],
      [{ kind: 'rolling-days', days: 0 }, 'SLA_INVALID_PERIOD'],
      [{ kind: 'fortnight' }, 'SLA_INVALID_PERIOD'],
      [
        { kind: 'calendar-month', month: '2026-03', timeZone: 'Mars/Olympus' },
        'SLA_INVALID_TIME_ZONE',
      ],
      [
        { kind: 'range', start: '2026-02-01T00:00:00Z', end: '2026-01-01T00:00:00Z' },
        'SLA_END_BEFORE_START',
      ],
      [
        { kind: 'range', start: '2026-01-01T00:00:00', end: '2026-02-01T00:00:00Z' },
        'SLA_INVALID_TIMESTAMP',
      ],
    ];
    for (const [period, code] of bad) {
      expect(errorCode(() => periodMinutes(period as SlaPeriod))).toBe(code);
    }
  });
});
