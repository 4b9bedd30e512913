import {
  formatMoney as formatCoreMoney,
  isCurrencyCode,
  minorDigits,
  parseMoney,
  type ParseMoneyErrorCode,
} from '@core/money';

/**
 * The UI's view of money, over `core/money` (the one implementation the services and
 * documents use too): integer minor units in and out, never a float on the way.
 */

export { isCurrencyCode, minorDigits };

/** Minor units as money for display: `€1,200.50`, `¥1,200`, zh-CN `US$1,200.50`. */
export function formatMoney(minor: number, currency: string, locale: string): string {
  return formatCoreMoney({ amountMinor: minor, currency }, locale);
}

/** Minor units as the user edits them: grouped, with the currency's decimals (`1,200.50`). */
export function formatMoneyInput(minor: number, currency: string, locale: string): string {
  return formatCoreMoney({ amountMinor: minor, currency }, locale, { withCurrency: false });
}

export type AmountInput =
  { ok: true; minor: number } | { ok: false; code: Exclude<ParseMoneyErrorCode, 'EMPTY'> };

/** What a person typed (`1200.5`, `1,200.50`, `¥8.5万`) -> exact minor units; empty is 0. */
export function readAmount(text: string, currency: string, locale: string): AmountInput {
  const parsed = parseMoney(text, currency, { locale });
  if (parsed.ok) return { ok: true, minor: parsed.amountMinor };
  if (parsed.code === 'EMPTY') return { ok: true, minor: 0 };
  return { ok: false, code: parsed.code };
}
