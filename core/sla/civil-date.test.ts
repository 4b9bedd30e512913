import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonthsToKey, lastDayOfMonth, parseCivilDate } from './civil-date';

// Ten years inside the four-digit years either way, as far as a move below goes.
const monthKey = fc
  .record({ year: fc.integer({ min: 1011, max: 9988 }), month: fc.integer({ min: 1, max: 12 }) })
  .map(({ year, month }) => `${year}-${String(month).padStart(2, '0')}`);

describe('month keys', () => {
  it('moves across year ends both ways', () => {
    expect(addMonthsToKey('2026-11', 2)).toBe('2027-01');
    expect(addMonthsToKey('2026-01', -1)).toBe('2025-12');
    expect(addMonthsToKey('2026-03', -11)).toBe('2025-04');
    expect(addMonthsToKey('2026-03', 0)).toBe('2026-03');
  });

  it('ends each month on its last day, leap years included', () => {
    expect(lastDayOfMonth('2024-02')).toBe('2024-02-29');
    expect(lastDayOfMonth('2026-02')).toBe('2026-02-28');
    expect(lastDayOfMonth('2000-02')).toBe('2000-02-29');
    expect(lastDayOfMonth('2100-02')).toBe('2100-02-28');
    expect(lastDayOfMonth('2026-04')).toBe('2026-04-30');
    expect(lastDayOfMonth('2026-12')).toBe('2026-12-31');
  });

  it('n months on and n back is where it started; the day after the last is the next month', () => {
    fc.assert(
      fc.property(monthKey, fc.integer({ min: -120, max: 120 }), (key, n) => {
        const moved = addMonthsToKey(key, n);
        expect(addMonthsToKey(moved, -n)).toBe(key);
        const last = parseCivilDate(lastDayOfMonth(key))!;
        expect(addDays(last, 1)).toEqual(parseCivilDate(`${addMonthsToKey(key, 1)}-01`));
      }),
    );
  });
});
