import { SlaError } from './errors';
import type Fraction from 'fraction.js';
import { numberToFraction, parseDecimal, toDecimalString } from './exact';

/** A quantity typed by a person or stored as text: a number, or decimal text like "99.95". */
export type DecimalInput = number | string;

/** Exact value of a number (read as its shortest decimal text) or of decimal text. */
export function toRational(value: unknown, field: string): Fraction {
  const parsed =
    typeof value === 'number'
      ? numberToFraction(value)
      : typeof value === 'string'
        ? parseDecimal(value)
        : null;
  if (!parsed) throw new SlaError('SLA_INVALID_NUMBER', { field, value: String(value) });
  return parsed;
}

/** A percentage in [0, 100], e.g. an availability target. */
export function toPercent(value: unknown, field: string): Fraction {
  const percent = toRational(value, field);
  if (percent.lt(0) || percent.gt(100)) {
    throw new SlaError('SLA_PERCENT_OUT_OF_RANGE', { field, value: String(value) });
  }
  return percent;
}

/** A fraction in [0, 1], e.g. the share of bad requests in a window. */
export function toUnitFraction(value: unknown, field: string): Fraction {
  const fraction = toRational(value, field);
  if (fraction.lt(0) || fraction.gt(1)) {
    throw new SlaError('SLA_PERCENT_OUT_OF_RANGE', { field, value: String(value) });
  }
  return fraction;
}

/** The length of a measurement period: strictly positive. */
export function toPeriodLength(value: unknown, field = 'periodMinutes'): Fraction {
  const length = toRational(value, field);
  if (!length.gt(0)) throw new SlaError('SLA_INVALID_PERIOD', { field, value: String(value) });
  return length;
}

/** Downtime measured in a period: never negative, never longer than the period. */
export function toDowntime(value: unknown, period: Fraction, field = 'downtimeMinutes'): Fraction {
  const downtime = toRational(value, field);
  if (downtime.lt(0)) {
    throw new SlaError('SLA_NEGATIVE_DOWNTIME', { field, value: String(value) });
  }
  if (downtime.gt(period)) {
    throw new SlaError('SLA_DOWNTIME_EXCEEDS_PERIOD', {
      field,
      value: String(value),
      period: toDecimalString(period),
    });
  }
  return downtime;
}

/** An amount of money in minor units: a non-negative safe integer. */
export function toMinorUnits(value: unknown, field: string): bigint {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new SlaError('SLA_INVALID_AMOUNT', { field, value: String(value) });
  }
  return BigInt(value);
}
