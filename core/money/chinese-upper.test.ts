import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chineseUpperAmount } from './chinese-upper';

/*
 * Source of the examples marked PBOC: 中国人民银行《支付结算办法》(银发〔1997〕393号)
 * 附件一《正确填写票据和结算凭证的基本规定》, 第四条 (1)–(4). Where the rule allows two
 * forms, the first one it lists is expected.
 */
describe('chineseUpperAmount: PBOC published examples', () => {
  it.each([
    [140950, '壹仟肆佰零玖元伍角', '(1) ¥1,409.50'],
    [600714, '陆仟零柒元壹角肆分', '(2) ¥6,007.14'],
    [168032, '壹仟陆佰捌拾元零叁角贰分', '(3) ¥1,680.32, first form'],
    [10700053, '壹拾万柒仟元零伍角叁分', '(3) ¥107,000.53, first form'],
    [1640902, '壹万陆仟肆佰零玖元零贰分', '(4) ¥16,409.02'],
    [32504, '叁佰贰拾伍元零肆分', '(4) ¥325.04'],
  ])('%i -> %s  %s', (fen, text) => {
    expect(chineseUpperAmount(fen)).toBe(text);
  });
});

describe('chineseUpperAmount: more amounts by the same rules', () => {
  it.each([
    [1234567, '壹万贰仟叁佰肆拾伍元陆角柒分'],
    [10005, '壹佰元零伍分'], // 角 is 0, 分 is not: 零 after 元 (rule 4)
    [1001000, '壹万零壹拾元整'], // inner zeros: one 零 (rule 2); ends at 元: 整
    [0, '零元整'],
    [1, '壹分'],
    [10, '壹角'],
    [11, '壹角壹分'],
    [100, '壹元整'],
    [101, '壹元零壹分'],
    [110, '壹元壹角'],
    [1000, '壹拾元整'], // 壹拾, never a bare 拾
    [1050, '壹拾元零伍角'], // 元 digit 0, 角 not (rule 3, first form)
    [1005, '壹拾元零伍分'],
    [11000, '壹佰壹拾元整'],
    [1000000, '壹万元整'],
    [1000100, '壹万零壹元整'],
    [10000100, '壹拾万零壹元整'],
    [1000001000, '壹仟万零壹拾元整'],
    [10000000000, '壹亿元整'], // no 万 between 亿 and 元
    [10000000100, '壹亿零壹元整'],
    [10000100000, '壹亿零壹仟元整'],
    [10100000000, '壹亿零壹佰万元整'],
    [101000000000, '壹拾亿壹仟万元整'],
    [10020420500, '壹亿零贰拾万肆仟贰佰零伍元整'],
    [10020020500, '壹亿零贰拾万零贰佰零伍元整'],
    [350409643, '叁佰伍拾万肆仟零玖拾陆元肆角叁分'],
    [1023936667, '壹仟零贰拾叁万玖仟叁佰陆拾陆元陆角柒分'],
    [63000000000, '陆亿叁仟万元整'],
    [100000000000000, '壹万亿元整'],
    [100010000000000, '壹万零壹亿元整'], // not 壹万亿零壹亿
    [Number.MAX_SAFE_INTEGER, '玖拾万零柒佰壹拾玖亿玖仟贰佰伍拾肆万柒仟肆佰零玖元玖角壹分'],
  ])('%i -> %s', (fen, text) => {
    expect(chineseUpperAmount(fen)).toBe(text);
  });

  it('credit notes: 负 in front', () => {
    expect(chineseUpperAmount(-100)).toBe('负壹元整');
    expect(chineseUpperAmount(-32504)).toBe('负叁佰贰拾伍元零肆分');
  });

  it('currencies without a minor unit have no 角/分', () => {
    expect(chineseUpperAmount(10005, 'JPY')).toBe('壹万零伍元整');
    expect(chineseUpperAmount(140950, 'USD')).toBe('壹仟肆佰零玖元伍角');
  });

  it('refuses three-digit currencies and unsafe amounts', () => {
    expect(() => chineseUpperAmount(1000, 'KWD')).toThrowError(/UNSUPPORTED_CURRENCY/);
    expect(() => chineseUpperAmount(1.5)).toThrowError(/NOT_AN_INTEGER/);
  });
});

/** Test-only reader of the 大写 form back to fen, to prove the text states the amount. */
function readBack(text: string): number {
  const digit: Record<string, number> = {
    零: 0,
    壹: 1,
    贰: 2,
    叁: 3,
    肆: 4,
    伍: 5,
    陆: 6,
    柒: 7,
    捌: 8,
    玖: 9,
  };
  const place: Record<string, number> = { 拾: 10, 佰: 100, 仟: 1000 };
  let sign = 1;
  let s = text;
  if (s.startsWith('负')) {
    sign = -1;
    s = s.slice(1);
  }
  const [intText, rest = ''] = s.includes('元') ? s.split('元') : ['', s];
  const readSection = (t: string): number => {
    let total = 0;
    let pending = 0;
    for (const ch of t) {
      if (ch in digit) pending = digit[ch]!;
      else if (ch in place) {
        total += pending * place[ch]!;
        pending = 0;
      } else throw new Error(`unexpected ${ch}`);
    }
    return total + pending;
  };
  const readInt = (t: string): number => {
    const yi = t.lastIndexOf('亿');
    if (yi >= 0) return readInt(t.slice(0, yi)) * 1e8 + readInt(t.slice(yi + 1));
    const wan = t.lastIndexOf('万');
    if (wan >= 0) return readSection(t.slice(0, wan)) * 1e4 + readSection(t.slice(wan + 1));
    return readSection(t);
  };
  let fen = readInt(intText) * 100;
  const jiao = /(.)角/.exec(rest);
  const f = /(.)分/.exec(rest);
  if (jiao) fen += digit[jiao[1]!]! * 10;
  if (f) fen += digit[f[1]!]!;
  return sign * fen;
}

describe('chineseUpperAmount: properties', () => {
  const fen = fc.oneof(
    fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
    fc.integer({ min: -1_000_000_00, max: 1_000_000_00 }),
    // amounts full of zeros are where the rules bite
    fc
      .array(fc.constantFrom('0', '0', '0', '1', '5', '9'), { minLength: 1, maxLength: 15 })
      .map((ds) => Number(ds.join(''))),
  );

  it('states the amount exactly (reads back to the same number)', () => {
    fc.assert(
      fc.property(fen, (n) => {
        expect(readBack(chineseUpperAmount(n)), chineseUpperAmount(n)).toBe(n === 0 ? 0 : n);
      }),
      { numRuns: 2000 },
    );
  });

  it('never contains forbidden sequences', () => {
    const forbidden = [/零零/, /零[拾佰仟万亿元角分整]/, /亿万/, /零$/, /整./, /分整/, /^负?零/];
    fc.assert(
      fc.property(fen, (n) => {
        const text = chineseUpperAmount(n);
        if (n === 0) return; // 零元整 is the one text that starts with 零
        for (const re of forbidden) expect(re.test(text), `${n}: ${text} ~ ${re}`).toBe(false);
        expect(/^负?[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+$/.test(text)).toBe(true);
        // 元整 exactly when the amount is whole yuan; 分 ends the text when present.
        expect(text.endsWith('整')).toBe(Math.abs(n) % 100 === 0);
        // a digit always carries 拾 before it for tens: never a bare leading 拾
        expect(/^负?拾/.test(text)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
