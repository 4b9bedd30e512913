import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  evaluateServiceCredit,
  normalizeCreditTiers,
  serviceCreditPercent,
  type CreditTier,
} from './credits';
import { periodMinutes } from './periods';
import { errorCode } from './test-helpers';

// Shape of the Amazon Compute SLA table (https://aws.amazon.com/compute/sla/): less than
// 99.99 % but at least 99.0 % → 10 %; less than 99.0 % but at least 95.0 % → 30 %;
// less than 95.0 % → 100 %.
const AWS_STYLE: CreditTier[] = [
  { below: '99.99', creditPercent: 10 },
  { below: '99.0', creditPercent: 30 },
  { below: '95.0', creditPercent: 100 },
];
const MONTH_30 = 43_200;

describe('serviceCreditPercent at the tier boundaries (30-day month, AWS-style table)', () => {
  it('4.32 minutes down is exactly 99.99 % and earns no credit', () => {
    const result = evaluateServiceCredit(AWS_STYLE, 4.32, MONTH_30);
    expect(result).toEqual({ availabilityPercent: '99.99', creditPercent: 0, tier: null });
  });

  it('4.33 minutes down earns 10 %', () => {
    expect(serviceCreditPercent(AWS_STYLE, 4.33, MONTH_30)).toBe(10);
    expect(serviceCreditPercent(AWS_STYLE, '4.33', MONTH_30)).toBe(10);
  });

  it('432.5 minutes down earns 30 %', () => {
    const result = evaluateServiceCredit(AWS_STYLE, 432.5, MONTH_30);
    expect(result.creditPercent).toBe(30);
    expect(result.tier).toEqual({ below: '99', creditPercent: 30 });
  });

  it('exactly 99.0 % (432 minutes) stays in the 10 % tier; exactly 95 % in the 30 % tier', () => {
    expect(serviceCreditPercent(AWS_STYLE, 432, MONTH_30)).toBe(10);
    expect(serviceCreditPercent(AWS_STYLE, 2160, MONTH_30)).toBe(30);
    expect(serviceCreditPercent(AWS_STYLE, 2160.01, MONTH_30)).toBe(100);
    expect(serviceCreditPercent(AWS_STYLE, MONTH_30, MONTH_30)).toBe(100);
  });

  it('the same downtime earns credit in February but not in March (real month lengths)', () => {
    const february = periodMinutes({ kind: 'calendar-month', month: '2026-02' }); // 40,320
    const march = periodMinutes({ kind: 'calendar-month', month: '2026-03' }); // 44,640
    // 99.99 % allows 4.032 minutes in February and 4.464 in March.
    expect(serviceCreditPercent(AWS_STYLE, 4.4, february)).toBe(10);
    expect(serviceCreditPercent(AWS_STYLE, 4.4, march)).toBe(0);
    expect(serviceCreditPercent(AWS_STYLE, 4.032, february)).toBe(0);
    expect(serviceCreditPercent(AWS_STYLE, 4.464, march)).toBe(0);
    expect(serviceCreditPercent(AWS_STYLE, 4.465, march)).toBe(10);
  });

  it('accepts tiers in any order and no tiers at all', () => {
    const shuffled = [AWS_STYLE[2], AWS_STYLE[0], AWS_STYLE[1]];
    expect(serviceCreditPercent(shuffled, 432.5, MONTH_30)).toBe(30);
    expect(serviceCreditPercent([], MONTH_30, MONTH_30)).toBe(0);
    expect(normalizeCreditTiers(shuffled)).toEqual([
      { below: '99.99', creditPercent: 10 },
      { below: '99', creditPercent: 30 },
      { below: '95', creditPercent: 100 },
    ]);
  });
});

describe('tier validation', () => {
  it('rejects thresholds and credits out of range', () => {
    expect(errorCode(() => normalizeCreditTiers([{ below: '101', creditPercent: 10 }]))).toBe(
      'SLA_INVALID_TIER',
    );
    expect(errorCode(() => normalizeCreditTiers([{ below: '0', creditPercent: 10 }]))).toBe(
      'SLA_INVALID_TIER',
    );
    expect(errorCode(() => normalizeCreditTiers([{ below: '99', creditPercent: 101 }]))).toBe(
      'SLA_INVALID_TIER',
    );
    expect(errorCode(() => normalizeCreditTiers([{ below: '99', creditPercent: -5 }]))).toBe(
      'SLA_INVALID_TIER',
    );
    expect(errorCode(() => normalizeCreditTiers([{ below: 'ninety', creditPercent: 5 }]))).toBe(
      'SLA_INVALID_NUMBER',
    );
  });

  it('rejects overlapping (duplicate) thresholds, however they are written', () => {
    const tiers = [
      { below: '99', creditPercent: 10 },
      { below: '99.00', creditPercent: 25 },
    ];
    expect(errorCode(() => serviceCreditPercent(tiers, 1, MONTH_30))).toBe('SLA_DUPLICATE_TIER');
  });

  it('rejects a deeper tier paying less than a shallower one', () => {
    const tiers = [
      { below: '99.9', creditPercent: 25 },
      { below: '99', creditPercent: 10 },
    ];
    expect(errorCode(() => normalizeCreditTiers(tiers))).toBe('SLA_TIER_CREDITS_NOT_MONOTONE');
  });
});

describe('properties', () => {
  const tierTable = fc
    .uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 5 })
    .chain((thresholds) =>
      fc
        .array(fc.integer({ min: 0, max: 100 }), {
          minLength: thresholds.length,
          maxLength: thresholds.length,
        })
        .map((credits) => {
          const below = [...thresholds].sort((a, b) => b - a);
          const credit = [...credits].sort((a, b) => a - b);
          return below.map((b, i) => ({ below: String(b / 100), creditPercent: credit[i] }));
        }),
    )
    .chain((tiers) => fc.shuffledSubarray(tiers, { minLength: tiers.length }));

  it('credit never falls as downtime grows', () => {
    fc.assert(
      fc.property(
        tierTable,
        fc
          .integer({ min: 1, max: 100_000 })
          .chain((period) =>
            fc.tuple(
              fc.constant(period),
              fc.integer({ min: 0, max: period * 100 }),
              fc.integer({ min: 0, max: period * 100 }),
            ),
          ),
        (tiers, [period, a, b]) => {
          const [less, more] = a <= b ? [a / 100, b / 100] : [b / 100, a / 100];
          expect(serviceCreditPercent(tiers, more, period)).toBeGreaterThanOrEqual(
            serviceCreditPercent(tiers, less, period),
          );
        },
      ),
    );
  });

  it('meeting the highest threshold exactly earns nothing; a hair below earns its credit', () => {
    fc.assert(
      fc.property(tierTable, fc.integer({ min: 1, max: 100_000 }), (tiers, period) => {
        const [top] = normalizeCreditTiers(tiers);
        const atBoundary = ((100 - Number(top.below)) * period) / 100;
        // Exact value of the boundary downtime as decimal text, avoiding float error.
        const exact = evaluateServiceCredit(tiers, boundaryText(top.below, period), period);
        expect(exact.creditPercent).toBe(0);
        if (atBoundary + 0.001 <= period) {
          const beyond = evaluateServiceCredit(
            tiers,
            `${boundaryText(top.below, period)}1`,
            period,
          );
          expect(beyond.creditPercent).toBeGreaterThanOrEqual(top.creditPercent);
        }
      }),
    );
  });
});

/** (100 − below) × period / 100 as exact decimal text with a fractional part. */
function boundaryText(below: string, period: number): string {
  const hundredths = Math.round(Number(below) * 100);
  const scaled = BigInt(10_000 - hundredths) * BigInt(period); // in units of 1/10,000
  const whole = scaled / 10_000n;
  const fraction = (scaled % 10_000n).toString().padStart(4, '0');
  return `${whole}.${fraction}`;
}
