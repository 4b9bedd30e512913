import { SlaError } from './errors';
import {
  toDowntime,
  toUnitFraction,
  toPercent,
  toPeriodLength,
  toRational,
  type DecimalInput,
} from './input';
import Fraction from 'fraction.js';
import { toNumber } from './exact';

/**
 * Error budgets and burn rates as defined in Google's SRE Workbook, chapter "Alerting on
 * SLOs" (https://sre.google/workbook/alerting-on-slos/): the budget is 1 − SLO of the
 * window, and "burn rate is how fast, relative to the SLO, the service consumes the error
 * budget" — a burn rate of 1 spends exactly the whole budget over the SLO window.
 */

function budgetFraction(targetPercent: DecimalInput): Fraction {
  const target = toPercent(targetPercent, 'targetPercent');
  return new Fraction(100).sub(target).div(100);
}

/** Bad minutes the target allows over the period (99.9 % of 43,200 min → 43.2). */
export function errorBudget(targetPercent: string, periodMinutes: DecimalInput): number {
  return toNumber(budgetFraction(targetPercent).mul(toPeriodLength(periodMinutes)));
}

export interface ErrorBudgetStatus {
  allowedMinutes: number;
  consumedMinutes: number;
  /** Negative once the budget is overspent. */
  remainingMinutes: number;
  /** remaining / allowed (1 untouched, 0 spent, negative overspent); null for a zero budget. */
  remainingFraction: number | null;
  /** Nothing left: remaining ≤ 0. Exactly spending the budget still meets the SLO. */
  exhausted: boolean;
  /** Overspent: the SLO is missed for the period. */
  breached: boolean;
}

export function budgetRemaining(
  targetPercent: string,
  periodMinutes: DecimalInput,
  badMinutesSoFar: DecimalInput,
): ErrorBudgetStatus {
  const period = toPeriodLength(periodMinutes);
  const allowed = budgetFraction(targetPercent).mul(period);
  const consumed = toDowntime(badMinutesSoFar, period, 'badMinutesSoFar');
  const remaining = allowed.sub(consumed);
  return {
    allowedMinutes: toNumber(allowed),
    consumedMinutes: toNumber(consumed),
    remainingMinutes: toNumber(remaining),
    remainingFraction: allowed.equals(0) ? null : toNumber(remaining.div(allowed)),
    exhausted: !remaining.gt(0),
    breached: remaining.lt(0),
  };
}

function budgetOrThrow(targetPercent: DecimalInput): Fraction {
  const budget = budgetFraction(targetPercent);
  if (budget.equals(0))
    throw new SlaError('SLA_ZERO_ERROR_BUDGET', { targetPercent: String(targetPercent) });
  return budget;
}

/**
 * Burn rate of an observed bad fraction (bad events / all events, or bad minutes / minutes,
 * over the alerting window): badFraction / (1 − SLO). With a 99.9 % SLO, 1.44 % bad is 14.4.
 */
export function burnRate(targetPercent: string, badFraction: DecimalInput): number {
  const bad = toUnitFraction(badFraction, 'badFraction');
  return toNumber(bad.div(budgetOrThrow(targetPercent)));
}

/** Burn rate from counts in the window; 0 when nothing was measured. */
export function burnRateFromCounts(
  targetPercent: string,
  badEvents: number,
  totalEvents: number,
): number {
  const total = toRational(totalEvents, 'totalEvents');
  const bad = toRational(badEvents, 'badEvents');
  if (total.lt(0) || bad.lt(0) || bad.gt(total)) {
    throw new SlaError('SLA_PERCENT_OUT_OF_RANGE', {
      field: 'badEvents',
      value: String(badEvents),
    });
  }
  if (total.equals(0)) {
    budgetOrThrow(targetPercent);
    return 0;
  }
  return toNumber(bad.div(total).div(budgetOrThrow(targetPercent)));
}

/**
 * The burn rate at which `budgetSpent` (a fraction, 0.02 = 2 %) of the budget goes in one
 * alerting window: budgetSpent × SLO window / alert window. The Workbook's page threshold:
 * 2 % of a 30-day budget in 1 hour is 14.4.
 */
export function burnRateForBudgetSpend(
  budgetSpent: DecimalInput,
  alertWindowMinutes: DecimalInput,
  sloWindowMinutes: DecimalInput,
): number {
  const spent = toUnitFraction(budgetSpent, 'budgetSpent');
  const alertWindow = toPeriodLength(alertWindowMinutes, 'alertWindowMinutes');
  const sloWindow = toPeriodLength(sloWindowMinutes, 'sloWindowMinutes');
  return toNumber(spent.mul(sloWindow).div(alertWindow));
}

/** Share of the whole budget a burn rate spends in one alerting window. */
export function budgetSpentFraction(
  rate: DecimalInput,
  alertWindowMinutes: DecimalInput,
  sloWindowMinutes: DecimalInput,
): number {
  const burn = nonNegative(rate, 'burnRate');
  const alertWindow = toPeriodLength(alertWindowMinutes, 'alertWindowMinutes');
  const sloWindow = toPeriodLength(sloWindowMinutes, 'sloWindowMinutes');
  return toNumber(burn.mul(alertWindow).div(sloWindow));
}

/**
 * Minutes until the budget (or the remaining share of it) is gone at a steady burn rate:
 * remaining × SLO window / burn rate. At 1,000× a 30-day budget lasts 43.2 minutes. Null
 * when the rate is 0 (the budget never runs out).
 */
export function timeToExhaustionMinutes(
  rate: DecimalInput,
  sloWindowMinutes: DecimalInput,
  remainingBudgetFraction: DecimalInput = 1,
): number | null {
  const burn = nonNegative(rate, 'burnRate');
  const sloWindow = toPeriodLength(sloWindowMinutes, 'sloWindowMinutes');
  const remaining = toRational(remainingBudgetFraction, 'remainingBudgetFraction');
  if (remaining.gt(1)) {
    throw new SlaError('SLA_PERCENT_OUT_OF_RANGE', {
      field: 'remainingBudgetFraction',
      value: String(remainingBudgetFraction),
    });
  }
  if (!remaining.gt(0)) return 0;
  if (burn.equals(0)) return null;
  return toNumber(remaining.mul(sloWindow).div(burn));
}

function nonNegative(value: DecimalInput, field: string): Fraction {
  const parsed = toRational(value, field);
  if (parsed.lt(0)) throw new SlaError('SLA_INVALID_NUMBER', { field, value: String(value) });
  return parsed;
}
