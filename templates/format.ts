/**
 * Formatting for documents: money, percentages, dates, durations, in the document's
 * language. Everything goes through `core/money` and `Intl`, like the renderer (see
 * renderer/src/lib/money.ts, renderer/src/features/billing/format.ts), so a figure reads the
 * same on screen and on paper. Pure: no I/O.
 */
import type { Locale } from '../core/api';
import { chineseUpperAmount, formatMoney, minorDigits } from '../core/money';

export const DASH = '—';

/**
 * What the font cannot show and what must never reach a PDF, removed or replaced:
 * - C0/C1 control characters (except line feed; tab and CR become a space / nothing),
 *   unpaired surrogates, noncharacters;
 * - emoji: Noto Sans SC has no emoji glyphs and pdfmake has no per-glyph fallback, so each
 *   emoji becomes `□` (an honest "something was here"), and joiners / variation selectors /
 *   skin-tone modifiers / tag characters are dropped;
 * - curly quotes next to Latin text become straight quotes (see `latinQuote`).
 * Arabic and Hebrew are not in Noto Sans SC: they print as the font's empty glyph, unshaped
 * (no bidi); nothing fails. Formatter output is made font-safe separately (`glyphSafe`,
 * `withSafeSymbol`); `templates/glyphs.test.ts` proves it.
 * Long unbroken runs (a 200-character "word") need nothing here: pdfmake 0.3 hard-wraps a
 * word wider than the line.
 */
export function printable(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .replace(/\t/g, ' ')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '')
      .replace(/[\uFDD0-\uFDEF\uFFFE\uFFFF]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
      .replace(/[\u2028\u2029]/g, '\n')
      .replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g, '')
      .replace(/\u200D|\uFE0E|\uFE0F|[\u{1F3FB}-\u{1F3FF}]|[\u{E0020}-\u{E007F}]/gu, '')
      .replace(/\p{Emoji_Presentation}/gu, '□')
      .replace(/[\u{1F000}-\u{1FAFF}]/gu, '□')
      .replace(/[\u2018\u2019\u201C\u201D]/g, latinQuote)
  );
}

const isCjk = (code: number | undefined) => code !== undefined && code >= 0x2e80;

/**
 * Curly quotes are full-width glyphs in a CJK font ("client’ s"): next to Latin text they
 * print as straight quotes; next to Chinese they stay as they are.
 */
function latinQuote(quote: string, offset: number, whole: string): string {
  if (isCjk(whole.codePointAt(offset - 1)) || isCjk(whole.codePointAt(offset + 1))) return quote;
  return quote === '\u2018' || quote === '\u2019' ? "'" : '"';
}

/**
 * Currency symbols Noto Sans SC lacks (₹ ₪ ₱ ฿ and most of the Currency Symbols block; it has
 * € ₩ ₫): an amount that would print one is written with the ISO code instead (`INR 1,234.00`).
 */
const MISSING_SYMBOL = /[\u20A0-\u20A8\u20AA\u20AD-\u20CF\u0E3F]/;

/** Narrow and thin spaces (fr-FR groups digits with U+202F) are not in the font: NBSP. */
function glyphSafe(text: string): string {
  return text.replace(/[\u202F\u2009\u2007\u2008\u200A]/g, '\u00A0');
}

/** Formats with the currency symbol, or with the ISO code where the font lacks the symbol. */
function withSafeSymbol(format: (display: 'symbol' | 'code') => string): string {
  const text = format('symbol');
  return glyphSafe(MISSING_SYMBOL.test(text) ? format('code') : text);
}

/**
 * `core/money`'s formatMoney as documents print it (see `withSafeSymbol`, `glyphSafe`); any
 * Intl locale. The glyph test runs it over every currency in several locales.
 */
export function pdfMoney(minor: number, currency: string, locale: string): string {
  return withSafeSymbol((currencyDisplay) =>
    formatMoney({ amountMinor: minor, currency }, locale, { currencyDisplay }),
  );
}

/** Rounds a float half away from zero (debt estimates are floats; core's roundMinor is exact). */
function roundHalfAway(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}

const nfCache = new Map<string, Intl.NumberFormat>();
function nf(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = nfCache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    nfCache.set(key, f);
  }
  return f;
}

const dfCache = new Map<string, Intl.DateTimeFormat>();
function df(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = dfCache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    dfCache.set(key, f);
  }
  return f;
}

/** Only CNY has a meaningful 大写 on a Chinese invoice; other currencies print none. */
export function upperAmountApplies(language: Locale, currency: string): boolean {
  return language === 'zh-CN' && currency === 'CNY';
}

export interface DocFormat {
  language: Locale;
  /** Exact money from integer minor units: `€1,200.50`, `¥8,000.00`. */
  money(minor: number, currency: string): string;
  /** Money without the symbol, for table cells whose header names the currency. */
  amount(minor: number, currency: string): string;
  /** An estimate (float minor units) in whole units, like the debt register: `€288,380`. */
  estimate(minor: number, currency: string): string;
  /** Short money for chart axes: `€12K`, `¥1.2万`. */
  compactMoney(minor: number, currency: string): string;
  /** A percent given as a percent string/number ("19", 5.5) -> `19%`. */
  percent(value: string | number): string;
  /** A fraction (0.125) -> `12.5%`; null -> —. */
  fraction(value: number | null, digits?: number): string;
  /** `YYYY-MM-DD` -> `Nov 21, 2026` / `2026年11月21日`; null -> —. */
  date(iso: string | null): string;
  /** A timestamp shown in an IANA time zone: `Nov 21, 2026, 14:05` / `2026年11月21日 14:05`. */
  dateTime(iso: string, timeZone: string): string;
  /** `2026-11` -> `November 2026` / `2026年11月`; other period keys as they are. */
  period(key: string): string;
  number(value: number, maxDigits?: number): string;
  /** Minutes -> `4 h 23 min` / `4 小时 23 分`, like the SLA screens. */
  duration(minutes: number): string;
  /** 大写 of a CNY amount with 人民币 in front, or null where it does not apply. */
  upper(minor: number, currency: string): string | null;
}

export function docFormat(language: Locale): DocFormat {
  const locale: string = language; // the languages are Intl locales ('en', 'zh-CN')
  const zh = language === 'zh-CN';
  return {
    language,
    money: (minor, currency) => pdfMoney(minor, currency, locale),
    amount: (minor, currency) =>
      glyphSafe(formatMoney({ amountMinor: minor, currency }, locale, { withCurrency: false })),
    estimate: (minor, currency) => {
      const whole = roundHalfAway(minor / 10 ** minorDigits(currency));
      return withSafeSymbol((currencyDisplay) =>
        nf(locale, {
          style: 'currency',
          currency,
          currencyDisplay,
          minimumFractionDigits: 0,
          maximumFractionDigits: 0,
        }).format(whole === 0 ? 0 : whole),
      );
    },
    compactMoney: (minor, currency) =>
      withSafeSymbol((currencyDisplay) =>
        nf(locale, {
          style: 'currency',
          currency,
          currencyDisplay,
          notation: 'compact',
          minimumFractionDigits: 0,
          maximumFractionDigits: 1,
        }).format(minor / 10 ** minorDigits(currency)),
      ),
    percent: (value) =>
      glyphSafe(
        nf(locale, { style: 'percent', maximumFractionDigits: 4 }).format(Number(value) / 100),
      ),
    fraction: (value, digits = 1) =>
      value === null || !Number.isFinite(value)
        ? DASH
        : glyphSafe(nf(locale, { style: 'percent', maximumFractionDigits: digits }).format(value)),
    date: (iso) => {
      if (!iso) return DASH;
      const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
      return df(locale, { dateStyle: zh ? 'long' : 'medium', timeZone: 'UTC' }).format(
        new Date(Date.UTC(y!, m! - 1, d!)),
      );
    },
    dateTime: (iso, timeZone) => {
      let zone = timeZone;
      try {
        df(locale, { timeZone: zone });
      } catch {
        zone = 'UTC';
      }
      return df(locale, {
        year: 'numeric',
        month: zh ? 'long' : 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone: zone,
      }).format(new Date(iso));
    },
    period: (key) => {
      const match = /^(\d{4})-(\d{2})$/.exec(key);
      if (!match) return key;
      return df(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
        new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)),
      );
    },
    number: (value, maxDigits = 2) =>
      Number.isFinite(value)
        ? nf(locale, { maximumFractionDigits: maxDigits }).format(value)
        : DASH,
    duration: (minutes) => {
      if (!Number.isFinite(minutes) || minutes < 0) return DASH;
      // the units of the SLA screens (sla.duration in the renderer's catalogs)
      const units = zh ? { d: ' 天', h: ' 小时', min: ' 分' } : { d: ' d', h: ' h', min: ' min' };
      let rest = Math.round(minutes);
      if (rest === 0) return `0${units.min}`;
      const parts: string[] = [];
      const days = Math.floor(rest / 1440);
      rest -= days * 1440;
      const hours = Math.floor(rest / 60);
      rest -= hours * 60;
      if (days) parts.push(`${days}${units.d}`);
      if (hours) parts.push(`${hours}${units.h}`);
      if (rest) parts.push(`${rest}${units.min}`);
      return parts.join(' ');
    },
    upper: (minor, currency) =>
      upperAmountApplies(language, currency)
        ? `人民币${chineseUpperAmount(minor, currency)}`
        : null,
  };
}

/** Replaces `{name}` placeholders. Unknown names stay as they are. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
