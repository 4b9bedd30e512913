import type { MethodName, MethodOutput } from '../../core/api';
import {
  applyCreditCaps,
  normalizeClauseTiers,
  serviceMillisInRange,
  tierThreshold,
  windowFeeMinor,
  type ClauseCreditTier,
  type ClauseDefinition,
} from '../../core/sla';
import { estimateQuantile } from '../../core/techdebt/distributions';
import { sortedQuantile } from '../../core/techdebt/quantiles';
import { createRandom } from '../../core/techdebt/random';
import type { ServiceContext } from '../context';
import type { HandlerMap } from '../handler-types';
import { requireEngagement } from '../billing/engagements';
import { incidentsOf, requireClauseRow, rowToDefinition, slaRepo, withSla } from './common';
import { computeCompliance, periodKeysBetween, resolvePeriod } from '../../core/sla';

/**
 * Expected service credits per year for a clause (seeded Monte Carlo, deterministic for a
 * seed). Each simulated year has `periodsPerYear` periods (12 monthly, 4 quarterly,
 * round(365 / N) rolling); each period draws a value and pays the credit of its tier after
 * caps (a per-incident cap treats the period's breach as one incident).
 *
 * - Three-point models draw by inverse CDF from a 2,049-point quantile table with common
 *   random numbers, so for one seed a larger assumed downtime never lowers any draw: the
 *   result is monotone in the assumption. For availability the value is downtime minutes in
 *   a period of average service length (service hours over 2025 / periods per year); for
 *   other metrics it is the measured value in the clause's unit.
 * - `historical` resamples the exact credits of the last `periods` complete periods.
 */

const GRID = 2048;

type Output = MethodOutput<'sla.exposure'>;

function periodsPerYear(definition: ClauseDefinition): number {
  if (definition.window.kind === 'calendar-month') return 12;
  if (definition.window.kind === 'quarter') return 4;
  return Math.max(1, Math.round(365 / definition.window.days));
}

/** Credit (minor units, after caps) for each tier, shallowest first; index -1 = no tier. */
function tierCredits(definition: ClauseDefinition, tiers: ClauseCreditTier[]): number[] {
  const feeMinor = windowFeeMinor(definition.window, definition.monthlyFeeMinor);
  return tiers.map(
    (tier) =>
      applyCreditCaps({
        creditPercent: tier.creditPercent,
        feeMinor,
        ...(definition.perIncidentCapMinor !== null
          ? {
              perIncidentCapMinor: definition.perIncidentCapMinor,
              incidents: [{ downtimeMinutes: 1 }],
            }
          : {}),
        ...(definition.perPeriodCapPercent !== null
          ? { perPeriodCapPercent: definition.perPeriodCapPercent }
          : {}),
      }).creditMinor,
  );
}

function averageServiceMinutes(definition: ClauseDefinition, perYear: number): number {
  const year = serviceMillisInRange(
    '2025-01-01T00:00:00.000Z',
    '2026-01-01T00:00:00.000Z',
    definition.serviceHours,
  );
  return year / 60_000 / perYear;
}

/** Deepest tier index (shallowest first) a value passes; -1 for none. */
function tierIndex(definition: ClauseDefinition, thresholds: number[], value: number): number {
  let index = -1;
  for (let i = 0; i < thresholds.length; i += 1) {
    const passes =
      definition.direction === 'at-least' ? value < thresholds[i]! : value > thresholds[i]!;
    if (!passes) break;
    index = i;
  }
  return index;
}

function summarize(
  years: Float64Array,
  tierCounts: number[],
  draws: number,
  tiers: ClauseCreditTier[],
  credits: number[],
): Pick<
  Output,
  | 'expectedAnnualCreditMinor'
  | 'p10Minor'
  | 'p50Minor'
  | 'p90Minor'
  | 'probabilityOfCredit'
  | 'tiers'
> {
  const sorted = Float64Array.from(years).sort();
  let sum = 0;
  let positive = 0;
  for (const y of years) {
    sum += y;
    if (y > 0) positive += 1;
  }
  return {
    expectedAnnualCreditMinor: sum / years.length,
    p10Minor: sortedQuantile(sorted, 0.1),
    p50Minor: sortedQuantile(sorted, 0.5),
    p90Minor: sortedQuantile(sorted, 0.9),
    probabilityOfCredit: positive / years.length,
    tiers: [
      { tier: null, probability: tierCounts[0]! / draws, creditMinor: 0 },
      ...tiers.map((tier, i) => ({
        tier,
        probability: tierCounts[i + 1]! / draws,
        creditMinor: credits[i]!,
      })),
    ],
  };
}

export const exposureHandlers: HandlerMap<Extract<MethodName, 'sla.exposure'>> = {
  'sla.exposure': (input, ctx: ServiceContext) => {
    const row = requireClauseRow(ctx, input.clauseId);
    const definition = rowToDefinition(row);
    const engagement = requireEngagement(ctx, row.engagementId);
    return withSla(() => {
      const perYear = periodsPerYear(definition);
      const tiers = normalizeClauseTiers(definition.direction, definition.creditTiers);
      const credits = tierCredits(definition, tiers);
      const random = createRandom(input.seed);
      const years = new Float64Array(input.samples);
      const tierCounts = new Array<number>(tiers.length + 1).fill(0);
      const draws = input.samples * perYear;
      const historicalPeriods: string[] = [];

      if (input.model.kind === 'historical') {
        const repo = slaRepo(ctx);
        const now = ctx.now();
        const current = now.toISOString().slice(0, 7);
        const [y, m] = current.split('-').map(Number) as [number, number];
        const back = (months: number) => {
          const total = y * 12 + (m - 1) - months;
          return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
        };
        const span = input.model.periods * (definition.window.kind === 'quarter' ? 3 : 1);
        const keys = periodKeysBetween(definition, back(span), back(1)).slice(-input.model.periods);
        const incidents = incidentsOf(repo.incidents(row.id));
        const measurements = repo.measurements(row.id);
        const observed = keys.map((key) => {
          const result = computeCompliance(
            definition,
            resolvePeriod(definition, key),
            incidents,
            measurements,
          );
          const index = result.tier
            ? tiers.findIndex((t) => tierThreshold(t) === tierThreshold(result.tier!))
            : -1;
          return { credit: result.creditMinor, index };
        });
        historicalPeriods.push(...keys);
        for (let s = 0; s < input.samples; s += 1) {
          let total = 0;
          for (let p = 0; p < perYear; p += 1) {
            const pick = observed[random.nextUint32() % observed.length]!;
            total += pick.credit;
            tierCounts[pick.index + 1]! += 1;
          }
          years[s] = total;
        }
      } else {
        const model = input.model;
        const estimate = { low: model.low, likely: model.likely, high: model.high };
        const table = new Float64Array(GRID + 1);
        for (let i = 0; i <= GRID; i += 1) {
          table[i] = estimateQuantile(model.kind, estimate, i / GRID);
        }
        const serviceMinutes =
          definition.metric === 'availability' ? averageServiceMinutes(definition, perYear) : 0;
        const thresholds = tiers.map((t) => Number(tierThreshold(t)));
        for (let s = 0; s < input.samples; s += 1) {
          let total = 0;
          for (let p = 0; p < perYear; p += 1) {
            const u = random.nextOpen01() * GRID;
            const lower = Math.floor(u);
            const draw =
              table[lower]! + (table[Math.min(lower + 1, GRID)]! - table[lower]!) * (u - lower);
            const value =
              definition.metric === 'availability'
                ? serviceMinutes > 0
                  ? (1 - Math.min(draw, serviceMinutes) / serviceMinutes) * 100
                  : 100
                : draw;
            const index = tierIndex(definition, thresholds, value);
            tierCounts[index + 1]! += 1;
            if (index >= 0) total += credits[index]!;
          }
          years[s] = total;
        }
      }

      const annualFeeMinor = definition.monthlyFeeMinor * 12;
      const summary = summarize(years, tierCounts, draws, tiers, credits);
      return {
        clauseId: row.id,
        currency: engagement.currency,
        periodsPerYear: perYear,
        annualFeeMinor,
        ...summary,
        shareOfFee: annualFeeMinor > 0 ? summary.expectedAnnualCreditMinor / annualFeeMinor : 0,
        historicalPeriods,
      };
    });
  },
};
