/**
 * Stable codes for every SLA input a consultant (or an import) can get wrong. The UI
 * translates by `code`; `details` carries plain values the translated message may show
 * (the field, the offending value); the English message is only a fallback for logs.
 */
export type SlaErrorCode =
  /** Not a finite number or not decimal text ("abc", NaN, Infinity). */
  | 'SLA_INVALID_NUMBER'
  /** A target, availability or percentage outside 0–100 (e.g. a 101 % target). */
  | 'SLA_PERCENT_OUT_OF_RANGE'
  /** Period length not positive, or a malformed period such as month "2026-13". */
  | 'SLA_INVALID_PERIOD'
  /** The period (e.g. a nominal 30-day month) has no start and end to clip against. */
  | 'SLA_PERIOD_HAS_NO_RANGE'
  | 'SLA_NEGATIVE_DOWNTIME'
  | 'SLA_DOWNTIME_EXCEEDS_PERIOD'
  /** A credit tier whose threshold or credit is out of range. */
  | 'SLA_INVALID_TIER'
  /** Two tiers with the same threshold ("99" and "99.0" count as the same). */
  | 'SLA_DUPLICATE_TIER'
  /** A deeper tier (lower threshold) paying less credit than a shallower one. */
  | 'SLA_TIER_CREDITS_NOT_MONOTONE'
  | 'SLA_EMPTY_VALUES'
  /** Percentile p outside [0, 1]. */
  | 'SLA_PERCENTILE_OUT_OF_RANGE'
  | 'SLA_INVALID_METHOD'
  /** Not an ISO timestamp with an explicit offset or Z. */
  | 'SLA_INVALID_TIMESTAMP'
  | 'SLA_END_BEFORE_START'
  | 'SLA_INVALID_TIME_ZONE'
  /** Malformed service hours: bad weekday, "25:00", from >= to, overlapping windows. */
  | 'SLA_INVALID_SERVICE_HOURS'
  | 'SLA_EMPTY_COMPONENTS'
  /** A 100 % target leaves no error budget, so a burn rate is undefined. */
  | 'SLA_ZERO_ERROR_BUDGET'
  /** A fee or cap that is not a non-negative safe integer of minor units. */
  | 'SLA_INVALID_AMOUNT'
  /** A per-incident cap was given for a credit but no incidents to apply it to. */
  | 'SLA_CAP_NEEDS_INCIDENTS';

export type SlaErrorDetails = Record<string, string | number | boolean>;

export class SlaError extends Error {
  readonly code: SlaErrorCode;
  readonly details: SlaErrorDetails;

  constructor(code: SlaErrorCode, details: SlaErrorDetails = {}) {
    const hint = Object.entries(details)
      .map(([key, value]) => `${key}=${String(value)}`)
      .join(' ');
    super(hint ? `${code} ${hint}` : code);
    this.name = 'SlaError';
    this.code = code;
    this.details = details;
  }
}

export function isSlaError(error: unknown): error is SlaError {
  return error instanceof SlaError;
}
