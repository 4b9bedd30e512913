import { SlaError } from './errors';

/** An instant: ISO 8601 text with an explicit offset or Z, or a Date. */
export type Timestamp = string | Date;

// A timestamp without an offset would be read in the machine's zone, so an incident
// would count differently on the consultant's laptop and at the client: require one.
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

function parseIsoInstant(text: string): number | null {
  const match = ISO_INSTANT.exec(text);
  if (!match) return null;
  const [, y, mo, d, h, mi, s = '0', fraction = '', zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const offsetHours = Number(zone.slice(1, 3));
    const offsetMins = Number(zone.slice(4, 6));
    if (offsetHours > 23 || offsetMins > 59) return null;
    offsetMinutes = sign * (offsetHours * 60 + offsetMins);
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
}

/** Epoch milliseconds of a timestamp; throws `SLA_INVALID_TIMESTAMP`. */
export function toEpochMs(value: Timestamp, field: string): number {
  const ms =
    value instanceof Date
      ? value.getTime()
      : typeof value === 'string'
        ? parseIsoInstant(value.trim())
        : null;
  if (ms === null || !Number.isFinite(ms)) {
    throw new SlaError('SLA_INVALID_TIMESTAMP', { field, value: String(value) });
  }
  return ms;
}

/** A [start, end) pair of instants; throws `SLA_END_BEFORE_START` when end < start. */
export function toEpochRange(
  start: Timestamp,
  end: Timestamp,
  field: string,
): { startMs: number; endMs: number } {
  const startMs = toEpochMs(start, `${field}.start`);
  const endMs = toEpochMs(end, `${field}.end`);
  if (endMs < startMs) {
    throw new SlaError('SLA_END_BEFORE_START', {
      field,
      start: new Date(startMs).toISOString(),
      end: new Date(endMs).toISOString(),
    });
  }
  return { startMs, endMs };
}

export function toIsoString(ms: number): string {
  return new Date(ms).toISOString();
}
