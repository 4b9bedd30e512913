import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TechDebtError } from './errors';
import { DebtItemModelInput, isValidDebtItemInput, parseDebtItemInput } from './schema';

const valid = {
  quarterlyCost: { low: 100, likely: 200, high: 400 },
  growthPerQuarter: 0.01,
  fixDays: { low: 1.5, likely: 2, high: 4 },
  dayRate: 90_000,
  annualDiscountRate: 0.08,
  horizonQuarters: 12,
  residualFraction: 0.1,
  lagQuarters: 1,
  rateMode: 'effective',
};

function issuesOf(input: unknown): [string, string][] {
  try {
    parseDebtItemInput(input);
  } catch (e) {
    expect(e).toBeInstanceOf(TechDebtError);
    expect((e as TechDebtError).code).toBe('INVALID_INPUT');
    return (e as TechDebtError).issues.map((i) => [i.path.join('.'), i.code]);
  }
  return [];
}

describe('DebtItemModelInput', () => {
  it('accepts a realistic item', () => {
    expect(issuesOf(valid)).toEqual([]);
    expect(DebtItemModelInput.safeParse(valid).success).toBe(true);
  });

  it.each([
    [
      'negative cost',
      { quarterlyCost: { low: -1, likely: 200, high: 400 } },
      'quarterlyCost.low',
      'NEGATIVE',
    ],
    ['fractional minor units', { dayRate: 10.5 }, 'dayRate', 'NOT_INTEGER'],
    [
      'low above likely',
      { fixDays: { low: 3, likely: 2, high: 4 } },
      'fixDays.low',
      'LOW_ABOVE_LIKELY',
    ],
    [
      'likely above high',
      { fixDays: { low: 1, likely: 5, high: 4 } },
      'fixDays.high',
      'LIKELY_ABOVE_HIGH',
    ],
    ['horizon 0', { horizonQuarters: 0 }, 'horizonQuarters', 'HORIZON_OUT_OF_RANGE'],
    ['horizon 201', { horizonQuarters: 201 }, 'horizonQuarters', 'HORIZON_OUT_OF_RANGE'],
    ['fractional horizon', { horizonQuarters: 2.5 }, 'horizonQuarters', 'NOT_INTEGER'],
    ['residual above 1', { residualFraction: 1.01 }, 'residualFraction', 'FRACTION_OUT_OF_RANGE'],
    ['negative lag', { lagQuarters: -1 }, 'lagQuarters', 'LAG_OUT_OF_RANGE'],
    ['growth of −100 %', { growthPerQuarter: -1 }, 'growthPerQuarter', 'GROWTH_OUT_OF_RANGE'],
    ['negative rate', { annualDiscountRate: -0.01 }, 'annualDiscountRate', 'RATE_OUT_OF_RANGE'],
    ['NaN rate', { annualDiscountRate: Number.NaN }, 'annualDiscountRate', 'NOT_A_NUMBER'],
    ['infinite cost', { dayRate: Number.POSITIVE_INFINITY }, 'dayRate', 'NOT_A_NUMBER'],
    ['text for a number', { dayRate: '900' }, 'dayRate', 'NOT_A_NUMBER'],
    ['missing field', { rateMode: undefined }, 'rateMode', 'REQUIRED'],
    ['unknown rate mode', { rateMode: 'simple' }, 'rateMode', 'INVALID_RATE_MODE'],
    [
      'absurd fix effort',
      { fixDays: { low: 1, likely: 2, high: 1e6 } },
      'fixDays.high',
      'TOO_LARGE',
    ],
  ])('rejects %s', (_name, patch, path, code) => {
    expect(issuesOf({ ...valid, ...patch })).toEqual([[path, code]]);
  });

  it('rejects something that is not an object', () => {
    expect(issuesOf(null)).toEqual([['', 'NOT_AN_OBJECT']]);
    expect(issuesOf(undefined)).toEqual([['', 'REQUIRED']]);
  });

  it('the fast validity check agrees with the zod schema', () => {
    const anyNumber = fc.oneof(
      fc.double(),
      fc.integer({ min: -5, max: 300 }),
      fc.double({ min: -2, max: 2 }),
      fc.constantFrom(0, -0, 1, -1, 0.5, 200, 201, 1e6, 2 ** 53, Number.NaN, Infinity, -Infinity),
      fc.constantFrom(undefined, null, '1', true),
    );
    const threePoint = fc.oneof(
      fc.record({ low: anyNumber, likely: anyNumber, high: anyNumber }),
      fc
        .tuple(fc.nat(), fc.nat(), fc.nat())
        .map((t) => t.sort((a, b) => a - b))
        .map(([low, likely, high]) => ({ low, likely, high })),
      fc.constantFrom(undefined, null, 5),
    );
    const candidate = fc.record({
      quarterlyCost: threePoint,
      growthPerQuarter: anyNumber,
      fixDays: threePoint,
      dayRate: fc.oneof(anyNumber, fc.nat()),
      annualDiscountRate: anyNumber,
      horizonQuarters: fc.oneof(anyNumber, fc.integer({ min: 1, max: 200 })),
      residualFraction: anyNumber,
      lagQuarters: fc.oneof(anyNumber, fc.nat({ max: 200 })),
      rateMode: fc.constantFrom('effective', 'nominal', 'other', undefined),
    });
    // Half the cases start from a valid item with a single field replaced, to probe edges.
    const nearValid = fc
      .tuple(fc.constantFrom(...Object.keys(valid)), candidate)
      .map(([key, c]) => ({ ...valid, [key]: (c as Record<string, unknown>)[key] }));
    fc.assert(
      fc.property(fc.oneof(candidate, nearValid), (input) => {
        expect(isValidDebtItemInput(input)).toBe(DebtItemModelInput.safeParse(input).success);
      }),
      { numRuns: 3000 },
    );
  });
});
