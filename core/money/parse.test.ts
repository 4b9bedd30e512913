import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDecimal, parseMoney } from './parse';

const ok = (amountMinor: number) => ({ ok: true, amountMinor });
const err = (code: string) => ({ ok: false, code });

describe('parseMoney: what people type', () => {
  it.each([
    ['1,234.56', 'USD', 123456],
    ['1234.5', 'USD', 123450],
    [' -12 ', 'USD', -1200],
    ['+12', 'USD', 1200],
    ['(12.00)', 'USD', -1200],
    ['$12', 'USD', 1200],
    ['-$1,234.56', 'USD', -123456],
    ['$ -5', 'USD', -500],
    ['USD 1,234.56', 'USD', 123456],
    ['1,234.56 usd', 'USD', 123456],
    ['US$1,234.56', 'USD', 123456],
    ['12美元', 'USD', 1200],
    ['€5.10', 'EUR', 510],
    ['.5', 'USD', 50],
    ['5.', 'USD', 500],
    ['0', 'USD', 0],
    ['-0.00', 'USD', 0],
    ['007', 'USD', 700],
    ['12.000', 'USD', 1200],
    ['1,234,567', 'USD', 123456700],
    ['12,34,567.50', 'INR', 123456750],
  ])('%j (%s) -> %i', (text, currency, expected) => {
    expect(parseMoney(text, currency)).toEqual(ok(expected));
  });

  it('reads full-width characters a Chinese IME produces', () => {
    expect(parseMoney('１２３４．５６', 'CNY')).toEqual(ok(123456));
    expect(parseMoney('￥１，２３４', 'CNY')).toEqual(ok(123400));
    expect(parseMoney('－５', 'CNY')).toEqual(ok(-500));
    expect(parseMoney('１２。５', 'CNY')).toEqual(ok(1250));
    expect(parseMoney('（１２）', 'CNY')).toEqual(ok(-1200));
  });

  it('reads Chinese magnitude words', () => {
    expect(parseMoney('¥8.5万', 'CNY')).toEqual(ok(85_000_00));
    expect(parseMoney('1.2亿', 'CNY')).toEqual(ok(120_000_000_00));
    expect(parseMoney('3千', 'CNY')).toEqual(ok(3_000_00));
    expect(parseMoney('8.5万元', 'CNY')).toEqual(ok(85_000_00));
    expect(parseMoney('8.5 万 元', 'CNY')).toEqual(ok(85_000_00));
    expect(parseMoney('-¥0.01万', 'CNY')).toEqual(ok(-100_00));
    expect(parseMoney('1.23456万', 'CNY')).toEqual(ok(12345_60));
    expect(parseMoney('2万亿', 'CNY')).toEqual(ok(2_000_000_000_000_00));
    expect(parseMoney('1万', 'JPY')).toEqual(ok(10000));
    expect(parseMoney('100万円', 'JPY')).toEqual(ok(1_000_000));
  });

  it('uses the locale for separators', () => {
    expect(parseMoney('1.234,56 €', 'EUR', { locale: 'de-DE' })).toEqual(ok(123456));
    expect(parseMoney('1\u202f234,56 €', 'EUR', { locale: 'fr-FR' })).toEqual(ok(123456));
    expect(parseMoney('1 234,56', 'EUR', { locale: 'fr-FR' })).toEqual(ok(123456));
    expect(parseMoney("1'234.50", 'CHF', { locale: 'de-CH' })).toEqual(ok(123450));
    expect(parseMoney('\u22121\u00a0234,5 kr', 'SEK', { locale: 'sv-SE' })).toEqual(ok(-123450));
    // In de-DE "1,234" is one point two three four euros: too precise, not 1234.
    expect(parseMoney('1,234', 'EUR', { locale: 'de-DE' })).toEqual(err('TOO_PRECISE'));
    expect(parseMoney('1,5', 'EUR', { locale: 'de-DE' })).toEqual(ok(150));
  });

  it('respects the currency digits: JPY 0, KWD 3', () => {
    expect(parseMoney('1,234', 'JPY')).toEqual(ok(1234));
    expect(parseMoney('1234.00', 'JPY')).toEqual(ok(1234));
    expect(parseMoney('12.5', 'JPY')).toEqual(err('TOO_PRECISE'));
    expect(parseMoney('1.234', 'KWD')).toEqual(ok(1234));
    expect(parseMoney('1.2345', 'KWD')).toEqual(err('TOO_PRECISE'));
    expect(parseMoney('12.345', 'USD')).toEqual(err('TOO_PRECISE'));
    expect(parseMoney('1.234567万', 'CNY')).toEqual(ok(1234567));
    expect(parseMoney('1.2345678万', 'CNY')).toEqual(err('TOO_PRECISE'));
  });

  it('refuses empty, garbage and ambiguous input with a code', () => {
    expect(parseMoney('', 'USD')).toEqual(err('EMPTY'));
    expect(parseMoney('   ', 'USD')).toEqual(err('EMPTY'));
    for (const bad of [
      'abc',
      '12abc',
      '1,23', // a misplaced group separator is not guessed into 1.23 or 123
      '1,2345',
      '1.234.567',
      '1,234,56',
      '12..5',
      '--5',
      '-$-5',
      '(-5)',
      '5-5',
      '1e5',
      '0x10',
      '$',
      '.',
      '$12 USD',
      '1万2千',
      '12,',
      'Infinity',
      '1'.repeat(300),
    ]) {
      expect(parseMoney(bad, 'USD'), bad).toEqual(err('INVALID'));
    }
  });

  it('names another currency as a mismatch', () => {
    expect(parseMoney('EUR 5', 'USD')).toEqual(err('CURRENCY_MISMATCH'));
    expect(parseMoney('€5', 'USD')).toEqual(err('CURRENCY_MISMATCH'));
    expect(parseMoney('12元', 'USD')).toEqual(err('CURRENCY_MISMATCH'));
    expect(parseMoney('JPY 5', 'CNY')).toEqual(err('CURRENCY_MISMATCH'));
  });

  it('refuses amounts beyond Number.MAX_SAFE_INTEGER minor units', () => {
    expect(parseMoney('90071992547409.91', 'USD')).toEqual(ok(Number.MAX_SAFE_INTEGER));
    expect(parseMoney('-90071992547409.91', 'USD')).toEqual(ok(-Number.MAX_SAFE_INTEGER));
    expect(parseMoney('90071992547409.92', 'USD')).toEqual(err('OUT_OF_RANGE'));
    expect(parseMoney('1万亿亿', 'CNY')).toEqual(err('INVALID'));
    expect(parseMoney('100万亿', 'CNY')).toEqual(err('OUT_OF_RANGE'));
  });

  it('plain decimal text of any safe amount parses back exactly (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        (n) => {
          const abs = Math.abs(n).toString().padStart(3, '0');
          const text = `${n < 0 ? '-' : ''}${abs.slice(0, -2)}.${abs.slice(-2)}`;
          expect(parseMoney(text, 'USD')).toEqual(ok(n));
        },
      ),
    );
  });
});

describe('parseDecimal', () => {
  it.each([
    ['13', '13'],
    ['13.50', '13.5'],
    ['0.08', '0.08'],
    ['-1.5', '-1.5'],
    ['+2', '2'],
    ['1,234.5', '1234.5'],
    ['８.５％', '8.5'],
    ['6 %', '6'],
    ['.25', '0.25'],
    ['007.100', '7.1'],
    ['-0.0', '0'],
    ['0.000000000000000000001', '0.000000000000000000001'],
  ])('%j -> %s', (text, value) => {
    expect(parseDecimal(text)).toEqual({ ok: true, value });
  });

  it('uses the locale', () => {
    expect(parseDecimal('12,5', { locale: 'de-DE' })).toEqual({ ok: true, value: '12.5' });
  });

  it('refuses with codes', () => {
    expect(parseDecimal(' ')).toEqual(err('EMPTY'));
    for (const bad of ['abc', '1e3', '5%%', '$5', '1,23', '1.2.3', '%5']) {
      expect(parseDecimal(bad), bad).toEqual(err('INVALID'));
    }
    expect(parseDecimal('1'.repeat(41))).toEqual(err('OUT_OF_RANGE'));
  });
});
