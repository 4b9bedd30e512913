import { TechDebtError } from './errors';
import { evaluateDebtItem, type DebtItemEvaluation } from './evaluate';
import type { DebtItemModelInput } from './schema';

/**
 * One item of a client's register. Pass `evaluation` when it is already at hand (the
 * register caches it) to skip re-pricing; it must come from `evaluateDebtItem(input)`.
 */
export interface PortfolioItem {
  id: string;
  input: DebtItemModelInput;
  /** ISO 4217 code of the item's amounts; totals refuse to add different currencies. */
  currency?: string;
  evaluation?: DebtItemEvaluation;
}

/** An item's place in a ranking, with the figures the ranking used. */
export interface RankedDebtItem {
  id: string;
  /** 1-based position. */
  rank: number;
  cd3: number | null;
  costOfDelayPerQuarter: number;
  netBenefit: number;
  roi: number | null;
  fixCost: number;
  fixDays: number;
}

export interface PortfolioTotals {
  pvCarry: number;
  fixCost: number;
  pvFixPath: number;
  netBenefit: number;
  /** Σ net benefit / Σ fix cost; null when nothing costs anything to fix. */
  roi: number | null;
  fixDays: number;
  costOfDelayPerQuarter: number;
}

export interface PortfolioSummary {
  count: number;
  /** The common currency, or null when no item names one. */
  currency: string | null;
  totals: PortfolioTotals;
  /** Highest CD3 first: what to fix first when capacity, not money, is scarce. */
  byCd3: RankedDebtItem[];
  /** Highest net benefit first. */
  byNetBenefit: RankedDebtItem[];
}

interface Priced {
  evaluations: DebtItemEvaluation[];
  currency: string | null;
}

/** Checks ids and currencies and prices each item unless its evaluation is given. */
function price(items: readonly PortfolioItem[]): Priced {
  const evaluations: DebtItemEvaluation[] = new Array(items.length);
  const seen = new Set<string>();
  let currency: string | null = null;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (seen.has(item.id)) {
      throw new TechDebtError('DUPLICATE_ID', `Debt item ${item.id} appears twice`, [
        { path: [i, 'id'], code: 'DUPLICATE_ID', message: 'DUPLICATE_ID' },
      ]);
    }
    seen.add(item.id);
    if (item.currency !== undefined) {
      if (currency === null) currency = item.currency;
      else if (currency !== item.currency) {
        throw new TechDebtError('CURRENCY_MISMATCH', 'Debt items in different currencies', [
          { path: [i, 'currency'], code: 'CURRENCY_MISMATCH', message: 'CURRENCY_MISMATCH' },
        ]);
      }
    }
    evaluations[i] = item.evaluation ?? evaluateDebtItem(item.input);
  }
  return { evaluations, currency };
}

function toRow(item: PortfolioItem, e: DebtItemEvaluation, rank: number): RankedDebtItem {
  return {
    id: item.id,
    rank,
    cd3: e.cd3,
    costOfDelayPerQuarter: e.costOfDelayPerQuarter,
    netBenefit: e.netBenefit,
    roi: e.roi,
    fixCost: e.fixCost,
    fixDays: item.input.fixDays.likely,
  };
}

/** Unranked rows (rank 0) in input order; shared with the budget pickers. */
export function rankRows(items: readonly PortfolioItem[]): RankedDebtItem[] {
  const { evaluations } = price(items);
  return items.map((item, i) => toRow(item, evaluations[i]!, 0));
}

/**
 * CD3 for sorting. A zero-day fix has no CD3 (division by zero); if it still saves
 * something it is the most urgent thing there is, so it sorts first, else last.
 */
function cd3Key(cd3: number | null, costOfDelay: number): number {
  if (cd3 !== null) return cd3;
  return costOfDelay > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
}

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// Infinity − Infinity is NaN, which is falsy, so equal infinite keys fall through to the
// next tie-breaker like equal finite ones.

/** Highest CD3 first; ties by net benefit, then id, so the order never depends on input order. */
export function compareByCd3(a: RankedDebtItem, b: RankedDebtItem): number {
  return (
    cd3Key(b.cd3, b.costOfDelayPerQuarter) - cd3Key(a.cd3, a.costOfDelayPerQuarter) ||
    b.netBenefit - a.netBenefit ||
    compareIds(a.id, b.id)
  );
}

/** Highest net benefit first; ties by CD3, then id. */
export function compareByNetBenefit(a: RankedDebtItem, b: RankedDebtItem): number {
  return (
    b.netBenefit - a.netBenefit ||
    cd3Key(b.cd3, b.costOfDelayPerQuarter) - cd3Key(a.cd3, a.costOfDelayPerQuarter) ||
    compareIds(a.id, b.id)
  );
}

function sumTotals(items: readonly PortfolioItem[], evaluations: DebtItemEvaluation[]) {
  const totals: PortfolioTotals = {
    pvCarry: 0,
    fixCost: 0,
    pvFixPath: 0,
    netBenefit: 0,
    roi: null,
    fixDays: 0,
    costOfDelayPerQuarter: 0,
  };
  for (let i = 0; i < evaluations.length; i++) {
    const e = evaluations[i]!;
    totals.pvCarry += e.pvCarry;
    totals.fixCost += e.fixCost;
    totals.pvFixPath += e.pvFixPath;
    totals.netBenefit += e.netBenefit;
    totals.fixDays += items[i]!.input.fixDays.likely;
    totals.costOfDelayPerQuarter += e.costOfDelayPerQuarter;
  }
  totals.roi = totals.fixCost > 0 ? totals.netBenefit / totals.fixCost : null;
  return totals;
}

/** Only the totals row (no ranking): cheap enough to recompute on every edit. */
export function portfolioTotals(items: readonly PortfolioItem[]): PortfolioTotals {
  return sumTotals(items, price(items).evaluations);
}

/** Totals and rankings of a client's (or several clients', same currency) debt items. */
export function portfolio(items: readonly PortfolioItem[]): PortfolioSummary {
  const { evaluations, currency } = price(items);
  const n = items.length;
  // Sort indices on flat numeric keys: a register of 100,000 items sorts in milliseconds
  // this way, where comparing row objects through accessors takes a noticeable pause.
  const cd3 = new Float64Array(n);
  const benefit = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const e = evaluations[i]!;
    cd3[i] = cd3Key(e.cd3, e.costOfDelayPerQuarter);
    benefit[i] = e.netBenefit;
  }
  const ids = (i: number) => items[i]!.id;
  const indices = () => Array.from({ length: n }, (_, i) => i);
  const byCd3 = indices().sort(
    (a, b) => cd3[b]! - cd3[a]! || benefit[b]! - benefit[a]! || compareIds(ids(a), ids(b)),
  );
  const byBenefit = indices().sort(
    (a, b) => benefit[b]! - benefit[a]! || cd3[b]! - cd3[a]! || compareIds(ids(a), ids(b)),
  );
  return {
    count: n,
    currency,
    totals: sumTotals(items, evaluations),
    byCd3: byCd3.map((i, rank) => toRow(items[i]!, evaluations[i]!, rank + 1)),
    byNetBenefit: byBenefit.map((i, rank) => toRow(items[i]!, evaluations[i]!, rank + 1)),
  };
}
