/**
 * Shared scanning of numbers as people type them: normalisation of full-width and locale
 * characters, the locale's separators, and the digits between them. No floats anywhere.
 */

export type Separators = { group: string; decimal: string };

const separatorsCache = new Map<string, Separators>();

/** Group and decimal characters of a locale, e.g. en-US `,` `.`; de-DE `.` `,`; fr-FR space `,`. */
export function localeSeparators(locale = 'en-US'): Separators {
  const cached = separatorsCache.get(locale);
  if (cached) return cached;
  const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
  const group = normaliseNumberText(parts.find((p) => p.type === 'group')?.value ?? ',');
  const decimal = normaliseNumberText(parts.find((p) => p.type === 'decimal')?.value ?? '.');
  const result = { group: group === '' ? ' ' : group, decimal };
  separatorsCache.set(locale, result);
  return result;
}

/**
 * Maps what different keyboards and locales produce to one form: full-width digits and
 * signs (NFKC), the minus sign U+2212, Arabic-Indic digits, every kind of space (fr-FR groups
 * with U+202F, sv-SE with U+00A0), and drops bidi marks Intl puts around RTL numbers.
 */
export function normaliseNumberText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[\u2212\u2012\u2013\ufe63\uff0d]/g, '-')
    .replace(/[\u0660-\u0669]/g, (c) => String(c.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (c) => String(c.charCodeAt(0) - 0x06f0))
    .replace(/[\s\u00a0\u2007\u2009\u202f]+/g, ' ')
    .trim();
}

export type NumberSpan = { head: string; core: string; tail: string };

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/**
 * Splits `-$1,234.56 USD` into what precedes the number, the number, and what follows.
 * Returns null when there is no digit at all.
 */
export function splitNumber(text: string, sep: Separators): NumberSpan | null {
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    if (isDigit(text[i]) || (text[i] === sep.decimal && isDigit(text[i + 1]))) {
      start = i;
      break;
    }
  }
  if (start < 0) return null;
  let end = start;
  for (let i = start; i < text.length; i++) if (isDigit(text[i])) end = i + 1;
  // "5." is a number someone is still typing; accept the dangling decimal separator.
  if (text[end] === sep.decimal) end += 1;
  return { head: text.slice(0, start), core: text.slice(start, end), tail: text.slice(end) };
}

/** The grouping people write: 1,234,567 (Western) or 12,34,567 (Indian lakh/crore). */
function validGrouping(groups: string[]): boolean {
  if (!groups.every((g) => /^\d+$/.test(g))) return false;
  const [first, ...rest] = groups;
  if (first === undefined || rest.length === 0) return false;
  const western = first.length <= 3 && rest.every((g) => g.length === 3);
  const last = rest[rest.length - 1];
  const indian =
    first.length <= 2 && last?.length === 3 && rest.slice(0, -1).every((g) => g.length === 2);
  return western || indian;
}

export type DigitsValue = { digits: string; fractionLength: number };

/**
 * `1,234.56` -> digits `123456`, fraction length 2. Null when separators are misplaced,
 * which is how `1,23` (en-US) or `1.234.5` is refused as ambiguous instead of guessed.
 */
export function parseCore(core: string, sep: Separators): DigitsValue | null {
  const parts = core.split(sep.decimal);
  if (parts.length > 2) return null;
  const intRaw = parts[0] ?? '';
  const fraction = parts[1] ?? '';
  if (!/^\d*$/.test(fraction)) return null;
  let integer = intRaw;
  if (intRaw.includes(sep.group)) {
    const groups = intRaw.split(sep.group);
    if (!validGrouping(groups)) return null;
    integer = groups.join('');
  } else if (!/^\d*$/.test(intRaw)) {
    return null;
  }
  if (integer === '' && fraction === '') return null;
  return { digits: integer + fraction, fractionLength: fraction.length };
}

/** Takes one leading or trailing `+`/`-` off a prefix such as `-$`, `$-` or `USD -`. */
export function takeSign(head: string): { sign: 1 | -1 | 0; rest: string } {
  const h = head.trim();
  if (h.startsWith('-') || h.startsWith('+')) {
    return { sign: h[0] === '-' ? -1 : 1, rest: h.slice(1).trim() };
  }
  if (h.endsWith('-') || h.endsWith('+')) {
    return { sign: h.endsWith('-') ? -1 : 1, rest: h.slice(0, -1).trim() };
  }
  return { sign: 0, rest: h };
}
