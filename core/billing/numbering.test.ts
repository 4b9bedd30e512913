import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDocumentNumber, numberingPeriodKey, validateNumberPattern } from './numbering';

describe('formatDocumentNumber', () => {
  it.each([
    ['INV-{YYYY}-{SEQ:4}', '2024-03-07', 7, 'INV-2024-0007'],
    ['INV-{YYYY}-{SEQ:4}', '2024-03-07', 12345, 'INV-2024-12345'], // padding never truncates
    ['CN-{YY}{MM}-{SEQ}', '2024-03-07', 12, 'CN-2403-12'],
    ['{YYYY}{MM}{DD}-{SEQ:3}', '2025-12-31', 1, '20251231-001'],
    ['FA/{YYYY}/{SEQ:5}', '2024-01-01', 42, 'FA/2024/00042'],
    ['{SEQ}', '2024-01-01', 1, '1'],
    ['发票-{YY}-{SEQ:6}', '2009-05-01', 99, '发票-09-000099'],
  ])('%s on %s #%i -> %s', (pattern, date, seq, expected) => {
    expect(formatDocumentNumber(pattern, { date, seq })).toBe(expected);
  });

  it('refuses bad patterns, dates and sequences with codes', () => {
    expect(() => formatDocumentNumber('INV-{YYYY}', { date: '2024-01-01', seq: 1 })).toThrowError(
      /INVALID_PATTERN.*MISSING_SEQ/,
    );
    expect(() => formatDocumentNumber('INV-{SEQ}', { date: '2024-02-30', seq: 1 })).toThrowError(
      /INVALID_DATE/,
    );
    for (const seq of [0, -1, 1.5, Number.NaN]) {
      expect(
        () => formatDocumentNumber('INV-{SEQ}', { date: '2024-01-01', seq }),
        String(seq),
      ).toThrowError(/INVALID_SEQUENCE/);
    }
  });

  it('distinct sequences in one period give distinct numbers (property)', () => {
    const pattern = fc.constantFrom(
      'INV-{YYYY}-{SEQ:4}',
      'CN-{YY}{MM}-{SEQ}',
      '{SEQ:2}-X',
      'A{SEQ}B{YYYY}',
    );
    fc.assert(
      fc.property(
        pattern,
        fc.integer({ min: 1, max: 10 ** 9 }),
        fc.integer({ min: 1, max: 10 ** 9 }),
        (p, a, b) => {
          fc.pre(a !== b);
          const date = '2024-06-15';
          expect(formatDocumentNumber(p, { date, seq: a })).not.toBe(
            formatDocumentNumber(p, { date, seq: b }),
          );
        },
      ),
    );
  });
});

describe('validateNumberPattern', () => {
  it.each([
    ['INV-{YYYY}-{SEQ:4}', null],
    ['CN-{YY}{MM}-{SEQ}', null],
    ['INV-{YYYY}', 'MISSING_SEQ'],
    ['{SEQ}-{SEQ:3}', 'DUPLICATE_SEQ'],
    ['INV-{YEAR}-{SEQ}', 'UNKNOWN_TOKEN'],
    ['INV-{yyyy}-{SEQ}', 'UNKNOWN_TOKEN'],
    ['INV-{}-{SEQ}', 'UNKNOWN_TOKEN'],
    ['INV-{SEQ:0}', 'INVALID_PADDING'],
    ['INV-{SEQ:13}', 'INVALID_PADDING'],
    ['INV-{SEQ:x}', 'INVALID_PADDING'],
    ['INV-{SEQ', 'UNBALANCED_BRACE'],
    ['INV}-{SEQ}', 'UNBALANCED_BRACE'],
    ['INV-{{SEQ}}', 'UNBALANCED_BRACE'],
    ['', 'EMPTY_PATTERN'],
    ['   ', 'EMPTY_PATTERN'],
    ['INV\n{SEQ}', 'INVALID_CHARACTER'],
    [`${'X'.repeat(60)}{SEQ}`, 'TOO_LONG'],
  ])('%j -> %s', (pattern, code) => {
    expect(validateNumberPattern(pattern)).toBe(code);
  });
});

describe('numberingPeriodKey', () => {
  it('resets yearly only when the year is printed', () => {
    expect(numberingPeriodKey('INV-{YYYY}-{SEQ:4}', '2024-03-07')).toBe('2024');
    expect(numberingPeriodKey('CN-{YY}{MM}-{SEQ}', '2025-01-01')).toBe('2025');
    expect(numberingPeriodKey('INV-{SEQ:5}', '2024-03-07')).toBe('');
    expect(numberingPeriodKey('INV-{MM}-{SEQ}', '2024-03-07')).toBe('');
    expect(() => numberingPeriodKey('INV', '2024-03-07')).toThrowError(/INVALID_PATTERN/);
  });

  it('two documents with equal numbers are in the same period (property)', () => {
    // The reset rule is what keeps numbers unique: a series that restarts must print its year.
    const day = fc.integer({ min: 0, max: 3650 }).map((n) => {
      const d = new Date(Date.UTC(2020, 0, 1 + n));
      return d.toISOString().slice(0, 10);
    });
    const pattern = fc.constantFrom(
      'INV-{YYYY}-{SEQ:4}',
      'CN-{YY}{MM}-{SEQ}',
      'N{SEQ:3}',
      '{MM}/{SEQ}',
    );
    fc.assert(
      fc.property(
        pattern,
        day,
        day,
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 50 }),
        (p, d1, d2, s1, s2) => {
          const same =
            formatDocumentNumber(p, { date: d1, seq: s1 }) ===
            formatDocumentNumber(p, { date: d2, seq: s2 });
          if (same && numberingPeriodKey(p, d1) === '') expect(s1).toBe(s2);
          if (same) expect(numberingPeriodKey(p, d1)).toBe(numberingPeriodKey(p, d2));
        },
      ),
    );
  });
});
