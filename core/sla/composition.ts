import { SlaError } from './errors';
import { toPercent } from './input';
import Fraction from 'fraction.js';
import { toDecimalString } from './exact';

/**
 * A dependency structure: a component's availability in percent ("99.95"), or components
 * that all must work (`serial`) or of which any one suffices (`parallel`, redundant).
 */
export type AvailabilityNode =
  string | { kind: 'serial' | 'parallel'; parts: readonly AvailabilityNode[] };

function fractionOf(node: AvailabilityNode, path: string): Fraction {
  if (typeof node === 'string' || typeof node === 'number') {
    return toPercent(node, path).div(100);
  }
  if (node?.kind !== 'serial' && node?.kind !== 'parallel') {
    throw new SlaError('SLA_INVALID_NUMBER', { field: path, value: JSON.stringify(node) ?? '' });
  }
  if (!Array.isArray(node.parts) || node.parts.length === 0) {
    throw new SlaError('SLA_EMPTY_COMPONENTS', { field: `${path}.parts` });
  }
  const parts = node.parts.map((part, index) => fractionOf(part, `${path}.parts.${index}`));
  const one = new Fraction(1);
  if (node.kind === 'serial') return parts.reduce((product, part) => product.mul(part), one);
  // Redundant: down only when every part is down at once (failures assumed independent).
  const allDown = parts.reduce((product, part) => product.mul(one.sub(part)), one);
  return one.sub(allDown);
}

/**
 * Availability of a nested structure in percent, as exact decimal text: products of
 * terminating decimals terminate, so nothing is rounded.
 */
export function composeAvailability(node: AvailabilityNode): string {
  return toDecimalString(fractionOf(node, 'availability').mul(100));
}

/** All parts needed: Π aᵢ. serialAvailability(['99.9', '99.95']) = "99.85005". */
export function serialAvailability(parts: readonly string[]): string {
  return composeAvailability({ kind: 'serial', parts });
}

/** Any part suffices: 1 − Π(1 − aᵢ). redundantAvailability(['99.9', '99.9']) = "99.9999". */
export function redundantAvailability(parts: readonly string[]): string {
  return composeAvailability({ kind: 'parallel', parts });
}
