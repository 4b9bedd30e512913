import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeAvailability, redundantAvailability, serialAvailability } from './composition';
import { parseDecimal } from './exact';
import { errorCode } from './test-helpers';

describe('composed availability', () => {
  it('multiplies serial components and combines redundant ones, exactly', () => {
    expect(serialAvailability(['99.9', '99.95'])).toBe('99.85005');
    expect(redundantAvailability(['99.9', '99.9'])).toBe('99.9999');
    expect(redundantAvailability(['99', '99', '99'])).toBe('99.9999');
    expect(serialAvailability(['100', '99.5'])).toBe('99.5');
    expect(serialAvailability(['99.99'])).toBe('99.99');
  });

  it('composes nested structures', () => {
    // A load balancer in front of two redundant app servers, then a database.
    const system = {
      kind: 'serial' as const,
      parts: ['99.99', { kind: 'parallel' as const, parts: ['99.5', '99.5'] }, '99.95'],
    };
    // 0.9999 × (1 − 0.005²) × 0.9995 = 0.9998750025 × 0.9995 = 0.99937506499875
    expect(composeAvailability(system)).toBe('99.937506499875');
  });

  it('rejects empty groups and out-of-range parts', () => {
    expect(errorCode(() => serialAvailability([]))).toBe('SLA_EMPTY_COMPONENTS');
    expect(errorCode(() => redundantAvailability(['99.9', '100.1']))).toBe(
      'SLA_PERCENT_OUT_OF_RANGE',
    );
    expect(
      errorCode(() =>
        composeAvailability({ kind: 'serial', parts: [{ kind: 'parallel', parts: [] }] }),
      ),
    ).toBe('SLA_EMPTY_COMPONENTS');
  });

  it('property: serial ≤ the weakest part, redundant ≥ the strongest part', () => {
    const part = fc
      .integer({ min: 0, max: 1_000_000 })
      .map((n) => `${Math.floor(n / 10_000)}.${String(n % 10_000).padStart(4, '0')}`);
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 6 }), (parts) => {
        const values = parts.map((p) => parseDecimal(p)!);
        const weakest = values.reduce((a, b) => (a.lt(b) ? a : b));
        const strongest = values.reduce((a, b) => (a.gt(b) ? a : b));
        expect(parseDecimal(serialAvailability(parts))!.lte(weakest)).toBe(true);
        expect(parseDecimal(redundantAvailability(parts))!.gte(strongest)).toBe(true);
      }),
    );
  });
});
