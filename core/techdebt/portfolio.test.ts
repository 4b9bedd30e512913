import { describe, expect, it } from 'vitest';
import { TechDebtError } from './errors';
import { evaluateDebtItem } from './evaluate';
import { portfolio, portfolioTotals, type PortfolioItem } from './portfolio';
import { selectWithinBudget, selectWithinDayBudget } from './select';
import type { DebtItemModelInput } from './schema';

/**
 * No discounting, one quarter, nothing residual: net benefit = cost − days × rate and
 * cost of delay = cost, so every expected figure below is plain arithmetic.
 */
function debt(id: string, cost: number, days: number, dayRate = 1000): PortfolioItem {
  const input: DebtItemModelInput = {
    quarterlyCost: { low: cost, likely: cost, high: cost },
    growthPerQuarter: 0,
    fixDays: { low: days, likely: days, high: days },
    dayRate,
    annualDiscountRate: 0,
    horizonQuarters: 1,
    residualFraction: 0,
    lagQuarters: 0,
    rateMode: 'effective',
  };
  return { id, input, currency: 'EUR' };
}

describe('portfolio', () => {
  const items = [
    debt('a', 10_000, 4), // benefit 6000, CD3 10000/4 = 2500
    debt('b', 30_000, 20), // benefit 10000, CD3 1500
    debt('c', 3_000, 1), // benefit 2000, CD3 3000
    debt('d', 1_000, 5), // benefit −4000, CD3 200
  ];

  it('adds up present values, fix costs and benefits', () => {
    const p = portfolio(items);
    expect(p.count).toBe(4);
    expect(p.currency).toBe('EUR');
    expect(p.totals).toEqual({
      pvCarry: 44_000,
      fixCost: 30_000,
      pvFixPath: 30_000,
      netBenefit: 14_000,
      roi: 14_000 / 30_000,
      fixDays: 30,
      costOfDelayPerQuarter: 44_000,
    });
  });

  it('gives the same totals row without ranking', () => {
    expect(portfolioTotals(items)).toEqual(portfolio(items).totals);
  });

  it('ranks by CD3 and by net benefit', () => {
    const p = portfolio(items);
    expect(p.byCd3.map((r) => [r.rank, r.id, r.cd3])).toEqual([
      [1, 'c', 3000],
      [2, 'a', 2500],
      [3, 'b', 1500],
      [4, 'd', 200],
    ]);
    expect(p.byNetBenefit.map((r) => r.id)).toEqual(['b', 'a', 'c', 'd']);
  });

  it('breaks ties by the other measure, then by id, whatever the input order', () => {
    const tied = [debt('y', 2000, 1), debt('x', 2000, 1), debt('z', 4000, 2)];
    // All CD3 2000; z has the larger benefit (2000 vs 1000); x before y by id.
    expect(portfolio(tied).byCd3.map((r) => r.id)).toEqual(['z', 'x', 'y']);
    expect(portfolio(tied.slice().reverse()).byCd3.map((r) => r.id)).toEqual(['z', 'x', 'y']);
  });

  it('puts a zero-day fix that saves money first', () => {
    const p = portfolio([...items, debt('free', 500, 0)]);
    expect(p.byCd3[0]!.id).toBe('free');
    expect(p.byCd3[0]!.cd3).toBeNull();
  });

  it('reuses a given evaluation instead of re-pricing', () => {
    const item = debt('a', 10_000, 4);
    const evaluation = { ...evaluateDebtItem(item.input), netBenefit: 123 };
    expect(portfolio([{ ...item, evaluation }]).totals.netBenefit).toBe(123);
  });

  it('has no ROI when nothing costs anything to fix, and handles an empty register', () => {
    expect(portfolio([debt('a', 100, 0)]).totals.roi).toBeNull();
    const empty = portfolio([]);
    expect(empty.count).toBe(0);
    expect(empty.currency).toBeNull();
    expect(empty.totals.netBenefit).toBe(0);
    expect(empty.byCd3).toEqual([]);
  });

  it('refuses to add different currencies or repeat an id', () => {
    expect(() => portfolio([debt('a', 1, 1), { ...debt('b', 1, 1), currency: 'USD' }])).toThrow(
      expect.objectContaining({ code: 'CURRENCY_MISMATCH' }),
    );
    expect(() => portfolio([debt('a', 1, 1), debt('a', 2, 1)])).toThrow(TechDebtError);
  });
});

describe('selectWithinBudget', () => {
  const items = [
    debt('a', 10_000, 4), // fix 4000, benefit 6000
    debt('b', 30_000, 20), // fix 20000, benefit 10000
    debt('c', 3_000, 1), // fix 1000, benefit 2000
    debt('d', 1_000, 5), // fix 5000, benefit −4000: never chosen
    debt('e', 17_000, 9), // fix 9000, benefit 8000
  ];

  it('maximises total net benefit within the money budget', () => {
    // Budget 13 000 (b, at 20 000, cannot fit): a + e = 13 000 for 14 000 beats
    // e + c (10 000 for 10 000) and a + c (5 000 for 8 000).
    const s = selectWithinBudget(items, 13_000);
    expect(s.method).toBe('exact');
    expect(s.selected.map((r) => r.id)).toEqual(['a', 'e']); // CD3 2500 before 1889
    expect(s.selected.map((r) => r.rank)).toEqual([1, 2]);
    expect(s.totalFixCost).toBe(13_000);
    expect(s.totalFixDays).toBe(13);
    expect(s.totalNetBenefit).toBe(14_000);
    expect(s.remaining).toBe(0);
    // With 14 000 every worthwhile item that fits is taken: a + c + e.
    const roomy = selectWithinBudget(items, 14_000);
    expect(roomy.method).toBe('all-fit');
    expect(roomy.selected.map((r) => r.id)).toEqual(['c', 'a', 'e']);
  });

  it('prefers one big item when it is worth more than the small ones', () => {
    // Budget 20 000: b alone gives 10 000; a + e + c (14 000) gives 16 000, still better.
    expect(selectWithinBudget(items, 20_000).totalNetBenefit).toBe(16_000);
    // Budget 34 000: b + a + e + c = 34 000 gives 26 000.
    const all = selectWithinBudget(items, 34_000);
    expect(all.selected.map((r) => r.id).sort()).toEqual(['a', 'b', 'c', 'e']);
    expect(all.method).toBe('all-fit');
  });

  it('picks nothing with no budget', () => {
    const s = selectWithinBudget(items, 0);
    expect(s.selected).toEqual([]);
    expect(s.totalNetBenefit).toBe(0);
  });

  it('selects within a budget of days', () => {
    // 10 days: a (4) + c (1) = 5 days → 8000, or e (9) + c (1) = 10 days → 10 000.
    const s = selectWithinDayBudget(items, 10);
    expect(s.selected.map((r) => r.id)).toEqual(['c', 'e']);
    expect(s.totalNetBenefit).toBe(10_000);
    expect(s.remaining).toBe(0);
    // Half days count: 4.5 days fit a (4 days) but not a + c (5 days).
    const half = selectWithinDayBudget([debt('p', 10_000, 4), debt('q', 3000, 0.5)], 4.5);
    expect(half.selected.map((r) => r.id).sort()).toEqual(['p', 'q']);
  });

  it('stays within budget on a large register (scaled or greedy)', () => {
    const many = Array.from({ length: 3000 }, (_, i) =>
      debt(`i${i}`, 5000 + ((i * 7919) % 20_000), 1 + ((i * 104_729) % 19), 997),
    );
    const budget = 5_000_000;
    const s = selectWithinBudget(many, budget, { maxCells: 1_000_000 });
    expect(['scaled', 'greedy']).toContain(s.method);
    expect(s.totalFixCost).toBeLessThanOrEqual(budget);
    expect(s.remaining).toBeGreaterThanOrEqual(0);
    expect(s.totalNetBenefit).toBeGreaterThan(0);
  });

  it('rejects a negative or non-finite budget', () => {
    expect(() => selectWithinBudget(items, -1)).toThrow(
      expect.objectContaining({ code: 'INVALID_BUDGET' }),
    );
    expect(() => selectWithinDayBudget(items, Number.NaN)).toThrow(
      expect.objectContaining({ code: 'INVALID_BUDGET' }),
    );
  });
});
