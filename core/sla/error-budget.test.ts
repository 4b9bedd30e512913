import { describe, expect, it } from 'vitest';
import {
  budgetRemaining,
  budgetSpentFraction,
  burnRate,
  burnRateForBudgetSpend,
  burnRateFromCounts,
  errorBudget,
  timeToExhaustionMinutes,
} from './error-budget';
import { errorCode } from './test-helpers';

const MONTH_30 = 43_200;

describe('errorBudget and budgetRemaining', () => {
  it('allows 43.2 bad minutes for 99.9 % over 30 days', () => {
    expect(errorBudget('99.9', MONTH_30)).toBe(43.2);
  });

  it('tracks what is left, exhaustion and breach exactly at the boundary', () => {
    expect(budgetRemaining('99.9', MONTH_30, 28.7)).toEqual({
      allowedMinutes: 43.2,
      consumedMinutes: 28.7,
      remainingMinutes: 14.5,
      remainingFraction: 14.5 / 43.2,
      exhausted: false,
      breached: false,
    });
    expect(budgetRemaining('99.9', MONTH_30, 43.2)).toMatchObject({
      remainingMinutes: 0,
      remainingFraction: 0,
      exhausted: true,
      breached: false,
    });
    expect(budgetRemaining('99.9', MONTH_30, 50)).toMatchObject({
      exhausted: true,
      breached: true,
    });
    expect(budgetRemaining('100', MONTH_30, 0)).toMatchObject({
      remainingFraction: null,
      exhausted: true,
      breached: false,
    });
  });
});

// Google SRE Workbook, "Alerting on SLOs" (https://sre.google/workbook/alerting-on-slos/):
// burn rate = error rate / (1 − SLO); with a 99.9 % SLO over 30 days, a burn rate of 1
// spends the budget in exactly 30 days, 2 in 15 days, 10 in 3 days, 1,000 in 43 minutes;
// the recommended page "2 % of the budget in 1 hour" is a burn rate of 14.4, "5 % in
// 6 hours" is 6 and the ticket "10 % in 3 days" is 1.
describe('burn rate (SRE Workbook)', () => {
  it('is 1 when errors arrive exactly at the budgeted rate', () => {
    expect(burnRate('99.9', 0.001)).toBe(1);
    expect(burnRate('99.9', '0.0144')).toBe(14.4);
    expect(burnRate('95', 0.05)).toBe(1);
    expect(burnRateFromCounts('99.9', 144, 10_000)).toBe(14.4);
    expect(burnRateFromCounts('99.9', 0, 0)).toBe(0);
  });

  it('reproduces the Workbook time-to-exhaustion table', () => {
    expect(timeToExhaustionMinutes(1, MONTH_30)! / 1440).toBe(30);
    expect(timeToExhaustionMinutes(2, MONTH_30)! / 1440).toBe(15);
    expect(timeToExhaustionMinutes(10, MONTH_30)! / 1440).toBe(3);
    expect(timeToExhaustionMinutes(1000, MONTH_30)).toBe(43.2);
    expect(timeToExhaustionMinutes(0, MONTH_30)).toBeNull();
    expect(timeToExhaustionMinutes(2, MONTH_30, 0.5)).toBe(10_800);
  });

  it('reproduces the Workbook alert thresholds', () => {
    expect(burnRateForBudgetSpend(0.02, 60, MONTH_30)).toBe(14.4);
    expect(burnRateForBudgetSpend(0.05, 360, MONTH_30)).toBe(6);
    expect(burnRateForBudgetSpend(0.1, 3 * 1440, MONTH_30)).toBe(1);
    expect(budgetSpentFraction(14.4, 60, MONTH_30)).toBe(0.02);
  });

  it('rejects a 100 % target, fractions outside [0, 1] and negative rates', () => {
    expect(errorCode(() => burnRate('100', 0.01))).toBe('SLA_ZERO_ERROR_BUDGET');
    expect(errorCode(() => burnRate('99.9', 1.5))).toBe('SLA_PERCENT_OUT_OF_RANGE');
    expect(errorCode(() => burnRate('101', 0.1))).toBe('SLA_PERCENT_OUT_OF_RANGE');
    expect(errorCode(() => burnRateFromCounts('99.9', 5, 4))).toBe('SLA_PERCENT_OUT_OF_RANGE');
    expect(errorCode(() => timeToExhaustionMinutes(-1, MONTH_30))).toBe('SLA_INVALID_NUMBER');
    expect(errorCode(() => budgetRemaining('99.9', MONTH_30, -1))).toBe('SLA_NEGATIVE_DOWNTIME');
  });
});
