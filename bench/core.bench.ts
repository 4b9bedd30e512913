import {
  debtItemDistribution,
  evaluateDebtItem,
  portfolio,
  portfolioTotals,
  selectWithinBudget,
  type DebtItemModelInput,
  type PortfolioItem,
} from '../core/techdebt';
import { generateDebtItems } from './data/debt-items';
import type { BenchCase } from './harness';

// Data is built in setup, so filtering other benchmarks out costs nothing.
let register: DebtItemModelInput[] = [];
let uncertain: DebtItemModelInput[] = [];
let knownEffort: DebtItemModelInput[] = [];
let priced: PortfolioItem[] = [];
let shortlist: PortfolioItem[] = [];

/** A register with every item already priced, as the register caches evaluations. */
function pricedRegister(): PortfolioItem[] {
  if (priced.length > 0) return priced;
  return generateDebtItems(100_000, 99).map((input, i) => ({
    id: `debt-${i}`,
    input,
    currency: 'EUR',
    evaluation: evaluateDebtItem(input),
  }));
}

export const benches: BenchCase[] = [
  {
    name: 'core/techdebt evaluateDebtItem 100k items',
    group: 'core',
    setup: () => {
      register = generateDebtItems(100_000, 20_240_101);
    },
    fn: () => {
      let sum = 0;
      for (const item of register) sum += evaluateDebtItem(item).netBenefit;
      return sum;
    },
  },
  {
    name: 'core/techdebt debtItemDistribution monte-carlo 10k samples x 1k items',
    group: 'core',
    setup: () => {
      uncertain = generateDebtItems(1_000, 7);
    },
    fn: () => {
      let sum = 0;
      for (let i = 0; i < uncertain.length; i++) {
        const d = debtItemDistribution(uncertain[i]!, { dist: 'pert', samples: 10_000, seed: i });
        if (d.exact) throw new Error('expected Monte Carlo: fix effort is uncertain');
        sum += d.p50;
      }
      return sum;
    },
    iterations: 5,
    warmup: 1,
  },
  {
    name: 'core/techdebt debtItemDistribution exact 1k items',
    group: 'core',
    setup: () => {
      knownEffort = generateDebtItems(1_000, 7, { fixedEffort: true });
    },
    fn: () => {
      let sum = 0;
      for (const item of knownEffort) {
        const d = debtItemDistribution(item, { dist: 'pert' });
        if (!d.exact) throw new Error('expected the exact path: fix effort is known');
        sum += d.p10 + d.p90;
      }
      return sum;
    },
  },
  {
    name: 'core/techdebt portfolio totals and ranks 100k evaluated items',
    group: 'core',
    setup: () => {
      priced = pricedRegister();
    },
    fn: () => portfolio(priced).totals.netBenefit,
  },
  {
    name: 'core/techdebt portfolioTotals 100k evaluated items',
    group: 'core',
    setup: () => {
      priced = pricedRegister();
    },
    fn: () => portfolioTotals(priced).netBenefit,
  },
  {
    name: 'core/techdebt selectWithinBudget 1k items',
    group: 'core',
    setup: () => {
      shortlist = generateDebtItems(1_000, 5).map((input, i) => ({
        id: `debt-${i}`,
        input,
        evaluation: evaluateDebtItem(input),
      }));
    },
    fn: () => selectWithinBudget(shortlist, 500_000_00).totalNetBenefit,
  },
];
