import { describe, expect, it } from 'vitest';
import {
  COMMON_CURRENCIES,
  allCurrencies,
  assertCurrency,
  isCurrencyCode,
  minorDigits,
} from './currency';
import { MoneyError } from './errors';

describe('minorDigits', () => {
  // ISO 4217 list one (minor unit column): USD 2, CNY 2, EUR 2, JPY 0, KRW 0, KWD 3, BHD 3.
  it.each([
    ['USD', 2],
    ['CNY', 2],
    ['EUR', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['KWD', 3],
    ['BHD', 3],
    ['TND', 3],
  ])('%s has %i digits', (code, digits) => {
    expect(minorDigits(code)).toBe(digits);
  });

  it('refuses unknown and badly shaped codes with a code', () => {
    for (const bad of ['usd', 'US', 'USDX', 'ABC', '']) {
      expect(() => minorDigits(bad)).toThrow(MoneyError);
      try {
        minorDigits(bad);
      } catch (e) {
        expect((e as MoneyError).code).toBe('UNKNOWN_CURRENCY');
      }
    }
  });

  it('answers the same after the first (cached) call', () => {
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('JPY')).toBe(0);
  });
});

describe('isCurrencyCode', () => {
  it('accepts ISO codes the runtime supports', () => {
    expect(isCurrencyCode('CNY')).toBe(true);
    expect(isCurrencyCode('KWD')).toBe(true);
  });

  it('refuses shapes and codes that are not currencies', () => {
    // Intl.NumberFormat formats "ABC" without complaint, so the supported list decides.
    expect(isCurrencyCode('ABC')).toBe(false);
    expect(isCurrencyCode('cny')).toBe(false);
    expect(isCurrencyCode(' CNY')).toBe(false);
    expect(isCurrencyCode(42)).toBe(false);
    expect(isCurrencyCode(undefined)).toBe(false);
  });

  it('assertCurrency throws UNKNOWN_CURRENCY', () => {
    expect(() => assertCurrency('XYZ')).toThrowError(/UNKNOWN_CURRENCY/);
  });
});

describe('currency lists', () => {
  it('every common currency is valid, unique and in the full list', () => {
    const all = new Set(allCurrencies());
    expect(COMMON_CURRENCIES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(COMMON_CURRENCIES).size).toBe(COMMON_CURRENCIES.length);
    for (const code of COMMON_CURRENCIES) {
      expect(isCurrencyCode(code), code).toBe(true);
      expect(all.has(code), code).toBe(true);
    }
  });

  it('the full list is sorted and large', () => {
    const all = allCurrencies();
    expect(all.length).toBeGreaterThan(100);
    expect([...all].sort()).toEqual(all);
  });
});
