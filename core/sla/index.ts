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
  serviceWindowsBetween,
  intersectMillis,
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
export {
  METRIC_RULES,
  SLA_METRICS,
  SLA_UNITS,
  canonicalDecimal,
  clauseCreditTier,
  meetsClauseTarget,
  normalizeClauseTiers,
  tierThreshold,
  validateClause,
  windowFeeMinor,
  type ClauseCreditTier,
  type ClauseDefinition,
  type ClauseExclusions,
  type ClauseIssue,
  type ExclusionKind,
  type LocalizedText,
  type MeasurementWindow,
  type MetricRule,
  type SlaDirection,
  type SlaMetric,
  type SlaUnit,
  type SupportPriority,
} from './clause';
export { clauseWording, clauseWordings, type WordingLocale, type WordingOptions } from './wording';
export {
  CLAUSE_LIBRARY,
  CLOUD_STYLES,
  PAIN_RULES,
  clauseDraft,
  cloudStyleTiers,
  matchKeywords,
  suggestClauses,
  templatesFor,
  type ClauseTemplate,
  type ClauseTemplateDraft,
  type CloudStyle,
  type PainCategory,
  type PainRule,
  type PainSuggestion,
} from './library';
export {
  claimDeadline,
  computeCompliance,
  periodKeysBetween,
  resolvePeriod,
  type ComplianceIncident,
  type ComplianceIncidentResult,
  type ComplianceMeasurement,
  type ComplianceResult,
  type ResolvedPeriod,
} from './compliance';
