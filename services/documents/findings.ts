import {
  DebtEvaluateInput,
  type DebtEvaluateOutput,
  type DebtItem,
  type DebtModelSettings,
} from '../../core/api';
import { compareByCd3, type RankedDebtItem } from '../../core/techdebt';
import type { Finding, PortfolioFigures } from '../../templates/model';
import { withModelErrors } from '../debt/common';
import { evaluateWorkbench, paybackOf, portfolioBand } from '../debt/workbench';

export { paybackOf };

/**
 * Debt figures of the proposal and the tech-debt report, computed the way the item
 * workbench computes them (`debt.evaluate`, with its default samples and seed), so the P10 and
 * P90 in a PDF are the ones the workbench shows for the same item.
 */

const YIELD_EVERY = 20;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Analysed {
  item: DebtItem;
  workbench: DebtEvaluateOutput;
}

function analyse(item: DebtItem, settings: DebtModelSettings): Analysed {
  const input = DebtEvaluateInput.parse({
    quarterlyCostMinor: item.quarterlyCostMinor,
    growthPerQuarter: item.growthPerQuarter,
    fixDays: item.fixDays,
    dayRateMinor: item.dayRateMinor,
    residualFraction: item.residualFraction,
    lagQuarters: item.lagQuarters,
    settings,
  });
  return { item, workbench: withModelErrors(() => evaluateWorkbench(input)) };
}

function rankedRow(item: DebtItem): RankedDebtItem {
  const e = item.evaluation;
  return {
    id: item.id,
    rank: 0,
    cd3: e.cd3,
    costOfDelayPerQuarter: e.costOfDelayPerQuarterMinor,
    netBenefit: e.netBenefitMinor,
    roi: e.roi,
    fixCost: e.fixCostMinor,
    fixDays: item.fixDays.likely,
  };
}

/**
 * Items in the portfolio's ranking: highest CD3 first, ties by net benefit, then id
 * (`compareByCd3` of core/techdebt, the register's default order), with 1-based ranks.
 */
export function rankItems(items: readonly DebtItem[]): { item: DebtItem; rank: number }[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  return items
    .map(rankedRow)
    .sort(compareByCd3)
    .map((row, i) => ({ item: byId.get(row.id)!, rank: i + 1 }));
}

export interface FindingsResult {
  findings: Finding[];
  /** Over the findings in `currency`; null when none is in it. */
  portfolio: PortfolioFigures | null;
}

/**
 * Ranked findings with their P10/P90 net benefit, and the portfolio figures over those in
 * `currency` (a client's items share one currency unless its default currency changed).
 * Works on items already read, so the caller's snapshot stays consistent across the yields.
 *
 * The portfolio's P10/P90 net benefit and the cumulative band add up the items' own P10 and
 * P90 scenarios: every estimate at the same percentile, the convention of the workbench's
 * band (see services/debt/workbench.ts). It is the wide, cautious reading of the spread: with
 * independent items the portfolio's own P10–P90 would be narrower.
 */
export async function findingsOf(
  items: readonly DebtItem[],
  settings: DebtModelSettings,
  currency: string,
): Promise<FindingsResult> {
  const ranked = rankItems(items);
  const analysed: Analysed[] = [];
  for (const [i, { item }] of ranked.entries()) {
    // Pure arithmetic (Monte Carlo for items uncertain in both cost and effort): a register
    // of hundreds of items takes a second or more, so other calls are answered in between.
    if (i > 0 && i % YIELD_EVERY === 0) await yieldToEventLoop();
    analysed.push(analyse(item, settings));
  }
  const findings: Finding[] = ranked.map(({ item, rank }, i) => ({
    item,
    rank,
    netBenefitP10Minor: analysed[i]!.workbench.distribution.p10,
    netBenefitP90Minor: analysed[i]!.workbench.distribution.p90,
  }));
  const own = analysed.filter((a) => a.item.currency === currency);
  return { findings, portfolio: own.length ? portfolioOf(own, settings, currency) : null };
}

/**
 * The portfolio's sums over its items' stored evaluations, its P10/P90 net benefit, and the
 * cumulative band of `portfolioBand` (the one the client dashboard draws too).
 */
function portfolioOf(
  analysed: readonly Analysed[],
  settings: DebtModelSettings,
  currency: string,
): PortfolioFigures {
  let pvCarryMinor = 0;
  let fixCostMinor = 0;
  let netBenefitMinor = 0;
  let netBenefitP10Minor = 0;
  let netBenefitP90Minor = 0;
  let fixDays = 0;
  for (const { item, workbench } of analysed) {
    pvCarryMinor += item.evaluation.pvCarryMinor;
    fixCostMinor += item.evaluation.fixCostMinor;
    netBenefitMinor += item.evaluation.netBenefitMinor;
    netBenefitP10Minor += workbench.distribution.p10;
    netBenefitP90Minor += workbench.distribution.p90;
    fixDays += item.fixDays.likely;
  }
  const cumulative = portfolioBand(
    analysed.map((a) => a.item),
    settings,
  );
  return {
    currency,
    pvCarryMinor,
    fixCostMinor,
    netBenefitMinor,
    roi: fixCostMinor > 0 ? netBenefitMinor / fixCostMinor : null,
    paybackQuarters: paybackOf(cumulative),
    netBenefitP10Minor,
    netBenefitP90Minor,
    fixDays,
    cumulative,
  };
}
