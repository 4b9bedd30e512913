import type Fraction from 'fraction.js';
import { normalizeCreditTiers } from './credits';
import { isSlaError, type SlaErrorCode } from './errors';
import { parseDecimal, toDecimalString } from './exact';
import { validateServiceHours, type ServiceHours } from './service-hours';
import type { PercentileMethod } from './percentile';

/**
 * A structured SLA clause, as stored and as the wording generator reads it. Rules:
 *
 * - `target` is decimal text in `unit`; `direction` says which side meets it
 *   (`at-least` 99.95 % availability, `at-most` 800 ms P99).
 * - Credit tiers follow the direction. For `at-least` metrics a tier is
 *   `{ below, creditPercent }`: a measured value strictly below `below` earns the credit
 *   (core/sla's own tiers, validated by `normalizeCreditTiers` when the unit is percent).
 *   For `at-most` metrics a tier is `{ above, creditPercent }`: a measured value strictly
 *   above `above` earns it. In both cases the deepest tier the value passes applies, a
 *   deeper tier never pays less, thresholds are distinct, and no tier is on the met side of
 *   the target (a `below` above an at-least target, an `above` under an at-most target).
 * - Every metric has a fixed unit family and direction (see `METRIC_RULES`); `custom`
 *   takes any unit and either direction and needs a name.
 */

export const SLA_METRICS = [
  'availability',
  'latency-percentile',
  'mttr',
  'support-response',
  'rpo',
  'rto',
  'error-rate',
  'sync-lag',
  'custom',
] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];

export const SLA_UNITS = ['percent', 'ms', 's', 'min', 'h', 'count'] as const;
export type SlaUnit = (typeof SLA_UNITS)[number];

export type SlaDirection = 'at-least' | 'at-most';
export type SupportPriority = 'P1' | 'P2' | 'P3' | 'P4';
export type ExclusionKind = 'maintenance' | 'client-caused' | 'force-majeure';

export type MeasurementWindow =
  { kind: 'calendar-month' } | { kind: 'quarter' } | { kind: 'rolling-days'; days: number };

export type ClauseCreditTier =
  { below: string; creditPercent: number } | { above: string; creditPercent: number };

export interface ClauseExclusions {
  maintenance: boolean;
  clientCaused: boolean;
  forceMajeure: boolean;
}

export interface LocalizedText {
  en: string;
  'zh-CN': string;
}

export interface ClauseDefinition {
  metric: SlaMetric;
  /** What is measured, e.g. "GET /reports" or "the order API"; empty = the Service. */
  subject: LocalizedText;
  /** Name of a custom metric (required for `custom`). */
  customName: LocalizedText;
  target: string;
  unit: SlaUnit;
  direction: SlaDirection;
  window: MeasurementWindow;
  /** Zone of calendar period boundaries and measurement days. */
  timeZone: string;
  serviceHours: ServiceHours;
  /** For latency: the percentile, e.g. 99 (P99). */
  percentile: number;
  percentileMethod: PercentileMethod;
  supportPriority: SupportPriority | null;
  exclusions: ClauseExclusions;
  creditTiers: ClauseCreditTier[];
  perIncidentCapMinor: number | null;
  /** Percent of the period fee, decimal text, e.g. "30". */
  perPeriodCapPercent: string | null;
  /** Monthly fee the credit is a percentage of, minor units of the engagement currency. */
  monthlyFeeMinor: number;
  claimWindowDays: number;
}

export interface MetricRule {
  units: readonly SlaUnit[];
  direction: SlaDirection | null;
}

export const METRIC_RULES: Record<SlaMetric, MetricRule> = {
  availability: { units: ['percent'], direction: 'at-least' },
  'latency-percentile': { units: ['ms', 's'], direction: 'at-most' },
  mttr: { units: ['min', 'h'], direction: 'at-most' },
  'support-response': { units: ['min', 'h'], direction: 'at-most' },
  rpo: { units: ['s', 'min', 'h'], direction: 'at-most' },
  rto: { units: ['min', 'h'], direction: 'at-most' },
  'error-rate': { units: ['percent'], direction: 'at-most' },
  'sync-lag': { units: ['ms', 's', 'min', 'h'], direction: 'at-most' },
  custom: { units: SLA_UNITS, direction: null },
};

export interface ClauseIssue {
  path: (string | number)[];
  reason: string;
  message: string;
}

export function tierThreshold(tier: ClauseCreditTier): string {
  return 'below' in tier ? tier.below : tier.above;
}

// Parsed decimals by text: compliance timelines compare the same target and thresholds
// hundreds of times. Fractions are immutable, so sharing them is safe.
const parsedDecimals = new Map<string, Fraction | null>();

function exact(text: string): Fraction | null {
  if (typeof text !== 'string') return null;
  let value = parsedDecimals.get(text);
  if (value === undefined) {
    if (parsedDecimals.size > 10_000) parsedDecimals.clear();
    value = parseDecimal(text);
    parsedDecimals.set(text, value);
  }
  return value;
}

/** Canonical decimal text ("99.950" → "99.95"), or the input when it is not a decimal. */
export function canonicalDecimal(text: string): string {
  const value = exact(text);
  return value ? toDecimalString(value) : text;
}

/**
 * Every rule a clause must satisfy beyond the shape of its fields. Empty when valid.
 * Reasons are stable codes for translation (`SLA_*`).
 */
export function validateClause(clause: ClauseDefinition): ClauseIssue[] {
  const issues: ClauseIssue[] = [];
  const add = (path: (string | number)[], reason: string, message: string) =>
    issues.push({ path, reason, message });
  const rule = METRIC_RULES[clause.metric];
  if (!rule.units.includes(clause.unit)) {
    add(['unit'], 'SLA_UNIT_NOT_FOR_METRIC', `${clause.metric} is not measured in ${clause.unit}.`);
  }
  if (rule.direction && clause.direction !== rule.direction) {
    add(
      ['direction'],
      'SLA_DIRECTION_NOT_FOR_METRIC',
      `${clause.metric} must be ${rule.direction} its target.`,
    );
  }
  if (clause.metric === 'custom' && clause.customName.en.trim() === '') {
    add(['customName', 'en'], 'SLA_CUSTOM_NEEDS_NAME', 'A custom metric needs a name.');
  }
  if (clause.metric === 'support-response' && !clause.supportPriority) {
    add(['supportPriority'], 'SLA_PRIORITY_REQUIRED', 'Support response needs a priority.');
  }
  if (
    clause.metric === 'latency-percentile' &&
    !(clause.percentile > 0 && clause.percentile <= 100)
  ) {
    add(['percentile'], 'SLA_PERCENTILE_OUT_OF_RANGE', 'The percentile must be in (0, 100].');
  }
  const target = exact(clause.target);
  if (!target) {
    add(['target'], 'SLA_INVALID_NUMBER', `Target ${clause.target} is not a number.`);
  } else if (target.lt(0)) {
    add(['target'], 'SLA_INVALID_NUMBER', 'The target cannot be negative.');
  } else if (clause.unit === 'percent' && target.gt(100)) {
    add(['target'], 'SLA_PERCENT_OUT_OF_RANGE', `A target of ${clause.target} % is above 100 %.`);
  } else if (clause.metric === 'availability' && !target.gt(0)) {
    add(['target'], 'SLA_PERCENT_OUT_OF_RANGE', 'An availability target must be above 0 %.');
  }
  try {
    validateServiceHours(clause.serviceHours);
  } catch (error) {
    if (!isSlaError(error)) throw error;
    add(['serviceHours'], error.code, `Service hours are not valid (${error.message}).`);
  }
  if (clause.perPeriodCapPercent !== null) {
    const cap = exact(clause.perPeriodCapPercent);
    if (!cap || cap.lt(0) || cap.gt(100)) {
      add(['perPeriodCapPercent'], 'SLA_PERCENT_OUT_OF_RANGE', 'The period cap is 0–100 %.');
    }
  }
  issues.push(...validateTiers(clause, target));
  return issues;
}

function validateTiers(clause: ClauseDefinition, target: Fraction | null): ClauseIssue[] {
  const issues: ClauseIssue[] = [];
  const key = clause.direction === 'at-least' ? 'below' : 'above';
  const parsed: { index: number; value: Fraction; credit: number }[] = [];
  clause.creditTiers.forEach((tier, index) => {
    if (!(key in tier)) {
      issues.push({
        path: ['creditTiers', index],
        reason: 'SLA_TIER_WRONG_SIDE',
        message: `An ${clause.direction} clause takes "${key}" tiers.`,
      });
      return;
    }
    const value = exact(tierThreshold(tier));
    if (!value || !value.gt(0) || (clause.unit === 'percent' && value.gt(100))) {
      issues.push({
        path: ['creditTiers', index, key],
        reason: 'SLA_INVALID_TIER',
        message: `Tier threshold ${tierThreshold(tier)} is not valid.`,
      });
      return;
    }
    if (target && (key === 'below' ? value.gt(target) : value.lt(target))) {
      issues.push({
        path: ['creditTiers', index, key],
        reason: 'SLA_TIER_BEYOND_TARGET',
        message: `Tier ${tierThreshold(tier)} would pay a credit while the target ${clause.target} is met.`,
      });
    }
    parsed.push({ index, value, credit: tier.creditPercent });
  });
  if (issues.length > 0) return issues;
  if (clause.direction === 'at-least' && clause.unit === 'percent') {
    try {
      normalizeCreditTiers(clause.creditTiers as { below: string; creditPercent: number }[]);
    } catch (error) {
      if (!isSlaError(error)) throw error;
      issues.push({
        path: ['creditTiers'],
        reason: error.code,
        message: `The credit tiers are not valid (${error.message}).`,
      });
    }
    return issues;
  }
  // Shallowest first: for at-least the highest threshold, for at-most the lowest.
  parsed.sort((a, b) => (key === 'below' ? b.value.compare(a.value) : a.value.compare(b.value)));
  for (let i = 1; i < parsed.length; i += 1) {
    const shallow = parsed[i - 1]!;
    const deep = parsed[i]!;
    const code: SlaErrorCode | null = deep.value.equals(shallow.value)
      ? 'SLA_DUPLICATE_TIER'
      : deep.credit < shallow.credit
        ? 'SLA_TIER_CREDITS_NOT_MONOTONE'
        : null;
    if (code) {
      issues.push({
        path: ['creditTiers', deep.index],
        reason: code,
        message:
          code === 'SLA_DUPLICATE_TIER'
            ? `Two tiers have the threshold ${toDecimalString(deep.value)}.`
            : 'A deeper tier pays less than a shallower one.',
      });
    }
  }
  return issues;
}

/**
 * Tiers in canonical form: thresholds as canonical decimal text, shallowest first
 * (highest `below` / lowest `above`). Call on a valid clause.
 */
// Normalised tiers per array (a timeline evaluates one clause's tiers hundreds of times);
// the content is kept too, so an array changed in place is normalised again.
const normalizedTiers = new WeakMap<
  readonly ClauseCreditTier[],
  { direction: SlaDirection; text: string; tiers: ClauseCreditTier[] }
>();

export function normalizeClauseTiers(
  direction: SlaDirection,
  tiers: readonly ClauseCreditTier[],
): ClauseCreditTier[] {
  const text = JSON.stringify(tiers);
  const cached = normalizedTiers.get(tiers);
  if (cached && cached.direction === direction && cached.text === text) {
    return cached.tiers.map((t) => ({ ...t }));
  }
  const normalized = sortTiers(direction, tiers);
  normalizedTiers.set(tiers, { direction, text, tiers: normalized });
  return normalized.map((t) => ({ ...t }));
}

function sortTiers(
  direction: SlaDirection,
  tiers: readonly ClauseCreditTier[],
): ClauseCreditTier[] {
  const rows = tiers.map((tier) => ({
    tier,
    value: exact(tierThreshold(tier))!,
  }));
  rows.sort((a, b) =>
    direction === 'at-least' ? b.value.compare(a.value) : a.value.compare(b.value),
  );
  return rows.map(({ tier, value }) =>
    'below' in tier
      ? { below: toDecimalString(value), creditPercent: tier.creditPercent }
      : { above: toDecimalString(value), creditPercent: tier.creditPercent },
  );
}

/** Does a measured value (decimal text) meet the target? Exact. */
export function meetsClauseTarget(
  direction: SlaDirection,
  target: string,
  measured: string | Fraction,
): boolean {
  const t = exact(target)!;
  const m = typeof measured === 'string' ? exact(measured)! : measured;
  return direction === 'at-least' ? m.gte(t) : m.lte(t);
}

/**
 * The credit of the deepest tier a measured value (decimal text) passes: strictly below a
 * `below` threshold or strictly above an `above` threshold; 0 when none.
 */
export function clauseCreditTier(
  direction: SlaDirection,
  tiers: readonly ClauseCreditTier[],
  measured: string | Fraction,
): ClauseCreditTier | null {
  const m = typeof measured === 'string' ? exact(measured) : measured;
  if (!m) return null;
  let applied: ClauseCreditTier | null = null;
  for (const tier of normalizeClauseTiers(direction, tiers)) {
    const threshold = exact(tierThreshold(tier))!;
    const passes = direction === 'at-least' ? m.lt(threshold) : m.gt(threshold);
    if (!passes) break;
    applied = tier;
  }
  return applied;
}

/** Months of fee a measurement window stands for: 1, 3, or days / 30 for rolling windows. */
export function windowFeeMinor(window: MeasurementWindow, monthlyFeeMinor: number): number {
  if (window.kind === 'calendar-month') return monthlyFeeMinor;
  if (window.kind === 'quarter') return monthlyFeeMinor * 3;
  // Half-up to a minor unit: monthly × days / 30.
  return Number((BigInt(monthlyFeeMinor) * BigInt(window.days) * 2n + 30n) / 60n);
}
