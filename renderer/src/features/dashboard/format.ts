import { useMemo } from 'react';
import { useFormatters } from '../../i18n/format';
import { formatMoney, minorDigits } from '../../lib/money';

/**
 * Money on the dashboards' charts. Axis ticks use Intl's compact notation in the UI
 * language (`€12.3K`, zh-CN `¥1.2万` / `¥3.4亿`); tooltips and cards show the exact amount
 * through the app's one money formatter (`formatMoney`, re-exported here). Amounts are
 * integer minor units; the division to major units happens only for the compact label.
 */

export { formatMoney };

/**
 * One `Intl` formatter per key, made on first use: building one costs about 30–50 µs, and
 * the charts format every tick, label and tooltip on each render.
 */
function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

const compactFormats = new Map<string, Intl.NumberFormat>();
const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** `(minor, currency) => '€12.3K'` in the UI language (万/亿 in Chinese). */
export function compactMoney(minor: number, currency: string, locale: string): string {
  const format = cached(
    compactFormats,
    `${locale} ${currency}`,
    () =>
      new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        notation: 'compact',
        minimumFractionDigits: 0,
        maximumFractionDigits: 1,
      }),
  );
  return format.format(minor / 10 ** minorDigits(currency));
}

/**
 * The exact amount, and — where the compact form reads differently (the 万/亿 of Chinese,
 * from 10,000 major units up) — the compact one after it: `¥1,234,567.00（¥123.5万）`.
 */
export function tooltipMoney(minor: number, currency: string, locale: string): string {
  const full = formatMoney(minor, currency, locale);
  const major = Math.abs(minor) / 10 ** minorDigits(currency);
  if (!locale.startsWith('zh') || major < 10_000) return full;
  return `${full}（${compactMoney(minor, currency, locale)}）`;
}

/** Compact money for axis ticks in the UI language. */
export function useCompactMoney(): (minor: number, currency: string) => string {
  const { locale } = useFormatters();
  return useMemo(
    () => (minor: number, currency: string) => compactMoney(minor, currency, locale),
    [locale],
  );
}

/** Money for chart tooltips in the UI language (exact, with 万/亿 in Chinese). */
export function useTooltipMoney(): (minor: number, currency: string) => string {
  const { locale } = useFormatters();
  return useMemo(
    () => (minor: number, currency: string) => tooltipMoney(minor, currency, locale),
    [locale],
  );
}

/** `2026-03` as the UI language shows a month on an axis: `Mar 2026`, `2026年3月`. */
export function formatMonth(month: string, locale: string): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const format = cached(
    monthFormats,
    locale,
    () => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' }),
  );
  return format.format(new Date(Date.UTC(year, mon - 1, 1)));
}

/** Month labels for axes, memoised per language. */
export function useMonthFormat(): (month: string) => string {
  const { locale } = useFormatters();
  return useMemo(() => (month: string) => formatMonth(month, locale), [locale]);
}
