export { TechDebtError, type TechDebtErrorCode, type TechDebtIssue } from './errors';
export {
  DebtItemIssueCode,
  DebtItemModelInput,
  MAX_FIX_DAYS,
  MAX_HORIZON_QUARTERS,
  RateMode,
  ThreePointDays,
  ThreePointMinor,
  isValidDebtItemInput,
  parseDebtItemInput,
  type ThreePointEstimate,
} from './schema';
export { quarterRate } from './rates';
export type { Payback } from './payback';
export {
  evaluateDebtItem,
  evaluateValidDebtItem,
  savingsFactor,
  type DebtItemEvaluation,
} from './evaluate';
export {
  DEFAULT_SAMPLES,
  DEFAULT_SEED,
  DistributionOptions,
  debtItemDistribution,
  type DebtItemDistribution,
} from './distribution';
export {
  PERT_LAMBDA,
  estimateCdf,
  estimateMean,
  estimateQuantile,
  pertShape,
  triangularQuantile,
  type EstimateDistribution,
  type ThreePoint,
} from './distributions';
export { createRandom, type Random } from './random';
export {
  compareByCd3,
  compareByNetBenefit,
  portfolio,
  portfolioTotals,
  type PortfolioItem,
  type PortfolioSummary,
  type PortfolioTotals,
  type RankedDebtItem,
} from './portfolio';
export { knapsack01, type KnapsackMethod, type KnapsackResult } from './knapsack';
export {
  selectWithinBudget,
  selectWithinDayBudget,
  type BudgetSelection,
  type SelectOptions,
} from './select';
export { estimateQuarterlyCost, type EstimateStep, type QuarterlyCostEstimate } from './estimator';
