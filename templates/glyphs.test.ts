/**
 * Every character the documents can print from their own wording and formatters is in the
 * bundled Noto Sans SC (pdfmake has no per-glyph fallback: a missing glyph prints as a box).
 * Sources: the renderer's catalogs (en.json, zh-CN.json), the templates' catalog, the
 * standard clause texts (core/documents/clauses.ts), money in every currency × six locales as
 * the templates format it (`pdfMoney`), the templates' percent/date/duration/estimate
 * formatting, 大写 amounts, and what `printable` substitutes (□, straight quotes).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { allCurrencies, chineseUpperAmount, COMMON_CURRENCIES, formatMoney } from '../core/money';
import { docFormat, pdfMoney, printable } from './format';
import { wording } from './i18n';
import { defaultFontFiles } from './render';

interface GlyphFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

const files = defaultFontFiles();
// fontkit (a devDependency) ships no types; its CommonJS build is enough here.
const fontkit = createRequire(import.meta.url)('fontkit') as {
  openSync(path: string): GlyphFont;
};
const fonts: Array<[string, GlyphFont]> = [
  ['regular', fontkit.openSync(files.regular)],
  ['bold', fontkit.openSync(files.bold)],
];

const WHITESPACE_CONTROLS = new Set(['\n', '\t', '\r']);

/** Characters of `texts` that a font lacks, with an example of where each came from. */
function missing(texts: Iterable<[string, string]>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [source, text] of texts) {
    for (const ch of text) {
      if (WHITESPACE_CONTROLS.has(ch) || out.has(ch)) continue;
      const cp = ch.codePointAt(0)!;
      for (const [name, font] of fonts) {
        if (!font.hasGlyphForCodePoint(cp)) {
          out.set(ch, `U+${cp.toString(16).toUpperCase().padStart(4, '0')} (${name}) in ${source}`);
          break;
        }
      }
    }
  }
  return out;
}

function* strings(value: unknown, where: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [where, value];
  else if (Array.isArray(value))
    for (const [i, v] of value.entries()) yield* strings(v, `${where}[${i}]`);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) yield* strings(v, `${where}.${k}`);
  }
}

const root = path.resolve(__dirname, '..');
const LOCALES = ['en', 'zh-CN', 'de-DE', 'fr-FR', 'ja-JP', 'en-IN'];
const AMOUNTS = [
  0, 1, -1, 5, 99, 100, -250, 123_456, -987_654_321, 100_000_000_000, 4_000_000_000_001,
];

describe('glyph coverage of Noto Sans SC', () => {
  it('a font that lacks glyphs is reported (the check can fail)', () => {
    const found = missing([['probe', 'A₹\u202F']]);
    expect([...found.keys()]).toEqual(['₹', '\u202F']);
  });

  it("covers the renderer's catalogs", () => {
    const texts: Array<[string, string]> = [];
    for (const file of ['en.json', 'zh-CN.json']) {
      const json = JSON.parse(fs.readFileSync(path.join(root, 'renderer/src/i18n', file), 'utf8'));
      texts.push(...strings(json, file));
    }
    expect(texts.length).toBeGreaterThan(500);
    expect(Object.fromEntries(missing(texts))).toEqual({});
  });

  it("covers the templates' catalog in both languages", () => {
    const texts = [...strings(wording, 'templates/i18n')];
    expect(texts.length).toBeGreaterThan(400);
    expect(Object.fromEntries(missing(texts))).toEqual({});
  });

  it('covers the standard clause texts (core/documents/clauses.ts)', async () => {
    const file = path.join(root, 'core/documents/clauses.ts');
    // Written by another engineer; checked whenever it exists.
    if (!fs.existsSync(file)) return;
    const mod = await import('../core/documents/clauses');
    const texts: Array<[string, string]> = [];
    for (const key of mod.CLAUSE_KEYS) {
      for (const language of ['en', 'zh-CN'] as const) {
        const c = mod.standardClause(key, language);
        texts.push([`${key}/${language}`, `${c.title}\n${c.text}`]);
      }
    }
    expect(texts.length).toBe(mod.CLAUSE_KEYS.length * 2);
    expect(Object.fromEntries(missing(texts))).toEqual({});
  });

  it('covers money as documents print it: every currency × six locales', () => {
    const texts: Array<[string, string]> = [];
    for (const currency of allCurrencies()) {
      for (const locale of LOCALES) {
        for (const amount of AMOUNTS) {
          texts.push([`${currency}/${locale}`, pdfMoney(amount, currency, locale)]);
        }
      }
    }
    expect(texts.length).toBeGreaterThan(100 * LOCALES.length * AMOUNTS.length);
    expect(Object.fromEntries(missing(texts))).toEqual({});
  });

  it('pdfMoney is formatMoney except where the font lacks a character', () => {
    expect(pdfMoney(123_456, 'EUR', 'en')).toBe(
      formatMoney({ amountMinor: 123_456, currency: 'EUR' }, 'en'),
    );
    expect(pdfMoney(123_456, 'CNY', 'zh-CN')).toBe('¥1,234.56');
    // ₹ and ₪ are not in Noto Sans SC: the ISO code instead
    expect(pdfMoney(123_456, 'INR', 'en')).toMatch(/^INR\s1,234\.56$/);
    expect(pdfMoney(-123_456, 'ILS', 'en')).toMatch(/^-ILS\s1,234\.56$/);
    // fr-FR groups with U+202F, which the font lacks: a no-break space instead
    const fr = formatMoney({ amountMinor: 123_456_789, currency: 'EUR' }, 'fr-FR');
    expect(fr).toContain('\u202F');
    expect(pdfMoney(123_456_789, 'EUR', 'fr-FR')).toBe(fr.replace(/\u202F/g, '\u00A0'));
  });

  it("covers the templates' other formatters in both languages", () => {
    const texts: Array<[string, string]> = [];
    for (const lang of ['en', 'zh-CN'] as const) {
      const f = docFormat(lang);
      for (const currency of COMMON_CURRENCIES) {
        for (const amount of AMOUNTS) {
          texts.push([`${lang} money`, f.money(amount, currency)]);
          texts.push([`${lang} amount`, f.amount(amount, currency)]);
          texts.push([`${lang} estimate`, f.estimate(amount * 1.37, currency)]);
          texts.push([`${lang} compact`, f.compactMoney(amount * 3.1, currency)]);
        }
      }
      for (const p of ['0', '5.5', '19', '99.95', '100', 13])
        texts.push([`${lang} percent`, f.percent(p)]);
      for (const x of [null, 0, 0.125, -0.4, 3.5, 12.3456])
        texts.push([`${lang} fraction`, f.fraction(x)]);
      for (const d of ['2026-01-01', '2026-11-21', '2027-12-31', null])
        texts.push([`${lang} date`, f.date(d)]);
      for (const zone of [
        'UTC',
        'Asia/Shanghai',
        'Europe/Berlin',
        'America/New_York',
        'Not/AZone',
      ]) {
        texts.push([`${lang} dateTime`, f.dateTime('2026-10-07T01:12:00.000Z', zone)]);
      }
      for (const key of ['2026-01', '2026-12', '2026-Q3', '2026-10-31'])
        texts.push([`${lang} period`, f.period(key)]);
      for (const m of [0, 1, 59, 61, 208, 1440, 4000, -1, Number.NaN])
        texts.push([`${lang} duration`, f.duration(m)]);
      for (const v of [0, 1.5, 1234.5678, -3]) texts.push([`${lang} number`, f.number(v)]);
    }
    expect(Object.fromEntries(missing(texts))).toEqual({});
  });

  it('covers 大写 amounts and what printable substitutes', () => {
    const texts: Array<[string, string]> = [];
    for (const amount of [
      0, 1, 10, 105, 1_000_00, 1_409_50, 6_007_14, 107_000_53, -4_770_00, 1_234_567_890_12,
    ]) {
      texts.push(['chineseUpperAmount', `人民币${chineseUpperAmount(amount, 'CNY')}`]);
    }
    texts.push(['printable', printable('emoji 😀👍🏽 ✅ “quoted” client’s — done\u0000\u0007')]);
    texts.push(['punctuation', '— – · ● □ × ÷ ≤ ≥ …']);
    expect(printable('a😀b')).toBe('a□b');
    expect(Object.fromEntries(missing(texts))).toEqual({});
  });
});
