import { minorDigits } from './currency';
import { minorToMajorString } from './decimal';
import type { Money } from './money';
import { assertSafeMinor } from './rounding';

export type FormatMoneyOptions = {
  currencyDisplay?: 'symbol' | 'narrowSymbol' | 'code' | 'name';
  signDisplay?: 'auto' | 'always' | 'exceptZero' | 'never' | 'negative';
  /** `($12.00)` for negatives where the locale has an accounting form. */
  accounting?: boolean;
  /** false: the number only, with the currency's decimals (`1,234.56`), e.g. for table cells. */
  withCurrency?: boolean;
  useGrouping?: boolean;
};

const formatterCache = new Map<string, Intl.NumberFormat>();

/** Building an Intl.NumberFormat costs far more than using one; lists of 10,000 rows reuse them. */
function formatter(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let nf = formatterCache.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(locale, options);
    formatterCache.set(key, nf);
  }
  return nf;
}

/**
 * Intl formats a numeric string exactly (no binary float on the way), so `"0.29"` never
 * prints as 0.28999…; the cast is sound because `minorToMajorString` yields plain decimals.
 */
function exact(m: Money): Intl.StringNumericLiteral {
  return minorToMajorString(
    assertSafeMinor(m.amountMinor),
    minorDigits(m.currency),
  ) as Intl.StringNumericLiteral;
}

/** `{123456, 'USD'}` in en-US -> `$1,234.56`; in zh-CN -> `US$1,234.56`; JPY never shows decimals. */
export function formatMoney(m: Money, locale: string, options: FormatMoneyOptions = {}): string {
  const digits = minorDigits(m.currency);
  const base: Intl.NumberFormatOptions = {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: options.useGrouping ?? true,
    signDisplay: options.signDisplay ?? 'auto',
  };
  const nfOptions: Intl.NumberFormatOptions =
    options.withCurrency === false
      ? base
      : {
          ...base,
          style: 'currency',
          currency: m.currency,
          currencyDisplay: options.currencyDisplay ?? 'symbol',
          currencySign: options.accounting ? 'accounting' : 'standard',
        };
  return formatter(locale, nfOptions).format(exact(m));
}

/**
 * Short amounts for dashboards: zh-CN `¥123.46万`, `¥1.2亿`; en-US `$1.23M`, `$45.6K`.
 * Display only (rounded half away from zero to at most `maximumFractionDigits`);
 * never feed the result back into a calculation.
 */
export function formatMoneyCompact(
  m: Money,
  locale: string,
  options: { maximumFractionDigits?: number } = {},
): string {
  return formatter(locale, {
    style: 'currency',
    currency: m.currency,
    notation: 'compact',
    compactDisplay: 'short',
    minimumFractionDigits: 0,
    maximumFractionDigits: options.maximumFractionDigits ?? 2,
    roundingMode: 'halfExpand',
  }).format(exact(m));
}
