import { assertCurrency, minorDigits } from './currency';
import { minorToMajorString, toDec, type DecimalInput } from './decimal';
import { MoneyError } from './errors';
import { assertSafeMinor, roundMinor, type RoundingMode } from './rounding';

/** An amount in the currency's minor unit (cents, fen; yen itself) — always a safe integer. */
export type Money = { amountMinor: number; currency: string };

export function money(amountMinor: number, currency: string): Money {
  assertCurrency(currency);
  return { amountMinor: assertSafeMinor(amountMinor), currency };
}

export function zeroMoney(currency: string): Money {
  return money(0, currency);
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new MoneyError('CURRENCY_MISMATCH', { left: a.currency, right: b.currency });
  }
}

export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return { amountMinor: assertSafeMinor(a.amountMinor + b.amountMinor), currency: a.currency };
}

export function subtract(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return { amountMinor: assertSafeMinor(a.amountMinor - b.amountMinor), currency: a.currency };
}

export function negate(a: Money): Money {
  return { amountMinor: assertSafeMinor(-a.amountMinor), currency: a.currency };
}

/**
 * money × factor rounded to the minor unit with an explicit mode, e.g. a 15 % milestone of
 * a fee or a day rate × 2.5 days. The factor is exact (`"0.15"`, never a float product).
 */
export function multiplyByDecimal(m: Money, factor: DecimalInput, mode: RoundingMode): Money {
  assertSafeMinor(m.amountMinor);
  return {
    amountMinor: roundMinor(toDec(factor).times(m.amountMinor), mode),
    currency: m.currency,
  };
}

/**
 * Totals amounts of one currency. The currency is required so an empty list still has one,
 * and so a stray amount in another currency is refused rather than silently added.
 */
export function sum(list: readonly Money[], currency: string): Money {
  assertCurrency(currency);
  let total = 0;
  for (const item of list) {
    if (item.currency !== currency) {
      throw new MoneyError('CURRENCY_MISMATCH', { left: currency, right: item.currency });
    }
    total = assertSafeMinor(total + assertSafeMinor(item.amountMinor));
  }
  return { amountMinor: total, currency };
}

export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  sameCurrency(a, b);
  return a.amountMinor < b.amountMinor ? -1 : a.amountMinor > b.amountMinor ? 1 : 0;
}

export function isSameCurrency(a: Money, b: Money): boolean {
  return a.currency === b.currency;
}

/** Exact amount in major units as text: `{1234, 'USD'}` -> `"12.34"`, `{5, 'KWD'}` -> `"0.005"`. */
export function toMajorString(m: Money): string {
  return minorToMajorString(assertSafeMinor(m.amountMinor), minorDigits(m.currency));
}
