import { MoneyError } from './errors';

const ISO_SHAPE = /^[A-Z]{3}$/;

/**
 * Currencies a consultant is likely to invoice in, for the top of a picker. The full list
 * comes from `allCurrencies()`.
 */
export const COMMON_CURRENCIES: readonly string[] = [
  'CNY',
  'USD',
  'EUR',
  'GBP',
  'JPY',
  'HKD',
  'TWD',
  'SGD',
  'KRW',
  'AUD',
  'NZD',
  'CAD',
  'CHF',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'CZK',
  'INR',
  'IDR',
  'MYR',
  'THB',
  'VND',
  'PHP',
  'AED',
  'SAR',
  'KWD',
  'BHD',
  'ILS',
  'TRY',
  'BRL',
  'MXN',
  'ZAR',
];

let supported: ReadonlySet<string> | null | undefined;

/** `Intl.supportedValuesOf` is missing in older runtimes; then only the shape is checked. */
function supportedSet(): ReadonlySet<string> | null {
  if (supported === undefined) {
    const intl = Intl as { supportedValuesOf?: (key: 'currency') => string[] };
    supported =
      typeof intl.supportedValuesOf === 'function'
        ? new Set(intl.supportedValuesOf('currency'))
        : null;
  }
  return supported;
}

/** Every currency the runtime knows, sorted; falls back to the common list. */
export function allCurrencies(): string[] {
  const set = supportedSet();
  return set ? [...set].sort() : [...COMMON_CURRENCIES].sort();
}

/**
 * An upper-case ISO 4217 code this runtime can format. `Intl.NumberFormat` happily accepts
 * any three letters ("ABC"), so the shape alone is not enough where the list exists.
 */
export function isCurrencyCode(code: unknown): code is string {
  if (typeof code !== 'string' || !ISO_SHAPE.test(code)) return false;
  const set = supportedSet();
  if (set) return set.has(code);
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: code });
    return true;
  } catch {
    return false;
  }
}

export function assertCurrency(code: string): void {
  if (!isCurrencyCode(code)) throw new MoneyError('UNKNOWN_CURRENCY', { currency: String(code) });
}

const digitsCache = new Map<string, number>();

/**
 * Digits of the minor unit as CLDR defines them for display (USD 2, JPY 0, KWD 3).
 * Amounts are stored in this unit, so the answer must never change for a currency while
 * the app runs; it is cached on first use.
 */
export function minorDigits(currency: string): number {
  const cached = digitsCache.get(currency);
  if (cached !== undefined) return cached;
  assertCurrency(currency);
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits;
  if (digits === undefined) throw new MoneyError('UNKNOWN_CURRENCY', { currency });
  digitsCache.set(currency, digits);
  return digits;
}
