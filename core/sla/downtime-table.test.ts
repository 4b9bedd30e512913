import { describe, expect, it } from 'vitest';
import { downtimeTable } from './downtime-table';
import { errorCode } from './test-helpers';

function byPeriod(target: string): Record<string, number> {
  return Object.fromEntries(downtimeTable(target).map((row) => [row.period, row.allowedMinutes]));
}

// Google SRE book, Appendix A "Availability Table" (https://sre.google/sre-book/availability-table/),
// which rounds to three significant digits; the exact values are checked at that precision.
describe('downtimeTable', () => {
  it('reproduces the 99.9 % row: 8.76 h/year, 2.16 h/quarter, 43.2 min/month, 10.1 min/week, 1.44 min/day, 3.6 s/hour', () => {
    const row = byPeriod('99.9');
    expect(row.year / 60).toBeCloseTo(8.76, 12);
    expect(row.quarter / 60).toBeCloseTo(2.16, 12);
    expect(row.month).toBe(43.2);
    expect(row.week).toBe(10.08);
    expect(row.day).toBe(1.44);
    expect(row.hour * 60).toBeCloseTo(3.6, 12);
  });

  it('reproduces the 99.99 % row: 52.6 min/year, 12.96 min/quarter, 4.32 min/month, 60.5 s/week, 8.64 s/day', () => {
    const rows = downtimeTable('99.99');
    const row = byPeriod('99.99');
    expect(row.year).toBe(52.56);
    expect(row.quarter).toBe(12.96);
    expect(row.month).toBe(4.32);
    expect(rows.find((r) => r.period === 'week')!.allowedSeconds).toBe(60.48);
    expect(rows.find((r) => r.period === 'day')!.allowedSeconds).toBe(8.64);
    expect(rows.find((r) => r.period === 'hour')!.allowedSeconds).toBe(0.36);
  });

  it('reproduces the 99 % and 99.5 % rows', () => {
    expect(byPeriod('99').year / 1440).toBeCloseTo(3.65, 12);
    expect(byPeriod('99').quarter / 60).toBeCloseTo(21.6, 12);
    expect(byPeriod('99.5').month / 60).toBeCloseTo(3.6, 12);
    expect(byPeriod('99.5').week).toBe(50.4);
  });

  it('keeps exact text and rejects bad targets', () => {
    expect(downtimeTable('99.95').find((r) => r.period === 'month')!.allowedMinutesExact).toBe(
      '21.6',
    );
    expect(errorCode(() => downtimeTable('101'))).toBe('SLA_PERCENT_OUT_OF_RANGE');
  });
});
