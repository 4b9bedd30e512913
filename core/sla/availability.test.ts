import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedDowntimeMinutes,
  allowedDowntimeMinutesExact,
  availabilityPercent,
  meetsTarget,
} from './availability';
import { parseDecimal } from './exact';
import { errorCode as code } from './test-helpers';

const MONTH_30 = 43_200;

/** "99.9900" → "99.99", "100.0000" → "100". */
function canonical(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

describe('allowedDowntimeMinutes', () => {
  it('gives 4.32 minutes for 99.99 % of a 30-day month', () => {
    expect(allowedDowntimeMinutes('99.99', MONTH_30)).toBe(4.32);
    expect(allowedDowntimeMinutesExact('99.99', MONTH_30)).toBe('4.32');
  });

  // Google SRE book, Appendix A "Availability Table"
  // (https://sre.google/sre-book/availability-table/): 30-day month, 365-day year.
  it('matches the published SRE book availability table', () => {
    expect(allowedDowntimeMinutes('99.9', MONTH_30)).toBe(43.2);
    expect(allowedDowntimeMinutes('99.9', 525_600) / 60).toBeCloseTo(8.76, 10);
    expect(allowedDowntimeMinutes('99.99', 525_600)).toBeCloseTo(52.56, 10); // "52.6 minutes"
    expect(allowedDowntimeMinutes('99.5', MONTH_30) / 60).toBeCloseTo(3.6, 10);
    expect(allowedDowntimeMinutes('99', 525_600) / 1440).toBeCloseTo(3.65, 10);
    expect(allowedDowntimeMinutes('99.999', MONTH_30) * 60).toBeCloseTo(25.92, 10); // "25.9 s"
  });

  it('allows the whole period at 0 % and nothing at 100 %', () => {
    expect(allowedDowntimeMinutes('0', MONTH_30)).toBe(MONTH_30);
    expect(allowedDowntimeMinutes('100', MONTH_30)).toBe(0);
  });

  it('rejects a 101 % target, text that is no number, and a non-positive period', () => {
    expect(code(() => allowedDowntimeMinutes('101', MONTH_30))).toBe('SLA_PERCENT_OUT_OF_RANGE');
    expect(code(() => allowedDowntimeMinutes('-1', MONTH_30))).toBe('SLA_PERCENT_OUT_OF_RANGE');
    expect(code(() => allowedDowntimeMinutes('99,9', MONTH_30))).toBe('SLA_INVALID_NUMBER');
    expect(code(() => allowedDowntimeMinutes('99.9', 0))).toBe('SLA_INVALID_PERIOD');
    expect(code(() => allowedDowntimeMinutes('99.9', Number.NaN))).toBe('SLA_INVALID_NUMBER');
  });
});

describe('availabilityPercent', () => {
  it('is exactly 99.99 for 4.32 minutes down in a 30-day month', () => {
    expect(availabilityPercent(4.32, MONTH_30)).toBe('99.99');
    expect(availabilityPercent('4.32', '43200')).toBe('99.99');
  });

  it('writes terminating values exactly and rounds the rest to 10 places', () => {
    expect(availabilityPercent(0, MONTH_30)).toBe('100');
    expect(availabilityPercent(MONTH_30, MONTH_30)).toBe('0');
    expect(availabilityPercent(1, 1024)).toBe('99.90234375');
    // 4.33 / 43,200 does not terminate: 99.98997685185185…
    expect(availabilityPercent(4.33, MONTH_30)).toBe('99.9899768519');
    expect(availabilityPercent(432.5, MONTH_30)).toBe('98.9988425926');
  });

  it('works in any unit used for both arguments (milliseconds stay exact)', () => {
    // 4 min 19.2 s = 259,200 ms of a 30-day month = 4.32 minutes.
    expect(availabilityPercent(259_200, MONTH_30 * 60_000)).toBe('99.99');
  });

  it('rejects negative downtime and downtime longer than the period', () => {
    expect(code(() => availabilityPercent(-1, MONTH_30))).toBe('SLA_NEGATIVE_DOWNTIME');
    expect(code(() => availabilityPercent(43_200.5, MONTH_30))).toBe('SLA_DOWNTIME_EXCEEDS_PERIOD');
    expect(code(() => availabilityPercent('soon', MONTH_30))).toBe('SLA_INVALID_NUMBER');
  });

  it('tells whether a target is met, exactly at the boundary', () => {
    expect(meetsTarget('99.99', 4.32, MONTH_30)).toBe(true);
    expect(meetsTarget('99.99', 4.3200001, MONTH_30)).toBe(false);
  });

  it('property: availability never rises as downtime grows', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 600_000 })
          .chain((period) =>
            fc.tuple(
              fc.constant(period),
              fc.integer({ min: 0, max: period * 100 }),
              fc.integer({ min: 0, max: period * 100 }),
            ),
          ),
        ([period, a, b]) => {
          const [less, more] = a <= b ? [a / 100, b / 100] : [b / 100, a / 100];
          const high = parseDecimal(availabilityPercent(less, period))!;
          const low = parseDecimal(availabilityPercent(more, period))!;
          expect(high.gte(low)).toBe(true);
        },
      ),
    );
  });

  it('property: availabilityPercent(allowedDowntimeMinutes(t, P), P) is exactly t', () => {
    const target = fc
      .integer({ min: 0, max: 1_000_000 })
      .map((n) => `${Math.floor(n / 10_000)}.${String(n % 10_000).padStart(4, '0')}`);
    fc.assert(
      fc.property(target, fc.integer({ min: 1, max: 1_000_000 }), (t, period) => {
        const allowed = allowedDowntimeMinutes(t, period);
        expect(availabilityPercent(allowed, period)).toBe(canonical(t));
        expect(String(allowed)).toBe(allowedDowntimeMinutesExact(t, period));
      }),
    );
  });
});
