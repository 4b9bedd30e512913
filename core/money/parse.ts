import { minorDigits } from './currency';
import { checkCurrencyToken } from './currency-tokens';
import { MAX_SIGNIFICANT_DIGITS } from './decimal';
import {
  localeSeparators,
  normaliseNumberText,
  parseCore,
  splitNumber,
  takeSign,
  type Separators,
} from './number-text';

export type ParseMoneyErrorCode =
  'EMPTY' | 'INVALID' | 'TOO_PRECISE' | 'OUT_OF_RANGE' | 'CURRENCY_MISMATCH';

export type ParseMoneyResult =
  { ok: true; amountMinor: number } | { ok: false; code: ParseMoneyErrorCode };

export type ParseDecimalErrorCode = 'EMPTY' | 'INVALID' | 'OUT_OF_RANGE';

export type ParseDecimalResult =
  { ok: true; value: string } | { ok: false; code: ParseDecimalErrorCode };

export type ParseOptions = {
  /** Decides the group and decimal separators (de-DE: `1.234,56`). Default en-US. */
  locale?: string;
};

/** Longer input is not an amount anyone typed; refusing it early keeps BigInt work bounded. */
const MAX_INPUT_LENGTH = 200;

/** Chinese magnitude words that follow a number: `8.5万`, `1.2亿`, `3千`. */
const CHINESE_UNITS: readonly (readonly [string, number])[] = [
  ['万亿', 12],
  ['亿', 8],
  ['万', 4],
  ['千', 3],
  ['仟', 3],
  ['百', 2],
];

function prepare(text: string, locale: string | undefined): { s: string; sep: Separators } {
  const sep = localeSeparators(locale);
  let s = normaliseNumberText(text);
  // A Chinese IME in full-width mode types 。 for the decimal point.
  if (sep.decimal === '.') s = s.replace(/\u3002/g, '.');
  return { s, sep };
}

const fail = <C extends string>(code: C) => ({ ok: false as const, code });

/**
 * Exact amount in minor units from what a person typed, never through a float:
 * `1,234.56`, ` -12 `, `(12.00)`, `$12`, `12 USD`, `￥１２`, `¥8.5万`, `1.2亿`, `3千元`.
 * Misplaced separators are refused (`INVALID`) rather than guessed, and so are more
 * decimals than the currency has (`TOO_PRECISE`; trailing zeros are fine).
 */
export function parseMoney(
  text: string,
  currency: string,
  options: ParseOptions = {},
): ParseMoneyResult {
  const digitsOfCurrency = minorDigits(currency);
  const { s: normalised, sep } = prepare(text, options.locale);
  if (normalised === '') return fail('EMPTY');
  if (normalised.length > MAX_INPUT_LENGTH) return fail('INVALID');

  let s = normalised;
  let accounting = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    accounting = true;
    s = s.slice(1, -1).trim();
  }
  const span = splitNumber(s, sep);
  if (!span) return fail('INVALID');
  const value = parseCore(span.core, sep);
  if (!value) return fail('INVALID');

  const { sign, rest: prefixToken } = takeSign(span.head);
  if (accounting && sign !== 0) return fail('INVALID');

  let tail = span.tail.trim();
  let exponent = 0;
  for (const [word, power] of CHINESE_UNITS) {
    if (tail.startsWith(word)) {
      exponent = power;
      tail = tail.slice(word.length).trim();
      break;
    }
  }
  const tokens = [prefixToken, tail].filter((t) => t !== '');
  if (tokens.length > 1) return fail('INVALID');
  if (tokens[0] !== undefined) {
    const check = checkCurrencyToken(tokens[0], currency, options.locale);
    if (check !== 'ok') return fail(check);
  }

  const shift = exponent + digitsOfCurrency - value.fractionLength;
  let digits = value.digits;
  if (shift < 0) {
    const dropped = digits.slice(shift);
    if (/[1-9]/.test(dropped)) return fail('TOO_PRECISE');
    digits = digits.slice(0, shift);
  } else {
    digits += '0'.repeat(shift);
  }
  const magnitude = BigInt(digits === '' ? '0' : digits);
  if (magnitude > BigInt(Number.MAX_SAFE_INTEGER)) return fail('OUT_OF_RANGE');
  const negative = accounting || sign === -1;
  const amountMinor = magnitude === 0n ? 0 : Number(negative ? -magnitude : magnitude);
  return { ok: true, amountMinor };
}

/**
 * Exact decimal text for rates and percentages (`"13"`, `"0.08"`, `"1,234.5"`, `"８.５%"`).
 * A trailing `%` is allowed and dropped: the field decides what the number means.
 * The result has no exponent, no leading or trailing zeros and never `-0`.
 */
export function parseDecimal(text: string, options: ParseOptions = {}): ParseDecimalResult {
  const { s, sep } = prepare(text, options.locale);
  if (s === '') return fail('EMPTY');
  if (s.length > MAX_INPUT_LENGTH) return fail('INVALID');
  const span = splitNumber(s, sep);
  if (!span) return fail('INVALID');
  const value = parseCore(span.core, sep);
  if (!value) return fail('INVALID');
  const { sign, rest } = takeSign(span.head);
  const tail = span.tail.trim();
  if (rest !== '' || (tail !== '' && tail !== '%')) return fail('INVALID');

  const cut = value.digits.length - value.fractionLength;
  const integer = value.digits.slice(0, cut).replace(/^0+/, '');
  const fraction = value.digits.slice(cut).replace(/0+$/, '');
  if ((integer + fraction).replace(/^0+/, '').length > MAX_SIGNIFICANT_DIGITS) {
    return fail('OUT_OF_RANGE');
  }
  const body = (integer === '' ? '0' : integer) + (fraction === '' ? '' : `.${fraction}`);
  const isZero = !/[1-9]/.test(body);
  return { ok: true, value: isZero ? '0' : (sign === -1 ? '-' : '') + body };
}
