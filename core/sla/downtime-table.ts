import { toPercent } from './input';
import Fraction from 'fraction.js';
import { toDecimalString, toNumber } from './exact';

/**
 * Reference periods of the "nines" table, with the lengths of Google's SRE book,
 * Appendix A "Availability Table" (https://sre.google/sre-book/availability-table/):
 * a 30-day month, a 90-day quarter (three such months) and a 365-day year — so 99.9 %
 * allows 43.2 minutes a month, 2.16 hours a quarter and 8.76 hours a year.
 */
export const DOWNTIME_TABLE_PERIODS = [
  { period: 'hour', periodMinutes: 60 },
  { period: 'day', periodMinutes: 1_440 },
  { period: 'week', periodMinutes: 10_080 },
  { period: 'month', periodMinutes: 43_200 },
  { period: 'quarter', periodMinutes: 129_600 },
  { period: 'year', periodMinutes: 525_600 },
] as const;

export type DowntimeTablePeriod = (typeof DOWNTIME_TABLE_PERIODS)[number]['period'];

export interface DowntimeTableRow {
  period: DowntimeTablePeriod;
  periodMinutes: number;
  /** Allowed downtime in minutes (nearest double of the exact value). */
  allowedMinutes: number;
  allowedSeconds: number;
  /** Exact decimal text of the allowed minutes. */
  allowedMinutesExact: string;
}

/** Allowed downtime per hour/day/week/month/quarter/year for a target, for calculators. */
export function downtimeTable(targetPercent: string): DowntimeTableRow[] {
  const budget = new Fraction(100).sub(toPercent(targetPercent, 'targetPercent')).div(100);
  return DOWNTIME_TABLE_PERIODS.map(({ period, periodMinutes }) => {
    const minutes = budget.mul(periodMinutes);
    return {
      period,
      periodMinutes,
      allowedMinutes: toNumber(minutes),
      allowedSeconds: toNumber(minutes.mul(60)),
      allowedMinutesExact: toDecimalString(minutes),
    };
  });
}
