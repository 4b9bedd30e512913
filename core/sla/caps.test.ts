import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCreditCaps } from './caps';
import { errorCode } from './test-helpers';

describe('applyCreditCaps', () => {
  it('without caps grants fee × percent, rounded half-up to a minor unit', () => {
    expect(applyCreditCaps({ creditPercent: 10, feeMinor: 1_234_567 })).toEqual({
      creditMinor: 123_457, // 123,456.7 → 123,457
      uncappedMinor: 123_457,
      boundBy: 'none',
    });
    // Ties go up, not to even: 12.5 % of 996 = 124.5 → 125; 10 % of 1,005 = 100.5 → 101.
    expect(applyCreditCaps({ creditPercent: 12.5, feeMinor: 996 }).creditMinor).toBe(125);
    expect(applyCreditCaps({ creditPercent: 10, feeMinor: 1_005 }).creditMinor).toBe(101);
    expect(applyCreditCaps({ creditPercent: 0, feeMinor: 50_000 }).creditMinor).toBe(0);
  });

  it('caps at a percent of the fee per period', () => {
    const result = applyCreditCaps({
      creditPercent: 100,
      feeMinor: 500_000,
      perPeriodCapPercent: '25',
    });
    expect(result).toMatchObject({
      creditMinor: 125_000,
      uncappedMinor: 500_000,
      boundBy: 'per-period',
      perPeriodCapMinor: 125_000,
    });
  });

  it('shares the credit among incidents by downtime and caps each share', () => {
    const result = applyCreditCaps({
      creditPercent: 30,
      feeMinor: 1_000_000,
      perIncidentCapMinor: 100_000,
      incidents: [{ downtimeMinutes: 300 }, { downtimeMinutes: '132.5' }],
    });
    // 300,000 split 300 : 132.5 = 208,092.49… : 91,907.51… → 208,092 / 91,908 (largest remainder).
    expect(result).toEqual({
      creditMinor: 191_908,
      uncappedMinor: 300_000,
      boundBy: 'per-incident',
      perIncidentMinor: [100_000, 91_908],
    });
  });

  it('reports the per-period cap when it binds after the per-incident caps', () => {
    const result = applyCreditCaps({
      creditPercent: 30,
      feeMinor: 1_000_000,
      perIncidentCapMinor: 100_000,
      perPeriodCapPercent: 15,
      incidents: [{ downtimeMinutes: 300 }, { downtimeMinutes: 132.5 }],
    });
    expect(result.creditMinor).toBe(150_000);
    expect(result.boundBy).toBe('per-period');
  });

  it('needs incidents for a per-incident cap on a non-zero credit', () => {
    expect(
      errorCode(() =>
        applyCreditCaps({ creditPercent: 10, feeMinor: 1000, perIncidentCapMinor: 50 }),
      ),
    ).toBe('SLA_CAP_NEEDS_INCIDENTS');
    expect(
      applyCreditCaps({ creditPercent: 0, feeMinor: 1000, perIncidentCapMinor: 50 }).creditMinor,
    ).toBe(0);
  });

  it('rejects fees and caps that are not whole non-negative minor units', () => {
    expect(errorCode(() => applyCreditCaps({ creditPercent: 10, feeMinor: 10.5 }))).toBe(
      'SLA_INVALID_AMOUNT',
    );
    expect(errorCode(() => applyCreditCaps({ creditPercent: 10, feeMinor: -1 }))).toBe(
      'SLA_INVALID_AMOUNT',
    );
    expect(
      errorCode(() =>
        applyCreditCaps({
          creditPercent: 10,
          feeMinor: 100,
          perIncidentCapMinor: -5,
          incidents: [],
        }),
      ),
    ).toBe('SLA_INVALID_AMOUNT');
    expect(errorCode(() => applyCreditCaps({ creditPercent: 110, feeMinor: 100 }))).toBe(
      'SLA_PERCENT_OUT_OF_RANGE',
    );
    expect(
      errorCode(() =>
        applyCreditCaps({ creditPercent: 10, feeMinor: 100, perPeriodCapPercent: 150 }),
      ),
    ).toBe('SLA_PERCENT_OUT_OF_RANGE');
  });

  it('property: the credit never exceeds the uncapped credit or any cap, and shares sum exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 100 }),
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 8 }),
        (creditPercent, feeMinor, cap, periodPercent, downtimes) => {
          const incidents = downtimes.map((d) => ({ downtimeMinutes: d / 100 }));
          const uncappedOnly = applyCreditCaps({
            creditPercent,
            feeMinor,
            incidents,
            perIncidentCapMinor: Number.MAX_SAFE_INTEGER,
          });
          expect(uncappedOnly.perIncidentMinor!.reduce((a, b) => a + b, 0)).toBe(
            uncappedOnly.uncappedMinor,
          );
          const result = applyCreditCaps({
            creditPercent,
            feeMinor,
            perIncidentCapMinor: cap,
            perPeriodCapPercent: periodPercent,
            incidents,
          });
          expect(result.creditMinor).toBeLessThanOrEqual(result.uncappedMinor);
          expect(result.creditMinor).toBeLessThanOrEqual(result.perPeriodCapMinor!);
          expect(result.creditMinor).toBeLessThanOrEqual(cap * incidents.length);
          expect(Number.isSafeInteger(result.creditMinor)).toBe(true);
          expect(result.boundBy === 'none').toBe(result.creditMinor === result.uncappedMinor);
        },
      ),
    );
  });
});
