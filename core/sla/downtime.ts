import { periodRangeMs, type SlaPeriod } from './periods';
import {
  SERVICE_HOURS_24X7,
  serviceMillisBetween,
  validateServiceHours,
  type ServiceHours,
} from './service-hours';
import { toEpochRange, toIsoString, type Timestamp } from './timestamps';

/** An outage as recorded: [start, end). Excluded ones (client-caused, force majeure) don't count. */
export interface Incident {
  start: Timestamp;
  end: Timestamp;
  excluded?: boolean;
}

export interface TimeRange {
  start: Timestamp;
  end: Timestamp;
}

export interface CountedDowntimeOptions {
  /** Count only inside this range … */
  range?: TimeRange;
  /** … and/or inside this period (both given: their intersection). */
  period?: SlaPeriod;
  /** Count only service minutes (default around the clock). */
  serviceHours?: ServiceHours;
  /** Windows that never count, e.g. announced maintenance. */
  excludedWindows?: readonly TimeRange[];
}

export interface CountedDowntime {
  /** Counted downtime in integer milliseconds (exact; feed it to availability with ms periods). */
  millis: number;
  minutes: number;
  /** The counted stretches: merged, clipped, exclusions removed (before service hours). */
  intervals: { start: string; end: string }[];
}

interface Span {
  startMs: number;
  endMs: number;
}

/** Sorted, non-overlapping union; touching spans join. */
function merge(spans: Span[]): Span[] {
  const sorted = spans
    .filter((span) => span.endMs > span.startMs)
    .sort((a, b) => a.startMs - b.startMs);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.startMs <= last.endMs) last.endMs = Math.max(last.endMs, span.endMs);
    else merged.push({ ...span });
  }
  return merged;
}

function clip(spans: Span[], bounds: Span): Span[] {
  return spans
    .map((span) => ({
      startMs: Math.max(span.startMs, bounds.startMs),
      endMs: Math.min(span.endMs, bounds.endMs),
    }))
    .filter((span) => span.endMs > span.startMs);
}

/** `spans` minus `holes`; both sorted and non-overlapping. */
function subtract(spans: Span[], holes: Span[]): Span[] {
  const result: Span[] = [];
  for (const span of spans) {
    let cursor = span.startMs;
    for (const hole of holes) {
      if (hole.endMs <= cursor || hole.startMs >= span.endMs) continue;
      if (hole.startMs > cursor) result.push({ startMs: cursor, endMs: hole.startMs });
      cursor = Math.max(cursor, hole.endMs);
    }
    if (cursor < span.endMs) result.push({ startMs: cursor, endMs: span.endMs });
  }
  return result;
}

/**
 * Downtime that counts against the SLA: excluded incidents skipped, overlapping incidents
 * counted once, clipped to the range/period, minus excluded windows, and only inside
 * service hours. Throws `SLA_END_BEFORE_START` / `SLA_INVALID_TIMESTAMP` for bad incidents.
 */
export function countedDowntime(
  incidents: readonly Incident[],
  options: CountedDowntimeOptions = {},
): CountedDowntime {
  const hours = options.serviceHours ?? SERVICE_HOURS_24X7;
  validateServiceHours(hours);
  const spans = incidents.map((incident, index) => ({
    ...toEpochRange(incident.start, incident.end, `incidents.${index}`),
    excluded: incident.excluded === true,
  }));
  let counted = merge(spans.filter((span) => !span.excluded));
  if (options.range)
    counted = clip(counted, toEpochRange(options.range.start, options.range.end, 'range'));
  if (options.period) counted = clip(counted, periodRangeMs(options.period));
  if (options.excludedWindows?.length) {
    const holes = merge(
      options.excludedWindows.map((window, index) =>
        toEpochRange(window.start, window.end, `excludedWindows.${index}`),
      ),
    );
    counted = subtract(counted, holes);
  }
  const millis = counted.reduce(
    (sum, span) => sum + serviceMillisBetween(span.startMs, span.endMs, hours),
    0,
  );
  return {
    millis,
    minutes: millis / 60_000,
    intervals: counted.map((span) => ({
      start: toIsoString(span.startMs),
      end: toIsoString(span.endMs),
    })),
  };
}

/** Minutes of one incident that count (0 when it is excluded). */
export function countedIncidentMinutes(
  incident: Incident,
  options: CountedDowntimeOptions = {},
): number {
  return countedDowntime([incident], options).minutes;
}
