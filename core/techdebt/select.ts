import { TechDebtError } from './errors';
import { knapsack01, DEFAULT_MAX_CELLS, type KnapsackMethod } from './knapsack';
import { compareByCd3, rankRows, type PortfolioItem, type RankedDebtItem } from './portfolio';

export interface BudgetSelection {
  /** The items to fix, in the order to fix them (highest CD3 first), ranks 1..n. */
  selected: RankedDebtItem[];
  totalFixCost: number;
  totalFixDays: number;
  totalNetBenefit: number;
  /** What is left of the budget, in the budget's unit (minor units or days). */
  remaining: number;
  /** How the choice was made; see `knapsack01`. 'exact' and 'all-fit' are optimal. */
  method: KnapsackMethod;
}

export interface SelectOptions {
  /** Cap on the DP table (items × budget steps) before it scales the budget or goes greedy. */
  maxCells?: number;
}

/**
 * The items to fix first within a money budget: the set with the largest total net benefit
 * whose fix costs fit in `budgetMinor` (0/1 knapsack; exact for modest sizes, see
 * `knapsack01`). Only items with a positive net benefit are ever chosen. Fix costs are
 * rounded up to whole minor units so the pick can never overrun the budget.
 */
export function selectWithinBudget(
  items: readonly PortfolioItem[],
  budgetMinor: number,
  options: SelectOptions = {},
): BudgetSelection {
  checkBudget(budgetMinor, 'budgetMinor');
  const capacity = Math.floor(budgetMinor);
  return select(items, capacity, (row) => Math.ceil(row.fixCost), 1, options);
}

/**
 * The same choice within a budget of consultant days, resolved to hundredths of a day.
 */
export function selectWithinDayBudget(
  items: readonly PortfolioItem[],
  budgetDays: number,
  options: SelectOptions = {},
): BudgetSelection {
  checkBudget(budgetDays, 'budgetDays');
  // Hundredths of a day; the tolerance absorbs binary noise such as 0.1 × 100 = 10.000000000000002.
  const capacity = Math.floor(budgetDays * 100 + 1e-7);
  return select(items, capacity, (row) => Math.ceil(row.fixDays * 100 - 1e-7), 100, options);
}

function select(
  items: readonly PortfolioItem[],
  capacity: number,
  weightOf: (row: RankedDebtItem) => number,
  unitsPerBudgetUnit: number,
  options: SelectOptions,
): BudgetSelection {
  const rows = rankRows(items);
  const weights = rows.map((row) => Math.max(0, weightOf(row)));
  const values = rows.map((row) => row.netBenefit);
  const pick = knapsack01(weights, values, capacity, options.maxCells ?? DEFAULT_MAX_CELLS);
  const selected = pick.chosen
    .map((i) => rows[i]!)
    .sort(compareByCd3)
    .map((row, i) => ({ ...row, rank: i + 1 }));
  let totalFixCost = 0;
  let totalFixDays = 0;
  let totalNetBenefit = 0;
  for (const row of selected) {
    totalFixCost += row.fixCost;
    totalFixDays += row.fixDays;
    totalNetBenefit += row.netBenefit;
  }
  return {
    selected,
    totalFixCost,
    totalFixDays,
    totalNetBenefit,
    remaining: (capacity - pick.totalWeight) / unitsPerBudgetUnit,
    method: pick.method,
  };
}

function checkBudget(budget: number, field: string): void {
  if (typeof budget !== 'number' || !Number.isFinite(budget) || budget < 0) {
    throw new TechDebtError('INVALID_BUDGET', 'The budget must be a finite number >= 0', [
      { path: [field], code: 'INVALID_BUDGET', message: 'INVALID_BUDGET' },
    ]);
  }
  if (budget > Number.MAX_SAFE_INTEGER / 100) {
    throw new TechDebtError('INVALID_BUDGET', 'The budget is too large', [
      { path: [field], code: 'TOO_LARGE', message: 'TOO_LARGE' },
    ]);
  }
}
