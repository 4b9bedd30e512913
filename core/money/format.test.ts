import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, formatMoneyCompact } from './format';
import { parseMoney } from './parse';

const m = (amountMinor: number, currency: string) => ({ amountMinor, currency });
// Intl puts U+00A0 / U+202F between number and symbol in some locales.
const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
  // MDN, Intl.NumberFormat examples: 123456.789 as EUR in de-DE is "123.456,79 €",
  // as JPY in ja-JP "￥123,457" (the yen has no minor unit).
  it('matches the MDN Intl.NumberFormat examples', () => {
    expect(spaces(formatMoney(m(12345679, 'EUR'), 'de-DE'))).toBe('123.456,79 €');
    expect(formatMoney(m(123457, 'JPY'), 'ja-JP')).toBe('￥123,457');
  });

  it('prints every currency with its own digits', () => {
    expect(formatMoney(m(123456, 'USD'), 'en-US')).toBe('$1,234.56');
    expect(formatMoney(m(123456, 'USD'), 'zh-CN')).toBe('US$1,234.56');
    expect(formatMoney(m(123456, 'CNY'), 'zh-CN')).toBe('¥1,234.56');
    expect(formatMoney(m(-5, 'CNY'), 'zh-CN')).toBe('-¥0.05');
    expect(formatMoney(m(1234, 'JPY'), 'en-US')).toBe('¥1,234');
    expect(spaces(formatMoney(m(1234567, 'KWD'), 'en-US'))).toBe('KWD 1,234.567');
  });

  it('is exact for the largest safe amount (no float on the way)', () => {
    expect(formatMoney(m(Number.MAX_SAFE_INTEGER, 'USD'), 'en-US')).toBe('$90,071,992,547,409.91');
    expect(formatMoney(m(29, 'USD'), 'en-US')).toBe('$0.29');
  });

  it('supports display options', () => {
    expect(formatMoney(m(-1200, 'USD'), 'en-US', { accounting: true })).toBe('($12.00)');
    expect(spaces(formatMoney(m(1200, 'USD'), 'en-US', { currencyDisplay: 'code' }))).toBe(
      'USD 12.00',
    );
    expect(formatMoney(m(123456, 'USD'), 'en-US', { withCurrency: false })).toBe('1,234.56');
    expect(formatMoney(m(123456, 'USD'), 'en-US', { useGrouping: false })).toBe('$1234.56');
    expect(formatMoney(m(1200, 'USD'), 'en-US', { signDisplay: 'always' })).toBe('+$12.00');
  });
});

describe('formatMoneyCompact', () => {
  it('uses 万 and 亿 in zh-CN', () => {
    expect(formatMoneyCompact(m(123456789, 'CNY'), 'zh-CN')).toBe('¥123.46万');
    expect(formatMoneyCompact(m(120_000_000_00, 'CNY'), 'zh-CN')).toBe('¥1.2亿');
    expect(formatMoneyCompact(m(-85_000_00, 'CNY'), 'zh-CN')).toBe('-¥8.5万');
    expect(formatMoneyCompact(m(1_234_567_890_123_45, 'CNY'), 'zh-CN')).toBe('¥1.23万亿');
  });

  it('uses K / M in en-US', () => {
    expect(formatMoneyCompact(m(123456789, 'USD'), 'en-US')).toBe('$1.23M');
    expect(formatMoneyCompact(m(4_560_000, 'USD'), 'en-US')).toBe('$45.6K');
    expect(formatMoneyCompact(m(1200, 'USD'), 'en-US')).toBe('$12');
  });

  it('accepts fewer digits', () => {
    expect(formatMoneyCompact(m(123456789, 'CNY'), 'zh-CN', { maximumFractionDigits: 0 })).toBe(
      '¥123万',
    );
  });
});

describe('parse(format(x)) round-trips', () => {
  const amount = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
  const currency = fc.constantFrom('USD', 'CNY', 'JPY', 'KWD', 'EUR', 'GBP', 'HKD');

  it.each(['en-US', 'zh-CN'])('%s, every display', (locale) => {
    fc.assert(
      fc.property(
        amount,
        currency,
        fc.constantFrom('symbol', 'narrowSymbol', 'code', 'name') as fc.Arbitrary<
          'symbol' | 'narrowSymbol' | 'code' | 'name'
        >,
        fc.boolean(),
        fc.boolean(),
        (n, cur, currencyDisplay, accounting, withCurrency) => {
          const text = formatMoney(m(n, cur), locale, {
            currencyDisplay,
            accounting,
            withCurrency,
          });
          expect(parseMoney(text, cur, { locale }), text).toEqual({ ok: true, amountMinor: n });
        },
      ),
      { numRuns: 500 },
    );
  });

  it.each(['de-DE', 'fr-FR', 'ja-JP', 'de-CH', 'sv-SE', 'en-IN'])('%s, symbol', (locale) => {
    fc.assert(
      fc.property(amount, currency, (n, cur) => {
        const text = formatMoney(m(n, cur), locale);
        expect(parseMoney(text, cur, { locale }), text).toEqual({ ok: true, amountMinor: n });
      }),
      { numRuns: 200 },
    );
  });
});
