import type { Incident, TimeRange } from './downtime';
import { countedDowntime } from './downtime';
import { toEpochRange } from './timestamps';

function countedIncidents(incidents: readonly Incident[]): { startMs: number; endMs: number }[] {
  return incidents
    .map((incident, index) => ({
      ...toEpochRange(incident.start, incident.end, `incidents.${index}`),
      excluded: incident.excluded === true,
    }))
    .filter((incident) => !incident.excluded);
}

/**
 * Mean time to restore, in minutes: the mean of end − start over the incidents that are
 * not excluded, each incident on its own (two overlapping outages are two restorations).
 * Null when no incident counts.
 */
export function mttrMinutes(incidents: readonly Incident[]): number | null {
  const counted = countedIncidents(incidents);
  if (counted.length === 0) return null;
  const totalMs = counted.reduce((sum, incident) => sum + (incident.endMs - incident.startMs), 0);
  return totalMs / counted.length / 60_000;
}

/**
 * Mean time between failures over a range, in minutes: uptime in the range (its length
 * minus the merged counted downtime) divided by the number of counted incidents that start
 * in it. Null when none starts in it.
 */
export function mtbfMinutes(incidents: readonly Incident[], range: TimeRange): number | null {
  const { startMs, endMs } = toEpochRange(range.start, range.end, 'range');
  const failures = countedIncidents(incidents).filter(
    (incident) => incident.startMs >= startMs && incident.startMs < endMs,
  ).length;
  if (failures === 0) return null;
  const downtimeMs = countedDowntime(incidents, { range }).millis;
  return (endMs - startMs - downtimeMs) / failures / 60_000;
}
