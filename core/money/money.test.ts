import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MoneyError } from './errors';
import {
  add,
  compareMoney,
  money,
  multiplyByDecimal,
  negate,
  subtract,
  sum,
  toMajorString,
  zeroMoney,
} from './money';

const usd = (n: number) => money(n, 'USD');

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof MoneyError ? e.code : 'NOT_A_MONEY_ERROR';
  }
  return undefined;
}

describe('money()', () => {
  it('validates currency and integer amount', () => {
    expect(money(100, 'JPY')).toEqual({ amountMinor: 100, currency: 'JPY' });
    expect(codeOf(() => money(1.5, 'USD'))).toBe('NOT_AN_INTEGER');
    expect(codeOf(() => money(2 ** 53, 'USD'))).toBe('OUT_OF_RANGE');
    expect(codeOf(() => money(1, 'XYZ'))).toBe('UNKNOWN_CURRENCY');
    expect(zeroMoney('KWD')).toEqual({ amountMinor: 0, currency: 'KWD' });
  });
});

describe('add / subtract / negate', () => {
  it('works in minor units', () => {
    expect(add(usd(1050), usd(-25))).toEqual(usd(1025));
    expect(subtract(usd(1050), usd(2000))).toEqual(usd(-950));
    expect(negate(usd(5))).toEqual(usd(-5));
    expect(Object.is(negate(usd(0)).amountMinor, 0)).toBe(true);
  });

  it('refuses mixing currencies', () => {
    expect(codeOf(() => add(usd(1), money(1, 'CNY')))).toBe('CURRENCY_MISMATCH');
    expect(codeOf(() => subtract(usd(1), money(1, 'EUR')))).toBe('CURRENCY_MISMATCH');
    expect(codeOf(() => compareMoney(usd(1), money(1, 'EUR')))).toBe('CURRENCY_MISMATCH');
  });

  it('refuses results no double can hold exactly', () => {
    expect(codeOf(() => add(usd(Number.MAX_SAFE_INTEGER), usd(1)))).toBe('OUT_OF_RANGE');
    expect(codeOf(() => subtract(usd(-Number.MAX_SAFE_INTEGER), usd(2)))).toBe('OUT_OF_RANGE');
  });

  it('add is exact and subtract undoes it (property)', () => {
    const amount = fc.integer({ min: -(2 ** 51), max: 2 ** 51 });
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        const total = add(usd(a), usd(b));
        expect(BigInt(total.amountMinor)).toBe(BigInt(a) + BigInt(b));
        expect(subtract(total, usd(b))).toEqual(usd(a));
      }),
    );
  });
});

describe('multiplyByDecimal', () => {
  it('rounds explicitly', () => {
    // 15 % of 1,000.01 = 150.0015 -> 150.00
    expect(multiplyByDecimal(usd(100001), '0.15', 'half-up')).toEqual(usd(15000));
    // 2.5 days at 333.33 = 833.325 -> tie
    expect(multiplyByDecimal(usd(33333), '2.5', 'half-up')).toEqual(usd(83333));
    expect(multiplyByDecimal(usd(33333), '2.5', 'half-even')).toEqual(usd(83332));
    expect(multiplyByDecimal(usd(-33333), '2.5', 'half-up')).toEqual(usd(-83333));
    expect(multiplyByDecimal(money(999, 'JPY'), '0.1', 'half-up')).toEqual(money(100, 'JPY'));
  });

  it('treats a number factor as its decimal text, so 0.1 is exactly one tenth', () => {
    expect(multiplyByDecimal(usd(5), 0.1, 'half-up')).toEqual(usd(1)); // 0.5 -> 1
    expect(multiplyByDecimal(usd(5), 0.1, 'half-even')).toEqual(usd(0));
  });

  it('refuses a malformed factor and an out-of-range result', () => {
    expect(codeOf(() => multiplyByDecimal(usd(5), '1e2', 'half-up'))).toBe('INVALID_DECIMAL');
    expect(codeOf(() => multiplyByDecimal(usd(2 ** 52), '2', 'half-up'))).toBe('OUT_OF_RANGE');
  });
});

describe('sum', () => {
  it('totals one currency; empty is zero', () => {
    expect(sum([], 'EUR')).toEqual(money(0, 'EUR'));
    expect(sum([usd(1), usd(2), usd(-4)], 'USD')).toEqual(usd(-1));
  });

  it('refuses a stray currency instead of converting', () => {
    expect(codeOf(() => sum([usd(1), money(1, 'CNY')], 'USD'))).toBe('CURRENCY_MISMATCH');
    expect(codeOf(() => sum([usd(1)], 'CNY'))).toBe('CURRENCY_MISMATCH');
  });

  it('refuses overflow', () => {
    expect(codeOf(() => sum([usd(Number.MAX_SAFE_INTEGER), usd(1)], 'USD'))).toBe('OUT_OF_RANGE');
  });
});

describe('compareMoney / toMajorString', () => {
  it('compares and prints exactly', () => {
    expect(compareMoney(usd(1), usd(2))).toBe(-1);
    expect(compareMoney(usd(2), usd(2))).toBe(0);
    expect(toMajorString(usd(-5))).toBe('-0.05');
    expect(toMajorString(money(5, 'KWD'))).toBe('0.005');
    expect(toMajorString(money(1234, 'JPY'))).toBe('1234');
    expect(toMajorString(usd(Number.MAX_SAFE_INTEGER))).toBe('90071992547409.91');
  });
});
