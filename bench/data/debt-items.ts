import { createRandom, type DebtItemModelInput } from '../../core/techdebt';
import type { DebtItemData } from '../../db';

export interface DebtItemGeneratorOptions {
  /** Fix effort known exactly (low = likely = high), so distributions take the exact path. */
  fixedEffort?: boolean;
}

const DAY_RATES = [60_000, 80_000, 95_000, 120_000, 150_000, 180_000];
const HORIZONS = [4, 8, 12, 16, 20, 40];

/**
 * Seeded, realistic debt items: quarterly costs from 2,000 to 250,000 (log-uniform, as a
 * register holds many small items and a few large ones), skewed three-point ranges, fix
 * efforts from a day to ~200 days in half days, common day rates and horizons.
 */
export function generateDebtItems(
  count: number,
  seed: number,
  options: DebtItemGeneratorOptions = {},
): DebtItemModelInput[] {
  const random = createRandom(seed);
  const u = () => random.nextOpen01();
  const between = (lo: number, hi: number) => lo + (hi - lo) * u();
  const logUniform = (lo: number, hi: number) => Math.exp(between(Math.log(lo), Math.log(hi)));
  const pick = <T>(values: readonly T[]) => values[Math.floor(u() * values.length)]!;
  const halfDays = (d: number) => Math.max(0.5, Math.round(d * 2) / 2);

  const items: DebtItemModelInput[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const likely = Math.round(logUniform(2_000_00, 250_000_00));
    const days = halfDays(logUniform(1, 200));
    items[i] = {
      quarterlyCost: {
        low: Math.round(likely * between(0.4, 0.9)),
        likely,
        high: Math.round(likely * between(1.1, 3)),
      },
      growthPerQuarter: Math.round(between(-0.01, 0.06) * 1000) / 1000,
      fixDays: options.fixedEffort
        ? { low: days, likely: days, high: days }
        : {
            low: Math.min(days, halfDays(days * between(0.5, 0.9))),
            likely: days,
            high: Math.max(days + 0.5, halfDays(days * between(1.2, 2.5))),
          },
      dayRate: pick(DAY_RATES),
      annualDiscountRate: Math.round(between(0.05, 0.15) * 200) / 200,
      horizonQuarters: pick(HORIZONS),
      residualFraction: Math.round(between(0, 0.3) * 20) / 20,
      lagQuarters: Math.floor(between(0, 4)),
      rateMode: u() < 0.8 ? 'effective' : 'nominal',
    };
  }
  return items;
}

/** Problems an English register names its items after (the debt bench, the large workspace). */
export const DEBT_PROBLEMS = [
  'Manual release process',
  'Slow nightly export',
  'Unsupported runtime',
  'Missing tests',
  'Duplicated rules',
  'Shared admin account',
  'Unindexed queries',
  'Hard-coded integration',
  'No monitoring',
  'Flaky pipeline',
];
export const DEBT_TAGS = [
  'perf',
  'security',
  'ci',
  'compliance',
  'data-quality',
  'customer-facing',
];

type DebtItemFields = Pick<
  DebtItemData,
  'clientId' | 'currency' | 'title' | 'category' | 'impact' | 'status'
> &
  Partial<DebtItemData>;

/**
 * The register row of a generated model: its figures (cost, growth, effort, day rate,
 * residual, lag), no cost estimate, and `fields`; description, system and evidence blank and
 * no tags unless given.
 */
export function debtItemData(model: DebtItemModelInput, fields: DebtItemFields): DebtItemData {
  return {
    description: '',
    affectedSystem: '',
    quarterlyCostMinor: model.quarterlyCost,
    costEstimate: null,
    growthPerQuarter: model.growthPerQuarter,
    fixDays: model.fixDays,
    dayRateMinor: model.dayRate,
    residualFraction: model.residualFraction,
    lagQuarters: model.lagQuarters,
    tags: [],
    evidence: '',
    ...fields,
  };
}
