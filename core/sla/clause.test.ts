import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clauseCreditTier, validateClause, windowFeeMinor } from './clause';
import { computeCompliance, periodKeysBetween, resolvePeriod } from './compliance';
import { clauseDraft, cloudStyleTiers } from './library';

const base = clauseDraft({
  metric: 'availability',
  target: '99.95',
  unit: 'percent',
  direction: 'at-least',
  creditTiers: cloudStyleTiers('99.95', 'azure'),
});

describe('clause rules', () => {
  it('names the broken rule', () => {
    const reasons = (fields: Partial<typeof base>) =>
      validateClause({ ...base, ...fields }).map((i) => i.reason);
    expect(reasons({})).toEqual([]);
    expect(reasons({ target: '101' })).toContain('SLA_PERCENT_OUT_OF_RANGE');
    expect(reasons({ unit: 'ms' })).toContain('SLA_UNIT_NOT_FOR_METRIC');
    expect(reasons({ direction: 'at-most' })).toContain('SLA_DIRECTION_NOT_FOR_METRIC');
    expect(
      reasons({
        creditTiers: [
          { below: '99', creditPercent: 10 },
          { below: '99.0', creditPercent: 20 },
        ],
      }),
    ).toEqual(['SLA_DUPLICATE_TIER']);
    expect(reasons({ creditTiers: [{ above: '99', creditPercent: 10 }] })).toEqual([
      'SLA_TIER_WRONG_SIDE',
    ]);
    expect(
      reasons({
        metric: 'support-response',
        unit: 'min',
        direction: 'at-most',
        target: '15',
        creditTiers: [],
      }),
    ).toEqual(['SLA_PRIORITY_REQUIRED']);
    expect(
      reasons({
        metric: 'latency-percentile',
        unit: 'ms',
        direction: 'at-most',
        target: '800',
        creditTiers: [
          { above: '1600', creditPercent: 5 },
          { above: '800', creditPercent: 10 },
        ],
      }),
    ).toEqual(['SLA_TIER_CREDITS_NOT_MONOTONE']);
    expect(
      reasons({ serviceHours: { kind: 'weekly', timeZone: 'Mars/Base', windows: [] } }),
    ).toHaveLength(1);
  });

  it('at-most tiers compare the other way: strictly above earns the credit', () => {
    const tiers = [
      { above: '800', creditPercent: 5 },
      { above: '1600', creditPercent: 10 },
    ];
    expect(clauseCreditTier('at-most', tiers, '800')).toBeNull();
    expect(clauseCreditTier('at-most', tiers, '800.001')?.creditPercent).toBe(5);
    expect(clauseCreditTier('at-most', tiers, '1600')?.creditPercent).toBe(5);
    expect(clauseCreditTier('at-most', tiers, '1601')?.creditPercent).toBe(10);
  });

  it('period fees: month, quarter and rolling days (half-up)', () => {
    expect(windowFeeMinor({ kind: 'calendar-month' }, 1000)).toBe(1000);
    expect(windowFeeMinor({ kind: 'quarter' }, 1000)).toBe(3000);
    expect(windowFeeMinor({ kind: 'rolling-days', days: 7 }, 1000)).toBe(233);
    expect(windowFeeMinor({ kind: 'rolling-days', days: 15 }, 1001)).toBe(501);
  });

  it('period keys must match the window', () => {
    expect(() => resolvePeriod(base, '2026-Q1')).toThrow(/SLA_PERIOD_MISMATCH/);
    const rolling = { ...base, window: { kind: 'rolling-days' as const, days: 7 } };
    expect(resolvePeriod(rolling, '2026-02-10')).toMatchObject({
      firstDate: '2026-02-04',
      lastDate: '2026-02-10',
    });
    expect(
      periodKeysBetween({ ...base, window: { kind: 'quarter' } }, '2025-11', '2026-04'),
    ).toEqual(['2025-Q4', '2026-Q1', '2026-Q2']);
  });
});

describe('compliance properties', () => {
  it('more downtime never earns less credit, and met ⇔ no tier', () => {
    const clause = { ...base, monthlyFeeMinor: 1_000_000, perPeriodCapPercent: '50' };
    const period = resolvePeriod(clause, '2026-02');
    const at = (minutes: number) =>
      computeCompliance(
        clause,
        period,
        minutes > 0
          ? [
              {
                id: 'a',
                start: '2026-02-01T00:00:00.000Z',
                end: new Date(
                  Date.parse('2026-02-01T00:00:00.000Z') + minutes * 60_000,
                ).toISOString(),
                cause: '',
                excluded: false,
                exclusionKind: null,
              },
            ]
          : [],
        [],
      );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40_000 }),
        fc.integer({ min: 0, max: 3_000 }),
        (a, extra) => {
          const x = at(a);
          const y = at(a + extra);
          expect(y.creditMinor).toBeGreaterThanOrEqual(x.creditMinor);
          expect(x.met).toBe(x.creditPercent === 0);
          expect(x.creditMinor).toBeLessThanOrEqual(500_000);
        },
      ),
      { numRuns: 200 },
    );
  });
});
