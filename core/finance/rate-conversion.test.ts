import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFinanceError } from './expect-finance-error';
import { effect, nominal } from './rate-conversion';

describe('effect', () => {
  it('reproduces the Excel documentation example', () => {
    // Microsoft Support, "EFFECT function": 5.25% nominal, quarterly -> 0.05354267
    expect(effect(0.0525, 4)).toBeCloseTo(0.05354267, 8);
  });

  it('matches the formulajs test suite and truncates npery', () => {
    // formulajs test/financial.js, EFFECT
    expect(effect(0.1, 4)).toBeCloseTo(0.10381289062499977, 12);
    expect(effect(0.1, 4.5)).toBeCloseTo(0.10381289062499977, 12);
  });

  it('reports Excel errors', () => {
    expectFinanceError(() => effect(0, 4), 'NUM');
    expectFinanceError(() => effect(-0.1, 4), 'NUM');
    expectFinanceError(() => effect(0.1, 0.5), 'NUM');
    expectFinanceError(() => effect(Number.NaN, 4), 'VALUE');
    expectFinanceError(() => effect(0.1, Number.NaN), 'VALUE');
  });
});

describe('nominal', () => {
  it('reproduces the Excel documentation example', () => {
    // Microsoft Support, "NOMINAL function": 5.3543% effective, quarterly -> 0.05250032
    expect(nominal(0.053543, 4)).toBeCloseTo(0.05250032, 8);
  });

  it('matches the formulajs test suite and truncates npery', () => {
    // formulajs test/financial.js, NOMINAL
    expect(nominal(0.1, 4)).toBeCloseTo(0.09645475633778045, 12);
    expect(nominal(0.1, 4.5)).toBeCloseTo(0.09645475633778045, 12);
  });

  it('reports Excel errors', () => {
    expectFinanceError(() => nominal(0, 12), 'NUM');
    expectFinanceError(() => nominal(0.1, 0), 'NUM');
    expectFinanceError(() => nominal(Number.POSITIVE_INFINITY, 12), 'VALUE');
  });

  it('inverts effect (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 2, noNaN: true }),
        fc.integer({ min: 1, max: 365 }),
        (rate, periods) => {
          expect(nominal(effect(rate, periods), periods)).toBeCloseTo(rate, 12);
        },
      ),
    );
  });
});
