import Fraction from 'fraction.js';
import { availabilityRatio, AVAILABILITY_DECIMALS, allowedDowntimeMinutes } from './availability';
import { applyCreditCaps, type CreditCapBinding } from './caps';
import { addDays, addMonths, formatCivilDate, type CivilDate } from './civil-date';
import {
  clauseCreditTier,
  meetsClauseTarget,
  windowFeeMinor,
  type ClauseCreditTier,
  type ClauseDefinition,
  type ExclusionKind,
} from './clause';
import { SlaError } from './errors';
import { numberToFraction, toDecimalString } from './exact';
import { percentile } from './percentile';
import { intersectMillis, serviceWindowsBetween } from './service-hours';
import { toEpochMs, toIsoString } from './timestamps';
import { assertTimeZone, wallClockToInstant } from './timezone';

/**
 * Compliance of one clause in one period, from its incidents and measurements. Pure.
 *
 * How the measured value is formed, per metric:
 * - availability: counted downtime (overlaps once, allowed exclusions skipped, clipped to
 *   the period, only inside service hours) against the period's service time, exact;
 * - latency-percentile: the clause's percentile of the period's recorded values (daily
 *   P99s → the P99 of those days, nearest-rank or linear as the clause says);
 * - mttr: mean restore time of the counted incidents that start in the period;
 * - support-response, rpo, rto, sync-lag: the worst (largest) recorded value;
 * - error-rate and custom: the mean of the recorded values.
 * An incident marked excluded counts anyway when the clause does not allow its kind.
 * Credit: the deepest tier the value passes (clause.ts), fee × percent half-up, then caps:
 * a per-incident cap shares the credit among incidents by counted downtime (availability,
 * MTTR); for measurement metrics the period's breach is one incident.
 */

export interface ComplianceIncident {
  id: string;
  start: string;
  end: string;
  /** `start`/`end` already parsed (epoch ms), when the caller has them: skips the parse. */
  startMs?: number;
  endMs?: number;
  cause: string;
  excluded: boolean;
  exclusionKind: ExclusionKind | null;
}

export interface ComplianceMeasurement {
  date: string;
  value: number;
}

export interface ResolvedPeriod {
  key: string;
  startMs: number;
  endMs: number;
  /** Local dates (clause time zone) of measurements that belong to the period. */
  firstDate: string;
  lastDate: string;
}

export interface ComplianceIncidentResult extends ComplianceIncident {
  exclusionNotAllowed: boolean;
  countedMinutes: number;
  counts: boolean;
}

export interface ComplianceResult {
  period: string;
  start: string;
  end: string;
  measured: string | null;
  met: boolean | null;
  sampleCount: number;
  downtimeMinutes: number | null;
  serviceMinutes: number | null;
  allowedDowntimeMinutes: number | null;
  creditPercent: number;
  tier: ClauseCreditTier | null;
  feeMinor: number;
  uncappedCreditMinor: number;
  creditMinor: number;
  capBoundBy: CreditCapBinding;
  incidents: ComplianceIncidentResult[];
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const DAY = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function mismatch(key: string, clause: ClauseDefinition): SlaError {
  return new SlaError('SLA_INVALID_PERIOD', {
    field: 'period',
    value: key,
    window: clause.window.kind,
    reason: 'SLA_PERIOD_MISMATCH',
  });
}

function span(timeZone: string, first: CivilDate, afterLast: CivilDate, key: string) {
  const last = addDays(afterLast, -1);
  return {
    key,
    startMs: wallClockToInstant(timeZone, first, 0),
    endMs: wallClockToInstant(timeZone, afterLast, 0),
    firstDate: formatCivilDate(first),
    lastDate: formatCivilDate(last),
  };
}

/**
 * The period a key names for this clause: `YYYY-MM` for monthly clauses, `YYYY-Qn` for
 * quarterly ones; a rolling N-day window ends at the end of the day `YYYY-MM-DD` or of the
 * month `YYYY-MM`. Boundaries are local midnights in the clause's time zone.
 */
const resolvedPeriods = new Map<string, ResolvedPeriod>();

export function resolvePeriod(clause: ClauseDefinition, key: string): ResolvedPeriod {
  const days = clause.window.kind === 'rolling-days' ? clause.window.days : 0;
  const cacheKey = `${clause.timeZone}|${clause.window.kind}|${days}|${key}`;
  const cached = resolvedPeriods.get(cacheKey);
  if (cached) return { ...cached };
  const resolved = resolveUncached(clause, key);
  if (resolvedPeriods.size > 10_000) resolvedPeriods.clear();
  resolvedPeriods.set(cacheKey, resolved);
  return { ...resolved };
}

function resolveUncached(clause: ClauseDefinition, key: string): ResolvedPeriod {
  assertTimeZone(clause.timeZone);
  const tz = clause.timeZone;
  const month = MONTH.exec(key);
  const quarter = QUARTER.exec(key);
  const day = DAY.exec(key);
  switch (clause.window.kind) {
    case 'calendar-month': {
      if (!month) throw mismatch(key, clause);
      const first = { year: Number(month[1]), month: Number(month[2]), day: 1 };
      return span(tz, first, addMonths(first, 1), key);
    }
    case 'quarter': {
      if (!quarter) throw mismatch(key, clause);
      const first = { year: Number(quarter[1]), month: (Number(quarter[2]) - 1) * 3 + 1, day: 1 };
      return span(tz, first, addMonths(first, 3), key);
    }
    case 'rolling-days': {
      let afterLast: CivilDate;
      if (month) {
        afterLast = addMonths({ year: Number(month[1]), month: Number(month[2]), day: 1 }, 1);
      } else if (day) {
        const date = { year: Number(day[1]), month: Number(day[2]), day: Number(day[3]) };
        if (formatCivilDate(date) !== key) throw mismatch(key, clause);
        afterLast = addDays(date, 1);
      } else {
        throw mismatch(key, clause);
      }
      return span(tz, addDays(afterLast, -clause.window.days), afterLast, key);
    }
  }
}

/** Period keys of the clause between two months (inclusive), for timelines. */
export function periodKeysBetween(
  clause: ClauseDefinition,
  fromMonth: string,
  toMonth: string,
): string[] {
  const from = MONTH.exec(fromMonth);
  const to = MONTH.exec(toMonth);
  if (!from || !to) throw new SlaError('SLA_INVALID_PERIOD', { field: 'from', value: fromMonth });
  const keys: string[] = [];
  let cursor: CivilDate = { year: Number(from[1]), month: Number(from[2]), day: 1 };
  const end: CivilDate = { year: Number(to[1]), month: Number(to[2]), day: 1 };
  const seen = new Set<string>();
  while (cursor.year < end.year || (cursor.year === end.year && cursor.month <= end.month)) {
    const key =
      clause.window.kind === 'quarter'
        ? `${cursor.year}-Q${Math.floor((cursor.month - 1) / 3) + 1}`
        : formatCivilDate(cursor).slice(0, 7);
    if (!seen.has(key)) {
      seen.add(key);
      keys.push(key);
    }
    cursor = addMonths(cursor, 1);
  }
  return keys;
}

function exclusionAllowed(clause: ClauseDefinition, kind: ExclusionKind | null): boolean {
  if (kind === 'maintenance') return clause.exclusions.maintenance;
  if (kind === 'client-caused') return clause.exclusions.clientCaused;
  if (kind === 'force-majeure') return clause.exclusions.forceMajeure;
  return false;
}

// Parsed instants per incident object: a timeline passes the same objects to every period.
// The texts are kept with them, so a mutated object is parsed again.
const parsedIncidents = new WeakMap<
  ComplianceIncident,
  { start: string; end: string; instants: [number, number] }
>();

function instantsOf(incident: ComplianceIncident, index: number): [number, number] {
  if (typeof incident.startMs === 'number' && typeof incident.endMs === 'number') {
    return [incident.startMs, incident.endMs];
  }
  const cached = parsedIncidents.get(incident);
  if (cached && cached.start === incident.start && cached.end === incident.end) {
    return cached.instants;
  }
  const instants: [number, number] = [
    toEpochMs(incident.start, `incidents.${index}.start`),
    toEpochMs(incident.end, `incidents.${index}.end`),
  ];
  parsedIncidents.set(incident, { start: incident.start, end: incident.end, instants });
  return instants;
}

function clipWindows(
  windows: readonly { startMs: number; endMs: number }[],
  startMs: number,
  endMs: number,
): { startMs: number; endMs: number }[] {
  const out: { startMs: number; endMs: number }[] = [];
  for (const w of windows) {
    if (w.endMs <= startMs || w.startMs >= endMs) continue;
    out.push({ startMs: Math.max(w.startMs, startMs), endMs: Math.min(w.endMs, endMs) });
  }
  return out;
}

function uncappedCredit(creditPercent: number, feeMinor: number): number {
  return applyCreditCaps({ creditPercent, feeMinor }).uncappedMinor;
}

// Allowed downtime by target and service minutes: a timeline sees the same few lengths.
const allowedCache = new Map<string, number>();

function allowedMinutes(target: string, serviceMinutes: number): number {
  const key = `${target}|${serviceMinutes}`;
  let value = allowedCache.get(key);
  if (value === undefined) {
    if (allowedCache.size > 10_000) allowedCache.clear();
    value = allowedDowntimeMinutes(target, serviceMinutes);
    allowedCache.set(key, value);
  }
  return value;
}

function exactMean(values: readonly number[]): Fraction {
  const sum = values.reduce((acc, v) => acc.add(numberToFraction(v)!), new Fraction(0));
  return sum.div(values.length);
}

function fromNumber(value: number): Fraction {
  return numberToFraction(value)!;
}

/** Compliance of the clause in a resolved period. Incidents and measurements may be wider. */
export function computeCompliance(
  clause: ClauseDefinition,
  period: ResolvedPeriod,
  incidents: readonly ComplianceIncident[],
  measurements: readonly ComplianceMeasurement[],
  /** Service windows covering at least the period (from `serviceWindowsBetween`), to reuse. */
  serviceWindows?: readonly { startMs: number; endMs: number }[],
): ComplianceResult {
  const { startMs, endMs } = period;
  const range = { start: toIsoString(startMs), end: toIsoString(endMs) };
  // Service windows of the period are read once; every span below is plain arithmetic.
  const windows = serviceWindows
    ? clipWindows(serviceWindows, startMs, endMs)
    : serviceWindowsBetween(startMs, endMs, clause.serviceHours);
  const spans: { startMs: number; endMs: number }[] = [];
  const results: ComplianceIncidentResult[] = [];
  incidents.forEach((incident, index) => {
    const [s, e] = instantsOf(incident, index);
    if (e < s) throw new SlaError('SLA_END_BEFORE_START', { field: `incidents.${index}` });
    if (!(e > startMs && s < endMs)) return;
    const allowed = incident.excluded && exclusionAllowed(clause, incident.exclusionKind);
    const counts = !allowed;
    const clipped = { startMs: Math.max(s, startMs), endMs: Math.min(e, endMs) };
    if (counts) spans.push(clipped);
    results.push({
      ...incident,
      exclusionNotAllowed: incident.excluded && !allowed,
      countedMinutes: counts
        ? intersectMillis(clipped.startMs, clipped.endMs, windows) / 60_000
        : 0,
      counts,
    });
  });
  const counting = results.filter((r) => r.counts);

  let measuredExact: Fraction | null = null;
  let measured: string | null = null;
  let sampleCount: number;
  let downtimeMinutes: number | null = null;
  let serviceMinutes: number | null = null;
  let allowed: number | null = null;
  let capWeights: number[];

  const values = measurements
    .filter((m) => m.date >= period.firstDate && m.date <= period.lastDate)
    .map((m) => m.value);

  switch (clause.metric) {
    case 'availability': {
      // Overlapping incidents count once: merge, then intersect with the service windows.
      spans.sort((a, b) => a.startMs - b.startMs);
      let downtimeMillis = 0;
      let current: { startMs: number; endMs: number } | null = null;
      for (const span of spans) {
        if (current && span.startMs <= current.endMs) {
          current.endMs = Math.max(current.endMs, span.endMs);
          continue;
        }
        if (current) downtimeMillis += intersectMillis(current.startMs, current.endMs, windows);
        current = { ...span };
      }
      if (current) downtimeMillis += intersectMillis(current.startMs, current.endMs, windows);
      const serviceMillis = windows.reduce((sum, w) => sum + (w.endMs - w.startMs), 0);
      sampleCount = counting.length;
      downtimeMinutes = downtimeMillis / 60_000;
      serviceMinutes = serviceMillis / 60_000;
      if (serviceMillis > 0) {
        measuredExact = availabilityRatio(downtimeMillis, serviceMillis);
        measured = toDecimalString(measuredExact, AVAILABILITY_DECIMALS);
        allowed = allowedMinutes(clause.target, serviceMinutes);
      }
      capWeights = counting.map((r) => r.countedMinutes);
      break;
    }
    case 'mttr': {
      const started = counting.filter((r) => {
        const s = toEpochMs(r.start, 'start');
        return s >= startMs && s < endMs;
      });
      sampleCount = started.length;
      if (started.length > 0) {
        const totalMs = started.reduce(
          (sum, r) => sum + (toEpochMs(r.end, 'end') - toEpochMs(r.start, 'start')),
          0,
        );
        const perUnit = clause.unit === 'h' ? 3_600_000 : 60_000;
        measuredExact = new Fraction(totalMs).div(started.length * perUnit);
        measured = toDecimalString(measuredExact, 4);
      }
      capWeights = started.map((r) => toEpochMs(r.end, 'end') - toEpochMs(r.start, 'start'));
      break;
    }
    default: {
      sampleCount = values.length;
      if (values.length > 0) {
        if (clause.metric === 'latency-percentile') {
          measuredExact = fromNumber(
            percentile(values, clause.percentile / 100, clause.percentileMethod),
          );
        } else if (clause.metric === 'error-rate' || clause.metric === 'custom') {
          measuredExact = exactMean(values);
        } else {
          measuredExact = fromNumber(Math.max(...values));
        }
        measured = toDecimalString(measuredExact, 6);
      }
      capWeights = [1];
    }
  }

  const met = measuredExact
    ? meetsClauseTarget(clause.direction, clause.target, measuredExact)
    : null;
  // Tiers are never on the met side of the target (validateClause), so a met period has none.
  const tier =
    measuredExact && met === false
      ? clauseCreditTier(clause.direction, clause.creditTiers, measuredExact)
      : null;
  const creditPercent = tier ? tier.creditPercent : 0;
  const feeMinor = windowFeeMinor(clause.window, clause.monthlyFeeMinor);
  const weights = capWeights.length > 0 ? capWeights : [1];
  const caps =
    creditPercent === 0
      ? { uncappedMinor: 0, creditMinor: 0, boundBy: 'none' as const }
      : applyCreditCaps({
          creditPercent,
          feeMinor,
          // A per-incident cap at or above the whole credit can never bind: skip the split.
          ...(clause.perIncidentCapMinor !== null &&
          clause.perIncidentCapMinor < uncappedCredit(creditPercent, feeMinor)
            ? {
                perIncidentCapMinor: clause.perIncidentCapMinor,
                incidents: weights.map((w) => ({ downtimeMinutes: w })),
              }
            : {}),
          ...(clause.perPeriodCapPercent !== null
            ? { perPeriodCapPercent: clause.perPeriodCapPercent }
            : {}),
        });

  return {
    period: period.key,
    start: range.start,
    end: range.end,
    measured,
    met,
    sampleCount,
    downtimeMinutes,
    serviceMinutes,
    allowedDowntimeMinutes: allowed,
    creditPercent,
    tier,
    feeMinor,
    uncappedCreditMinor: caps.uncappedMinor,
    creditMinor: caps.creditMinor,
    capBoundBy: caps.boundBy,
    incidents: results,
  };
}

/** Local date of an instant in the clause's zone (for the claim deadline). */
export function claimDeadline(clause: ClauseDefinition, period: ResolvedPeriod): string {
  const [y, m, d] = period.lastDate.split('-').map(Number) as [number, number, number];
  return formatCivilDate(addDays({ year: y, month: m, day: d }, clause.claimWindowDays));
}
