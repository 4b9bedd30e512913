/**
 * SLA math: availability and allowed downtime, service-credit tiers and caps, measurement
 * periods and service hours in a time zone, counted downtime, percentiles, MTTR/MTBF,
 * error budgets and burn rates, composed availability. Boundaries compare exactly (BigInt
 * rationals from fraction.js), never in floating point. See README.md for the conventions.
 */
export { SlaError, isSlaError, type SlaErrorCode, type SlaErrorDetails } from './errors';
export type { DecimalInput } from './input';
export {
  AVAILABILITY_DECIMALS,
  allowedDowntimeMinutes,
  allowedDowntimeMinutesExact,
  availabilityPercent,
  meetsTarget,
} from './availability';
export {
  evaluateServiceCredit,
  normalizeCreditTiers,
  serviceCreditPercent,
  type CreditTier,
  type ServiceCreditEvaluation,
} from './credits';
export {
  applyCreditCaps,
  type CreditCapBinding,
  type CreditCapIncident,
  type CreditCapInput,
  type CreditCapResult,
} from './caps';
export { percentile, type PercentileMethod } from './percentile';
export type { Timestamp } from './timestamps';
export { periodMinutes, periodRange, type PeriodRange, type SlaPeriod } from './periods';
export {
  SERVICE_HOURS_24X7,
  businessHours,
  serviceMillisInRange,
  serviceMinutesInRange,
  servicePeriodMinutes,
  validateServiceHours,
  type IsoWeekday,
  type ServiceHours,
  type ServiceWindow,
} from './service-hours';
export {
  countedDowntime,
  countedIncidentMinutes,
  type CountedDowntime,
  type CountedDowntimeOptions,
  type Incident,
  type TimeRange,
} from './downtime';
export { mtbfMinutes, mttrMinutes } from './reliability';
export {
  budgetRemaining,
  budgetSpentFraction,
  burnRate,
  burnRateForBudgetSpend,
  burnRateFromCounts,
  errorBudget,
  timeToExhaustionMinutes,
  type ErrorBudgetStatus,
} from './error-budget';
export {
  composeAvailability,
  redundantAvailability,
  serialAvailability,
  type AvailabilityNode,
} from './composition';
export {
  DOWNTIME_TABLE_PERIODS,
  downtimeTable,
  type DowntimeTablePeriod,
  type DowntimeTableRow,
} from './downtime-table';
