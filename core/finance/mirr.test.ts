import { describe, expect, it } from 'vitest';
import { expectFinanceError } from './expect-finance-error';
import { mirr } from './mirr';

describe('mirr', () => {
  // Microsoft Support, "MIRR function": a 120,000 asset, five years of income,
  // 10% paid on the loan, 12% earned on reinvested income.
  const flows = [-120000, 39000, 30000, 21000, 37000, 46000];

  it('reproduces the Excel documentation examples', () => {
    expect(mirr(flows, 0.1, 0.12)).toBeCloseTo(0.13, 2); // after five years: 13%
    expect(mirr(flows.slice(0, 4), 0.1, 0.12)).toBeCloseTo(-0.05, 2); // after three years: -5%
    expect(mirr(flows, 0.1, 0.14)).toBeCloseTo(0.13, 2); // reinvested at 14%: 13%
    // Earlier editions of the page print more digits: 12.61%, -4.80%, 13.48%.
    expect(mirr(flows, 0.1, 0.12)).toBeCloseTo(0.1261, 4);
    expect(mirr(flows.slice(0, 4), 0.1, 0.12)).toBeCloseTo(-0.048, 4);
    expect(mirr(flows, 0.1, 0.14)).toBeCloseTo(0.1348, 4);
  });

  it('matches the formulajs test suite (test/financial.js, MIRR)', () => {
    expect(mirr([-75000, 12000, 15000, 18000, 21000, 24000], 0.1, 0.12)).toBeCloseTo(
      0.07971710360838036,
      12,
    );
  });

  it('finances later outflows at the finance rate', () => {
    // -100 now and -110 in a year cost 200 in today's money at 10%; 441 in year two
    // grows 200 to 441 over two periods: (441 / 200)^(1/2) - 1.
    expect(mirr([-100, -110, 441], 0.1, 0.5)).toBeCloseTo(Math.sqrt(441 / 200) - 1, 12);
  });

  it('reports Excel errors', () => {
    // Excel documents #DIV/0! (not #NUM!) for one-signed flows.
    expectFinanceError(() => mirr([100, 200], 0.1, 0.1), 'DIV0');
    expectFinanceError(() => mirr([-100, -200], 0.1, 0.1), 'DIV0');
    expectFinanceError(() => mirr([-100, 200], -1, 0.1), 'DIV0');
    expectFinanceError(() => mirr([-100, 200], Number.NaN, 0.1), 'VALUE');
    expectFinanceError(() => mirr([-100, Number.NaN], 0.1, 0.1), 'VALUE');
  });
});
