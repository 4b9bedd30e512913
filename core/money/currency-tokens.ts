import { COMMON_CURRENCIES, isCurrencyCode } from './currency';
import { normaliseNumberText } from './number-text';

/**
 * What may stand next to a typed amount to name its currency: the ISO code, the symbols and
 * names Intl prints in the user's locale, en-US and zh-CN (so whatever `formatMoney` wrote
 * parses back), and a few everyday Chinese/Japanese words.
 */
const EXTRA_TOKENS: Record<string, readonly string[]> = {
  CNY: ['元', '圆', '块', 'RMB', '人民币', 'CN¥'],
  JPY: ['円', '日元', '日圓'],
  USD: ['美元', 'US$'],
  EUR: ['欧元'],
  HKD: ['港元', '港币'],
  GBP: ['英镑'],
};

const BASE_LOCALES = ['en-US', 'zh-CN'];
const DISPLAYS = ['symbol', 'narrowSymbol', 'name'] as const;

const tokenCache = new Map<string, ReadonlySet<string>>();

const fold = (token: string): string => normaliseNumberText(token).toUpperCase();

export function currencyTokens(currency: string, locale = 'en-US'): ReadonlySet<string> {
  const key = `${currency}|${locale}`;
  const cached = tokenCache.get(key);
  if (cached) return cached;
  const tokens = new Set<string>([currency, ...(EXTRA_TOKENS[currency] ?? [])].map(fold));
  for (const loc of new Set([locale, ...BASE_LOCALES])) {
    for (const currencyDisplay of DISPLAYS) {
      for (const n of [1, 2]) {
        const part = new Intl.NumberFormat(loc, { style: 'currency', currency, currencyDisplay })
          .formatToParts(n)
          .find((p) => p.type === 'currency');
        if (part) tokens.add(fold(part.value));
      }
    }
  }
  tokenCache.set(key, tokens);
  return tokens;
}

export type TokenCheck = 'ok' | 'CURRENCY_MISMATCH' | 'INVALID';

/**
 * Is `token` this currency? A token that names another well-known currency ("EUR", "€" when
 * parsing USD) is a mismatch rather than garbage, so the UI can say which.
 */
export function checkCurrencyToken(token: string, currency: string, locale?: string): TokenCheck {
  const folded = fold(token);
  if (currencyTokens(currency, locale).has(folded)) return 'ok';
  if (isCurrencyCode(folded)) return 'CURRENCY_MISMATCH';
  for (const other of COMMON_CURRENCIES) {
    if (other !== currency && currencyTokens(other, locale).has(folded)) return 'CURRENCY_MISMATCH';
  }
  return 'INVALID';
}
